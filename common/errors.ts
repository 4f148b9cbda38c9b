import { z } from "zod";

/**
 * Every error the API returns carries one of these codes. Clients branch on the
 * code; people read the message. The HTTP status for each code lives in
 * server/http/errors.ts so the mapping is in one place.
 */
export const errorCodes = [
  "validation_failed",
  "not_found",
  "unauthenticated",
  "forbidden",
  "csrf_failed",
  "invalid_credentials",
  "email_unconfirmed",
  "payload_too_large",
  "unsupported_media_type",
  "method_not_allowed",
  "rate_limited",
  "conflict",
  "internal",
  "misdirected",
  "unavailable",
  /** A read ran past its time budget and was stopped (server/db/read-pool/); narrowing it helps. */
  "query_timeout",
  // Integrator behaviour (issue 17): an Idempotency-Key sent again with another request, a stale If-Match.
  "idempotency_key_reused",
  "precondition_failed",
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const errorResponseSchema = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    /** Field path (dot-separated) → a sentence about what is wrong with it. */
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
