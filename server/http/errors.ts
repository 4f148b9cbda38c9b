import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { ErrorCode, ErrorResponse } from "../../common/errors.ts";
import { operatorMessage } from "../operator-errors.ts";

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
  rate_limited: 429,
  internal: 500,
  misdirected: 421,
  unavailable: 503,
};

const codeForStatus: Partial<Record<number, ErrorCode>> = {
  401: "unauthenticated",
  403: "forbidden",
  404: "not_found",
  413: "payload_too_large",
  429: "rate_limited",
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

function body(code: ErrorCode, message: string, fields?: Record<string, string>): ErrorResponse {
  return { error: fields ? { code, message, fields } : { code, message } };
}

function fieldsFromValidation(validation: { instancePath: string; message?: string | undefined }[]) {
  const fields: Record<string, string> = {};
  for (const issue of validation) {
    const field = issue.instancePath.replace(/^\//, "").replaceAll("/", ".");
    // The first problem with a field is the one worth telling a person about.
    fields[field || "body"] ??= issue.message ?? "This value is not valid.";
  }
  return fields;
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    return reply.status(error.status).send(body(error.code, error.message, error.fields));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = fieldsFromValidation(error.validation);
    const message =
      "body" in fields && Object.keys(fields).length === 1
        ? "The request body must be a JSON object."
        : "Some fields need attention.";
    return reply.status(400).send(body("validation_failed", message, fields));
  }
  switch (error.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return reply.status(413).send(body("payload_too_large", "The request is too large."));
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return reply.status(400).send(body("validation_failed", "The request body is not valid JSON."));
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return reply.status(400).send(body("validation_failed", "Send the request body as JSON."));
  }
  const multipart = multipartProblem(error);
  if (multipart) return reply.status(multipart.status).send(body(multipart.code, multipart.message));
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    const code = codeForStatus[error.statusCode] ?? "validation_failed";
    return reply.status(error.statusCode).send(body(code, error.message));
  }
  const cause = operatorMessage(error);
  if (cause) {
    // A full disk or a read-only folder: the operator needs the cause, the person a plain sentence.
    request.log.error({ cause }, cause);
    return reply
      .status(503)
      .send(body("unavailable", "The help desk cannot save anything right now. Please try again later."));
  }
  request.log.error({ err: error }, "request failed");
  return reply.status(500).send(body("internal", "Something went wrong on our side. Please try again."));
}
