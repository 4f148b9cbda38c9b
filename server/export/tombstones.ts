/**
 * Deletions, as the incremental export tells them: a tombstone per deleted record, written in the deleting
 * transaction so a sync never misses a deletion that happened.
 */
import type { Transaction } from "kysely";
import { now } from "../db/engine.ts";
import type { Database, DeletedRecordsTable } from "../db/schema.ts";

export type ExportResource = DeletedRecordsTable["resource"];

export async function recordDeletion(
  trx: Transaction<Database>,
  resource: ExportResource,
  id: string,
  at: string = now(),
): Promise<void> {
  await trx
    .insertInto("deleted_records")
    .values({ resource, id, deleted_at: at })
    .onConflict((oc) => oc.columns(["resource", "id"]).doUpdateSet({ deleted_at: at }))
    .execute();
}
