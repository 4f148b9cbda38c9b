import type { Transaction } from "kysely";
import { newId } from "../../db/ids.ts";
import type { Database, Visibility } from "../../db/schema.ts";
import { type AttachmentStorage, storageKeyFor } from "./storage.ts";
import type { UploadedFile } from "./uploads.ts";

export type StoredAttachment = { id: string; fileName: string; size: number };

/**
 * Moves finished uploads into storage and records them on the ticket, inside
 * the caller's transaction. Every key moved is pushed onto `stored` before its
 * row is written, so the caller can remove the files again if the transaction
 * fails and no acknowledged row ever points at a missing file.
 */
export async function storeAttachments(
  trx: Transaction<Database>,
  storage: AttachmentStorage,
  stored: string[],
  target: {
    ticketId: string;
    visibility: Visibility;
    uploader: { id: string | null; name: string };
    at: string;
  },
  uploads: UploadedFile[],
): Promise<StoredAttachment[]> {
  const attachments: StoredAttachment[] = [];
  for (const upload of uploads) {
    const id = upload.id ?? newId();
    const key = storageKeyFor(id);
    await storage.put(key, upload.tempFile);
    stored.push(key);
    attachments.push({ id, fileName: upload.fileName, size: upload.size });
    await trx
      .insertInto("attachments")
      .values({
        id,
        ticket_id: target.ticketId,
        file_name: upload.fileName,
        content_type: upload.contentType,
        size: upload.size,
        sha256: upload.sha256,
        storage_key: key,
        visibility: target.visibility,
        uploaded_by_id: target.uploader.id,
        uploaded_by_name: target.uploader.name,
        created_at: target.at,
      })
      .execute();
  }
  return attachments;
}
