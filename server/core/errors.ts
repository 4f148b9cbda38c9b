/**
 * The errors commands, queries, routes and jobs throw: one type with a stable
 * code (common/errors.ts), each code with its HTTP status, so the HTTP layer
 * (http/errors.ts) maps them in one place and nothing below it imports http/.
 */
import type { ErrorCode } from "../../common/errors.ts";

const httpStatus: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  email_unconfirmed: 403,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  method_not_allowed: 405,
  rate_limited: 429,
  internal: 500,
  misdirected: 421,
  unavailable: 503,
  query_timeout: 503,
  idempotency_key_reused: 422,
  precondition_failed: 412,
};

/** The one error type commands and routes throw; `code` is part of the API, `message` is for people. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;
  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.code = code;
    this.fields = fields;
  }
  get status(): number {
    return httpStatus[this.code];
  }
}

/** Refusals of a single record say "not found", so a wrong user cannot learn that it exists. */
export function notFound(what = "That page"): AppError {
  return new AppError("not_found", `${what} could not be found.`);
}

/**
 * What the multipart parser says about a body that is not a whole, well-formed form, as the API's
 * errors: a cut-off upload (the client went away, a proxy gave up) is the sender's problem, not a 500.
 * Used by the upload reader (tickets/attachments/uploads.ts) and here, so every multipart route answers alike.
 */
export function multipartProblem(error: unknown): AppError | undefined {
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (code === "FST_PARTS_LIMIT" || code === "FST_FIELDS_LIMIT") {
    return new AppError("payload_too_large", "The form has too many parts.");
  }
  if (
    typeof message === "string" &&
    /^(Unexpected end of (multipart data|form|file)|Malformed part header|Multipart: Boundary not found|Part terminated early)/i.test(
      message,
    )
  ) {
    return new AppError(
      "validation_failed",
      "The upload ended before it was complete, so nothing was saved. Try again.",
    );
  }
  if (code === "ECONNRESET" || message === "aborted") {
    return new AppError(
      "validation_failed",
      "The upload ended before it was complete, so nothing was saved. Try again.",
    );
  }
  return undefined;
}
