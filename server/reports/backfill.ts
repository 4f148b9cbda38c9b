/**
 * Works out every ticket's metrics row and the hourly rollups from the events
 * (for tickets from before metrics were recorded, or after a change to how a
 * figure is defined). Idempotent: each ticket's row is replaced, and the
 * rollups are rebuilt from scratch in the last transaction, so running it
 * twice gives the same tables. Run it while the help desk is quiet: a ticket
 * changed while it runs may be counted in the rollups as it was before.
 */
import type { Kysely } from "kysely";
import type { StatusCategory } from "../../common/tickets.ts";
import type { Database } from "../db/schema.ts";
import { type RollupRow, replayTicket, sumDeltas } from "./store.ts";

const BATCH = 200;

export type BackfillProgress = (done: number, total: number) => void;

export async function backfillMetrics(
  db: Kysely<Database>,
  progress: BackfillProgress = () => {},
): Promise<{ tickets: number }> {
  const total = Number(
    (
      await db
        .selectFrom("tickets")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const statuses = new Map<string, StatusCategory>();
  const rollups = new Map<string, RollupRow>();
  let done = 0;
  let after = "";
  progress(0, total);
  for (;;) {
    const ids = await db
      .selectFrom("tickets")
      .select("id")
      .where("id", ">", after)
      .orderBy("id")
      .limit(BATCH)
      .execute();
    if (ids.length === 0) break;
    await db.transaction().execute(async (trx) => {
      for (const { id } of ids) {
        const replayed = await replayTicket(trx, id, statuses);
        await trx.deleteFrom("ticket_metrics").where("ticket_id", "=", id).execute();
        if (!replayed) continue;
        await trx.insertInto("ticket_metrics").values(replayed.row).execute();
        sumDeltas(replayed.deltas, rollups);
      }
    });
    after = ids[ids.length - 1]?.id ?? after;
    done += ids.length;
    progress(done, total);
  }
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("report_rollups").execute();
    const rows = [...rollups.values()];
    for (let i = 0; i < rows.length; i += BATCH) {
      await trx
        .insertInto("report_rollups")
        .values(rows.slice(i, i + BATCH))
        .execute();
    }
  });
  return { tickets: done };
}
