/**
 * Standalone uploads (POST /api/v1/uploads): a file sent on its own, before the ticket or comment it belongs
 * to exists. The uploader gets a token; naming it in `attachments` of a new ticket or comment turns the file
 * into an attachment. The token is good for an hour, for its uploader only, and once: the hourly clean-up
 * removes what nobody used.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import type { Kysely } from "kysely";
import { hashToken } from "../../accounts/tokens.ts";
import type { Config } from "../../config.ts";
import type { Actor, UserActor } from "../../core/actor.ts";
import { AppError } from "../../core/errors.ts";
import { engineOf, supportsRowLocks } from "../../db/engine.ts";
import { newId } from "../../db/ids.ts";
import type { Database } from "../../db/schema.ts";
import { renameDurably } from "./storage.ts";
import type { UploadedFile } from "./uploads.ts";

export const uploadLifetimeMs = 60 * 60 * 1000;

/**
 * How many files one account may have waiting at once. They are kept on disk for an hour before anyone attaches
 * them, so without a bound one signed-in customer could fill the disk with uploads nobody will ever see. Twice
 * what a request may attach (10 files of at most 10 MB each) leaves room for a retry while the first tokens wait.
 */
export const maxWaitingUploads = 20;

export type WaitingUpload = { token: string; fileName: string; contentType: string; size: number; expiresAt: string };

type Ctx = { db: Kysely<Database>; config: Pick<Config, "dataDir"> };

export function uploadsDir(config: Pick<Config, "dataDir">): string {
  return path.join(config.dataDir, "uploads");
}

/** Where a waiting upload's bytes are: named by the row's id (a UUID the server made), never by the upload. */
function uploadFile(config: Pick<Config, "dataDir">, id: string): string {
  return path.join(uploadsDir(config), id);
}

/** Keeps a received file under a fresh token for its uploader. */
export async function createUpload({ db, config }: Ctx, actor: UserActor, file: UploadedFile): Promise<WaitingUpload> {
  const id = newId();
  const token = `up_${randomBytes(24).toString("base64url")}`;
  const at = new Date();
  const expiresAt = new Date(at.getTime() + uploadLifetimeMs).toISOString();
  await mkdir(uploadsDir(config), { recursive: true });
  await renameDurably(file.tempFile, uploadFile(config, id));
  try {
    await db.transaction().execute(async (trx) => {
      // The uploader's row is locked first (PostgreSQL), so uploads sent side by side are counted one after
      // the other and cannot all slip under the bound; SQLite's writers take turns anyway.
      if (supportsRowLocks(engineOf(trx))) {
        await trx.selectFrom("users").select("id").where("id", "=", actor.user.id).forUpdate().execute();
      }
      const waiting = await trx
        .selectFrom("uploads")
        .select((eb) => eb.fn.countAll<number | string>().as("files"))
        .where("uploader_id", "=", actor.user.id)
        .where("expires_at", ">", at.toISOString())
        .executeTakeFirstOrThrow();
      if (Number(waiting.files) >= maxWaitingUploads) {
        throw new AppError(
          "rate_limited",
          `You have ${maxWaitingUploads} uploaded files waiting to be attached, the most an account may have. Attach them to a request or comment, or wait until they expire within the hour.`,
        );
      }
      await trx
        .insertInto("uploads")
        .values({
          id,
          token_hash: hashToken(token),
          uploader_id: actor.user.id,
          file_name: file.fileName,
          content_type: file.contentType,
          size: file.size,
          sha256: file.sha256,
          created_at: at.toISOString(),
          expires_at: expiresAt,
        })
        .execute();
    });
  } catch (error) {
    await rm(uploadFile(config, id), { force: true });
    throw error;
  }
  return { token, fileName: file.fileName, contentType: file.contentType, size: file.size, expiresAt };
}

type UploadRow = Database["uploads"];

const unknownUpload = () =>
  new AppError("validation_failed", "Some fields need attention.", {
    attachments: "An upload is unknown, expired, already used or not yours: upload the file again.",
  });

/**
 * Runs `use` with the files the tokens name, as temporary files it may move into attachment storage (as
 * uploads in a multipart request are). The uploads are claimed first, so two requests naming the same token
 * cannot both attach it; if `use` fails, they are given back and the token works again.
 */
export async function withUploads<T>(
  { db, config }: Ctx & { config: Pick<Config, "dataDir"> },
  actor: Actor,
  tokens: readonly string[] | undefined,
  tempDir: string,
  use: (files: UploadedFile[]) => Promise<T>,
): Promise<T> {
  if (!tokens?.length) return use([]);
  if (actor.kind !== "user") throw unknownUpload();
  const hashes = [...new Set(tokens)].map(hashToken);
  const claimed: UploadRow[] = await db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom("uploads")
      .selectAll()
      .where("token_hash", "in", hashes)
      .where("uploader_id", "=", actor.user.id)
      .where("expires_at", ">", new Date().toISOString())
      .execute();
    if (rows.length !== hashes.length) throw unknownUpload();
    const removed = await trx
      .deleteFrom("uploads")
      .where(
        "id",
        "in",
        rows.map((r) => r.id),
      )
      .executeTakeFirst();
    // Someone else claimed one between our read and delete (SQLite has no row locks): theirs, not ours.
    if (Number(removed.numDeletedRows) !== rows.length) throw unknownUpload();
    return rows;
  });
  await mkdir(tempDir, { recursive: true });
  const files: UploadedFile[] = [];
  for (const row of claimed) {
    const tempFile = path.join(tempDir, `${randomUUID()}.upload`);
    await rename(uploadFile(config, row.id), tempFile);
    files.push({
      tempFile,
      fileName: row.file_name,
      contentType: row.content_type,
      size: row.size,
      sha256: row.sha256,
    });
  }
  try {
    return await use(files);
  } catch (error) {
    await giveBack({ db, config }, claimed, files);
    throw error;
  } finally {
    await Promise.all(files.map((f) => rm(f.tempFile, { force: true })));
  }
}

/** Puts claimed uploads back after the request that claimed them failed; files already moved on are gone. */
async function giveBack({ db, config }: Ctx, claimed: UploadRow[], files: UploadedFile[]): Promise<void> {
  const back: UploadRow[] = [];
  for (const [i, row] of claimed.entries()) {
    const file = files[i];
    if (!file) continue;
    try {
      await rename(file.tempFile, uploadFile(config, row.id));
      back.push(row);
    } catch {
      // Stored as an attachment before the failure rolled back, and removed again: nothing to give back.
    }
  }
  if (back.length) await db.insertInto("uploads").values(back).execute();
}

/** Removes the files of uploads whose rows are gone (their uploader was deleted). */
export async function removeUploadFiles(config: Pick<Config, "dataDir">, ids: readonly string[]): Promise<void> {
  await Promise.all(ids.map((id) => rm(uploadFile(config, id), { force: true })));
}

/** The clean-up's step: expired uploads, rows and files. Bounded, so a long backlog is worked off hour by hour. */
export async function purgeExpiredUploads({ db, config }: Ctx, at: Date): Promise<number> {
  const expired = await db
    .selectFrom("uploads")
    .select("id")
    .where("expires_at", "<=", at.toISOString())
    .limit(1000)
    .execute();
  if (!expired.length) return 0;
  const ids = expired.map((u) => u.id);
  await db.deleteFrom("uploads").where("id", "in", ids).execute();
  await removeUploadFiles(config, ids);
  return ids.length;
}
