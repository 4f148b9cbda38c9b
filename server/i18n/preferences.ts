/** A signed-in person's own language and time zone. */
import type { Kysely } from "kysely";
import type { Preferences } from "../../common/locale-schemas.ts";
import type { Database } from "../db/schema.ts";

export async function savePreferences(db: Kysely<Database>, userId: string, preferences: Preferences): Promise<void> {
  await db
    .updateTable("users")
    .set({ locale: preferences.locale, time_zone: preferences.timeZone })
    .where("id", "=", userId)
    .execute();
}
