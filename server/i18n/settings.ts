/** The help desk's default language, set by an admin; English until they choose. */
import type { Kysely, Transaction } from "kysely";
import { defaultLocale, isLocale, type Locale } from "../../common/locales.ts";
import type { Database } from "../db/schema.ts";

export async function readDefaultLocale(db: Kysely<Database> | Transaction<Database>): Promise<Locale> {
  const row = await db.selectFrom("settings").select("value").where("key", "=", "default_locale").executeTakeFirst();
  return isLocale(row?.value) ? row.value : defaultLocale;
}

export async function setDefaultLocale(db: Kysely<Database>, locale: Locale): Promise<void> {
  await db
    .insertInto("settings")
    .values({ key: "default_locale", value: locale })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value: locale }))
    .execute();
}
