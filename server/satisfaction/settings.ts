/** The admin's survey settings: on or off, the delay after solving, and the groups and services that send none. */
import type { Kysely, Transaction } from "kysely";
import type { SatisfactionSettings } from "../../common/satisfaction.ts";
import { AppError } from "../core/errors.ts";
import type { Database } from "../db/schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

export async function loadSatisfactionSettings(db: Db): Promise<SatisfactionSettings> {
  const [row, groups, services] = await Promise.all([
    db.selectFrom("satisfaction_settings").select(["enabled", "delay_minutes"]).executeTakeFirst(),
    db.selectFrom("satisfaction_excluded_groups").select("group_id").orderBy("group_id").execute(),
    db.selectFrom("satisfaction_excluded_services").select("service_id").orderBy("service_id").execute(),
  ]);
  return {
    enabled: (row?.enabled ?? 1) === 1,
    delayMinutes: row?.delay_minutes ?? 60,
    excludedGroupIds: groups.map((g) => g.group_id),
    excludedServiceIds: services.map((s) => s.service_id),
  };
}

/** Whether a ticket of this group and service gets a survey at all under these settings. */
export function surveysFor(
  settings: SatisfactionSettings,
  ticket: { group_id: string | null; service_id: string | null },
): boolean {
  if (!settings.enabled) return false;
  if (ticket.group_id && settings.excludedGroupIds.includes(ticket.group_id)) return false;
  if (ticket.service_id && settings.excludedServiceIds.includes(ticket.service_id)) return false;
  return true;
}

/** Replaces the settings in one transaction; an unknown group or service is refused by name of its field. */
export async function saveSatisfactionSettings(
  db: Kysely<Database>,
  input: SatisfactionSettings,
  at: string,
): Promise<void> {
  const groupIds = [...new Set(input.excludedGroupIds)];
  const serviceIds = [...new Set(input.excludedServiceIds)];
  await db.transaction().execute(async (trx) => {
    if (groupIds.length) {
      const found = await trx.selectFrom("groups").select("id").where("id", "in", groupIds).execute();
      if (found.length !== groupIds.length)
        throw new AppError("validation_failed", "Some fields need attention.", {
          excludedGroupIds: "Choose groups from the list.",
        });
    }
    if (serviceIds.length) {
      const found = await trx.selectFrom("services").select("id").where("id", "in", serviceIds).execute();
      if (found.length !== serviceIds.length)
        throw new AppError("validation_failed", "Some fields need attention.", {
          excludedServiceIds: "Choose services from the list.",
        });
    }
    await trx
      .insertInto("satisfaction_settings")
      .values({ id: "default", enabled: input.enabled ? 1 : 0, delay_minutes: input.delayMinutes, updated_at: at })
      .onConflict((oc) =>
        oc
          .column("id")
          .doUpdateSet({ enabled: input.enabled ? 1 : 0, delay_minutes: input.delayMinutes, updated_at: at }),
      )
      .execute();
    await trx.deleteFrom("satisfaction_excluded_groups").execute();
    await trx.deleteFrom("satisfaction_excluded_services").execute();
    if (groupIds.length)
      await trx
        .insertInto("satisfaction_excluded_groups")
        .values(groupIds.map((group_id) => ({ group_id })))
        .execute();
    if (serviceIds.length)
      await trx
        .insertInto("satisfaction_excluded_services")
        .values(serviceIds.map((service_id) => ({ service_id })))
        .execute();
  });
}
