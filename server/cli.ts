import { parseArgs } from "node:util";
import { createUser, setPassword } from "./accounts/commands/create-user.ts";
import { findUserByEmail } from "./accounts/queries.ts";
import { seedDemoCatalog, seedDemoTickets } from "./bootstrap.ts";
import { ConfigError, loadEnvFile, readConfig } from "./config.ts";
import { AppError } from "./core/errors.ts";
import { openDatabase } from "./db/database.ts";
import { migrateToLatest } from "./db/migrate.ts";
import { seedDemoHelpCentre } from "./kb/demo-content.ts";
import { installTicketEventReactions } from "./reactions.ts";
import { backfillMetrics } from "./reports/backfill.ts";
import { progressBar } from "./reports/progress-bar.ts";
import { assertNodeVersion } from "./runtime.ts";
import { repairTicketCounts } from "./tickets/counts/repair.ts";

assertNodeVersion();

const usage = `Usage: npm run cli -- <command> [options]

Commands:
  migrate                                   apply pending database migrations
  create-admin --email EMAIL --password PW  create an admin, or set the password of an existing one
  seed-demo                                 add demo categories and tickets to an empty help desk
  counters:repair                           recount the tickets behind the queue counts and fix any that differ
  metrics:backfill                          work out every ticket's report metrics from its events (safe to rerun)

Uses the same environment as the server (DATABASE_URL, DATA_DIR, .env).`;

async function run(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { email: { type: "string" }, password: { type: "string" }, name: { type: "string" } },
  });
  const command = positionals[0];
  if (!command || command === "help") {
    console.log(usage);
    return command ? 0 : 1;
  }
  loadEnvFile();
  const config = readConfig();
  installTicketEventReactions();
  const { db, engine } = openDatabase(config);
  try {
    const applied = await migrateToLatest(db, engine);
    switch (command) {
      case "migrate":
        console.log(applied.length ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
        return 0;
      case "create-admin": {
        const email = values.email;
        const password = values.password;
        if (!email || !password) throw new AppError("validation_failed", "create-admin needs --email and --password.");
        if (password.length < 10)
          throw new AppError("validation_failed", "The password must be at least 10 characters.");
        const existing = await findUserByEmail(db, email);
        if (existing) {
          if (existing.licence !== "admin") {
            await db.updateTable("users").set({ licence: "admin" }).where("id", "=", existing.id).execute();
          }
          await setPassword(db, existing.id, password);
          console.log(`Updated admin ${existing.email}: new password set, other sessions signed out.`);
        } else {
          await createUser(db, { email, name: values.name ?? "Administrator", password, licence: "admin" });
          console.log(`Created admin ${email.toLowerCase()}.`);
        }
        return 0;
      }
      case "seed-demo": {
        await seedDemoCatalog(db);
        const created = await seedDemoTickets({ db, config });
        const articles = await seedDemoHelpCentre(db, engine, config.adminEmail);
        if (articles) console.log(`Created ${articles} demo Help Centre articles.`);
        console.log(
          created ? `Created ${created} demo tickets.` : "The help desk already has tickets; nothing was added.",
        );
        return 0;
      }
      case "counters:repair": {
        const fixed = await repairTicketCounts(db);
        if (fixed.length === 0) console.log("The queue counters match the tickets; nothing to fix.");
        else {
          console.log(`Fixed ${fixed.length} queue counter${fixed.length === 1 ? "" : "s"}:`);
          for (const d of fixed) {
            const who = `group ${d.group ?? "(none)"}, assignee ${d.assignee ?? "(none)"}`;
            console.log(`  ${d.status}, ${who}, ${d.priority}: counted ${d.counted}, actually ${d.actual}`);
          }
        }
        return 0;
      }
      case "metrics:backfill": {
        const { tickets } = await backfillMetrics(db, progressBar(process.stderr, "Tickets"));
        console.log(`Worked out the metrics of ${tickets} tickets and rebuilt the hourly rollups.`);
        return 0;
      }
      default:
        console.error(`Unknown command "${command}".\n\n${usage}`);
        return 1;
    }
  } finally {
    await db.destroy();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof AppError) console.error(error.message);
    else console.error(error);
    process.exit(1);
  },
);
