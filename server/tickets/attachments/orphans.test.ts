import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { mkdir, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { newId } from "../../db/ids.ts";
import { cleanUp } from "../../jobs/cleanup.ts";
import { describeEachEngine } from "../../test/engines.ts";
import {
  buildAdmin,
  buildSubmission,
  buildTestApp,
  multipartSubmission,
  signInAs,
  testConfig,
} from "../../test/factories.ts";
import { purgeDeletedTickets } from "../commands/delete-ticket.ts";
import { attachmentStorageRoot } from "../commands/submit-ticket.ts";
import { uploadsDir } from "./standalone-uploads.ts";
import { storageKeyFor } from "./storage.ts";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** The first hour from `from` on at which the hourly clean-up sweeps the attachment folder `folder`. */
function hourSweeping(folder: string, from: Date): Date {
  const hour = Math.floor(from.getTime() / HOUR);
  const wanted = Number.parseInt(folder, 16);
  return new Date((hour + ((wanted - (hour % 256) + 256) % 256)) * HOUR + 60_000);
}

describeEachEngine("attachment files on disk", ({ db, engine }) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "switchboard-orphans-"));
  const config = testConfig({ dataDir });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const fileOf = (key: string) => path.join(attachmentStorageRoot(config), key);

  async function ticketWithAttachment(subject: string) {
    const app = await buildTestApp(db(), engine, config);
    const body = multipartSubmission(await buildSubmission(db(), { subject }), [
      { name: "scan.pdf", content: Buffer.from("%PDF-1.4 scanned"), type: "application/pdf" },
    ]);
    const sent = await app.inject({ method: "POST", url: "/api/v1/tickets/with-attachments", ...body });
    expect(sent.statusCode, sent.body).toBe(201);
    const number = sent.json().number as number;
    const { storage_key: key } = await db()
      .selectFrom("attachments")
      .innerJoin("tickets", "tickets.id", "attachments.ticket_id")
      .select("attachments.storage_key")
      .where("tickets.number", "=", number)
      .executeTakeFirstOrThrow();
    expect(existsSync(fileOf(key))).toBe(true);
    return { app, number, key };
  }

  it("removes a purged ticket's attachment files", async () => {
    const { app, number, key } = await ticketWithAttachment("Purged with its scan");
    const admin = await signInAs(app, await buildAdmin(db()));
    const deleted = await app.inject({
      method: "DELETE",
      url: `/api/v1/tickets/${number}`,
      headers: { cookie: admin.cookie, "x-csrf-token": admin.csrfToken },
    });
    expect(deleted.statusCode).toBe(204);
    // Restorable until the purge: the file stays.
    expect(existsSync(fileOf(key))).toBe(true);
    await purgeDeletedTickets(
      { db: db(), config },
      new Date(Date.now() + (config.deletedTicketRetentionDays + 1) * DAY),
    );
    expect(existsSync(fileOf(key))).toBe(false);
  });

  it("removes files no row names, left by uploads that never committed, once they are a day old", async () => {
    const { key: liveKey } = await ticketWithAttachment("Kept with its scan");
    const folder = liveKey.slice(0, 2);
    const at = hourSweeping(folder, new Date(Date.now() + 2 * DAY));
    const twoDaysBefore = new Date(at.getTime() - 2 * DAY);
    const storedFile = async (key: string, writtenAt: Date) => {
      await mkdir(path.dirname(fileOf(key)), { recursive: true });
      await writeFile(fileOf(key), "bytes of a request that failed");
      await utimes(fileOf(key), writtenAt, writtenAt);
      return fileOf(key);
    };
    // Ids in the same folder as the live attachment, as any id ending in the same two characters is.
    const orphanId = `${newId().slice(0, -2)}${folder}`;
    const recentId = `${newId().slice(0, -2)}${folder}`;
    const orphan = await storedFile(storageKeyFor(orphanId), twoDaysBefore);
    // Still being written, as far as anyone can tell: a transaction may be about to name it.
    const recent = await storedFile(storageKeyFor(recentId), new Date(at.getTime() - HOUR));
    await utimes(fileOf(liveKey), twoDaysBefore, twoDaysBefore);
    // A waiting upload whose row was never written.
    await mkdir(uploadsDir(config), { recursive: true });
    const upload = path.join(uploadsDir(config), newId());
    await writeFile(upload, "an upload nobody will claim");
    await utimes(upload, twoDaysBefore, twoDaysBefore);

    const counts = await cleanUp({ db: db(), config }, at);
    expect(counts.orphanedFiles).toBe(2);
    expect(existsSync(orphan)).toBe(false);
    expect(existsSync(upload)).toBe(false);
    expect(existsSync(recent)).toBe(true);
    expect(existsSync(fileOf(liveKey))).toBe(true);
    // Again (another instance, a retry): nothing more to do.
    expect((await cleanUp({ db: db(), config }, at)).orphanedFiles).toBe(0);
  });
});
