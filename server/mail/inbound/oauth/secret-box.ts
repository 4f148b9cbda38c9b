import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Config } from "../../../config.ts";

/**
 * Encrypts secrets we must be able to read back (OAuth2 client secrets, refresh
 * and access tokens) with AES-256-GCM. The key is SECRETS_KEY (32 bytes, base64
 * or hex) when set, otherwise `secrets.key` in the data directory, made on
 * first use and readable by its owner only. A copy of the database alone then
 * reveals no token; losing the key means reconnecting each OAuth2 mailbox.
 */
export type SecretBox = { seal(plain: string): string; open(sealed: string): string };

const version = "v1";

export function secretBoxFromKey(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error("The secrets key must be 32 bytes.");
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return `${version}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64")}`;
    },
    open(sealed) {
      const [tag, data] = sealed.split(":");
      if (tag !== version || !data) throw new Error("This secret was not sealed by Switchboard.");
      const bytes = Buffer.from(data, "base64");
      const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8");
    },
  };
}

/** Reads SECRETS_KEY as base64 or hex; undefined when it is neither 32 bytes long. */
export function parseSecretsKey(value: string): Buffer | undefined {
  const candidates = [
    /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, "hex") : undefined,
    Buffer.from(value, "base64"),
  ];
  return candidates.find((key) => key?.length === 32);
}

const boxes = new Map<string, SecretBox>();

/** The box for this configuration: the configured key, or the key file in the data directory (made if missing). */
export function secretBox(config: Pick<Config, "secretsKey" | "dataDir">): SecretBox {
  if (config.secretsKey) {
    const key = parseSecretsKey(config.secretsKey);
    if (!key) throw new Error("SECRETS_KEY must be 32 bytes, base64 or hex encoded.");
    return secretBoxFromKey(key);
  }
  const file = path.join(config.dataDir, "secrets.key");
  const known = boxes.get(file);
  if (known) return known;
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    // "wx": two processes starting at once must not overwrite each other's key.
    try {
      writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  const key = parseSecretsKey(readFileSync(file, "utf8").trim());
  if (!key) throw new Error(`${file} does not hold a 32-byte key.`);
  const box = secretBoxFromKey(key);
  boxes.set(file, box);
  return box;
}
