import { errorResponseSchema } from "../../../common/errors.ts";
import { searchQuerySchema, searchResultsSchema } from "../../../common/search.ts";
import type { Actor, UserActor } from "../../accounts/actor.ts";
import { systemClock } from "../../clock.ts";
import { AppError } from "../../http/errors.ts";
import type { App, Deps } from "../../http/types.ts";
import { refusals } from "../routes.ts";
import { searchTickets } from "./queries.ts";

/** Searching is for people with an account: what they find is decided by their ticket scope, as everywhere. */
function requireSignedIn(actor: Actor): UserActor {
  if (actor.kind !== "user") throw new AppError("unauthenticated", "Sign in to search your requests.");
  return actor;
}

/** One search for everyone: agents search every ticket they may work, customers the requests they may see. */
export function registerSearchRoutes(app: App, { db, engine }: Deps): void {
  app.get(
    "/api/v1/search",
    {
      schema: {
        tags: ["tickets"],
        summary:
          'Full-text search over the tickets the caller may see: words match as prefixes, "quoted phrases" exactly; #1234, an email, priority:, status: and <field>: filter',
        querystring: searchQuerySchema,
        response: { 200: searchResultsSchema, ...refusals, 503: errorResponseSchema },
      },
    },
    async (request) => searchTickets(db, engine, requireSignedIn(request.actor), request.query, systemClock()),
  );
}
