import { type Kysely, sql } from "kysely";
import { type Engine, timestampColumnType } from "../engine.ts";

/**
 * Issue 20: a Help Centre article given in another shipped language. A translation has its own title,
 * summary and body (sanitised like the article's) and its own draft/published state; who may read it is
 * always the article's (server/kb/policy.ts), so a translation has no visibility of its own. Deleting an
 * article deletes its translations (the foreign key cascades).
 *
 * Searchable in the same engine as articles: an FTS5 table on SQLite (kept in step by the command that
 * writes a translation, in its transaction), a generated tsvector with a GIN index on PostgreSQL, stemmed
 * in the translation's own language (Arabic has no stemmer there: `simple`).
 */
export function kbArticleTranslations(engine: Engine) {
  const ts = timestampColumnType(engine);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("kb_article_translations")
        .addColumn("article_id", "text", (c) => c.notNull().references("kb_articles.id").onDelete("cascade"))
        .addColumn("locale", "text", (c) => c.notNull())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("summary", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("body", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("body_text", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("status", "text", (c) => c.notNull().defaultTo("draft"))
        .addColumn("updated_by", "text", (c) => c.references("users.id").onDelete("set null"))
        .addColumn("published_at", ts)
        .addColumn("created_at", ts, (c) => c.notNull())
        .addColumn("updated_at", ts, (c) => c.notNull())
        .addPrimaryKeyConstraint("kb_article_translations_pk", ["article_id", "locale"])
        .execute();
      // Readers load one language's published translations of many articles at once.
      await db.schema
        .createIndex("kb_article_translations_by_locale")
        .on("kb_article_translations")
        .columns(["locale", "status", "article_id"])
        .execute();
      // Deleting a user looks for what they last edited (migration 0073 says why every such key has one).
      await db.schema
        .createIndex("kb_article_translations_updated_by")
        .on("kb_article_translations")
        .column("updated_by")
        .where(sql.ref("updated_by"), "is not", null)
        .execute();

      if (engine === "sqlite") {
        // No porter stemmer: it is English's; prefixes match in every language.
        await sql`create virtual table kb_article_translations_fts using fts5(
          article_id unindexed, locale unindexed, title, summary, body,
          tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
      } else {
        const config = sql.raw(`case locale when 'de' then 'german'::regconfig when 'es' then 'spanish'::regconfig
          when 'fr' then 'french'::regconfig when 'en' then 'english'::regconfig else 'simple'::regconfig end`);
        await sql`alter table kb_article_translations add column search_vector tsvector generated always as (
          setweight(to_tsvector(${config}, coalesce(title, '')), 'A') ||
          setweight(to_tsvector(${config}, coalesce(summary, '')), 'B') ||
          setweight(to_tsvector(${config}, coalesce(body_text, '')), 'C')) stored`.execute(db);
        await sql`create index kb_article_translations_search on kb_article_translations using gin (search_vector)`.execute(
          db,
        );
      }
    },
  };
}
