/**
 * Deleting a ticket (admins, `tickets.delete`) is soft: `deleted_at` takes it out of every list, count,
 * search and lookup at once (`ticketScope`, the counter triggers of migration 0040), the incremental export
 * tells syncs with a tombstone, and an admin can restore it until the retention period
 * (DELETED_TICKET_RETENTION_DAYS) ends; then the purge job removes it and everything hanging off it.
 */
import type { Transaction } from "kysely";
import { type Actor, hasPermission } from "../../core/actor.ts";
import type { AppContext } from "../../core/context.ts";
import { AppError, notFound } from "../../core/errors.ts";
import { now } from "../../db/engine.ts";
import type { Database } from "../../db/schema.ts";
import { recordDeletion } from "../../export/tombstones.ts";
import { recordEvent } from "../events.ts";
import { actorName } from "../lifecycle.ts";
import { ticketScope } from "../policy.ts";
import { attachmentStorage } from "./submit-ticket.ts";

type Ctx = Pick<AppContext, "db" | "config">;
const DAY = 24 * 60 * 60 * 1000;

/**
 * Refuses before any lookup: deleting and restoring are for admins only. Visitors, and guests on the admin
 * area (`adminArea`: the list and restore, like every admin route), are asked to sign in.
 */
export function requireDelete(actor: Actor, adminArea = false): void {
  if (actor.kind === "anonymous" || (adminArea && actor.kind !== "user"))
    throw new AppError("unauthenticated", "Sign in to delete tickets.");
  if (!hasPermission(actor, "tickets.delete")) throw new AppError("forbidden", "Only admins can delete tickets.");
}

/** When a ticket deleted at `deletedAt` is purged. */
export function purgeAfter(deletedAt: string, retentionDays: number): string {
  return new Date(Date.parse(deletedAt) + retentionDays * DAY).toISOString();
}

export async function deleteTicket({ db, config }: Ctx, actor: Actor, number: number): Promise<void> {
  requireDelete(actor);
  await db.transaction().execute(async (trx) => {
    const ticket = await trx
      .selectFrom("tickets")
      .select(["tickets.id"])
      .where(ticketScope(actor))
      .where("tickets.number", "=", number)
      .executeTakeFirst();
    if (!ticket) throw notFound("That ticket");
    const at = now();
    const by = actorName(actor);
    await trx
      .updateTable("tickets")
      .set({ deleted_at: at, deleted_by_name: by.name })
      .where("id", "=", ticket.id)
      .execute();
    await recordEvent(
      trx,
      { config },
      {
        ticketId: ticket.id,
        type: "deleted",
        actor: by,
        visibility: "internal",
        payload: { purgeAfter: purgeAfter(at, config.deletedTicketRetentionDays) },
        at,
      },
    );
    await recordDeletion(trx, "tickets", ticket.id, at);
  });
}

export async function restoreTicket({ db, config }: Ctx, actor: Actor, number: number): Promise<void> {
  requireDelete(actor, true);
  await db.transaction().execute(async (trx) => {
    const ticket = await trx
      .selectFrom("tickets")
      .select("id")
      .where("number", "=", number)
      .where("deleted_at", "is not", null)
      .executeTakeFirst();
    if (!ticket) throw notFound("That deleted ticket");
    const at = now();
    // Changed "now" for the export: a sync that followed the tombstone gets the ticket back as changed.
    await trx
      .updateTable("tickets")
      .set({ deleted_at: null, deleted_by_name: null, updated_at: at })
      .where("id", "=", ticket.id)
      .execute();
    await trx.deleteFrom("deleted_records").where("resource", "=", "tickets").where("id", "=", ticket.id).execute();
    await recordEvent(
      trx,
      { config },
      { ticketId: ticket.id, type: "restored", actor: actorName(actor), visibility: "internal", payload: {}, at },
    );
  });
}

/** Deleted tickets, newest deletion first, with when each is purged. */
export async function listDeletedTickets({ db, config }: Ctx, actor: Actor) {
  requireDelete(actor, true);
  const rows = await db
    .selectFrom("tickets")
    .select(["number", "subject", "requester_name", "deleted_at", "deleted_by_name"])
    .where("deleted_at", "is not", null)
    .orderBy("deleted_at", "desc")
    .orderBy("number", "desc")
    .limit(500)
    .execute();
  return rows.map((row) => {
    const deletedAt = row.deleted_at ?? "";
    return {
      number: row.number,
      subject: row.subject,
      requester: row.requester_name,
      deletedAt,
      deletedBy: row.deleted_by_name ?? "",
      purgeAfter: purgeAfter(deletedAt, config.deletedTicketRetentionDays),
    };
  });
}

/** How many tickets one purge takes at a time: bounded work per transaction, the next slot takes the rest. */
const purgeBatch = 100;

/**
 * Removes for good the tickets deleted longer ago than the retention period: the rows (events, comments,
 * tags, tasks… go with them by foreign key) in one transaction per batch, then their files. The tombstone
 * stays for the export. Running it twice is harmless.
 */
export async function purgeDeletedTickets(
  { db, config }: Ctx,
  at: Date,
  /** Runs in each batch's transaction before its rows go (the job uses it to tell reports: jobs/handlers.ts). */
  beforePurge: (trx: Transaction<Database>, ids: readonly string[], at: Date) => Promise<void> = async () => {},
  signal?: AbortSignal,
): Promise<number> {
  const cutoff = new Date(at.getTime() - config.deletedTicketRetentionDays * DAY).toISOString();
  const storage = attachmentStorage(config);
  let purged = 0;
  for (;;) {
    // Asked to stop (shutdown, the job's timeout): between two batches; the next run takes the rest.
    signal?.throwIfAborted();
    const { ids, keys } = await db.transaction().execute(async (trx: Transaction<Database>) => {
      const due = await trx
        .selectFrom("tickets")
        .select("id")
        .where("deleted_at", "is not", null)
        .where("deleted_at", "<=", cutoff)
        .orderBy("deleted_at")
        .limit(purgeBatch)
        .execute();
      const ids = due.map((t) => t.id);
      if (ids.length === 0) return { ids, keys: [] };
      const files = await trx.selectFrom("attachments").select("storage_key").where("ticket_id", "in", ids).execute();
      await beforePurge(trx, ids, at);
      await trx.deleteFrom("tickets").where("id", "in", ids).execute();
      return { ids, keys: files.map((f) => f.storage_key) };
    });
    // After the commit: a file whose row is gone is never served again, whatever happens to the file.
    await Promise.all(keys.map((key) => storage.remove(key).catch(() => undefined)));
    purged += ids.length;
    if (ids.length < purgeBatch) return purged;
  }
}
