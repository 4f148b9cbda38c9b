/**
 * Images in knowledge-base articles. Editors upload them; the article body refers to them by
 * /api/v1/kb/images/<id> (the only image source the article sanitiser keeps). A reader gets an image only
 * when they may read a published article that shows it, so an image in an internal or draft article stays
 * as private as its words.
 */
import { open } from "node:fs/promises";
import path from "node:path";
import type { Kysely } from "kysely";
import type { Actor } from "../core/actor.ts";
import { AppError } from "../core/errors.ts";
import { now } from "../db/engine.ts";
import { newId } from "../db/ids.ts";
import type { Database } from "../db/schema.ts";
import { localStorage } from "../tickets/attachments/storage.ts";
import { discardUploads, type UploadedFile, type UploadLimits } from "../tickets/attachments/uploads.ts";
import { articleScope, isEditor, requireEditor } from "./policy.ts";

export const imageUploadLimits: UploadLimits = { maxFileBytes: 5 * 1024 * 1024, maxFiles: 1 };
export const imagePath = (id: string) => `/api/v1/kb/images/${id}`;

export function imageStorage(config: { dataDir: string }) {
  return localStorage(path.join(config.dataDir, "kb-images"));
}

/** The image type by the file's first bytes, never by its name or the browser's word: PNG, JPEG, GIF, WebP. SVG can carry script and is refused. */
export async function sniffImageType(file: string): Promise<string | null> {
  const handle = await open(file, "r");
  try {
    const head = Buffer.alloc(12);
    const { bytesRead } = await handle.read(head, 0, 12, 0);
    const b = head.subarray(0, bytesRead);
    if (b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "image/png";
    if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "image/jpeg";
    if (b.subarray(0, 6).toString("latin1") === "GIF87a" || b.subarray(0, 6).toString("latin1") === "GIF89a")
      return "image/gif";
    if (b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP")
      return "image/webp";
    return null;
  } finally {
    await handle.close();
  }
}

/** Stores one uploaded image for articles and answers where the article body should point. */
export async function uploadArticleImage(
  { db, config }: { db: Kysely<Database>; config: { dataDir: string } },
  actor: Actor,
  files: UploadedFile[],
): Promise<{ id: string; url: string; fileName: string }> {
  try {
    const editor = requireEditor(actor);
    const [file] = files;
    if (!file)
      throw new AppError("validation_failed", "Choose an image to upload.", { attachments: "Choose an image." });
    const contentType = await sniffImageType(file.tempFile);
    if (!contentType) {
      throw new AppError("unsupported_media_type", "Upload a PNG, JPEG, GIF or WebP image.", {
        attachments: "Upload a PNG, JPEG, GIF or WebP image.",
      });
    }
    const id = newId();
    const storageKey = `${id.slice(-2)}/${id}`;
    await imageStorage(config).put(storageKey, file.tempFile);
    try {
      await db
        .insertInto("kb_images")
        .values({
          id,
          storage_key: storageKey,
          file_name: file.fileName,
          content_type: contentType,
          size: file.size,
          uploaded_by: editor.user.id,
          created_at: now(),
        })
        .execute();
    } catch (error) {
      await imageStorage(config).remove(storageKey);
      throw error;
    }
    return { id, url: imagePath(id), fileName: file.fileName };
  } finally {
    await discardUploads(files);
  }
}

/** The image, for a reader who may read a published article showing it (editors: any image). */
export async function findReadableImage(db: Kysely<Database>, actor: Actor, id: string) {
  const image = await db
    .selectFrom("kb_images")
    .select(["id", "storage_key", "content_type", "size"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!image || isEditor(actor)) return image;
  const shown = await db
    .selectFrom("kb_articles")
    .select("kb_articles.id")
    .where(articleScope(actor))
    .where("kb_articles.body", "like", `%${imagePath(id)}"%`)
    .executeTakeFirst();
  return shown ? image : undefined;
}
