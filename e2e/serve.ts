/**
 * Starts Switchboard for the browser tests on a fresh database of the given
 * engine, the way `npm start` does (migrations, admin, demo data), and removes
 * the database and data folder again when Playwright stops it.
 *
 *   node e2e/serve.ts sqlite 4101
 *   node e2e/serve.ts postgres 4102
 *
 * The server runs as a child process so this one outlives it and always cleans up,
 * whether the server was stopped or crashed. A run killed outright (SIGKILL) leaves
 * its database and folder behind; the next run on the same port removes them first.
 * Names carry the port, so suites running side by side on other ports are never touched.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import pg from "pg";
import { e2eAdmin } from "./fixtures.ts";

const [engine, port] = process.argv.slice(2);
if ((engine !== "sqlite" && engine !== "postgres") || !port || !/^\d+$/.test(port)) {
  console.error("usage: node e2e/serve.ts sqlite|postgres PORT");
  process.exit(2);
}

const adminUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const folderPrefix = `switchboard-e2e-${engine}-${port}-`;
const databasePrefix = `switchboard_e2e_${port}_`;

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Leftovers of an earlier run on this port that was killed before it could clean up. */
async function removeLeftovers(): Promise<void> {
  for (const entry of readdirSync(tmpdir())) {
    if (entry.startsWith(folderPrefix)) rmSync(path.join(tmpdir(), entry), { recursive: true, force: true });
  }
  if (engine !== "postgres") return;
  await withAdmin(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      "select datname from pg_database where starts_with(datname, $1)",
      [databasePrefix],
    );
    for (const { datname } of rows) await client.query(`drop database if exists "${datname}" with (force)`);
  });
}

await removeLeftovers();

const dataDir = mkdtempSync(path.join(tmpdir(), folderPrefix));
const env: NodeJS.ProcessEnv = {
  ...process.env,
  PORT: port,
  HOST: "127.0.0.1",
  DATA_DIR: dataDir,
  ADMIN_EMAIL: e2eAdmin.email,
  ADMIN_PASSWORD: e2eAdmin.password,
  LOG_LEVEL: "warn",
  // The journeys sign in as the same admin, register and check statuses dozens of times from one address
  // within minutes; the limits themselves are tested in server/accounts/rate-limit.test.ts.
  RATE_LIMITING: "false",
  // The journeys count tickets in queues; the reports journey makes its own history (e2e/reports.spec.ts).
  DEMO_HISTORY: "false",
  // The email channel's journey sends mail to the built-in receiver, ten ports above the web port.
  INBOUND_SMTP_PORT: String(Number(port) + 10),
  // The OAuth2 mailbox journey waits for a poll; the default minute would make it slow.
  IMAP_POLL_SECONDS: "5",
  // Lets the service-levels journey move the server's clock forward instead of waiting an hour.
  TEST_CLOCK: "true",
  // Every API answer the journeys get is checked against the OpenAPI document; a drift answers 500.
  CHECK_RESPONSES: "true",
  // The webhooks journey's receiver listens on 127.0.0.1, which the SSRF guard refuses unless allowed.
  WEBHOOK_ALLOW_HOSTS: "127.0.0.1",
};
let database: string | undefined;
if (engine === "postgres") {
  database = `${databasePrefix}${randomBytes(6).toString("hex")}`;
  const name = database;
  await withAdmin((client) => client.query(`create database "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  env.DATABASE_URL = url.toString();
} else {
  delete env.DATABASE_URL;
}

let cleaned = false;
async function cleanUp(): Promise<void> {
  if (cleaned) return;
  cleaned = true;
  const name = database;
  if (name) {
    await withAdmin((client) => client.query(`drop database if exists "${name}" with (force)`)).catch(
      (error: unknown) => console.error(`could not drop ${name}:`, error),
    );
  }
  rmSync(dataDir, { recursive: true, force: true });
}

const server = spawn(process.execPath, [path.join(import.meta.dirname, "../server/main.ts")], {
  env,
  stdio: ["inherit", "pipe", "inherit"],
});
// Playwright ignores the server's output, where a journey's failure would otherwise leave no trace of a 500
// behind it: errors (pino level 50 and up) go to stderr, which the run prints, tagged with the engine.
createInterface({ input: server.stdout }).on("line", (line) => {
  const level = /"level":(\d+)/.exec(line)?.[1];
  if (level && Number(level) >= 50) console.error(`[${engine} server] ${line}`);
});
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    // The server shuts down by itself on the signal; its exit below cleans up.
    if (server.exitCode === null) server.kill(signal);
    else void cleanUp().then(() => process.exit(0));
  });
}
server.on("exit", (code, signal) => {
  void cleanUp().then(() => process.exit(code ?? (signal ? 0 : 1)));
});
