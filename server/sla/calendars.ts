/** Reading business calendars from the database. */
import type { Kysely, Transaction } from "kysely";
import { workingHoursSchema } from "../../common/service-levels.ts";
import { compiledOnce } from "../db/compiled-once.ts";
import { decodeJson } from "../db/engine.ts";
import type { Database } from "../db/schema.ts";
import { type BusinessCalendar, fallbackCalendar } from "./calendar.ts";

type Db = Kysely<Database> | Transaction<Database>;

export function toBusinessCalendar(row: { time_zone: string; hours: unknown; holidays: unknown }): BusinessCalendar {
  return {
    timeZone: row.time_zone,
    hours: workingHoursSchema.array().parse(decodeJson(row.hours)),
    holidays: (decodeJson(row.holidays) as string[]).slice(),
  };
}

/** Calendars already read in a transaction, by choice: its reactions (clock, metrics, alerts) ask for the same one. */
const readInTransaction = new WeakMap<Transaction<Database>, Map<string, Promise<BusinessCalendar>>>();

/**
 * The calendar a ticket's clock counts in: the policy's own, else its
 * group's, else the default one (and Monday–Friday 9–17 UTC if an admin
 * removed every calendar). One statement: the calendars table holds a handful of rows.
 *
 * Inside a transaction the answer is kept for the rest of it, as every reaction to a ticket change asks: no command
 * changes a calendar and then reads one in the same transaction (calendars are edited by admin commands of their own).
 */
export function calendarFor(
  db: Db,
  choice: { calendarId?: string | null; groupId?: string | null },
): Promise<BusinessCalendar> {
  const key = `${choice.calendarId ?? ""}|${choice.groupId ?? ""}`;
  const memo = db.isTransaction ? memoOf(db as Transaction<Database>) : undefined;
  const known = memo?.get(key);
  if (known) return known;
  const read = readCalendar(db, choice.calendarId ?? null, choice.groupId ?? null);
  memo?.set(key, read);
  return read;
}

function memoOf(trx: Transaction<Database>): Map<string, Promise<BusinessCalendar>> {
  let memo = readInTransaction.get(trx);
  if (!memo) {
    memo = new Map();
    readInTransaction.set(trx, memo);
  }
  return memo;
}

/**
 * The policy's own calendar first, then the group's, then the default. Built and compiled by Kysely once: every
 * ticket creation reads it, and building it each time cost more than SQLite spent running it.
 */
const calendarQuery = compiledOnce(2, (db, calendarId, groupId) => {
  const groupCalendar = db.selectFrom("groups").select("groups.calendar_id").where("groups.id", "=", groupId);
  return db
    .selectFrom("calendars")
    .select(["time_zone", "hours", "holidays"])
    .where((eb) =>
      eb.or([eb("calendars.id", "=", calendarId), eb("calendars.id", "=", groupCalendar), eb("is_default", "=", 1)]),
    )
    .orderBy((eb) =>
      eb
        .case()
        .when("calendars.id", "=", calendarId)
        .then(0)
        .when("calendars.id", "=", groupCalendar)
        .then(1)
        .else(2)
        .end(),
    )
    .limit(1);
});

async function readCalendar(db: Db, calendarId: string | null, groupId: string | null): Promise<BusinessCalendar> {
  const [found] = await calendarQuery(db, calendarId ?? "", groupId ?? "");
  return found ? toBusinessCalendar(found) : fallbackCalendar;
}
