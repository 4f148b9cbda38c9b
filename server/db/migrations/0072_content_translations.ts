import type { Kysely } from "kysely";

/**
 * Issue 20: admin-entered text that customers read (service and category names, field labels, status
 * labels, withdraw reasons…) given per language. One table for every kind, so a new translatable field
 * needs no migration; the entity's own column stays the default text a missing translation falls back to.
 * No foreign key: `entity_id` points into a different table per kind, and a deleted entity's rows are
 * removed with it by the command that deletes it (or are simply never read again).
 */
export function contentTranslations() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("content_translations")
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("entity_id", "text", (c) => c.notNull())
        .addColumn("field", "text", (c) => c.notNull())
        .addColumn("locale", "text", (c) => c.notNull())
        .addColumn("text", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("content_translations_pk", ["kind", "entity_id", "field", "locale"])
        .execute();
      // A response reads one language's rows for a few kinds at once.
      await db.schema
        .createIndex("content_translations_by_locale")
        .on("content_translations")
        .columns(["locale", "kind"])
        .execute();
    },
  };
}
