import { createHash, randomBytes } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";

/** Keeps one vote per browser for people who are not signed in; only its hash is stored. */
export const voterCookie = "sb_kb_voter";

/** Who votes: a signed-in person by their account, anyone else by their browser's cookie (if it has one yet). */
export function voterOf(request: FastifyRequest): string | null {
  if (request.actor.kind === "user") return `user:${request.actor.user.id}`;
  const cookie = request.cookies[voterCookie];
  return cookie && /^[A-Za-z0-9_-]{20,64}$/.test(cookie) ? `browser:${hash(cookie)}` : null;
}

/** The voter, giving the browser its cookie first when it has none. */
export function ensureVoter(request: FastifyRequest, reply: FastifyReply): string {
  const known = voterOf(request);
  if (known) return known;
  const cookie = randomBytes(24).toString("base64url");
  reply.setCookie(voterCookie, cookie, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: request.protocol === "https",
    maxAge: 365 * 24 * 60 * 60,
  });
  return `browser:${hash(cookie)}`;
}

function hash(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}
