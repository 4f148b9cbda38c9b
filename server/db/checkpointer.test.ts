import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { backstopPages, sqliteDefaultAutocheckpoint, startCheckpointer } from "./checkpointer.ts";
import { openSqlite, sourceOf } from "./database.ts";

describe("the WAL checkpointer (SQLite)", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const scratchDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), "switchboard-checkpoint-"));
    dirs.push(dir);
    return dir;
  };

  it("copies commits into the database file from its own thread, and hands checkpoints back when stopped", async () => {
    const dir = scratchDir();
    const file = path.join(dir, "main.db");
    const { db } = openSqlite(file);
    const source = sourceOf(db);
    if (source?.engine !== "sqlite") throw new Error("expected a SQLite source");
    await sql`create table notes (id integer primary key, body blob not null)`.execute(db);
    const checkpointer = startCheckpointer(source, 20);
    const autocheckpoint = async () =>
      Number(
        Object.values((await sql<Record<string, number>>`pragma wal_autocheckpoint`.execute(db)).rows[0] ?? {})[0],
      );
    expect(await autocheckpoint()).toBe(backstopPages);

    // 300 rows of 4 KiB: well under the 1,000 pages at which the main connection would have copied them itself.
    const copied = new Promise<void>((resolve) => {
      checkpointer.onCheckpoint(({ log, checkpointed }) => {
        if (checkpointed >= log && log >= 300) resolve();
      });
    });
    for (let i = 0; i < 300; i += 1) {
      await sql`insert into notes (body) values (${Buffer.alloc(4000, i % 256)})`.execute(db);
    }
    await copied;

    // The database file alone, without its WAL, holds every row: the thread copied them there.
    const copy = path.join(dir, "copy.db");
    copyFileSync(file, copy);
    const alone = new SQLite(copy, { readonly: true });
    expect(alone.prepare("select count(*) as n from notes").get()).toEqual({ n: 300 });
    alone.close();

    await checkpointer.stop();
    expect(await autocheckpoint()).toBe(sqliteDefaultAutocheckpoint);
    // The thread closed its connection, so the main one is the last and removes the WAL when it closes.
    await db.destroy();
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it("gives the main connection its own checkpoints back when the thread cannot open the database", async () => {
    const settings: number[] = [];
    let handedBack: () => void = () => {};
    const backAgain = new Promise<void>((resolve) => {
      handedBack = resolve;
    });
    const autocheckpoint = (pages: number) => {
      settings.push(pages);
      if (settings.length === 2) handedBack();
    };
    const checkpointer = startCheckpointer({ file: path.join(scratchDir(), "missing.db"), autocheckpoint }, 20);
    // Before anyone stops it: the failed thread alone hands the checkpoints back.
    await backAgain;
    expect(settings).toEqual([backstopPages, sqliteDefaultAutocheckpoint]);
    await checkpointer.stop();
    expect(settings).toHaveLength(2);
  });

  it("stops in a process that has nothing else to wait for, as a start that failed has", () => {
    const file = path.join(scratchDir(), "main.db");
    const setup = new SQLite(file);
    setup.pragma("journal_mode = WAL");
    setup.close();
    // Its own process: the test runner's keeps the event loop alive, which hid a stop that never returned.
    const script = `
      import { startCheckpointer } from ${JSON.stringify(new URL("./checkpointer.ts", import.meta.url).href)};
      const checkpointer = startCheckpointer({ file: ${JSON.stringify(file)}, autocheckpoint: () => {} });
      await checkpointer.stop();
      console.log("stopped");`;
    const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(child.stdout.trim()).toBe("stopped");
    expect(child.status).toBe(0);
  });
});
