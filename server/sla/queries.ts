import type { Kysely } from "kysely";
import { type Calendar, type SlaPolicy, slaConditionsSchema, workingHoursSchema } from "../../common/service-levels.ts";
import { decodeJson } from "../db/engine.ts";
import type { Database } from "../db/schema.ts";

export async function listCalendars(db: Kysely<Database>): Promise<Calendar[]> {
  const [calendars, groups] = await Promise.all([
    db.selectFrom("calendars").selectAll().orderBy("name").execute(),
    db.selectFrom("groups").select(["id", "calendar_id"]).where("calendar_id", "is not", null).execute(),
  ]);
  return calendars.map((c) => ({
    id: c.id,
    name: c.name,
    timeZone: c.time_zone,
    hours: workingHoursSchema.array().parse(decodeJson(c.hours)),
    holidays: decodeJson(c.holidays) as string[],
    isDefault: c.is_default === 1,
    groupIds: groups.filter((g) => g.calendar_id === c.id).map((g) => g.id),
  }));
}

export async function listSlaPolicies(db: Kysely<Database>): Promise<SlaPolicy[]> {
  const rows = await db.selectFrom("sla_policies").selectAll().orderBy("position").orderBy("id").execute();
  return rows.map((p) => ({
    id: p.id,
    name: p.name,
    position: p.position,
    conditions: slaConditionsSchema.parse(decodeJson(p.conditions)),
    firstResponseMinutes: p.first_response_minutes,
    resolutionMinutes: p.resolution_minutes,
    businessTime: p.business_time === 1,
    calendarId: p.calendar_id,
  }));
}

export async function listSlaStatuses(db: Kysely<Database>) {
  const rows = await db
    .selectFrom("statuses")
    .select(["id", "agent_label", "category", "pauses_sla"])
    .orderBy("position")
    .execute();
  return rows.map((s) => ({
    id: s.id,
    agentLabel: s.agent_label,
    category: s.category,
    pausesClock: s.pauses_sla === 1,
  }));
}
