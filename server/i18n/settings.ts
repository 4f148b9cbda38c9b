/** The help desk's default language, set by an admin; English until they choose. */
import type { Kysely, Transaction } from "kysely";
import { defaultLocale, isLocale, type Locale } from "../../common/locales.ts";
import { compiledOnce } from "../db/compiled-once.ts";
import type { Database } from "../db/schema.ts";

/** Compiled once: every submission and mail asks (the recipient's language falls back to it). */
const defaultLocaleQuery = compiledOnce(1, (db, key) =>
  db.selectFrom("settings").select("value").where("key", "=", key),
);

export async function readDefaultLocale(db: Kysely<Database> | Transaction<Database>): Promise<Locale> {
  const [row] = await defaultLocaleQuery(db, "default_locale");
  return isLocale(row?.value) ? row.value : defaultLocale;
}

export async function setDefaultLocale(db: Kysely<Database>, locale: Locale): Promise<void> {
  await db
    .insertInto("settings")
    .values({ key: "default_locale", value: locale })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value: locale }))
    .execute();
}
