/**
 * Full-text search over articles, the one place where the knowledge base differs between engines:
 * an FTS5 table on SQLite (kept in step by `reindexArticle` in the writing transaction), a generated,
 * weighted tsvector with a GIN index on PostgreSQL. Both weigh the title over the summary and tags over the body,
 * match every word as a prefix, and cut a snippet of the body with the matches marked. Translations (issue 20)
 * have an index of their own beside it, in the same engine, kept the same way.
 */
import { type Kysely, sql, type Transaction } from "kysely";
import { snippetEnd, snippetStart } from "../../common/kb.ts";
import type { Engine } from "../db/engine.ts";
import type { Database } from "../db/schema.ts";
import type { ArticleScope } from "./policy.ts";
import { publishedTranslations, type ReaderLanguage, wantsTranslation } from "./translations.ts";

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

/** A translation's index row follows its text (SQLite; PostgreSQL's column is generated from the row). */
export async function reindexTranslation(
  trx: Transaction<Database>,
  engine: Engine,
  articleId: string,
  locale: string,
): Promise<void> {
  if (engine !== "sqlite") return;
  await forgetTranslationIndex(trx, engine, articleId, locale);
  await sql`insert into kb_article_translations_fts (article_id, locale, title, summary, body)
            select article_id, locale, title, summary, body_text from kb_article_translations
            where article_id = ${articleId} and locale = ${locale}`.execute(trx);
}

export async function forgetTranslationIndex(
  trx: Transaction<Database>,
  engine: Engine,
  articleId: string,
  locale: string,
): Promise<void> {
  if (engine !== "sqlite") return;
  await sql`delete from kb_article_translations_fts where article_id = ${articleId} and locale = ${locale}`.execute(
    trx,
  );
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

/** A hit with how well it matched: lower is better, whichever engine ranked it. */
type Ranked = SearchHit & { score: number };

const columns = [
  "kb_articles.id",
  "kb_articles.slug",
  "kb_articles.title",
  "kb_articles.summary",
  "kb_articles.category_id as categoryId",
  "kb_articles.updated_at as updatedAt",
] as const;
/** The same without the article's own title and summary, which a translation's replace. */
const translatedColumns = [
  "kb_articles.id",
  "kb_articles.slug",
  "kb_articles.category_id as categoryId",
  "kb_articles.updated_at as updatedAt",
] as const;

/** PostgreSQL's stemmer for each language; Arabic (and anything else) is split into words without one. */
const textSearchConfig: Record<string, string> = { de: "german", es: "spanish", fr: "french", en: "english" };

/**
 * Articles in the scope that match, best first. `all`: every word must match (the search box);
 * `any`: one is enough (suggestions while someone types a whole sentence as a subject). A reader with a
 * language other than the default also finds articles by their published translation in it, and gets
 * those articles' title and summary (and a snippet of the translation) in that language.
 */
export async function searchArticles(
  db: Kysely<Database>,
  engine: Engine,
  scope: ArticleScope,
  query: string,
  { mode, limit, language }: { mode: "all" | "any"; limit: number; language?: ReaderLanguage | undefined },
): Promise<SearchHit[]> {
  const terms = mode === "any" ? searchTerms(query).filter((t) => t.length > 2) : searchTerms(query);
  if (!terms.length) return [];
  const search = engine === "sqlite" ? sqliteSearch : postgresSearch;
  const own = await search.articles(db, scope, terms, mode, limit);
  if (!wantsTranslation(language)) return own.map(({ score: _score, ...hit }) => hit);
  const translated = await search.translations(db, scope, terms, mode, limit, language.locale);
  const translatedIds = new Set(translated.map((h) => h.id));
  // An article found by its default text but read in a translation: the translation's title and summary,
  // and no snippet of text in a language the reader did not ask for (the page shows the summary instead).
  const overlaid = await publishedTranslations(
    db,
    language.locale,
    own.filter((h) => !translatedIds.has(h.id)).map((h) => h.id),
  );
  const merged = new Map<string, Ranked>();
  for (const hit of translated) merged.set(hit.id, hit);
  for (const hit of own) {
    const found = merged.get(hit.id);
    if (found) {
      found.score = Math.min(found.score, hit.score);
      continue;
    }
    const text = overlaid.get(hit.id);
    merged.set(hit.id, text ? { ...hit, title: text.title, summary: text.summary, snippet: "" } : hit);
  }
  return [...merged.values()]
    .sort((a, b) => a.score - b.score || a.title.localeCompare(b.title))
    .slice(0, limit)
    .map(({ score: _score, ...hit }) => hit);
}

type EngineSearch = {
  articles(
    db: Kysely<Database>,
    scope: ArticleScope,
    terms: string[],
    mode: "all" | "any",
    limit: number,
  ): Promise<Ranked[]>;
  /** Published translations in `locale` of articles in the scope (the article's visibility and status decide). */
  translations(
    db: Kysely<Database>,
    scope: ArticleScope,
    terms: string[],
    mode: "all" | "any",
    limit: number,
    locale: string,
  ): Promise<Ranked[]>;
};

const ftsMatch = (terms: string[], mode: "all" | "any") =>
  terms.map((t) => `"${t}"*`).join(mode === "all" ? " " : " OR ");

const sqliteSearch: EngineSearch = {
  articles: (db, scope, terms, mode, limit) => {
    const matches = sql<{ article_id: string; snippet: string; rank: number }>`(
      select article_id,
             snippet(kb_articles_fts, 3, ${snippetStart}, ${snippetEnd}, '…', 24) as snippet,
             bm25(kb_articles_fts, 0.0, 10.0, 4.0, 1.0) as rank
      from kb_articles_fts where kb_articles_fts match ${ftsMatch(terms, mode)})`;
    return db
      .selectFrom("kb_articles")
      .innerJoin(matches.as("m"), "m.article_id", "kb_articles.id")
      .select([...columns, "m.snippet", "m.rank as score"])
      .where(scope)
      .orderBy("m.rank")
      .limit(limit)
      .execute();
  },
  translations: (db, scope, terms, mode, limit, locale) => {
    const matches = sql<{ article_id: string; locale: string; snippet: string; rank: number }>`(
      select article_id, locale,
             snippet(kb_article_translations_fts, 4, ${snippetStart}, ${snippetEnd}, '…', 24) as snippet,
             bm25(kb_article_translations_fts, 0.0, 0.0, 10.0, 4.0, 1.0) as rank
      from kb_article_translations_fts
      where kb_article_translations_fts match ${ftsMatch(terms, mode)} and locale = ${locale})`;
    return db
      .selectFrom("kb_articles")
      .innerJoin(matches.as("m"), "m.article_id", "kb_articles.id")
      .innerJoin("kb_article_translations as t", (j) =>
        j.onRef("t.article_id", "=", "kb_articles.id").onRef("t.locale", "=", "m.locale"),
      )
      .select([...translatedColumns, "t.title", "t.summary", "m.snippet", "m.rank as score"])
      .where("t.status", "=", "published")
      .where(scope)
      .orderBy("m.rank")
      .limit(limit)
      .execute();
  },
};

const headline = `StartSel=${snippetStart}, StopSel=${snippetEnd}, MaxWords=30, MinWords=12, ShortWord=2`;
const tsquery = (terms: string[], mode: "all" | "any") =>
  terms.map((t) => `${t}:*`).join(mode === "all" ? " & " : " | ");

const postgresSearch: EngineSearch = {
  articles: async (db, scope, terms, mode, limit) => {
    const q = sql`to_tsquery('english', ${tsquery(terms, mode)})`;
    const rows = await db
      .selectFrom("kb_articles")
      .select([
        ...columns,
        sql<string>`ts_headline('english', kb_articles.body_text, ${q}, ${headline})`.as("snippet"),
        sql<number>`ts_rank(kb_articles.search_vector, ${q})`.as("rank"),
      ])
      .where(sql<boolean>`kb_articles.search_vector @@ ${q}`)
      .where(scope)
      .orderBy(sql`ts_rank(kb_articles.search_vector, ${q})`, "desc")
      .orderBy("kb_articles.title")
      .limit(limit)
      .execute();
    return rows.map(({ rank, ...hit }) => ({ ...hit, score: -Number(rank) }));
  },
  translations: async (db, scope, terms, mode, limit, locale) => {
    const config = textSearchConfig[locale] ?? "simple";
    const q = sql`to_tsquery(${config}::regconfig, ${tsquery(terms, mode)})`;
    const rows = await db
      .selectFrom("kb_articles")
      .innerJoin("kb_article_translations as t", "t.article_id", "kb_articles.id")
      .select([
        ...translatedColumns,
        "t.title",
        "t.summary",
        sql<string>`ts_headline(${config}::regconfig, t.body_text, ${q}, ${headline})`.as("snippet"),
        sql<number>`ts_rank(t.search_vector, ${q})`.as("rank"),
      ])
      .where("t.locale", "=", locale)
      .where("t.status", "=", "published")
      .where(sql<boolean>`t.search_vector @@ ${q}`)
      .where(scope)
      .orderBy(sql`ts_rank(t.search_vector, ${q})`, "desc")
      .orderBy("t.title")
      .limit(limit)
      .execute();
    return rows.map(({ rank, ...hit }) => ({ ...hit, score: -Number(rank) }));
  },
};
