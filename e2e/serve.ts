/**
 * Starts Switchboard for the browser tests on a fresh database of the given
 * engine, the way `npm start` does (migrations, admin, demo data), and removes
 * the database again when Playwright stops it.
 *
 *   node e2e/serve.ts sqlite 4101
 *   node e2e/serve.ts postgres 4102
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { e2eAdmin } from "./fixtures.ts";

const [engine, port] = process.argv.slice(2);
if ((engine !== "sqlite" && engine !== "postgres") || !port) {
  console.error("usage: node e2e/serve.ts sqlite|postgres PORT");
  process.exit(2);
}

const adminUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const cleanups: (() => Promise<void>)[] = [];

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

const dataDir = mkdtempSync(path.join(tmpdir(), `switchboard-e2e-${engine}-`));
cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
if (engine === "postgres") {
  const name = `switchboard_e2e_${randomBytes(6).toString("hex")}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  cleanups.push(() => adminQuery(`drop database if exists ${name} with (force)`));
}

Object.assign(process.env, {
  PORT: port,
  HOST: "127.0.0.1",
  DATA_DIR: dataDir,
  ADMIN_EMAIL: e2eAdmin.email,
  ADMIN_PASSWORD: e2eAdmin.password,
  LOG_LEVEL: "warn",
  // The journeys sign in as the same admin, register and check statuses dozens of times from one address
  // within minutes; the limits themselves are tested in server/accounts/rate-limit.test.ts.
  RATE_LIMITING: "false",
  // The email channel's journey sends mail to the built-in receiver, ten ports above the web port.
  INBOUND_SMTP_PORT: String(Number(port) + 10),
  // Lets the service-levels journey move the server's clock forward instead of waiting an hour.
  TEST_CLOCK: "true",
});

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error(error));
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());

await import("../server/main.ts");
