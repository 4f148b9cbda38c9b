import { describe, expect, it } from "vitest";
import { secureRandomBytes } from "./random.ts";

describe("secureRandomBytes", () => {
  it("gives the asked number of bytes, never the same bytes twice, across many refills of its buffer", () => {
    const seen = new Set<string>();
    // 3,000 × 16 bytes is about twelve 4 KiB buffers.
    for (let i = 0; i < 3000; i += 1) {
      const bytes = secureRandomBytes(16);
      expect(bytes).toHaveLength(16);
      seen.add(bytes.toString("hex"));
    }
    expect(seen.size).toBe(3000);
  });

  it("hands out copies: changing one does not change the next", () => {
    const first = secureRandomBytes(32);
    const kept = Buffer.from(first);
    first.fill(0);
    const second = secureRandomBytes(32);
    expect(second.equals(Buffer.alloc(32))).toBe(false);
    expect(kept.equals(Buffer.alloc(32))).toBe(false);
  });

  it("serves sizes larger than its buffer, and odd sizes at the buffer's end", () => {
    expect(secureRandomBytes(10_000)).toHaveLength(10_000);
    const sizes = [1, 7, 33, 4095, 3, 64];
    for (const size of sizes) expect(secureRandomBytes(size)).toHaveLength(size);
    // Roughly uniform: over 64 KiB every byte value turns up.
    const values = new Set(secureRandomBytes(65_536));
    expect(values.size).toBe(256);
  });
});
