import { randomBytes } from "node:crypto";
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type Kysely, sql } from "kysely";
import { serviceInputSchema } from "../common/catalog.ts";
import { createUser } from "./accounts/commands/create-user.ts";
import { createService } from "./catalog/commands/manage-catalog.ts";
import type { Config } from "./config.ts";
import { anonymous } from "./core/actor.ts";
import type { AppContext } from "./core/context.ts";
import { AppError } from "./core/errors.ts";
import { type Engine, now } from "./db/engine.ts";
import { newId } from "./db/ids.ts";
import { migrateToLatest } from "./db/migrate.ts";
import type { Database } from "./db/schema.ts";
import { seedDemoHelpCentre } from "./kb/demo-content.ts";
import { seedDemoHistory } from "./reports/demo-history.ts";
import { submitTicket } from "./tickets/commands/submit-ticket.ts";

export type AdminCredentials = { email: string; password: string | undefined; created: boolean };

/**
 * Makes sure an admin exists. On the very first start it creates one with
 * ADMIN_PASSWORD or a generated password, which is printed once and kept in
 * DATA_DIR/initial-admin-password (readable by the owner only) until changed.
 */
export async function ensureAdmin(db: Kysely<Database>, config: Config): Promise<AdminCredentials> {
  const existingAdmin = () => db.selectFrom("users").select("email").where("licence", "=", "admin").executeTakeFirst();
  const existing = await existingAdmin();
  if (existing) return { email: existing.email, password: undefined, created: false };
  const password = config.adminPassword ?? randomBytes(12).toString("base64url");
  // The generated password is written before the admin exists and moved into place after, so a full
  // disk or a read-only folder stops the start with nothing made, never with an admin nobody can sign in as.
  const passwordFile = path.join(config.dataDir, "initial-admin-password");
  const pendingFile = `${passwordFile}.${process.pid}`;
  if (!config.adminPassword) writeFileSync(pendingFile, `${password}\n`, { mode: 0o600 });
  try {
    await createUser(db, { email: config.adminEmail, name: "Administrator", password, licence: "admin" });
  } catch (error) {
    rmSync(pendingFile, { force: true });
    // Another instance starting at the same moment made the admin first: that is the outcome we wanted.
    const made = error instanceof AppError && error.code === "conflict" ? await existingAdmin() : undefined;
    if (!made) throw error;
    return { email: made.email, password: undefined, created: false };
  }
  if (!config.adminPassword) renameSync(pendingFile, passwordFile);
  return { email: config.adminEmail, password, created: true };
}

export const demoCategories = ["Account & billing", "Technical problem", "Access request", "General question"];

const demoTickets = [
  {
    subject: "Cannot sign in to the billing portal",
    priority: "high",
    category: "Account & billing",
    message: "Since this morning the billing portal says my password is wrong, although it works elsewhere.",
    name: "Dana Reyes",
    email: "dana.reyes@example.com",
  },
  {
    subject: "Request access to the shared drive",
    priority: "medium",
    category: "Access request",
    message: "I joined the finance team last week and need read access to the Finance shared drive.",
    name: "Sam Okafor",
    email: "sam.okafor@example.com",
  },
  {
    subject: "Printer on floor 3 jams on every job",
    priority: "low",
    category: "Technical problem",
    message: "The printer by the kitchen jams on every print job, even single pages.",
    name: "Lee Chen",
    email: "lee.chen@example.com",
  },
  {
    subject: "Website down for all customers",
    priority: "urgent",
    category: "Technical problem",
    message: "Our storefront returns a 502 error for every visitor since 09:12.",
    name: "Priya Nair",
    email: "priya.nair@example.com",
  },
] as const;

/**
 * Starter categories, so the request form works on a fresh install; only
 * into a help desk without any, so an admin's own set is never touched.
 */
export async function ensureCategories(db: Kysely<Database>): Promise<void> {
  const anyCategory = await db.selectFrom("categories").select("id").executeTakeFirst();
  if (anyCategory) return;
  await db.transaction().execute(async (trx) => {
    // Checked again inside the write, so two starts that both saw none do not add the set twice.
    if (await trx.selectFrom("categories").select("id").executeTakeFirst()) return;
    await trx
      .insertInto("categories")
      .values(demoCategories.map((name, position) => ({ id: newId(), name, position, created_at: now() })))
      .execute();
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === "EPERM";
  }
}

/**
 * SQLite's counterpart of the advisory lock: processes sharing one data folder (and so one database file)
 * take turns through a lock file holding the owner's pid; a file left by a process that died is taken over.
 */
async function withFolderLock<T>(lockFile: string, work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      break;
    } catch (error) {
      if ((error as { code?: string }).code !== "EEXIST") throw error;
      const owner = Number(readFileSync(lockFile, "utf8"));
      if (owner && !isAlive(owner)) {
        rmSync(lockFile, { force: true });
        continue;
      }
      // Another process is starting on this folder; first start takes a few seconds at most.
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lockFile, { force: true });
  }
}

/** Any fixed number: the key of the PostgreSQL advisory lock that first-start work runs under. */
const firstStartLock = 0x5b0a4d;

export type FirstStart = { admin: AdminCredentials; demoServices: number; demoTickets: number; demoHistory: number };

/**
 * Migrations, the first admin, starter categories and demo data. Instances that start together on one
 * PostgreSQL database take turns under an advisory lock (held by one connection, released when it ends),
 * so the second finds the work done instead of failing on the first's admin.
 */
export async function firstStart(
  db: Kysely<Database>,
  engine: Engine,
  config: Config,
  // Told before the demo data is made: with its months of history that takes seconds, and a first start that
  // prints nothing for that long looks hung.
  onSeeding: (withHistory: boolean) => void = () => {},
): Promise<FirstStart> {
  const steps = async (conn: Kysely<Database>): Promise<FirstStart> => {
    await migrateToLatest(conn, engine);
    const admin = await ensureAdmin(conn, config);
    await ensureCategories(conn);
    const seed = admin.created && config.demoData;
    if (seed) onSeeding(config.demoHistory);
    const demoServices = seed ? await seedDemoCatalog(conn) : 0;
    const demoTickets = seed ? await seedDemoTickets({ db: conn, config }) : 0;
    // Knowledge base (issue 19): a small Help Centre about using Switchboard.
    if (seed) await seedDemoHelpCentre(conn, engine, config.adminEmail);
    // Reporting (issue 18): months of worked tickets behind the demo's reports.
    const demoHistory = seed && config.demoHistory ? await seedDemoHistory(conn, engine, config) : 0;
    return { admin, demoServices, demoTickets, demoHistory };
  };
  if (engine !== "postgres") return withFolderLock(path.join(config.dataDir, "first-start.lock"), () => steps(db));
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${firstStartLock})`.execute(conn);
    try {
      return await steps(conn);
    } finally {
      await sql`select pg_advisory_unlock(${firstStartLock})`.execute(conn);
    }
  });
}

/** A few example tickets, only into a help desk without tickets, so it never mixes with real data. */
export async function seedDemoTickets({ db, config }: Pick<AppContext, "db" | "config">): Promise<number> {
  await ensureCategories(db);
  const anyTicket = await db.selectFrom("tickets").select("id").executeTakeFirst();
  if (anyTicket) return 0;
  const categories = await db.selectFrom("categories").select(["id", "name"]).execute();
  let created = 0;
  for (const ticket of demoTickets) {
    const categoryId = categories.find((c) => c.name === ticket.category)?.id ?? categories[0]?.id;
    if (!categoryId) continue;
    await submitTicket({ db, config }, anonymous, { ...ticket, categoryId, messageFormat: "text", fields: {} });
    created += 1;
  }
  return created;
}

const demoServices = [
  {
    slug: "password-reset",
    name: "Password reset",
    category: "Access request",
    summary: "Locked out of an account? We reset the password and mail you a new one.",
    type: "general",
    priority: "high",
    visibility: "public",
    icon: "key",
  },
  {
    slug: "domain-approval",
    name: "Domain approval",
    category: "Account & billing",
    summary: "Register your partner account with your company's domain.",
    type: "domain_approval",
    priority: "medium",
    visibility: "public",
    icon: "world",
  },
  {
    slug: "report-a-problem",
    name: "Report a problem",
    category: "Technical problem",
    summary: "Something is broken or behaves oddly: tell us what happened.",
    type: "general",
    priority: "medium",
    visibility: "public",
    icon: "tools",
  },
  {
    slug: "new-laptop",
    name: "New laptop",
    category: "Technical problem",
    summary: "Order a laptop for a new starter or replace a broken one.",
    type: "general",
    priority: "low",
    visibility: "customers",
    icon: "device-laptop",
  },
  {
    slug: "shared-drive-access",
    name: "Shared drive access",
    category: "Access request",
    summary: "Ask for read or write access to a team's shared drive.",
    type: "general",
    priority: "low",
    visibility: "customers",
    icon: "folder",
  },
] as const;

/** Example services for a fresh help desk, only where no service exists yet. */
export async function seedDemoCatalog(db: Kysely<Database>): Promise<number> {
  await ensureCategories(db);
  if (await db.selectFrom("services").select("id").executeTakeFirst()) return 0;
  const [categories, types] = await Promise.all([
    db.selectFrom("categories").select(["id", "name"]).execute(),
    db.selectFrom("ticket_types").select(["id", "key"]).execute(),
  ]);
  for (const [position, service] of demoServices.entries()) {
    const ticketTypeId = types.find((t) => t.key === service.type)?.id;
    if (!ticketTypeId) continue;
    await createService(
      db,
      serviceInputSchema.parse({
        name: service.name,
        slug: service.slug,
        categoryId: categories.find((c) => c.name === service.category)?.id ?? null,
        summary: service.summary,
        description: service.summary,
        icon: service.icon,
        ticketTypeId,
        defaultPriority: service.priority,
        visibility: service.visibility,
        position,
      }),
    );
  }
  return demoServices.length;
}
