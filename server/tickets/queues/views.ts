/** Saved views: an agent's own named filter sets, shown with their counts in the queue sidebar. */
import type { Kysely } from "kysely";
import type { SavedViewInput } from "../../../common/queues.ts";
import type { UserActor } from "../../core/actor.ts";
import { AppError, notFound } from "../../core/errors.ts";
import { encodeJson, isUniqueViolation, now } from "../../db/engine.ts";
import { newId } from "../../db/ids.ts";
import type { Database } from "../../db/schema.ts";

const taken = () =>
  new AppError("validation_failed", "Some fields need attention.", { name: "You already have a view with this name." });

export async function createSavedView(db: Kysely<Database>, actor: UserActor, input: SavedViewInput): Promise<string> {
  const id = newId();
  try {
    await db
      .insertInto("saved_views")
      .values({ id, owner_id: actor.user.id, name: input.name, filters: encodeJson(input.filters), created_at: now() })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
  return id;
}

/** Only the owner changes or removes a view; anyone else's reads as not found. */
export async function updateSavedView(db: Kysely<Database>, actor: UserActor, id: string, input: SavedViewInput) {
  try {
    const result = await db
      .updateTable("saved_views")
      .set({ name: input.name, filters: encodeJson(input.filters) })
      .where("id", "=", id)
      .where("owner_id", "=", actor.user.id)
      .executeTakeFirst();
    if (!result.numUpdatedRows) throw notFound("That view");
  } catch (error) {
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
}

export async function deleteSavedView(db: Kysely<Database>, actor: UserActor, id: string): Promise<void> {
  const result = await db
    .deleteFrom("saved_views")
    .where("id", "=", id)
    .where("owner_id", "=", actor.user.id)
    .executeTakeFirst();
  if (!result.numDeletedRows) throw notFound("That view");
}
