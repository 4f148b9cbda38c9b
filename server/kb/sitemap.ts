import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import type { ArticleScope } from "./policy.ts";
import { sitemapArticles } from "./queries.ts";

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The Help Centre's pages for search engines: its home and each article the scope (a visitor's) allows. */
export async function renderSitemap(db: Kysely<Database>, scope: ArticleScope, baseUrl: string): Promise<string> {
  const base = baseUrl.replace(/\/+$/, "");
  const articles = await sitemapArticles(db, scope);
  const urls = [
    `  <url><loc>${escapeXml(`${base}/help`)}</loc></url>`,
    ...articles.map(
      (a) =>
        `  <url><loc>${escapeXml(`${base}/help/articles/${a.slug}`)}</loc><lastmod>${a.updatedAt.slice(0, 10)}</lastmod></url>`,
    ),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>\n`;
}
