import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { ErrorCode, ErrorResponse } from "../../common/errors.ts";
import { AppError, multipartProblem } from "../core/errors.ts";
import { type OperatorErrorContext, operatorMessage } from "../operator-errors.ts";
import { errorPage, openedAsPage } from "./error-page.ts";
import { unknownFieldSentence } from "./request-validation.ts";

const codeForStatus: Partial<Record<number, ErrorCode>> = {
  401: "unauthenticated",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  413: "payload_too_large",
  415: "unsupported_media_type",
  429: "rate_limited",
};
function body(code: ErrorCode, message: string, fields?: Record<string, string>): ErrorResponse {
  return { error: fields ? { code, message, fields } : { code, message } };
}

type ValidationIssue = { instancePath: string; keyword?: string; message?: string | undefined; params?: unknown };

function fieldsFromValidation(validation: ValidationIssue[]) {
  const fields: Record<string, string> = {};
  for (const issue of validation) {
    const field = issue.instancePath.replace(/^\//, "").replaceAll("/", ".");
    if (issue.keyword === "unrecognized_keys") {
      // Each unknown key is named, where it was sent: a misspelt one is then easy to spot.
      const { keys } = (issue.params ?? {}) as { keys?: string[] };
      for (const key of keys ?? []) fields[field ? `${field}.${key}` : key] ??= unknownFieldSentence;
      continue;
    }
    // The first problem with a field is the one worth telling a person about.
    fields[field || "body"] ??= issue.message ?? "This value is not valid.";
  }
  return fields;
}

/** The body itself is not an object (an array, a string): no field of it can be named. */
const notAnObject = (validation: ValidationIssue[]) =>
  validation.some((issue) => issue.instancePath === "/" && issue.keyword === "invalid_type");

/**
 * The app's error handler. `context` (DATABASE_URL, DATA_DIR) lets a fault of the machine be named for the
 * operator: an unreachable PostgreSQL is only known as such when the handler knows there is one.
 */
export function errorHandlerFor(context: OperatorErrorContext) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) =>
    errorHandler(error, request, reply, context);
}

export function errorHandler(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
  context: OperatorErrorContext = {},
) {
  const { status, answer } = errorAnswer(error, request, context);
  if (openedAsPage(request)) {
    return reply
      .status(status)
      .type("text/html; charset=utf-8")
      .send(errorPage(request, answer.error.code, answer.error.message));
  }
  return reply.status(status).send(answer);
}

const answered = (status: number, answer: ErrorResponse) => ({ status, answer });

/** The status and body an error is answered with; faults of the machine and the unexpected are logged here. */
function errorAnswer(
  error: FastifyError,
  request: FastifyRequest,
  context: OperatorErrorContext,
): { status: number; answer: ErrorResponse } {
  if (error instanceof AppError) {
    return answered(error.status, body(error.code, error.message, error.fields));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = fieldsFromValidation(error.validation);
    // Only a body that is not an object at all says so; a field called "body" (a comment's) is a field.
    const message = notAnObject(error.validation)
      ? "The request body must be a JSON object."
      : "Some fields need attention.";
    return answered(400, body("validation_failed", message, fields));
  }
  switch (error.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return answered(413, body("payload_too_large", "The request is too large."));
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return answered(400, body("validation_failed", "The request body is not valid JSON."));
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return answered(415, body("unsupported_media_type", "Send the request body as JSON."));
    case "FST_INVALID_MULTIPART_CONTENT_TYPE":
      return answered(
        415,
        body("unsupported_media_type", "Send this request as multipart/form-data, with the files as parts."),
      );
  }
  const multipart = multipartProblem(error);
  if (multipart) return answered(multipart.status, body(multipart.code, multipart.message));
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    const code = codeForStatus[error.statusCode] ?? "validation_failed";
    return answered(error.statusCode, body(code, error.message));
  }
  const cause = operatorMessage(error, context);
  if (cause) {
    // A full disk, a read-only folder, a lost database connection: the operator needs the cause, the person a
    // plain sentence, and a 503 tells clients to try again, which will work once the cause is gone.
    request.log.error({ cause }, cause);
    return answered(503, body("unavailable", "The help desk cannot save anything right now. Please try again later."));
  }
  request.log.error({ err: error }, "request failed");
  return answered(500, body("internal", "Something went wrong on our side. Please try again."));
}
