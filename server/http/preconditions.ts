/**
 * ETag and If-Match (RFC 9110 §8.8.3, §13.1.1). Ticket ETags are strong: they name one state of the ticket,
 * and If-Match compares strongly, so a weak tag (`W/"…"`) never matches. See docs/api.md, "Concurrency".
 */
import type { FastifyRequest } from "fastify";
import type { ExpectedVersion } from "../tickets/ticket-version.ts";

export const etagOf = (version: string): string => `"${version}"`;

/** The versions an If-Match header accepts; undefined when there is none (the write is unconditional). */
export function ifMatch(request: FastifyRequest): ExpectedVersion | undefined {
  const header = request.headers["if-match"];
  if (header === undefined) return undefined;
  const value = header.trim();
  if (value === "*") return "any";
  const strong: string[] = [];
  for (const part of value.split(",")) {
    const tag = /^\s*"([^"]*)"\s*$/.exec(part)?.[1];
    if (tag !== undefined) strong.push(tag);
  }
  // Nothing strong to compare with (only weak or malformed tags): it matches no version, so the write is refused.
  return strong;
}
