/** Admins shape service levels: calendars, SLA policies, and which statuses stop the clock. */
import type { Kysely, Transaction } from "kysely";
import type { CalendarInput, SlaPolicyInput } from "../../../common/service-levels.ts";
import { AppError, notFound } from "../../core/errors.ts";
import { encodeJson, isUniqueViolation, now } from "../../db/engine.ts";
import { newId } from "../../db/ids.ts";
import type { Database } from "../../db/schema.ts";
import { isValidTimeZone } from "../calendar.ts";

function invalid(fields: Record<string, string>): AppError {
  return new AppError("validation_failed", "Some fields need attention.", fields);
}

async function checkCalendar(trx: Transaction<Database>, input: CalendarInput): Promise<void> {
  if (!isValidTimeZone(input.timeZone)) throw invalid({ timeZone: "Choose a time zone from the list." });
  if (input.groupIds.length) {
    const found = await trx.selectFrom("groups").select("id").where("id", "in", input.groupIds).execute();
    if (found.length !== new Set(input.groupIds).size) throw invalid({ groupIds: "Choose groups from the list." });
  }
}

/** Writes the calendar's groups and, when it becomes the default, takes that from the others. */
async function writeCalendarLinks(trx: Transaction<Database>, id: string, input: CalendarInput): Promise<void> {
  if (input.isDefault) await trx.updateTable("calendars").set({ is_default: 0 }).where("id", "!=", id).execute();
  await trx.updateTable("groups").set({ calendar_id: null }).where("calendar_id", "=", id).execute();
  if (input.groupIds.length)
    await trx.updateTable("groups").set({ calendar_id: id }).where("id", "in", input.groupIds).execute();
}

function nameTaken(error: unknown): never {
  if (isUniqueViolation(error)) throw invalid({ name: "A calendar with this name exists already." });
  throw error;
}

export async function createCalendar(db: Kysely<Database>, input: CalendarInput): Promise<string> {
  const id = newId();
  const at = now();
  await db
    .transaction()
    .execute(async (trx) => {
      await checkCalendar(trx, input);
      const any = await trx.selectFrom("calendars").select("id").executeTakeFirst();
      await trx
        .insertInto("calendars")
        .values({
          id,
          name: input.name,
          time_zone: input.timeZone,
          hours: encodeJson(input.hours),
          holidays: encodeJson([...new Set(input.holidays)].sort()),
          // The first calendar is the default whatever the form says: tickets need one.
          is_default: input.isDefault || !any ? 1 : 0,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await writeCalendarLinks(trx, id, input);
    })
    .catch(nameTaken);
  return id;
}

export async function updateCalendar(db: Kysely<Database>, id: string, input: CalendarInput): Promise<void> {
  await db
    .transaction()
    .execute(async (trx) => {
      const current = await trx.selectFrom("calendars").select("is_default").where("id", "=", id).executeTakeFirst();
      if (!current) throw notFound("That calendar");
      if (current.is_default && !input.isDefault) {
        throw invalid({ isDefault: "Make another calendar the default instead; one must always be." });
      }
      await checkCalendar(trx, input);
      await trx
        .updateTable("calendars")
        .set({
          name: input.name,
          time_zone: input.timeZone,
          hours: encodeJson(input.hours),
          holidays: encodeJson([...new Set(input.holidays)].sort()),
          is_default: input.isDefault ? 1 : 0,
          updated_at: now(),
        })
        .where("id", "=", id)
        .execute();
      await writeCalendarLinks(trx, id, input);
    })
    .catch(nameTaken);
}

/** Tickets keep the due dates already set; groups and policies that used it fall back to the default calendar. */
export async function deleteCalendar(db: Kysely<Database>, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom("calendars").select("is_default").where("id", "=", id).executeTakeFirst();
    if (!current) throw notFound("That calendar");
    if (current.is_default)
      throw new AppError("conflict", "Make another calendar the default before deleting this one.");
    await trx.updateTable("groups").set({ calendar_id: null }).where("calendar_id", "=", id).execute();
    await trx.updateTable("sla_policies").set({ calendar_id: null }).where("calendar_id", "=", id).execute();
    await trx.deleteFrom("calendars").where("id", "=", id).execute();
  });
}

async function checkPolicy(trx: Transaction<Database>, input: SlaPolicyInput): Promise<void> {
  if (input.calendarId) {
    const calendar = await trx
      .selectFrom("calendars")
      .select("id")
      .where("id", "=", input.calendarId)
      .executeTakeFirst();
    if (!calendar) throw invalid({ calendarId: "Choose a calendar from the list." });
  }
}

function policyValues(input: SlaPolicyInput) {
  return {
    name: input.name,
    position: input.position,
    conditions: encodeJson(input.conditions),
    first_response_minutes: input.firstResponseMinutes,
    resolution_minutes: input.resolutionMinutes,
    business_time: input.businessTime ? 1 : 0,
    calendar_id: input.calendarId,
  };
}

/** New and changed policies apply to tickets from then on; tickets keep the targets they were given. */
export async function createSlaPolicy(db: Kysely<Database>, input: SlaPolicyInput): Promise<string> {
  const id = newId();
  const at = now();
  await db.transaction().execute(async (trx) => {
    await checkPolicy(trx, input);
    await trx
      .insertInto("sla_policies")
      .values({ id, ...policyValues(input), created_at: at, updated_at: at })
      .execute();
  });
  return id;
}

export async function updateSlaPolicy(db: Kysely<Database>, id: string, input: SlaPolicyInput): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await checkPolicy(trx, input);
    const result = await trx
      .updateTable("sla_policies")
      .set({ ...policyValues(input), updated_at: now() })
      .where("id", "=", id)
      .executeTakeFirst();
    if (!Number(result.numUpdatedRows)) throw notFound("That policy");
  });
}

export async function deleteSlaPolicy(db: Kysely<Database>, id: string): Promise<void> {
  const result = await db.deleteFrom("sla_policies").where("id", "=", id).executeTakeFirst();
  if (!Number(result.numDeletedRows)) throw notFound("That policy");
}

export async function setStatusPausesClock(db: Kysely<Database>, statusId: string, pauses: boolean): Promise<void> {
  const result = await db
    .updateTable("statuses")
    .set({ pauses_sla: pauses ? 1 : 0 })
    .where("id", "=", statusId)
    .executeTakeFirst();
  if (!Number(result.numUpdatedRows)) throw notFound("That status");
}
