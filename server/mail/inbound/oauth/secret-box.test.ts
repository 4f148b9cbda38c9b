import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readConfig } from "../../../config.ts";
import { secretBox, secretBoxFromKey } from "./secret-box.ts";

describe("the secret box", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "switchboard-secrets-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("opens what it sealed, and refuses a changed or foreign secret", () => {
    const box = secretBoxFromKey(randomBytes(32));
    const sealed = box.seal("refresh-token-value");
    expect(sealed).not.toContain("refresh-token-value");
    expect(box.seal("refresh-token-value")).not.toBe(sealed);
    expect(box.open(sealed)).toBe("refresh-token-value");
    const bytes = Buffer.from(sealed.slice(3), "base64");
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    expect(() => box.open(`v1:${bytes.toString("base64")}`)).toThrow();
    expect(() => secretBoxFromKey(randomBytes(32)).open(sealed)).toThrow();
    expect(() => box.open("plain text")).toThrow("not sealed");
  });

  it("makes a key file only its owner can read when no key is configured, and keeps using it", () => {
    const first = secretBox({ dataDir, secretsKey: undefined });
    const file = path.join(dataDir, "secrets.key");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const sealed = first.seal("client-secret");
    const key = readFileSync(file, "utf8").trim();
    // Another process (a restart) reading the same file, and the same key given as SECRETS_KEY, open it.
    expect(
      secretBox({ dataDir: mkdtempSync(path.join(tmpdir(), "switchboard-other-")), secretsKey: key }).open(sealed),
    ).toBe("client-secret");
  });

  it("refuses a SECRETS_KEY that is not 32 bytes at start", () => {
    expect(() => readConfig({ SECRETS_KEY: "too-short" })).toThrow("SECRETS_KEY must be 32 random bytes");
    expect(readConfig({ SECRETS_KEY: randomBytes(32).toString("hex") }).secretsKey).toHaveLength(64);
  });
});
