import { timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { SessionUser } from "../../common/accounts.ts";
import type { ApiTokenScope } from "../../common/admin.ts";
import { findApiTokenUser, findGuestSession, findSession } from "../accounts/queries.ts";
import { type Actor, anonymous } from "../core/actor.ts";
import { AppError } from "../core/errors.ts";
import { now } from "../db/engine.ts";
import type { App, Deps } from "./types.ts";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor;
    /** The API token the request came with, or null: idempotency keys and token rate limits are per token. */
    apiTokenId: string | null;
  }
}

export const sessionCookie = "sb_session";
export const guestCookie = "sb_guest";
const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function requireCsrf(request: FastifyRequest, expected: string): void {
  const sent = request.headers["x-csrf-token"];
  if (typeof sent !== "string" || !sameToken(sent, expected)) {
    throw new AppError(
      "csrf_failed",
      "Your session's security token is missing or out of date. Reload the page and try again.",
    );
  }
}

/**
 * The admin API, the dev mailbox (which holds every reset and access link) and the export of the user and
 * organization directories (what the admin API lists) need the admin scope.
 */
const adminPaths = /^\/api\/v1\/(admin|dev-mailbox|export\/users|export\/organizations)(\/|\?|$)/;

/**
 * One rule for every route, so no route can forget it: a token acts only within its scopes, on top of
 * what its user may do. Reading needs `read`, any change needs `write`, the admin API also needs `admin`.
 */
export function scopesNeeded(method: string, url: string): ApiTokenScope[] {
  const needed: ApiTokenScope[] = [unsafeMethods.has(method) ? "write" : "read"];
  if (adminPaths.test(url)) needed.push("admin");
  return needed;
}

function requireTokenScopes(request: FastifyRequest, scopes: readonly ApiTokenScope[]): void {
  // The matched route's pattern, not the raw URL: an encoded or oddly written path cannot dodge the rule.
  const route = request.routeOptions.url ?? request.url;
  const missing = scopesNeeded(request.method, route).filter((scope) => !scopes.includes(scope));
  if (missing.length === 0) return;
  throw new AppError(
    "forbidden",
    `This API token may not do that: it needs the ${missing.map((s) => `"${s}"`).join(" and ")} scope${missing.length > 1 ? "s" : ""}.`,
  );
}

/**
 * Without the admin scope a token holds none of its user's `admin.*` permissions, so the administrator's powers
 * that live outside the admin API (shared macros) need the admin scope as the admin API does, and the session
 * answer lists only what the token may do.
 */
export function userWithinScopes(user: SessionUser, scopes: readonly ApiTokenScope[]): SessionUser {
  if (scopes.includes("admin")) return user;
  return { ...user, permissions: user.permissions.filter((permission) => !permission.startsWith("admin.")) };
}

/**
 * Resolves the actor: a bearer API token, a user's session cookie, or a
 * guest's access-link cookie, in that order. Guards every write against
 * cross-site requests: browsers that say the request is cross-site, or send
 * an Origin that is not ours, are refused; a cookie-authenticated write must
 * also carry the session's CSRF token in `x-csrf-token`.
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

  app.decorateRequest("apiTokenId", null);

  app.addHook("onRequest", async (request: FastifyRequest, reply: FastifyReply) => {
    const unsafe = unsafeMethods.has(request.method);
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      // Bearer tokens are never sent by browsers on their own, so they need no CSRF token.
      const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
      const holder = token ? await findApiTokenUser(db, token) : undefined;
      if (holder === "expired") throw new AppError("unauthenticated", "That API token has expired.");
      if (!holder) throw new AppError("unauthenticated", "That API token is not valid.");
      request.apiTokenId = holder.tokenId;
      requireTokenScopes(request, holder.scopes);
      request.actor = {
        kind: "user",
        user: userWithinScopes(holder.user, holder.scopes),
        sessionId: null,
        csrfToken: null,
      };
      return;
    }

    if (unsafe) {
      const origin = request.headers.origin;
      const requestOrigin = `${request.protocol}://${request.host}`;
      const crossSite = request.headers["sec-fetch-site"] === "cross-site";
      if (crossSite || (origin !== undefined && origin !== ownOrigin && origin !== requestOrigin)) {
        throw new AppError("csrf_failed", "This request came from another site and was refused.");
      }
    }

    const at = now();
    const sessionToken = request.cookies[sessionCookie];
    if (sessionToken) {
      const session = await findSession(db, sessionToken, at);
      if (session) {
        if (unsafe) requireCsrf(request, session.csrfToken);
        request.actor = {
          kind: "user",
          user: session.user,
          sessionId: session.sessionId,
          csrfToken: session.csrfToken,
        };
        return;
      }
      // A stale cookie is cleared rather than rejected: the person is simply signed out.
      reply.clearCookie(sessionCookie, { path: "/" });
    }

    const guestToken = request.cookies[guestCookie];
    if (guestToken) {
      const guest = await findGuestSession(db, guestToken, at);
      if (guest) {
        if (unsafe) requireCsrf(request, guest.csrfToken);
        request.actor = { kind: "guest", ...guest };
        return;
      }
      reply.clearCookie(guestCookie, { path: "/" });
    }
  });
}
