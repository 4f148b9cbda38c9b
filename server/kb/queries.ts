import type { Kysely } from "kysely";
import { groupBy } from "../../common/group-by.ts";
import type {
  KbArticle,
  KbArticleSummary,
  KbCategory,
  KbCategoryPage,
  KbEditorArticle,
  KbHelpfulness,
  KbHome,
  KbRevision,
  KbStats,
} from "../../common/kb.ts";
import type { Actor } from "../core/actor.ts";
import type { Database } from "../db/schema.ts";
import { loadContentText } from "../i18n/content-text.ts";
import { loadWorkableTicket } from "../tickets/work-access.ts";
import type { ArticleScope } from "./policy.ts";
import { parseRevisionNote } from "./revision-notes.ts";
import {
  articleLanguages,
  inReaderLanguage,
  publishedTranslations,
  type ReaderLanguage,
  wantsTranslation,
} from "./translations.ts";

const summaryColumns = [
  "kb_articles.id",
  "kb_articles.slug",
  "kb_articles.title",
  "kb_articles.summary",
  "kb_articles.category_id as categoryId",
  "kb_articles.updated_at as updatedAt",
] as const;

export function parseTags(stored: string): string[] {
  const value: unknown = JSON.parse(stored);
  return Array.isArray(value) ? value.filter((t): t is string => typeof t === "string") : [];
}

export async function listKbCategories(db: Kysely<Database>): Promise<KbCategory[]> {
  return db
    .selectFrom("kb_categories")
    .select(["id", "name", "slug", "description", "icon", "parent_id as parentId", "position"])
    .orderBy("position")
    .orderBy("name")
    .execute();
}

/**
 * Categories as readers see them: each name and description in the page's language where an editor
 * translated it (issue 20), else the default text. Without a language (editors' lists), the default text.
 */
export async function readerCategories(db: Kysely<Database>, language?: ReaderLanguage): Promise<KbCategory[]> {
  const [categories, text] = await Promise.all([
    listKbCategories(db),
    language ? loadContentText(db, language.pageLocale ?? language.locale, ["kb-category"]) : undefined,
  ]);
  return text ? categories.map((c) => text.overlay("kb-category", c)) : categories;
}

/** Each article with its category, named in the reader's language (search results say where a hit sits). */
export async function withCategories<T extends { categoryId: string | null }>(
  db: Kysely<Database>,
  rows: T[],
  language: ReaderLanguage,
): Promise<(T & { category: { id: string; name: string; slug: string } | null })[]> {
  const byId = new Map((await readerCategories(db, language)).map((c) => [c.id, c]));
  return rows.map((row) => {
    const category = row.categoryId ? byId.get(row.categoryId) : undefined;
    return { ...row, category: category ? { id: category.id, name: category.name, slug: category.slug } : null };
  });
}

/** The category chain from the top down to `id`, for breadcrumbs. */
function chainTo(categories: KbCategory[], id: string | null) {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const chain: { id: string; name: string; slug: string }[] = [];
  let current = id ? byId.get(id) : undefined;
  // Bounded by the number of categories, so a cycle written by hand in the database cannot hang a page.
  for (let i = 0; current && i < categories.length; i++) {
    chain.unshift({ id: current.id, name: current.name, slug: current.slug });
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return chain;
}

/** The Help Centre's front page: top-level categories with how many readable articles sit anywhere below them. */
export async function helpCentreHome(
  db: Kysely<Database>,
  scope: ArticleScope,
  language?: ReaderLanguage,
): Promise<KbHome> {
  const [categories, counts, popular, recent] = await Promise.all([
    readerCategories(db, language),
    db
      .selectFrom("kb_articles")
      .select(["category_id", (eb) => eb.fn.countAll<number>().as("n")])
      .where(scope)
      .groupBy("category_id")
      .execute(),
    db
      .selectFrom("kb_articles")
      .select(summaryColumns)
      .where(scope)
      .orderBy("views", "desc")
      .orderBy("title")
      .limit(5)
      .execute(),
    db.selectFrom("kb_articles").select(summaryColumns).where(scope).orderBy("updated_at", "desc").limit(5).execute(),
  ]);
  const direct = new Map(counts.map((c) => [c.category_id, Number(c.n)]));
  const topOf = (id: string) => chainTo(categories, id)[0]?.id;
  const total = new Map<string, number>();
  for (const [categoryId, n] of direct) {
    const top = categoryId ? topOf(categoryId) : undefined;
    if (top) total.set(top, (total.get(top) ?? 0) + n);
  }
  return {
    // A category with nothing this reader may read is left out, so internal-only categories stay with agents.
    categories: categories
      .filter((c) => c.parentId === null && (total.get(c.id) ?? 0) > 0)
      .map((c) => ({ ...c, articleCount: total.get(c.id) ?? 0 })),
    popular: await inReaderLanguage(db, language, popular),
    recent: await inReaderLanguage(db, language, recent),
  };
}

export async function categoryPage(
  db: Kysely<Database>,
  scope: ArticleScope,
  slug: string,
  language?: ReaderLanguage,
): Promise<KbCategoryPage | undefined> {
  const categories = await readerCategories(db, language);
  const category = categories.find((c) => c.slug === slug);
  if (!category) return undefined;
  const sections = categories.filter((c) => c.parentId === category.id);
  const ids = [category.id, ...sections.map((s) => s.id)];
  const articles = await inReaderLanguage(
    db,
    language,
    await db
      .selectFrom("kb_articles")
      .select(summaryColumns)
      .where(scope)
      .where("kb_articles.category_id", "in", ids)
      .orderBy("title")
      .execute(),
  );
  return {
    category,
    breadcrumbs: chainTo(categories, category.parentId),
    sections: sections.map((s) => ({ ...s, articles: articles.filter((a) => a.categoryId === s.id) })),
    articles: articles.filter((a) => a.categoryId === category.id),
  };
}

export async function helpfulness(
  db: Kysely<Database>,
  articleId: string,
  voter: string | null,
): Promise<KbHelpfulness> {
  const [totals, mine] = await Promise.all([
    db
      .selectFrom("kb_votes")
      .select((eb) => [eb.fn.countAll<number>().as("total"), eb.fn.sum<number | null>("helpful").as("yes")])
      .where("article_id", "=", articleId)
      .executeTakeFirstOrThrow(),
    voter
      ? db
          .selectFrom("kb_votes")
          .select("helpful")
          .where("article_id", "=", articleId)
          .where("voter", "=", voter)
          .executeTakeFirst()
      : undefined,
  ]);
  return { yes: Number(totals.yes ?? 0), total: Number(totals.total), mine: mine ? Boolean(mine.helpful) : null };
}

/** An article the reader may read (for votes and flags, which need no text): its id and slug. */
export function readableArticleRef(
  db: Kysely<Database>,
  scope: ArticleScope,
  by: { slug: string } | { id: string },
): Promise<{ id: string; slug: string } | undefined> {
  return db
    .selectFrom("kb_articles")
    .select(["kb_articles.id", "kb_articles.slug"])
    .where(scope)
    .where("slug" in by ? "kb_articles.slug" : "kb_articles.id", "=", "slug" in by ? by.slug : by.id)
    .executeTakeFirst();
}

/**
 * A readable article by its slug, with breadcrumbs, related articles (same category, then shared tags),
 * in the reader's language when it has a published translation in it (else the default text), and the
 * languages it may be read in.
 */
export async function readableArticle(
  db: Kysely<Database>,
  scope: ArticleScope,
  by: { slug: string } | { id: string },
  voter: string | null,
  language: ReaderLanguage,
): Promise<KbArticle | undefined> {
  const found = await db
    .selectFrom("kb_articles")
    .select([...summaryColumns, "kb_articles.body", "kb_articles.tags", "kb_articles.visibility"])
    .where(scope)
    .where("slug" in by ? "kb_articles.slug" : "kb_articles.id", "=", "slug" in by ? by.slug : by.id)
    .executeTakeFirst();
  if (!found) return undefined;
  const translation = wantsTranslation(language)
    ? (await publishedTranslations(db, language.locale, [found.id])).get(found.id)
    : undefined;
  const row = translation
    ? { ...found, title: translation.title, summary: translation.summary, body: translation.body }
    : found;
  const [categories, related, helpful, languages] = await Promise.all([
    readerCategories(db, language),
    db
      .selectFrom("kb_articles")
      .select(summaryColumns)
      .where(scope)
      .where("kb_articles.id", "!=", row.id)
      .where("kb_articles.category_id", row.categoryId === null ? "is" : "=", row.categoryId)
      .orderBy("views", "desc")
      .limit(5)
      .execute()
      .then((rows) => inReaderLanguage(db, language, rows)),
    helpfulness(db, row.id, voter),
    articleLanguages(db, row.id, language.defaultLocale),
  ]);
  return {
    ...row,
    language: translation ? language.locale : language.defaultLocale,
    languages,
    tags: parseTags(row.tags),
    breadcrumbs: chainTo(categories, row.categoryId),
    related,
    helpful,
  };
}

/**
 * Every published article the scope allows, for the sitemap (called with a visitor's scope), with the
 * languages of its published translations: a draft translation, or any translation of an article the scope
 * leaves out, is never listed.
 */
export async function sitemapArticles(db: Kysely<Database>, scope: ArticleScope) {
  const [articles, translations] = await Promise.all([
    db
      .selectFrom("kb_articles")
      .select(["id", "slug", "updated_at as updatedAt"])
      .where(scope)
      .orderBy("slug")
      .execute(),
    db
      .selectFrom("kb_article_translations")
      .select(["article_id", "locale", "updated_at as updatedAt"])
      .where("status", "=", "published")
      .where("article_id", "in", (eb) => eb.selectFrom("kb_articles").select("kb_articles.id").where(scope))
      .execute(),
  ]);
  const byArticle = groupBy(translations, (t) => t.article_id);
  return articles.map(({ id, ...article }) => ({
    ...article,
    translations: (byArticle.get(id) ?? []).map(({ article_id: _, ...translation }) => translation),
  }));
}

// Editors.

function editorQuery(db: Kysely<Database>) {
  return db
    .selectFrom("kb_articles")
    .leftJoin("users as owners", "owners.id", "kb_articles.owner_id")
    .select((eb) => [
      "kb_articles.id",
      "kb_articles.slug",
      "kb_articles.title",
      "kb_articles.summary",
      "kb_articles.tags",
      "kb_articles.category_id as categoryId",
      "kb_articles.owner_id as ownerId",
      "owners.name as ownerName",
      "kb_articles.visibility",
      "kb_articles.status",
      "kb_articles.outdated",
      "kb_articles.outdated_note as outdatedNote",
      "kb_articles.views",
      "kb_articles.updated_at as updatedAt",
      "kb_articles.published_at as publishedAt",
      eb
        .selectFrom("kb_votes")
        .select((v) => v.fn.countAll<number>().as("n"))
        .whereRef("kb_votes.article_id", "=", "kb_articles.id")
        .as("helpfulTotal"),
      eb
        .selectFrom("kb_votes")
        .select((v) => v.fn.countAll<number>().as("n"))
        .whereRef("kb_votes.article_id", "=", "kb_articles.id")
        .where("kb_votes.helpful", "=", 1)
        .as("helpfulYes"),
    ]);
}

type EditorRow = Awaited<ReturnType<ReturnType<typeof editorQuery>["executeTakeFirstOrThrow"]>>;
function toEditorListItem(row: EditorRow) {
  return {
    ...row,
    tags: parseTags(row.tags),
    outdated: Boolean(row.outdated),
    helpfulTotal: Number(row.helpfulTotal ?? 0),
    helpfulYes: Number(row.helpfulYes ?? 0),
  };
}

export type EditorFilters = {
  status?: "draft" | "published" | "archived" | undefined;
  categoryId?: string | undefined;
  ownerId?: string | undefined;
  outdated?: "true" | undefined;
  sort: "updated" | "least_helpful";
};

export async function listEditorArticles(db: Kysely<Database>, filters: EditorFilters) {
  let query = editorQuery(db);
  if (filters.status) query = query.where("kb_articles.status", "=", filters.status);
  if (filters.categoryId) query = query.where("kb_articles.category_id", "=", filters.categoryId);
  if (filters.ownerId) query = query.where("kb_articles.owner_id", "=", filters.ownerId);
  if (filters.outdated) query = query.where("kb_articles.outdated", "=", 1);
  const rows = (await query.orderBy("kb_articles.updated_at", "desc").limit(500).execute()).map(toEditorListItem);
  if (filters.sort === "least_helpful") {
    // Articles nobody voted on yet tell nothing; the least helpful are those with the lowest share of "yes".
    return rows
      .filter((r) => r.helpfulTotal > 0)
      .sort((a, b) => a.helpfulYes / a.helpfulTotal - b.helpfulYes / b.helpfulTotal || b.helpfulTotal - a.helpfulTotal);
  }
  return rows;
}

export async function findEditorArticle(db: Kysely<Database>, id: string): Promise<KbEditorArticle | undefined> {
  const row = await editorQuery(db).select("kb_articles.body").where("kb_articles.id", "=", id).executeTakeFirst();
  if (!row) return undefined;
  const [organizations, roles] = await Promise.all([
    db.selectFrom("kb_article_organizations").select("organization_id").where("article_id", "=", id).execute(),
    db.selectFrom("kb_article_roles").select("role_id").where("article_id", "=", id).execute(),
  ]);
  return {
    ...toEditorListItem(row),
    body: row.body,
    organizationIds: organizations.map((o) => o.organization_id),
    roleIds: roles.map((r) => r.role_id),
  };
}

export async function listRevisions(db: Kysely<Database>, articleId: string): Promise<KbRevision[]> {
  const rows = await db
    .selectFrom("kb_revisions")
    .select([
      "number",
      "title",
      "summary",
      "body",
      "tags",
      "author_name as authorName",
      "note",
      "created_at as createdAt",
    ])
    .where("article_id", "=", articleId)
    .orderBy("number", "desc")
    .execute();
  return rows.map((r) => ({ ...r, tags: parseTags(r.tags), noteCode: parseRevisionNote(r.note) }));
}

/** What the KB admin page reports: per article, what people searched for in vain, and "No" comments. */
export async function kbStats(db: Kysely<Database>): Promise<KbStats> {
  const [articles, unanswered, feedback] = await Promise.all([
    editorQuery(db)
      .select((eb) =>
        eb
          .selectFrom("kb_suggestions")
          .select((s) => s.fn.countAll<number>().as("n"))
          .whereRef("kb_suggestions.article_id", "=", "kb_articles.id")
          .where("kb_suggestions.opened_at", "is not", null)
          .where("kb_suggestions.ticket_id", "is", null)
          .as("deflections"),
      )
      .orderBy("kb_articles.views", "desc")
      .limit(200)
      .execute(),
    db
      .selectFrom("kb_searches")
      .select((eb) => ["query", eb.fn.countAll<number>().as("count"), eb.fn.max("created_at").as("lastAt")])
      .where("results", "=", 0)
      .groupBy("query")
      .orderBy("count", "desc")
      .orderBy("lastAt", "desc")
      .limit(50)
      .execute(),
    db
      .selectFrom("kb_votes")
      .innerJoin("kb_articles", "kb_articles.id", "kb_votes.article_id")
      .select(["kb_articles.title as articleTitle", "kb_votes.comment", "kb_votes.updated_at as at"])
      .where("kb_votes.helpful", "=", 0)
      .where("kb_votes.comment", "is not", null)
      .orderBy("kb_votes.updated_at", "desc")
      .limit(50)
      .execute(),
  ]);
  return {
    articles: articles.map((a) => ({
      id: a.id,
      title: a.title,
      status: a.status,
      views: a.views,
      helpfulYes: Number(a.helpfulYes ?? 0),
      helpfulTotal: Number(a.helpfulTotal ?? 0),
      deflections: Number(a.deflections ?? 0),
    })),
    unanswered: unanswered.map((u) => ({ query: u.query, count: Number(u.count), lastAt: String(u.lastAt) })),
    feedback: feedback.map((f) => ({ articleTitle: f.articleTitle, comment: f.comment ?? "", at: f.at })),
  };
}

/** The suggestions below, for a ticket the agent may work (404 for one outside their reach). */
export async function suggestionsForWorkableTicket(
  db: Kysely<Database>,
  actor: Actor,
  number: number,
): Promise<(KbArticleSummary & { opened: boolean })[]> {
  const ticket = await db.transaction().execute((trx) => loadWorkableTicket(trx, actor, number, "check"));
  return suggestionsForTicket(db, ticket.id);
}

/** The articles a request form offered while this ticket was written, and whether the requester opened them. */
export async function suggestionsForTicket(
  db: Kysely<Database>,
  ticketId: string,
): Promise<(KbArticleSummary & { opened: boolean })[]> {
  const rows = await db
    .selectFrom("kb_suggestions")
    .innerJoin("kb_articles", "kb_articles.id", "kb_suggestions.article_id")
    .select([...summaryColumns, "kb_suggestions.opened_at as openedAt"])
    .where("kb_suggestions.ticket_id", "=", ticketId)
    .orderBy("kb_suggestions.shown_at")
    .execute();
  return rows.map(({ openedAt, ...article }) => ({ ...article, opened: openedAt !== null }));
}
