import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import type { ErrorResponse } from "../../common/errors.ts";

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (headers over Node's 16 KB, a malformed request,
 * a request that took too long to arrive) are answered in the API's error format, like every other refusal,
 * rather than in Fastify's own (`{error, message, statusCode}`), which clients of the API cannot read.
 */
const refusals: Record<string, { status: number; message: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, message: "The request's headers are too large (16 KB at most)." },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, message: "The request took too long to arrive." },
};
const malformed = { status: 400, message: "The request is not valid HTTP." };

/** `headers`: the security headers of an answer no hook runs for (security.ts, `refusalHeaders`). */
export function clientErrorHandler(headers: Record<string, string>) {
  const securityLines = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join("");
  return (error: Error & { code?: string }, socket: Socket): void => {
    // Nobody is listening for an answer on a reset or closed connection.
    if (error.code === "ECONNRESET" || socket.destroyed) return;
    const { status, message } = refusals[error.code ?? ""] ?? malformed;
    const body = JSON.stringify({ error: { code: "validation_failed", message } } satisfies ErrorResponse);
    if (socket.writable) {
      socket.write(
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
          "Content-Type: application/json; charset=utf-8\r\n" +
          securityLines +
          "Connection: close\r\n" +
          `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
    }
    socket.destroy(error);
  };
}
