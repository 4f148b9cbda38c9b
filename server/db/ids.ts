import { randomBytes } from "node:crypto";

/**
 * UUIDv7: time-ordered, so new rows land at the end of primary-key indexes on
 * both engines instead of scattering across them like v4 would.
 */
export function newId(at: number = Date.now()): string {
  const bytes = randomBytes(16);
  bytes[0] = Math.floor(at / 2 ** 40) & 0xff;
  bytes[1] = Math.floor(at / 2 ** 32) & 0xff;
  bytes[2] = (at >>> 24) & 0xff;
  bytes[3] = (at >>> 16) & 0xff;
  bytes[4] = (at >>> 8) & 0xff;
  bytes[5] = at & 0xff;
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
