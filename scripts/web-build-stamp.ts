/**
 * A fingerprint of everything the web build reads (web/, common/, the build config and the locked
 * dependencies). The build writes it beside its output; `npm start` rebuilds only when it differs,
 * so a restart without source changes skips the build.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const root = path.join(import.meta.dirname, "..");
export const distDir = path.join(root, "web/dist");
export const stampFile = path.join(distDir, ".build-stamp");

const inputs = ["web", "common", "vite.config.ts", "tsconfig.json", "package-lock.json", "scripts/web-build-stamp.ts"];
const skipped = new Set([distDir, path.join(root, "web/node_modules")]);

function files(entry: string): string[] {
  if (skipped.has(entry) || !existsSync(entry)) return [];
  if (!statSync(entry).isDirectory()) return [entry];
  return readdirSync(entry)
    .sort()
    .flatMap((name) => files(path.join(entry, name)));
}

export function sourceFingerprint(): string {
  const hash = createHash("sha256");
  for (const file of inputs.flatMap((input) => files(path.join(root, input)))) {
    // Common's tests are not part of the bundle; leave them out so editing one does not force a build.
    if (file.endsWith(".test.ts")) continue;
    hash.update(path.relative(root, file));
    hash.update("\0");
    hash.update(readFileSync(file));
    hash.update("\0");
  }
  return hash.digest("hex");
}

export function builtFingerprint(): string | undefined {
  if (!existsSync(path.join(distDir, "index.html")) || !existsSync(stampFile)) return undefined;
  return readFileSync(stampFile, "utf8").trim();
}
