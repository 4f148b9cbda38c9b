import { type Kysely, sql } from "kysely";
import { type Engine, timestampColumnType } from "../engine.ts";

/**
 * The knowledge base: categories and sections (a tree), articles with their revisions, who may read
 * restricted ones, helpfulness votes, searches that found nothing, the articles a request form offered
 * (for deflection), and a full-text index: an FTS5 table on SQLite, a weighted tsvector with a GIN index
 * on PostgreSQL (server/kb/search-index.ts keeps both in step with the articles).
 * Agents' and administrators' built-in roles gain `kb.edit`.
 */
export function knowledgeBase(engine: Engine) {
  const ts = timestampColumnType(engine);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("kb_categories")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("parent_id", "text", (c) => c.references("kb_categories.id").onDelete("cascade"))
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("slug", "text", (c) => c.notNull().unique())
        .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("icon", "text")
        .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("created_at", ts, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("kb_categories_parent")
        .on("kb_categories")
        .columns(["parent_id", "position"])
        .execute();

      await db.schema
        .createTable("kb_articles")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("slug", "text", (c) => c.notNull().unique())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("summary", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("body", "text", (c) => c.notNull().defaultTo(""))
        // The body as plain text: what the index reads and snippets are cut from.
        .addColumn("body_text", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("tags", "text", (c) => c.notNull().defaultTo("[]"))
        .addColumn("category_id", "text", (c) => c.references("kb_categories.id").onDelete("set null"))
        .addColumn("owner_id", "text", (c) => c.references("users.id").onDelete("set null"))
        .addColumn("status", "text", (c) => c.notNull().defaultTo("draft"))
        .addColumn("visibility", "text", (c) => c.notNull().defaultTo("public"))
        .addColumn("views", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("outdated", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("outdated_note", "text")
        .addColumn("created_from_ticket_id", "text", (c) => c.references("tickets.id").onDelete("set null"))
        .addColumn("published_at", ts)
        .addColumn("created_at", ts, (c) => c.notNull())
        .addColumn("updated_at", ts, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("kb_articles_category")
        .on("kb_articles")
        .columns(["category_id", "status", "updated_at"])
        .execute();
      await db.schema.createIndex("kb_articles_status_views").on("kb_articles").columns(["status", "views"]).execute();
      await db.schema.createIndex("kb_articles_owner").on("kb_articles").columns(["owner_id"]).execute();

      await db.schema
        .createTable("kb_article_organizations")
        .addColumn("article_id", "text", (c) => c.notNull().references("kb_articles.id").onDelete("cascade"))
        .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
        .addPrimaryKeyConstraint("kb_article_organizations_pk", ["article_id", "organization_id"])
        .execute();
      await db.schema
        .createTable("kb_article_roles")
        .addColumn("article_id", "text", (c) => c.notNull().references("kb_articles.id").onDelete("cascade"))
        .addColumn("role_id", "text", (c) => c.notNull().references("roles.id").onDelete("cascade"))
        .addPrimaryKeyConstraint("kb_article_roles_pk", ["article_id", "role_id"])
        .execute();

      await db.schema
        .createTable("kb_revisions")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("article_id", "text", (c) => c.notNull().references("kb_articles.id").onDelete("cascade"))
        .addColumn("number", "integer", (c) => c.notNull())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("summary", "text", (c) => c.notNull())
        .addColumn("body", "text", (c) => c.notNull())
        .addColumn("tags", "text", (c) => c.notNull())
        .addColumn("author_id", "text", (c) => c.references("users.id").onDelete("set null"))
        .addColumn("author_name", "text", (c) => c.notNull())
        .addColumn("note", "text")
        .addColumn("created_at", ts, (c) => c.notNull())
        .addUniqueConstraint("kb_revisions_article_number", ["article_id", "number"])
        .execute();

      await db.schema
        .createTable("kb_votes")
        .addColumn("article_id", "text", (c) => c.notNull().references("kb_articles.id").onDelete("cascade"))
        // "user:<id>" for signed-in people, "browser:<hash of a cookie>" for everyone else.
        .addColumn("voter", "text", (c) => c.notNull())
        .addColumn("helpful", "integer", (c) => c.notNull())
        .addColumn("comment", "text")
        .addColumn("updated_at", ts, (c) => c.notNull())
        .addPrimaryKeyConstraint("kb_votes_pk", ["article_id", "voter"])
        .execute();

      await db.schema
        .createTable("kb_searches")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("query", "text", (c) => c.notNull())
        .addColumn("results", "integer", (c) => c.notNull())
        .addColumn("created_at", ts, (c) => c.notNull())
        .execute();
      await db.schema.createIndex("kb_searches_results").on("kb_searches").columns(["results", "query"]).execute();

      await db.schema
        .createTable("kb_suggestions")
        .addColumn("token", "text", (c) => c.notNull())
        .addColumn("article_id", "text", (c) => c.notNull().references("kb_articles.id").onDelete("cascade"))
        .addColumn("ticket_id", "text", (c) => c.references("tickets.id").onDelete("cascade"))
        .addColumn("shown_at", ts, (c) => c.notNull())
        .addColumn("opened_at", ts)
        .addPrimaryKeyConstraint("kb_suggestions_pk", ["token", "article_id"])
        .execute();
      await db.schema.createIndex("kb_suggestions_ticket").on("kb_suggestions").columns(["ticket_id"]).execute();
      await db.schema
        .createIndex("kb_suggestions_article")
        .on("kb_suggestions")
        .columns(["article_id", "opened_at"])
        .execute();

      if (engine === "sqlite") {
        await sql`create virtual table kb_articles_fts using fts5(
          article_id unindexed, title, summary, body, tokenize = 'porter unicode61 remove_diacritics 2')`.execute(db);
      } else {
        await sql`alter table kb_articles add column search_vector tsvector generated always as (
          setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
          setweight(to_tsvector('english', coalesce(summary, '') || ' ' || coalesce(tags, '')), 'B') ||
          setweight(to_tsvector('english', coalesce(body_text, '')), 'C')) stored`.execute(db);
        await sql`create index kb_articles_search on kb_articles using gin (search_vector)`.execute(db);
      }

      // Agents write the help centre; administrators may do everything.
      const roles = await sql<{ id: string; permissions: unknown }>`
        select id, permissions from roles where key in ('agent', 'administrator')`.execute(db);
      for (const role of roles.rows) {
        const stored = typeof role.permissions === "string" ? JSON.parse(role.permissions) : role.permissions;
        const granted = Array.isArray(stored) ? stored.map(String) : [];
        if (granted.includes("kb.edit")) continue;
        const next = JSON.stringify([...granted, "kb.edit"]);
        await (engine === "postgres"
          ? sql`update roles set permissions = ${next}::jsonb where id = ${role.id}`
          : sql`update roles set permissions = ${next} where id = ${role.id}`
        ).execute(db);
      }
    },
  };
}
