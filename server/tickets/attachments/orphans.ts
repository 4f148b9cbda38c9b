/**
 * Files no row names: an attachment stored inside a transaction that never committed (the process ended between
 * the move into storage and the commit, or removing it again failed), a purged ticket's file that could not be
 * removed after the purge committed, a waiting upload whose row was never written. Nothing would ever serve
 * them or remove them; they only fill the disk. The hourly clean-up removes them once they are old enough that
 * no transaction can still be about to name them.
 */
import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { AppContext } from "../../core/context.ts";
import { attachmentStorage, attachmentStorageRoot } from "../commands/submit-ticket.ts";
import { uploadsDir } from "./standalone-uploads.ts";

type Ctx = Pick<AppContext, "db" | "config">;

/** A file this much older than the clean-up is past any request or transaction that was writing it. */
export const orphanGraceMs = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const batch = 500;

/** Names in a folder, none when it does not exist (nothing was ever stored there). */
async function namesIn(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => []);
}

/** Those of `names` (files in `dir`) last written before `before`. */
async function writtenBefore(dir: string, names: string[], before: number): Promise<string[]> {
  const old: string[] = [];
  for (const name of names) {
    const info = await stat(path.join(dir, name)).catch(() => undefined);
    if (info?.isFile() && info.mtimeMs < before) old.push(name);
  }
  return old;
}

/**
 * One of the 256 attachment folders an hour, in turn (every folder once in about eleven days): the whole store
 * each hour would stat every file ever attached. Then the waiting uploads, which are few. Returns how many
 * files were removed.
 */
export async function removeOrphanedFiles({ db, config }: Ctx, at: Date): Promise<number> {
  const before = at.getTime() - orphanGraceMs;
  let removed = 0;

  const folder = (Math.floor(at.getTime() / HOUR) % 256).toString(16).padStart(2, "0");
  const dir = path.join(attachmentStorageRoot(config), folder);
  const storage = attachmentStorage(config);
  const stale = await writtenBefore(
    dir,
    (await namesIn(dir)).filter((name) => uuid.test(name)),
    before,
  );
  for (let i = 0; i < stale.length; i += batch) {
    const keys = stale.slice(i, i + batch).map((name) => `${folder}/${name}`);
    const named = await db.selectFrom("attachments").select("storage_key").where("storage_key", "in", keys).execute();
    const live = new Set(named.map((row) => row.storage_key));
    for (const key of keys.filter((k) => !live.has(k))) {
      await storage.remove(key);
      removed += 1;
    }
  }

  const uploads = uploadsDir(config);
  const waiting = await writtenBefore(
    uploads,
    (await namesIn(uploads)).filter((name) => uuid.test(name)),
    before,
  );
  for (let i = 0; i < waiting.length; i += batch) {
    const ids = waiting.slice(i, i + batch);
    const named = await db.selectFrom("uploads").select("id").where("id", "in", ids).execute();
    const live = new Set(named.map((row) => row.id));
    for (const id of ids.filter((name) => !live.has(name))) {
      await rm(path.join(uploads, id), { force: true });
      removed += 1;
    }
  }
  return removed;
}
