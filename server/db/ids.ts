import { secureRandomBytes } from "../core/random.ts";

let lastMs = 0;
let sequence = 0;

/**
 * UUIDv7: time-ordered, so new rows land at the end of primary-key indexes on
 * both engines instead of scattering across them like v4 would. Ids made in
 * the same millisecond by this process stay in order through a 12-bit
 * sequence in the rand_a bits (RFC 9562, method 1), so rows sorted by id come
 * out in the order they were made.
 */
export function newId(at: number = Date.now()): string {
  let ms = at;
  if (ms <= lastMs) {
    ms = lastMs;
    sequence += 1;
    if (sequence > 0xfff) {
      ms += 1;
      sequence = 0;
    }
  } else {
    sequence = secureRandomBytes(2).readUInt16BE(0) & 0x7ff; // start low so the counter has room
  }
  lastMs = ms;
  const bytes = secureRandomBytes(16);
  bytes[0] = Math.floor(ms / 2 ** 40) & 0xff;
  bytes[1] = Math.floor(ms / 2 ** 32) & 0xff;
  bytes[2] = (ms >>> 24) & 0xff;
  bytes[3] = (ms >>> 16) & 0xff;
  bytes[4] = (ms >>> 8) & 0xff;
  bytes[5] = ms & 0xff;
  bytes[6] = 0x70 | ((sequence >>> 8) & 0x0f);
  bytes[7] = sequence & 0xff;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
