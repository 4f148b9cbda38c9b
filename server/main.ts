import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Kysely } from "kysely";
import pino from "pino";
import { firstStart } from "./bootstrap.ts";
import { systemClock } from "./clock.ts";
import { type Config, ConfigError, loadEnvFile, readConfig } from "./config.ts";
import { openDatabase } from "./db/database.ts";
import { closeReaderOf, type Reader, readerOf } from "./db/read-pool/reader.ts";
import type { Database } from "./db/schema.ts";
import { warmHtmlPool } from "./html/bounded-html.ts";
import { buildApp } from "./http/app.ts";
import { closeWithin } from "./http/shutdown.ts";
import { jobHandlers } from "./jobs/handlers.ts";
import { createJobRunner } from "./jobs/runner.ts";
import { schedules } from "./jobs/schedules.ts";
import { ListenError, listenOrExplain } from "./listen-errors.ts";
import { secretBox } from "./mail/inbound/oauth/secret-box.ts";
import { smtpOAuthCredentials } from "./mail/inbound/oauth/smtp-credentials.ts";
import { openInboundMail } from "./mail/inbound/start.ts";
import { defaultSmtpTimeouts, devMailboxTransport, smtpTransport } from "./mail/transport.ts";
import { type OperatorErrorContext, operatorMessage } from "./operator-errors.ts";
import { installTicketEventReactions } from "./reactions.ts";
import { warmReports } from "./reports/warm.ts";
import { assertNodeVersion } from "./runtime.ts";

assertNodeVersion();

/** What the start-up failure message may name: the database address and data folder, once they are known. */
const startContext: OperatorErrorContext = {};
/** The database once open, so a start that fails after it closes it: its threads and its file end cleanly. */
let opened: Kysely<Database> | undefined;

async function main(): Promise<void> {
  loadEnvFile();
  const config = readConfig();
  installTicketEventReactions();
  startContext.databaseUrl = config.databaseUrl;
  startContext.dataDir = config.dataDir;
  // Made on first start on both engines: PostgreSQL installs keep the initial password and attachments here too.
  mkdirSync(config.dataDir, { recursive: true });
  const logger = pino({ level: config.logLevel });
  // Loaded while the database opens: the first request's formatting then does not wait for a thread to load.
  void warmHtmlPool();
  const { db, engine, location } = openDatabase(config);
  opened = db;
  const { admin, demoServices, demoTickets, demoHistory } = await firstStart(db, engine, config, (withHistory) =>
    process.stdout.write(
      withHistory
        ? "\n  First start: making the demo help desk, with three months of worked tickets behind the reports (this takes a few seconds)...\n"
        : "\n  First start: making the demo help desk...\n",
    ),
  );

  const context = { db, engine, config };
  // Started with the app (buildApp asks for the same one), so the banner can say how reads run.
  const reader = readerOf(db, config.readPool);
  reader.warm();
  const app = await buildApp(context, logger);
  // Every port opened before any is said to be open: Fastify logs "Server listening" as the web port opens, so the
  // inbound SMTP port is opened first, and a port that cannot be opened stops the start with a sentence.
  const inbound = await openInboundMail(context, logger);
  const web = {
    what: "the web server",
    port: config.port,
    portVariable: "PORT",
    host: config.host,
    hostVariable: "HOST",
  };
  await listenOrExplain(web, () => app.listen({ port: config.port, host: config.host }));
  inbound.start();
  const transport = config.smtpUrl
    ? smtpTransport(config.smtpUrl, defaultSmtpTimeouts, smtpOAuthCredentials(db, secretBox(config), systemClock))
    : devMailboxTransport();
  const jobs = createJobRunner({
    db,
    engine,
    handlers: jobHandlers(context, transport),
    logger,
    schedules,
    concurrency: { "mail.send": config.mailConcurrency },
  });
  jobs.start();
  // Each report's first request reads the cube into this process: done now, not when someone opens Reports.
  const warming = performance.now();
  warmReports(db, systemClock()).then(
    () => logger.info({ ms: Math.round(performance.now() - warming) }, "reports warmed"),
    (error: unknown) => logger.warn({ err: error }, "warming the reports failed; they are read when first asked for"),
  );
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const url = config.baseUrl.replace(`:${config.port}`, `:${port}`);

  const passwordFile = path.join(config.dataDir, "initial-admin-password");
  const lines = [
    "",
    `  Switchboard is running at ${url}`,
    `  Database: ${engine} (${location})`,
    `  Reads: ${readsLine(reader, config.readPool)}`,
    `  Agent sign-in: ${url}/agent`,
    `  Admin: ${admin.email}`,
    admin.password
      ? `  Password: ${admin.password}${config.adminPassword ? " (from ADMIN_PASSWORD)" : ` (also saved in ${passwordFile})`}`
      : `  Password: set at first start (see ${passwordFile}, or: npm run cli -- create-admin --email EMAIL --password NEW)`,
    demoTickets > 0
      ? `  Demo data: ${demoTickets} example tickets and ${demoServices} services created${demoHistory > 0 ? `, and ${demoHistory} worked tickets of the last three months behind the reports` : ""}`
      : "",
    config.devMailbox === "off"
      ? "  Mail: sent through SMTP_URL"
      : `  Mail: no SMTP_URL, so messages are kept in the dev mailbox at ${url}/dev/mailbox${config.devMailbox === "admins" ? " (admins only)" : ""}`,
    "",
  ];
  process.stdout.write(`${lines.filter((line, i) => line !== "" || i === 0 || i === lines.length - 1).join("\n")}\n`);

  const shutdown = async (signal: string) => {
    logger.info({ signal, deadlineMs: config.shutdownMs }, "shutting down");
    // Whatever still hangs after twice the deadline (a stuck database call) must not keep the process alive.
    setTimeout(() => process.exit(1), config.shutdownMs * 2).unref();
    // All at once, each within the deadline: stopped one after another, a slow one (a mail server's open session)
    // kept the job runners claiming work until the process was killed with it half done.
    const [{ cut }] = await Promise.all([closeWithin(app, config.shutdownMs), inbound.stop(), jobs.stop()]);
    if (cut) logger.warn("requests still open at the shutdown deadline were cut");
    transport.close();
    await closeDatabase(db);
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

function readsLine(reader: Reader, options: Config["readPool"]): string {
  const budget = `each statement stopped after ${options.budgetMs / 1000} s`;
  if (reader.kind === "threads") return `${options.size} worker threads, ${budget}`;
  if (reader.kind === "postgres") return `a pool of their own, ${budget}`;
  return `on the main connection, without a time budget (${reader.why})`;
}

/**
 * Closes what a failed start opened, within a few seconds. Exiting with the read and checkpoint threads still
 * loading the SQLite driver aborted the process now and then (a native "FATAL ERROR" and exit code 134 instead of
 * the one sentence and 1), and left the WAL file behind.
 */
async function closeOpened(): Promise<void> {
  if (!opened) return;
  await Promise.race([
    closeDatabase(opened).catch(() => {}),
    new Promise((resolve) => setTimeout(resolve, 5000).unref()),
  ]);
}

/** The read threads (and the checkpointer) first, so the main connection is the last and ends the WAL. */
async function closeDatabase(db: Kysely<Database>): Promise<void> {
  await closeReaderOf(db);
  await db.destroy();
}

main().catch(async (error: unknown) => {
  const operatorError = operatorMessage(error, startContext);
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else if (error instanceof ListenError) {
    console.error(`Switchboard cannot start: ${error.message}`);
  } else if (operatorError) {
    // A fault of the machine, not of the code: the cause alone, without a stack trace.
    console.error(`Switchboard cannot start: ${operatorError}`);
  } else {
    console.error("Switchboard failed to start:", error);
  }
  await closeOpened();
  process.exit(1);
});
