import { randomBytes } from "node:crypto";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, inject } from "vitest";
import { openPostgres, openSqlite } from "../db/database.ts";
import { type Engine, engines } from "../db/engine.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { closeReaderOf } from "../db/read-pool/reader.ts";
import type { Database } from "../db/schema.ts";

/** The server the PostgreSQL tests create their scratch databases on. */
export const postgresAdminUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

let postgresReachable: Promise<boolean> | undefined;
export function isPostgresReachable(): Promise<boolean> {
  postgresReachable ??= (async () => {
    const client = new pg.Client({ connectionString: postgresAdminUrl, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return postgresReachable;
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresAdminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** An empty PostgreSQL database with a unique name (or a copy of `template`), not migrated; `drop` removes it. */
export async function createBlankPostgresDatabase(
  template?: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `switchboard_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(template ? `create database ${name} template ${template}` : `create database ${name}`);
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(`drop database if exists ${name} with (force)`) };
}

type Scratch = { db: Kysely<Database>; url: string | undefined; drop: () => Promise<void> };

/** A database of its own for a test: empty, or a copy of `template` (a migrated SQLite file or PostgreSQL database). */
async function openScratch(engine: Engine, template?: string): Promise<Scratch> {
  if (engine === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "switchboard-test-"));
    if (template) copyFileSync(template, path.join(dir, "test.db"));
    const { db } = openSqlite(path.join(dir, "test.db"));
    return {
      db,
      url: undefined,
      drop: async () => {
        await closeReaderOf(db);
        await db.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const blank = await createBlankPostgresDatabase(template);
  const { db } = openPostgres(blank.url, 4);
  return {
    db,
    url: blank.url,
    drop: async () => {
      await closeReaderOf(db);
      await db.destroy();
      await blank.drop();
    },
  };
}

/** A fresh, empty database of the given engine, not migrated; `drop` removes every trace of it. */
export function createBlankDatabase(engine: Engine): Promise<Scratch> {
  return openScratch(engine);
}

/** Migrated, closed databases that scratch databases are copied from: made once per run by global-setup.ts. */
export type ScratchTemplates = { sqliteFile: string | null; postgresName: string | null };

/**
 * Makes the templates: running every migration costs 0.4 s on SQLite and 2–8 s on PostgreSQL (more on a
 * loaded machine), and some 150 test files each want a fresh database per engine; copying a migrated one is
 * a file copy or a `create database … template`. `remove` deletes them at the end of the run.
 */
export async function createScratchTemplates(
  postgres: boolean,
): Promise<{ templates: ScratchTemplates; remove: () => Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), "switchboard-template-"));
  const sqliteFile = path.join(dir, "template.db");
  const { db } = openSqlite(sqliteFile);
  await migrateToLatest(db, "sqlite");
  // Closing checkpoints the WAL into the file, so the file alone is the whole database.
  await db.destroy();
  let postgresName: string | null = null;
  if (postgres) {
    const blank = await createBlankPostgresDatabase();
    const { db: pgDb } = openPostgres(blank.url, 1);
    await migrateToLatest(pgDb, "postgres");
    // A template may have no connections while it is copied.
    await pgDb.destroy();
    postgresName = new URL(blank.url).pathname.slice(1);
  }
  return {
    templates: { sqliteFile, postgresName },
    remove: async () => {
      rmSync(dir, { recursive: true, force: true });
      if (postgresName) await adminQuery(`drop database if exists ${postgresName} with (force)`);
    },
  };
}

/** The run's templates inside vitest; none when a script outside vitest asks. */
function scratchTemplates(): ScratchTemplates | undefined {
  try {
    return inject("scratchTemplates");
  } catch {
    return undefined;
  }
}

/** A fresh, migrated database of the given engine (a copy of the run's template); `drop` removes every trace of it. */
export async function createScratchDatabase(engine: Engine): Promise<Scratch> {
  const templates = scratchTemplates();
  const template = engine === "sqlite" ? templates?.sqliteFile : templates?.postgresName;
  if (template) return openScratch(engine, template);
  const scratch = await openScratch(engine);
  await migrateToLatest(scratch.db, engine);
  return scratch;
}

export type EngineContext = { engine: Engine; db: () => Kysely<Database> };

/**
 * Runs the same suite once per engine, each on its own fresh database for the
 * whole file. PostgreSQL tests skip only outside CI when no server answers;
 * with CI=true a missing PostgreSQL fails the run.
 */
export function describeEachEngine(title: string, suite: (ctx: EngineContext) => void): void {
  // Checked once for the whole run in server/test/global-setup.ts.
  const postgresAvailable = inject("postgresAvailable");
  for (const engine of engines) {
    describe.skipIf(engine === "postgres" && !postgresAvailable)(`${title} [${engine}]`, () => {
      let scratch: Awaited<ReturnType<typeof createScratchDatabase>> | undefined;
      beforeAll(async () => {
        scratch = await createScratchDatabase(engine);
      });
      afterAll(async () => {
        await scratch?.drop();
      });
      suite({
        engine,
        db: () => {
          if (!scratch) throw new Error("The test database is not ready yet; use it inside tests or hooks.");
          return scratch.db;
        },
      });
    });
  }
}
