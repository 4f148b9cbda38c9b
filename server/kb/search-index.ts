/**
 * Full-text search over articles, the one place where the knowledge base differs between engines:
 * an FTS5 table on SQLite (kept in step by `reindexArticle` in the writing transaction), a generated,
 * weighted tsvector with a GIN index on PostgreSQL. Both weigh the title over the summary and tags over the body,
 * match every word as a prefix, and cut a snippet of the body with the matches marked.
 */
import { type Kysely, sql, type Transaction } from "kysely";
import { snippetEnd, snippetStart } from "../../common/kb.ts";
import type { Engine } from "../db/engine.ts";
import type { Database } from "../db/schema.ts";
import type { ArticleScope } from "./policy.ts";

/** Words of the query, lower-cased, letters and digits only: nothing a reader types can be search syntax. */
export function searchTerms(query: string): string[] {
  const words = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words)].slice(0, 8);
}

/** SQLite keeps its own copy of the searchable text; PostgreSQL computes its column from the row itself. */
export async function reindexArticle(trx: Transaction<Database>, engine: Engine, articleId: string): Promise<void> {
  if (engine !== "sqlite") return;
  await sql`delete from kb_articles_fts where article_id = ${articleId}`.execute(trx);
  await sql`insert into kb_articles_fts (article_id, title, summary, body)
            select id, title, summary || ' ' || tags, body_text from kb_articles where id = ${articleId}`.execute(trx);
}

export type SearchHit = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  categoryId: string | null;
  updatedAt: string;
  snippet: string;
};

/**
 * Articles in the scope that match, best first. `all`: every word must match (the search box);
 * `any`: one is enough (suggestions while someone types a whole sentence as a subject).
 */
export async function searchArticles(
  db: Kysely<Database>,
  engine: Engine,
  scope: ArticleScope,
  query: string,
  { mode, limit }: { mode: "all" | "any"; limit: number },
): Promise<SearchHit[]> {
  const terms = mode === "any" ? searchTerms(query).filter((t) => t.length > 2) : searchTerms(query);
  if (!terms.length) return [];
  const columns = [
    "kb_articles.id",
    "kb_articles.slug",
    "kb_articles.title",
    "kb_articles.summary",
    "kb_articles.category_id as categoryId",
    "kb_articles.updated_at as updatedAt",
  ] as const;

  if (engine === "sqlite") {
    const match = terms.map((t) => `"${t}"*`).join(mode === "all" ? " " : " OR ");
    const matches = sql<{ article_id: string; snippet: string; rank: number }>`(
      select article_id,
             snippet(kb_articles_fts, 3, ${snippetStart}, ${snippetEnd}, '…', 24) as snippet,
             bm25(kb_articles_fts, 0.0, 10.0, 4.0, 1.0) as rank
      from kb_articles_fts where kb_articles_fts match ${match})`;
    return db
      .selectFrom("kb_articles")
      .innerJoin(matches.as("m"), "m.article_id", "kb_articles.id")
      .select([...columns, "m.snippet"])
      .where(scope)
      .orderBy("m.rank")
      .limit(limit)
      .execute();
  }

  const tsquery = terms.map((t) => `${t}:*`).join(mode === "all" ? " & " : " | ");
  const q = sql`to_tsquery('english', ${tsquery})`;
  const headline = `StartSel=${snippetStart}, StopSel=${snippetEnd}, MaxWords=30, MinWords=12, ShortWord=2`;
  return db
    .selectFrom("kb_articles")
    .select([...columns, sql<string>`ts_headline('english', kb_articles.body_text, ${q}, ${headline})`.as("snippet")])
    .where(sql<boolean>`kb_articles.search_vector @@ ${q}`)
    .where(scope)
    .orderBy(sql`ts_rank(kb_articles.search_vector, ${q})`, "desc")
    .orderBy("kb_articles.title")
    .limit(limit)
    .execute();
}
