/**
 * Headers integrators rely on (docs/api.md): an `X-Request-Id` on every answer (the caller's own when it is a
 * sane one, else ours), which every log line of the request carries as `reqId`; `WWW-Authenticate: Bearer`
 * on 401; and per API token a request budget per minute with `RateLimit-Limit`, `RateLimit-Remaining`,
 * `RateLimit-Reset` (IETF draft-ietf-httpapi-ratelimit-headers) on each of its answers and `Retry-After` on 429.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { countHitInWindow } from "../accounts/rate-limit.ts";
import { AppError } from "../core/errors.ts";
import type { App, Deps } from "./types.ts";

const requestIdHeader = "x-request-id";
/** Ids from a proxy or a client are kept when they could not garble a log line: short, plain characters. */
const saneRequestId = /^[A-Za-z0-9._:@/+=-]{1,128}$/;
const minute = 60 * 1000;

/** Fastify's genReqId: the caller's X-Request-Id when sane, so one id follows a request through proxies. */
export function requestIdFor(request: IncomingMessage): string {
  const sent = request.headers[requestIdHeader];
  return typeof sent === "string" && saneRequestId.test(sent) ? sent : randomUUID();
}

/**
 * `X-Request-Id` and `WWW-Authenticate`, set as the answer goes out. Registered before the test-mode response
 * check (response-contract.ts), whose onSend hook runs after this one and so sees them as clients do.
 */
export function registerAnswerHeaders(app: App): void {
  app.addHook("onSend", async (request, reply, payload) => {
    reply.header(requestIdHeader, request.id);
    if (reply.statusCode === 401) {
      // RFC 6750 §3: say which scheme would work, and that the token sent (if any) is the problem.
      const invalidToken = request.headers.authorization !== undefined;
      reply.header(
        "www-authenticate",
        invalidToken ? 'Bearer realm="Switchboard", error="invalid_token"' : 'Bearer realm="Switchboard"',
      );
    }
    return payload;
  });
}

/** Per API token, a request budget per minute, with the `RateLimit-*` headers and `Retry-After` on 429. */
export function registerApiHeaders(app: App, { db, config }: Deps): void {
  const limit = config.apiTokenRateLimit;
  if (limit === 0) return;
  // After authentication (registered later than auth.ts's hook), so the token is known.
  app.addHook("onRequest", async (request, reply) => {
    if (!request.apiTokenId) return;
    const at = new Date();
    const { hits, resetsAt } = await countHitInWindow(
      db,
      `api-token:${request.apiTokenId}`,
      { max: limit, windowMs: minute },
      at,
    );
    const resetSeconds = Math.max(0, Math.ceil((resetsAt.getTime() - at.getTime()) / 1000));
    reply.header("ratelimit-limit", String(limit));
    reply.header("ratelimit-remaining", String(Math.max(0, limit - hits)));
    reply.header("ratelimit-reset", String(resetSeconds));
    if (hits > limit) {
      reply.header("retry-after", String(resetSeconds));
      throw new AppError(
        "rate_limited",
        `This API token made more than ${limit} requests this minute. Try again in ${resetSeconds} seconds.`,
      );
    }
  });
}
