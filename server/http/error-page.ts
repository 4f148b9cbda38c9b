/**
 * An API address opened as a page (a download link opened in a tab of its own, a link copied into the address
 * bar) that fails: a short page in the reader's language instead of the error's JSON, which a browser shows as
 * raw text. Programs (fetch, the API's clients) get the JSON as before: a browser says it is opening a page with
 * `Sec-Fetch-Mode: navigate`, which nothing else sends. A browser too old to send Sec-Fetch-* headers is known by
 * asking for HTML before JSON; a client that asks for JSON, or says nothing, gets JSON.
 */
import type { FastifyRequest } from "fastify";
import type { ErrorCode } from "../../common/errors.ts";
import { defaultLocale, directionOf, resolveLocale } from "../../common/locales.ts";
import { sentenceLocalizer } from "../../common/sentences.ts";
import { escapeHtml } from "../html/escape.ts";
import { serverCatalog } from "../i18n/catalogs.ts";
import { languageOf } from "../i18n/request-locale.ts";
import { translator } from "../i18n/translator.ts";

export function openedAsPage(request: FastifyRequest): boolean {
  if (request.method !== "GET") return false;
  const mode = request.headers["sec-fetch-mode"];
  if (mode !== undefined) return mode === "navigate";
  return prefersHtml(request.headers.accept ?? "");
}

/** Whether an Accept header names HTML, and names it before (or without) JSON; quality values are not weighed. */
function prefersHtml(accept: string): boolean {
  const types = accept.split(",").map((part) => part.split(";")[0]?.trim().toLowerCase());
  const html = types.indexOf("text/html");
  const json = types.indexOf("application/json");
  return html !== -1 && (json === -1 || html < json);
}

const localize = sentenceLocalizer(serverCatalog(defaultLocale));

/**
 * The page. Its language comes from the switcher's cookie or the browser's, not the profile: the error may be
 * the database's, so the page reads nothing from it.
 */
export function errorPage(request: FastifyRequest, code: ErrorCode, message: string): string {
  const language = languageOf(request);
  const locale = resolveLocale({ cookie: language.cookie, acceptLanguage: language.acceptLanguage });
  const messages = { ...serverCatalog(defaultLocale), ...serverCatalog(locale) };
  const sentence = localize(message, messages) ?? messages[`errors.code.${code}`] ?? message;
  return `<!doctype html>
<html lang="${escapeHtml(locale)}" dir="${directionOf(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(sentence)}</title>
</head>
<body>
<main>
<h1>${escapeHtml(sentence)}</h1>
<p><a href="/">${escapeHtml(translator(locale).t("errors.page.backToHelpDesk"))}</a></p>
</main>
</body>
</html>
`;
}
