/** Reading business calendars from the database. */
import type { Kysely, Transaction } from "kysely";
import { workingHoursSchema } from "../../common/service-levels.ts";
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

/**
 * The calendar a ticket's clock counts in: the policy's own, else its
 * group's, else the default one (and Monday–Friday 9–17 UTC if an admin
 * removed every calendar).
 */
export async function calendarFor(
  db: Db,
  choice: { calendarId?: string | null; groupId?: string | null },
): Promise<BusinessCalendar> {
  const select = db.selectFrom("calendars").select(["time_zone", "hours", "holidays"]);
  if (choice.calendarId) {
    const own = await select.where("id", "=", choice.calendarId).executeTakeFirst();
    if (own) return toBusinessCalendar(own);
  }
  if (choice.groupId) {
    const group = await db
      .selectFrom("groups")
      .innerJoin("calendars", "calendars.id", "groups.calendar_id")
      .select(["calendars.time_zone", "calendars.hours", "calendars.holidays"])
      .where("groups.id", "=", choice.groupId)
      .executeTakeFirst();
    if (group) return toBusinessCalendar(group);
  }
  const fallback = await select.where("is_default", "=", 1).executeTakeFirst();
  return fallback ? toBusinessCalendar(fallback) : fallbackCalendar;
}
