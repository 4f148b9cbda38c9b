import path from "node:path";
import pino from "pino";
import { ensureAdmin, ensureCategories, seedDemoCatalog, seedDemoTickets } from "./bootstrap.ts";
import { ConfigError, loadEnvFile, readConfig } from "./config.ts";
import { openDatabase } from "./db/database.ts";
import { migrateToLatest } from "./db/migrate.ts";
import { buildApp } from "./http/app.ts";
import { jobHandlers } from "./jobs/handlers.ts";
import { createJobRunner } from "./jobs/runner.ts";
import { schedules } from "./jobs/schedules.ts";
import { startInboundMail } from "./mail/inbound/start.ts";
import { devMailboxTransport, smtpTransport } from "./mail/transport.ts";
import { assertNodeVersion } from "./runtime.ts";

assertNodeVersion();

async function main(): Promise<void> {
  loadEnvFile();
  const config = readConfig();
  const logger = pino({ level: config.logLevel });
  const { db, engine, location } = openDatabase(config);
  await migrateToLatest(db, engine);
  const admin = await ensureAdmin(db, config);
  await ensureCategories(db);
  const demoServices = admin.created && config.demoData ? await seedDemoCatalog(db) : 0;
  const demoTickets = admin.created && config.demoData ? await seedDemoTickets({ db, config }) : 0;

  const context = { db, engine, config };
  const app = await buildApp(context, logger);
  await app.listen({ port: config.port, host: config.host });
  const transport = config.smtpUrl ? smtpTransport(config.smtpUrl) : devMailboxTransport();
  const jobs = createJobRunner({ db, engine, handlers: jobHandlers(context, transport), logger, schedules });
  jobs.start();
  const inbound = await startInboundMail(context, logger);
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const url = config.baseUrl.replace(`:${config.port}`, `:${port}`);

  const passwordFile = path.join(config.dataDir, "initial-admin-password");
  const lines = [
    "",
    `  Switchboard is running at ${url}`,
    `  Database: ${engine} (${location})`,
    `  Agent sign-in: ${url}/agent`,
    `  Admin: ${admin.email}`,
    admin.password
      ? `  Password: ${admin.password}${config.adminPassword ? " (from ADMIN_PASSWORD)" : ` (also saved in ${passwordFile})`}`
      : `  Password: set at first start (see ${passwordFile}, or: npm run cli -- create-admin --email EMAIL --password NEW)`,
    demoTickets > 0 ? `  Demo data: ${demoTickets} example tickets and ${demoServices} services created` : "",
    config.devMailbox === "off"
      ? "  Mail: sent through SMTP_URL"
      : `  Mail: no SMTP_URL, so messages are kept in the dev mailbox at ${url}/dev/mailbox${config.devMailbox === "admins" ? " (admins only)" : ""}`,
    "",
  ];
  process.stdout.write(`${lines.filter((line, i) => line !== "" || i === 0 || i === lines.length - 1).join("\n")}\n`);

  const shutdown = async (signal: string) => {
    logger.info({ signal }, "shutting down");
    await app.close();
    await inbound.stop();
    await jobs.stop();
    transport.close();
    await db.destroy();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error("Switchboard failed to start:", error);
  }
  process.exit(1);
});
