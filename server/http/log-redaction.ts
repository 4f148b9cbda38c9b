import type { FastifyRequest } from "fastify";

/**
 * Links in mail carry their secret in the address: a password reset, an email confirmation, a guest's access
 * link, a satisfaction rating (pages and API), and the code an OAuth provider hands back. Request logs usually
 * travel further than the database (aggregators, support bundles), so whoever reads them could use a link
 * before its owner does. The log keeps the path, with the secret replaced.
 */
const secretSegments = /^(\/(?:reset-password|confirm|access|rate|api\/v1\/satisfaction)\/)[^/?#]+/;
const secretParameters = /([?&](?:code|state|token)=)[^&#]*/g;

export function urlForLog(url: string): string {
  return url.replace(secretSegments, "$1[secret]").replace(secretParameters, "$1[secret]");
}

/** Fastify's request serializer, with the URL as above. */
export function requestForLog(request: FastifyRequest) {
  return {
    method: request.method,
    url: urlForLog(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
