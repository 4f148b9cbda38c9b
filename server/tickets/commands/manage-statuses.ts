/**
 * Statuses are data (DESIGN.md §4): admins rename, add, reorder and remove
 * them. Every ticket must be able to start somewhere, so the last status in
 * the "new" or "open" categories cannot go, and a status tickets use stays.
 */
import type { Kysely, Transaction } from "kysely";
import type { StatusInput } from "../../../common/statuses.ts";
import { AppError, notFound } from "../../core/errors.ts";
import { newId } from "../../db/ids.ts";
import type { Database } from "../../db/schema.ts";
import { forgetTranslations } from "../../i18n/content-translations.ts";

function keyFor(label: string): string {
  return (
    label
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .slice(0, 40) || "status"
  );
}

async function uniqueKey(trx: Transaction<Database>, label: string): Promise<string> {
  const base = keyFor(label);
  const taken = new Set((await trx.selectFrom("statuses").select("key").execute()).map((s) => s.key));
  let key = base;
  for (let n = 2; taken.has(key); n += 1) key = `${base}_${n}`;
  return key;
}

/** Only closed statuses can be reopened by a reply; other categories have their own rules. */
function reopenFlag(input: StatusInput): number {
  return input.category === "closed" && input.customersMayReopen ? 1 : 0;
}

/** A help desk always needs a status a new ticket can start in. */
async function assertStartRemains(trx: Transaction<Database>): Promise<void> {
  const start = await trx
    .selectFrom("statuses")
    .select("id")
    .where("category", "in", ["new", "open"])
    .executeTakeFirst();
  if (!start) {
    throw new AppError("conflict", "Keep at least one status in the New or Open category: new tickets start there.");
  }
}

export async function createStatus(db: Kysely<Database>, input: StatusInput): Promise<string> {
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("statuses")
      .values({
        id,
        key: await uniqueKey(trx, input.agentLabel),
        agent_label: input.agentLabel,
        customer_label: input.customerLabel,
        category: input.category,
        position: input.position,
        customers_may_reopen: reopenFlag(input),
        // Waiting for the customer or someone else stops the SLA clock unless an admin switches it off.
        pauses_sla: input.category === "pending" || input.category === "on_hold" ? 1 : 0,
      })
      .execute();
  });
  return id;
}

export async function updateStatus(db: Kysely<Database>, id: string, input: StatusInput): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("statuses")
      .set({
        agent_label: input.agentLabel,
        customer_label: input.customerLabel,
        category: input.category,
        position: input.position,
        customers_may_reopen: reopenFlag(input),
      })
      .where("id", "=", id)
      .executeTakeFirst();
    if (!result.numUpdatedRows) throw notFound("That status");
    await assertStartRemains(trx);
  });
}

export async function deleteStatus(db: Kysely<Database>, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const used = await trx.selectFrom("tickets").select("id").where("status_id", "=", id).executeTakeFirst();
    if (used) throw new AppError("conflict", "Tickets have this status, so it cannot be deleted. Rename it instead.");
    const result = await trx.deleteFrom("statuses").where("id", "=", id).executeTakeFirst();
    if (!result.numDeletedRows) throw notFound("That status");
    await forgetTranslations(trx, "status", id);
    await assertStartRemains(trx);
  });
}
