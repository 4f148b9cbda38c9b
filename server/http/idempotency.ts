/**
 * Idempotency-Key on creates, like Stripe: a POST that creates something (its schema documents a 201) sent
 * with an `Idempotency-Key` header is run once per caller and key; a retry with the same key and the same
 * request gets the first answer again (status and body, with `Idempotent-Replayed: true`) and creates
 * nothing; the same key with a different request is refused with 422 `idempotency_key_reused`. Retries that
 * arrive while the first is still running wait for its answer. Keys are kept a day per API token (or per
 * signed-in user), in accounts/idempotency-keys.ts.
 *
 * What is stored is what the first request answered, refusals included, except failures on our side (5xx)
 * and "too many requests, wait" (429): those release the key so a retry runs the request again. Requests refused before they start (bad
 * credentials, invalid bodies) never claim a key.
 */
import { createHash } from "node:crypto";
import { setTimeout as delay } from "node:timers/promises";
import type { FastifyReply, FastifyRequest } from "fastify";
import {
  type Claim,
  claimIdempotencyKey,
  completeIdempotencyKey,
  type KeyOwner,
  releaseIdempotencyKey,
} from "../accounts/idempotency-keys.ts";
import { AppError } from "../core/errors.ts";
import type { App, Deps } from "./types.ts";

export const idempotencyHeader = "idempotency-key";
/** Long enough for a UUID or a caller's own composite key; printable ASCII only, so it is safe to store and log. */
const keyPattern = /^[\x21-\x7e]{1,255}$/;
/** How long a retry waits for the first request with its key before it is told to try again later. */
const waitForFirstMs = 10_000;
/**
 * Creates whose answer holds a secret shown only once (a new API token, a webhook's signing secret). Their
 * answers are never stored: a retry of one that already ran is told so (409) instead of getting the secret
 * again, so the key still makes the create exactly-once without a copy of the secret lying in the database.
 */
const answersWithSecret = new Set(["/api/v1/admin/api-tokens", "/api/v1/admin/webhooks"]);
const alreadyDone = JSON.stringify({
  error: {
    code: "conflict",
    message:
      "A request with this Idempotency-Key was already carried out. Its answer held a secret that is shown only once, so it is not repeated: look the new record up in its list.",
  },
});
const pollMs = 25;

declare module "fastify" {
  interface FastifyRequest {
    /** Set while this request holds an idempotency key it must complete or release. */
    idempotencyClaim: KeyOwner | null;
  }
}

/** Creates are the POSTs whose documented answer is 201 Created. */
function createsSomething(request: FastifyRequest): boolean {
  if (request.method !== "POST") return false;
  const response = request.routeOptions.schema?.response;
  return typeof response === "object" && response !== null && "201" in response;
}

/** Whose keys these are: an API token's own, else the signed-in user's, else the guest session's. */
function ownerOf(request: FastifyRequest): string | undefined {
  if (request.apiTokenId) return `token:${request.apiTokenId}`;
  const actor = request.actor;
  if (actor.kind === "user") return `user:${actor.user.id}`;
  if (actor.kind === "guest") return `guest:${actor.sessionId}`;
  // Anonymous callers have nothing to scope a key to that another caller could not share (an IP address).
  return undefined;
}

/** The same JSON however its keys are ordered, so a client that rebuilds its body on retry still matches. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * What makes two requests "the same": method, path and body. A multipart body is still unread when the
 * key is claimed (files stream to disk in the handler), so for uploads its declared length stands in for it.
 */
function fingerprintOf(request: FastifyRequest): string {
  const body = request.isMultipart()
    ? `multipart:${request.headers["content-length"] ?? "chunked"}`
    : canonicalJson(request.body);
  return createHash("sha256").update(`${request.method} ${request.url}\n${body}`).digest("hex");
}

function replay(reply: FastifyReply, claim: Extract<Claim, { kind: "replay" }>): FastifyReply {
  const { status, contentType, body } = claim.response;
  if (contentType) reply.header("content-type", contentType);
  return reply.status(status).header("idempotent-replayed", "true").send(Buffer.from(body));
}

export function registerIdempotency(app: App, { db }: Deps): void {
  app.decorateRequest("idempotencyClaim", null);

  // preHandler: after authentication and body validation, so a refused or malformed request claims nothing.
  app.addHook("preHandler", async (request, reply) => {
    const header = request.headers[idempotencyHeader];
    if (header === undefined || !createsSomething(request)) return;
    const key = Array.isArray(header) ? undefined : header;
    if (key === undefined || !keyPattern.test(key)) {
      throw new AppError("validation_failed", "The Idempotency-Key header must be 1 to 255 printable characters.", {
        "Idempotency-Key": "Use a unique value per operation, such as a UUID.",
      });
    }
    const owner = ownerOf(request);
    if (owner === undefined) return;
    const claimOf = { owner, key };
    const fingerprint = fingerprintOf(request);
    const deadline = Date.now() + waitForFirstMs;
    for (;;) {
      const claim = await claimIdempotencyKey(db, claimOf, fingerprint, new Date());
      if (claim.kind === "claimed") {
        request.idempotencyClaim = claimOf;
        return;
      }
      if (claim.kind === "replay") return replay(reply, claim);
      if (claim.kind === "reused") {
        throw new AppError(
          "idempotency_key_reused",
          "This Idempotency-Key was already used for a different request. Use a new key for a new operation.",
        );
      }
      if (Date.now() >= deadline) {
        throw new AppError(
          "conflict",
          "A request with this Idempotency-Key is still being processed. Try again in a moment.",
        );
      }
      // Waiting on the first request's answer: a retry racing it should get that answer, not an error.
      await delay(pollMs);
    }
  });

  app.addHook("onSend", async (request, reply, payload) => {
    const claim = request.idempotencyClaim;
    if (!claim) return payload;
    request.idempotencyClaim = null;
    const storable = typeof payload === "string" || Buffer.isBuffer(payload) || payload === null;
    // A 429 is "not now": kept, the same request retried after the wait would get it again for a day.
    if (reply.statusCode >= 500 || reply.statusCode === 429 || !storable) {
      await releaseIdempotencyKey(db, claim);
      return payload;
    }
    const contentType = reply.getHeader("content-type");
    const secret = reply.statusCode < 300 && answersWithSecret.has(request.routeOptions.url ?? "");
    await completeIdempotencyKey(
      db,
      claim,
      secret
        ? { status: 409, contentType: "application/json; charset=utf-8", body: alreadyDone }
        : {
            status: reply.statusCode,
            contentType: typeof contentType === "string" ? contentType : null,
            body: payload === null ? "" : payload.toString(),
          },
    );
    return payload;
  });

  // A request that ended without an answer sent (the client went away mid-upload) gives its key back.
  app.addHook("onResponse", async (request) => {
    const claim = request.idempotencyClaim;
    if (!claim) return;
    request.idempotencyClaim = null;
    await releaseIdempotencyKey(db, claim);
  });
}
