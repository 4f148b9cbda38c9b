import { z } from "zod";
import { sessionSchema, signInSchema } from "../../common/accounts.ts";
import { errorResponseSchema } from "../../common/errors.ts";
import { sessionCookie } from "../http/auth.ts";
import type { App, Deps } from "../http/types.ts";
import { signIn, signOut } from "./commands/sign-in.ts";

export function registerAccountRoutes(app: App, { db, config }: Deps): void {
  app.get(
    "/api/v1/session",
    {
      schema: {
        tags: ["accounts"],
        summary: "Who is signed in, and the CSRF token to send with writes",
        response: { 200: sessionSchema },
      },
    },
    async (request) => {
      const actor = request.actor;
      return actor.kind === "user" ? { user: actor.user, csrfToken: actor.csrfToken } : { user: null, csrfToken: null };
    },
  );

  app.post(
    "/api/v1/session",
    {
      schema: {
        tags: ["accounts"],
        summary: "Sign in with email and password",
        body: signInSchema,
        response: { 200: sessionSchema, 400: errorResponseSchema, 401: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const signedIn = await signIn(db, request.body);
      // Signing in while signed in replaces the old session instead of leaving it alive.
      if (request.actor.kind === "user") await signOut(db, request.actor.sessionId);
      reply.setCookie(sessionCookie, signedIn.token, {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure: config.secureCookies,
        expires: signedIn.expiresAt,
      });
      return { user: signedIn.user, csrfToken: signedIn.csrfToken };
    },
  );

  app.delete(
    "/api/v1/session",
    {
      schema: {
        tags: ["accounts"],
        summary: "Sign out",
        response: { 204: z.null(), 403: errorResponseSchema },
      },
    },
    async (request, reply) => {
      if (request.actor.kind === "user") await signOut(db, request.actor.sessionId);
      reply.clearCookie(sessionCookie, { path: "/" });
      return reply.status(204).send(null);
    },
  );
}
