/** The real server as a child process, started as `npm start` does: for tests of what only the whole process shows. */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import type { Engine } from "../db/engine.ts";
import { createBlankPostgresDatabase } from "./engines.ts";

export const serverRoot = path.resolve(import.meta.dirname, "../..");

/** The test runner's environment, less Vite's BASE_URL="/" which would be read as our own BASE_URL. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { BASE_URL: _viteBase, ...inherited } = process.env;
  // The months of report history a first start also writes take a minute; reports/demo-history.test.ts covers them.
  return { ...inherited, DEMO_HISTORY: "false", ...extra };
}

/** Starts the real server as `npm start` does and resolves with its banner once it listens. */
export function startServer(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; banner: string; url: string }> {
  const child = spawn(process.execPath, ["server/main.ts"], {
    cwd: serverRoot,
    env: childEnv({ PORT: "0", LOG_LEVEL: "silent", ...env }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = output.match(/running at (http:\/\/\S+)/)?.[1];
      if (url && output.includes("Admin:")) {
        // The banner is written in one call; give the rest of it a moment to arrive.
        setTimeout(() => resolve({ child, banner: output, url }), 100);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

/** Sends SIGTERM, as a service manager stopping it does, and resolves with the exit code. */
export function stopServer(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners("exit");
    child.once("exit", (code) => resolve(code));
    child.kill("SIGTERM");
  });
}

/**
 * A describe block's blank place for the server to start on: a fresh data folder and, on PostgreSQL, a blank
 * database (not migrated: the server does that), both removed after the block.
 */
export function blankServerData(engine: Engine, prefix: string) {
  let dataDir = "";
  let databaseUrl: string | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), prefix));
    if (engine === "postgres") {
      const blank = await createBlankPostgresDatabase();
      databaseUrl = blank.url;
      dropDatabase = blank.drop;
    }
  });
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await dropDatabase?.();
  });
  return {
    dataDir: () => dataDir,
    databaseUrl: () => databaseUrl,
    /** DATA_DIR and DATABASE_URL for the server's environment. */
    env: () => ({ DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) }),
  };
}
