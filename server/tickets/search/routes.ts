import { errorResponseSchema } from "../../../common/errors.ts";
import { searchQuerySchema, searchResultsSchema } from "../../../common/search.ts";
import { systemClock } from "../../clock.ts";
import type { Actor, UserActor } from "../../core/actor.ts";
import { AppError } from "../../core/errors.ts";
import { refusals } from "../../http/refusals.ts";
import type { App, Deps } from "../../http/types.ts";
import { searchTickets } from "./queries.ts";

/** Searching is for people with an account: what they find is decided by their ticket scope, as everywhere. */
function requireSignedIn(actor: Actor): UserActor {
  if (actor.kind !== "user") throw new AppError("unauthenticated", "Sign in to search your requests.");
  return actor;
}

/** One search for everyone: agents search every ticket they may work, customers the requests they may see. */
export function registerSearchRoutes(app: App, { reader, engine }: Deps): void {
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
    async (request) => searchTickets(reader, engine, requireSignedIn(request.actor), request.query, systemClock()),
  );
}
