import type { Kysely } from "kysely";

/**
 * Issue 20: a person's language and time zone (null: the help desk's default language, the browser's
 * zone), and one row of help-desk-wide settings for the admin's default language. Settings are a small
 * key/value table so the next setting does not need a migration of its own.
 */
export function userLocale() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable("users").addColumn("locale", "text").execute();
      await db.schema.alterTable("users").addColumn("time_zone", "text").execute();
      await db.schema
        .createTable("settings")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("value", "text", (c) => c.notNull())
        .execute();
    },
  };
}
