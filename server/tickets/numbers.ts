import { sql, type Transaction } from "kysely";
import { engineOf } from "../db/engine.ts";
import type { Database } from "../db/schema.ts";

/**
 * Takes the next human-facing ticket number, unique across processes.
 *
 * PostgreSQL draws it from `ticket_number_seq` (migration 0028): no lock is held
 * until commit, so concurrent creates do not wait for each other; a create that
 * rolls back leaves a gap. SQLite bumps the `ticket_number` counter row: writers
 * are serial there, so the row costs no waiting and numbers stay without gaps.
 */
export async function nextTicketNumber(trx: Transaction<Database>): Promise<number> {
  if (engineOf(trx) === "postgres") {
    const { rows } = await sql<{ value: number }>`select nextval('ticket_number_seq') as value`.execute(trx);
    const value = rows[0]?.value;
    if (value === undefined) throw new Error("The ticket number sequence returned nothing.");
    return Number(value);
  }
  const row = await trx
    .updateTable("counters")
    .set((eb) => ({ value: eb("value", "+", 1) }))
    .where("name", "=", "ticket_number")
    .returning("value")
    .executeTakeFirstOrThrow();
  return row.value;
}
