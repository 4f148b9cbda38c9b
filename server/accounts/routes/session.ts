import { z } from "zod";
import { type Session, sessionSchema, signInSchema } from "../../../common/accounts.ts";
import { errorResponseSchema } from "../../../common/errors.ts";
import type { Actor } from "../../core/actor.ts";
import { guestCookie, sessionCookie } from "../../http/auth.ts";
import type { App, Deps } from "../../http/types.ts";
import { endGuestSession, signOut } from "../commands/sign-in.ts";
import { throttledSignIn } from "../sign-in-throttle.ts";

export function presentSession(actor: Actor): Session {
  if (actor.kind === "user") return { user: actor.user, guest: null, csrfToken: actor.csrfToken };
  if (actor.kind === "guest") {
    return { user: null, guest: { email: actor.email, ticketNumber: actor.ticketNumber }, csrfToken: actor.csrfToken };
  }
  return { user: null, guest: null, csrfToken: null };
}

export function registerSessionRoutes(app: App, { db, config }: Deps): void {
  const cookieOptions = { path: "/", httpOnly: true, sameSite: "lax" as const, secure: config.secureCookies };

  app.get(
    "/api/v1/session",
    {
      schema: {
        tags: ["accounts"],
        summary: "Who is signed in, and the CSRF token to send with writes",
        response: { 200: sessionSchema },
      },
    },
    async (request) => presentSession(request.actor),
  );

  app.post(
    "/api/v1/session",
    {
      schema: {
        tags: ["accounts"],
        summary: "Sign in with email and password",
        body: signInSchema,
        response: {
          200: sessionSchema,
          400: errorResponseSchema,
          401: errorResponseSchema,
          403: errorResponseSchema,
          429: errorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      const signedIn = await throttledSignIn({ db, config }, request.body, request.ip);
      // Signing in while signed in replaces the old session instead of leaving it alive.
      if (request.actor.kind === "user" && request.actor.sessionId) await signOut(db, request.actor.sessionId);
      reply.setCookie(sessionCookie, signedIn.token, { ...cookieOptions, expires: signedIn.expiresAt });
      return { user: signedIn.user, guest: null, csrfToken: signedIn.csrfToken };
    },
  );

  app.delete(
    "/api/v1/session",
    {
      schema: {
        tags: ["accounts"],
        summary: "Sign out (also ends a guest's access-link session)",
        response: { 204: z.null(), 403: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const actor = request.actor;
      if (actor.kind === "user" && actor.sessionId) await signOut(db, actor.sessionId);
      if (actor.kind === "guest") await endGuestSession(db, actor.sessionId);
      reply.clearCookie(sessionCookie, { path: "/" });
      reply.clearCookie(guestCookie, { path: "/" });
      return reply.status(204).send(null);
    },
  );
}
