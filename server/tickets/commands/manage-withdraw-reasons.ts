import type { Kysely } from "kysely";
import { AppError, notFound } from "../../core/errors.ts";
import { isUniqueViolation } from "../../db/engine.ts";
import { newId } from "../../db/ids.ts";
import type { Database } from "../../db/schema.ts";
import { forgetTranslations } from "../../i18n/content-translations.ts";

const taken = () =>
  new AppError("conflict", "That reason is already in the list.", { label: "That reason is already in the list." });

export async function createWithdrawReason(
  db: Kysely<Database>,
  input: { label: string; position: number },
): Promise<string> {
  const id = newId();
  try {
    await db.insertInto("withdraw_reasons").values({ id, label: input.label, position: input.position }).execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
  return id;
}

export async function updateWithdrawReason(
  db: Kysely<Database>,
  id: string,
  input: { label: string; position: number },
) {
  try {
    const result = await db.updateTable("withdraw_reasons").set(input).where("id", "=", id).executeTakeFirst();
    if (!result.numUpdatedRows) throw notFound("That reason");
  } catch (error) {
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
}

/** Withdrawn tickets keep the reason's words in their event, so a reason can go at any time. */
export async function deleteWithdrawReason(db: Kysely<Database>, id: string): Promise<void> {
  const remaining = await db.selectFrom("withdraw_reasons").select("id").where("id", "!=", id).executeTakeFirst();
  if (!remaining) throw new AppError("conflict", "Keep at least one reason: withdrawing needs one.");
  const result = await db.deleteFrom("withdraw_reasons").where("id", "=", id).executeTakeFirst();
  if (!result.numDeletedRows) throw notFound("That reason");
  await forgetTranslations(db, "withdraw-reason", id);
}
