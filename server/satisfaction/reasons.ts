/** The reasons a requester can give for a Bad rating, managed by admins (Admin → Satisfaction surveys). */
import type { Kysely } from "kysely";
import { AppError, notFound } from "../core/errors.ts";
import { isUniqueViolation } from "../db/engine.ts";
import { newId } from "../db/ids.ts";
import type { Database } from "../db/schema.ts";
import { forgetTranslations } from "../i18n/content-translations.ts";

type ReasonInput = { label: string; position: number };

const taken = () =>
  new AppError("conflict", "That reason is already in the list.", { label: "That reason is already in the list." });

export function listSatisfactionReasons(db: Kysely<Database>) {
  return db.selectFrom("satisfaction_reasons").select(["id", "label"]).orderBy("position").orderBy("label").execute();
}

export async function createSatisfactionReason(db: Kysely<Database>, input: ReasonInput): Promise<string> {
  const id = newId();
  try {
    await db
      .insertInto("satisfaction_reasons")
      .values({ id, ...input })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
  return id;
}

export async function updateSatisfactionReason(db: Kysely<Database>, id: string, input: ReasonInput): Promise<void> {
  try {
    const result = await db.updateTable("satisfaction_reasons").set(input).where("id", "=", id).executeTakeFirst();
    if (!result.numUpdatedRows) throw notFound("That reason");
  } catch (error) {
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
}

/** Answers keep the reason's words, so a reason can go at any time; without any, Bad is asked without one. */
export async function deleteSatisfactionReason(db: Kysely<Database>, id: string): Promise<void> {
  const result = await db.deleteFrom("satisfaction_reasons").where("id", "=", id).executeTakeFirst();
  if (!result.numDeletedRows) throw notFound("That reason");
  await forgetTranslations(db, "satisfaction-reason", id);
}
