import { acceptedSchema, sessionSchema, statusCheckSchema, tokenBodySchema } from "../../../common/accounts.ts";
import { errorResponseSchema } from "../../../common/errors.ts";
import { guestCookie } from "../../http/auth.ts";
import type { App, Deps } from "../../http/types.ts";
import { openGuestSession } from "../commands/open-guest-session.ts";
import { requestStatusCheck, statusCheckAccepted } from "../commands/status-check.ts";
import { enforceLimit } from "../rate-limit.ts";

const errors = { 400: errorResponseSchema, 403: errorResponseSchema, 429: errorResponseSchema };

export function registerGuestAccessRoutes(app: App, deps: Deps): void {
  const { db, config } = deps;

  app.post(
    "/api/v1/status-checks",
    {
      schema: {
        tags: ["accounts"],
        summary: "Guest status check: email + ticket number; an access link is mailed on a match",
        body: statusCheckSchema,
        response: { 202: acceptedSchema, ...errors },
      },
    },
    async (request, reply) => {
      await enforceLimit(
        db,
        "statusCheck",
        { ip: request.ip, target: request.body.email },
        { enabled: config.rateLimiting },
      );
      await requestStatusCheck(deps, request.body);
      return reply.status(202).send({ message: statusCheckAccepted });
    },
  );

  app.post(
    "/api/v1/guest-sessions",
    {
      schema: {
        tags: ["accounts"],
        summary: "Open a guest session for one ticket with the token of an emailed access link",
        body: tokenBodySchema,
        response: { 200: sessionSchema, ...errors },
      },
    },
    async (request, reply) => {
      const opened = await openGuestSession(db, request.body.token);
      reply.setCookie(guestCookie, opened.token, {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure: config.secureCookies,
        expires: opened.expiresAt,
      });
      return {
        user: null,
        guest: { email: opened.email, ticketNumber: opened.ticketNumber },
        csrfToken: opened.csrfToken,
      };
    },
  );
}
