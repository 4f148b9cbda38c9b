/**
 * SQLite's database file cannot grow (a full disk): the write fails with SQLITE_FULL and SQLite rolls the whole
 * transaction back by itself. `max_page_count` makes the same refusal without filling a real disk. PostgreSQL
 * reports a full disk as SQLSTATE 53100 and keeps its transaction for the ROLLBACK, so only SQLite is walked here.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchDatabase } from "../test/engines.ts";
import { buildSubmission, buildTestApp, multipartSubmission, testConfig } from "../test/factories.ts";

/** Every file under a folder, however deep. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith("."))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe("a ticket sent while the SQLite database cannot grow [sqlite]", () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  const dataDir = mkdtempSync(path.join(tmpdir(), "switchboard-full-"));
  beforeAll(async () => {
    scratch = await createScratchDatabase("sqlite");
  });
  afterAll(async () => {
    await scratch.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("is refused with 'cannot save right now', stores nothing, and goes through once space is back", async () => {
    const db = scratch.db;
    const app = await buildTestApp(db, "sqlite", testConfig({ dataDir }));
    const submission = await buildSubmission(db, {
      subject: "Sent to a full disk",
      // Larger than the pages left, so the transaction must grow the file.
      message: "The scanner stopped. ".repeat(900),
    });
    const body = multipartSubmission(submission, [
      { name: "scan.pdf", content: Buffer.alloc(200_000, 7), type: "application/pdf" },
    ]);
    const send = () => app.inject({ method: "POST", url: "/api/v1/tickets/with-attachments", ...body });
    const ticketsNamed = () =>
      db.selectFrom("tickets").select("id").where("subject", "=", "Sent to a full disk").execute();

    const pageCount = async () =>
      Number((await sql<{ page_count: number }>`pragma page_count`.execute(db)).rows[0]?.page_count);
    const statuses = new Set<number>();
    // Whatever room is left, from none to the middle of the transaction to enough: a refusal stores nothing.
    for (let room = 0; room <= 24; room++) {
      const tickets = (await ticketsNamed()).length;
      const files = filesUnder(dataDir).length;
      await sql.raw(`pragma max_page_count = ${(await pageCount()) + room}`).execute(db);
      const answer = await send();
      statuses.add(answer.statusCode);
      if (answer.statusCode === 201) {
        expect(await ticketsNamed()).toHaveLength(tickets + 1);
        expect(filesUnder(dataDir)).toHaveLength(files + 1);
        continue;
      }
      // Before: when the file filled up inside the transaction, SQLite rolled it back by itself, Kysely's
      // ROLLBACK then failed ("cannot rollback - no transaction is active") and that error replaced the full
      // disk: a 500 "Something went wrong", and a log without the cause.
      expect({ room, status: answer.statusCode, error: answer.json().error }).toEqual({
        room,
        status: 503,
        error: {
          code: "unavailable",
          message: "The help desk cannot save anything right now. Please try again later.",
        },
      });
      expect(await ticketsNamed()).toHaveLength(tickets);
      expect(filesUnder(dataDir)).toHaveLength(files);
    }
    expect([...statuses].sort()).toEqual([201, 503]);

    // Space is back: the same request is saved whole, with its file.
    await sql.raw("pragma max_page_count = 1073741823").execute(db);
    const before = (await ticketsNamed()).length;
    expect((await send()).statusCode).toBe(201);
    expect(await ticketsNamed()).toHaveLength(before + 1);
  });
});
