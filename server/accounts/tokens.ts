import { createHash } from "node:crypto";
import { secureRandomBytes } from "../core/random.ts";

/** 256 random bits, URL-safe. */
export function newToken(): string {
  return secureRandomBytes(32).toString("base64url");
}

/** Tokens are stored only as their SHA-256, so reading the database does not hand out live credentials. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
