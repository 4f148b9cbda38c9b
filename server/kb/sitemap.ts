import type { Kysely } from "kysely";
import { type Locale, shippedLocales } from "../../common/locales.ts";
import type { Database } from "../db/schema.ts";
import { readDefaultLocale } from "../i18n/settings.ts";
import type { ArticleScope } from "./policy.ts";
import { sitemapArticles } from "./queries.ts";

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * An article in each language it may be read in (issue 20), the sitemap way: `xhtml:link` alternates naming
 * every language version, the default text's included, and `x-default` for the page that picks the
 * reader's own. An article without a published translation has one language and needs none.
 */
function alternates(url: string, defaultLocale: Locale, translated: readonly string[]): string[] {
  const published = new Set(translated);
  const others = shippedLocales.filter((l) => l !== defaultLocale && published.has(l));
  if (!others.length) return [];
  const link = (hreflang: string, href: string) =>
    `    <xhtml:link rel="alternate" hreflang="${hreflang}" href="${escapeXml(href)}"/>`;
  return [link("x-default", url), ...[defaultLocale, ...others].map((locale) => link(locale, `${url}?lang=${locale}`))];
}

/**
 * The Help Centre's pages for search engines: its home and each article the scope (a visitor's) allows, with
 * its published translations as alternates. `lastmod` is the last change to any text listed.
 */
export async function renderSitemap(db: Kysely<Database>, scope: ArticleScope, baseUrl: string): Promise<string> {
  const base = baseUrl.replace(/\/+$/, "");
  const [articles, defaultLocale] = await Promise.all([sitemapArticles(db, scope), readDefaultLocale(db)]);
  const urls = [
    `  <url><loc>${escapeXml(`${base}/help`)}</loc></url>`,
    ...articles.map((a) => {
      const url = `${base}/help/articles/${a.slug}`;
      const lastmod = [a.updatedAt, ...a.translations.map((t) => t.updatedAt)].sort().at(-1) ?? a.updatedAt;
      const links = alternates(
        url,
        defaultLocale,
        a.translations.map((t) => t.locale),
      );
      const head = `  <url><loc>${escapeXml(url)}</loc><lastmod>${lastmod.slice(0, 10)}</lastmod>`;
      return links.length ? [head, ...links, "  </url>"].join("\n") : `${head}</url>`;
    }),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join("\n")}\n</urlset>\n`;
}
