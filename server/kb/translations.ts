/**
 * Articles in the reader's language (issue 20). An article's own text is in the help desk's default
 * language; a published translation in the reader's language replaces its title, summary and body. Who may
 * read is decided before this module is reached: every row handed to it already passed `articleScope`
 * (published, and visible to this reader), so a translation is shown only with an article the reader may
 * read, and only when the translation itself is published.
 */
import type { FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import type { KbEditorTranslationList } from "../../common/kb.ts";
import { isLocale, type Locale, shippedLocales } from "../../common/locales.ts";
import type { Database } from "../db/schema.ts";
import { languageOf, localeOfRequest } from "../i18n/request-locale.ts";
import { readDefaultLocale } from "../i18n/settings.ts";

/**
 * The language a reader asked for (explicitly, or by profile, cookie, browser) and the one articles are written
 * in; `pageLocale` is the page's own language around the article (its categories and breadcrumbs), which
 * an article's link to another language does not change.
 */
export type ReaderLanguage = { locale: Locale; defaultLocale: Locale; pageLocale?: Locale };

/** `lang` (the article page's links to its other languages) wins over the request's own language. */
export async function readerLanguage(
  db: Kysely<Database>,
  request: FastifyRequest,
  lang?: string | undefined,
): Promise<ReaderLanguage> {
  const { locale, fallback } = await localeOfRequest(db, request.actor, languageOf(request));
  return { locale: isLocale(lang) ? lang : locale, defaultLocale: fallback, pageLocale: locale };
}

/** Whether this reader may get translations at all: not when they read the default language. */
export function wantsTranslation(language: ReaderLanguage | undefined): language is ReaderLanguage {
  return language !== undefined && language.locale !== language.defaultLocale;
}

type Translated = { title: string; summary: string; body: string; bodyText: string };

/** Published translations in one language of these (already scoped) articles, by article id. */
export async function publishedTranslations(
  db: Kysely<Database>,
  locale: Locale,
  articleIds: readonly string[],
): Promise<Map<string, Translated>> {
  if (!articleIds.length) return new Map();
  const rows = await db
    .selectFrom("kb_article_translations")
    .select(["article_id", "title", "summary", "body", "body_text as bodyText"])
    .where("locale", "=", locale)
    .where("status", "=", "published")
    .where("article_id", "in", [...new Set(articleIds)])
    .execute();
  return new Map(rows.map(({ article_id, ...text }) => [article_id, text]));
}

/** Article summaries (lists, related articles, suggestions) with the title and summary in the reader's language. */
export async function inReaderLanguage<T extends { id: string; title: string; summary: string }>(
  db: Kysely<Database>,
  language: ReaderLanguage | undefined,
  rows: T[],
): Promise<T[]> {
  if (!wantsTranslation(language) || !rows.length) return rows;
  const texts = await publishedTranslations(
    db,
    language.locale,
    rows.map((r) => r.id),
  );
  return rows.map((row) => {
    const text = texts.get(row.id);
    return text ? { ...row, title: text.title, summary: text.summary } : row;
  });
}

/** The languages an article may be read in: the default's, then its published translations' (shipped order). */
export async function articleLanguages(
  db: Kysely<Database>,
  articleId: string,
  defaultLocale: Locale,
): Promise<Locale[]> {
  const rows = await db
    .selectFrom("kb_article_translations")
    .select("locale")
    .where("article_id", "=", articleId)
    .where("status", "=", "published")
    .execute();
  const published = new Set(rows.map((r) => r.locale));
  return [defaultLocale, ...shippedLocales.filter((l) => l !== defaultLocale && published.has(l))];
}

/** Every translation of an article, drafts too, for its editors; undefined when there is no such article. */
export async function editorTranslations(
  db: Kysely<Database>,
  articleId: string,
): Promise<KbEditorTranslationList | undefined> {
  const article = await db.selectFrom("kb_articles").select("id").where("id", "=", articleId).executeTakeFirst();
  if (!article) return undefined;
  const defaultLocale = await readDefaultLocale(db);
  const rows = await db
    .selectFrom("kb_article_translations")
    .select(["locale", "title", "summary", "body", "status", "updated_at as updatedAt", "published_at as publishedAt"])
    .where("article_id", "=", articleId)
    .execute();
  const order = (l: string) => shippedLocales.indexOf(l as (typeof shippedLocales)[number]);
  return {
    defaultLocale,
    translations: rows
      .filter((r): r is typeof r & { locale: (typeof shippedLocales)[number] } => order(r.locale) >= 0)
      .sort((a, b) => order(a.locale) - order(b.locale)),
  };
}
