import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { ErrorCode, ErrorResponse } from "../../common/errors.ts";

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
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    const code = codeForStatus[error.statusCode] ?? "validation_failed";
    return reply.status(error.statusCode).send(body(code, error.message));
  }
  request.log.error({ err: error }, "request failed");
  return reply.status(500).send(body("internal", "Something went wrong on our side. Please try again."));
}
