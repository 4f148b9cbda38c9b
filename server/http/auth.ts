import { timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { type Actor, anonymous } from "../accounts/actor.ts";
import { findSession } from "../accounts/queries.ts";
import { now } from "../db/engine.ts";
import { AppError } from "./errors.ts";
import type { App, Deps } from "./types.ts";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor;
  }
}

export const sessionCookie = "sb_session";
const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Resolves the actor from the session cookie, and guards every write against
 * cross-site requests: browsers that say the request is cross-site, or send
 * an Origin that is not ours, are refused; a signed-in write must also carry
 * the session's CSRF token in `x-csrf-token`.
 */
export function registerAuth(app: App, { db, config }: Deps): void {
  const ownOrigin = new URL(config.baseUrl).origin;
  // Fastify refuses shared object defaults on requests; a getter keeps "anonymous" the default per request.
  const actors = new WeakMap<FastifyRequest, Actor>();
  app.decorateRequest("actor", {
    getter(this: FastifyRequest) {
      return actors.get(this) ?? anonymous;
    },
    setter(this: FastifyRequest, actor: Actor) {
      actors.set(this, actor);
    },
  });

  app.addHook("onRequest", async (request: FastifyRequest, reply: FastifyReply) => {
    const unsafe = unsafeMethods.has(request.method);
    if (unsafe) {
      const origin = request.headers.origin;
      const requestOrigin = `${request.protocol}://${request.host}`;
      const crossSite = request.headers["sec-fetch-site"] === "cross-site";
      if (crossSite || (origin !== undefined && origin !== ownOrigin && origin !== requestOrigin)) {
        throw new AppError("csrf_failed", "This request came from another site and was refused.");
      }
    }

    const token = request.cookies[sessionCookie];
    if (!token) return;
    const session = await findSession(db, token, now());
    if (!session) {
      // A stale cookie is cleared rather than rejected: the person is simply signed out.
      reply.clearCookie(sessionCookie, { path: "/" });
      return;
    }
    if (unsafe) {
      const sent = request.headers["x-csrf-token"];
      if (typeof sent !== "string" || !sameToken(sent, session.csrfToken)) {
        throw new AppError(
          "csrf_failed",
          "Your session's security token is missing or out of date. Reload the page and try again.",
        );
      }
    }
    request.actor = { kind: "user", user: session.user, sessionId: session.sessionId, csrfToken: session.csrfToken };
  });
}
