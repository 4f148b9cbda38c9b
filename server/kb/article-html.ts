import sanitizeHtml from "sanitize-html";
import { droppedWithContent, outsideLink, richTextTags } from "../html/rich-text.ts";

/**
 * What an article's body may hold: the formatting of requests (see html/rich-text.ts) plus headings,
 * tables, code blocks, callouts and our own uploaded images. Bodies are written by signed-in editors and
 * capped at 200 kB by the input schema, so they are sanitised in-process rather than on the worker pool
 * that guards against hostile mail.
 */
const ownImage = /^\/api\/v1\/kb\/images\/[0-9a-f-]{36}$/;
const calloutTones = new Set(["info", "tip", "warning"]);

const options: sanitizeHtml.IOptions = {
  allowedTags: [...richTextTags, "h2", "h3", "h4", "hr", "table", "thead", "tbody", "tr", "th", "td", "div"],
  allowedAttributes: {
    a: ["href", "rel", "target"],
    img: ["src", "alt"],
    div: ["data-callout"],
    th: ["colspan", "rowspan"],
    td: ["colspan", "rowspan"],
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  exclusiveFilter: (frame) => frame.tag === "img" && !ownImage.test(frame.attribs.src ?? ""),
  nonTextTags: droppedWithContent,
  transformTags: {
    // An editor's h1 becomes h2: the article's title is the page's only h1.
    h1: "h2",
    a: (tagName, attribs): sanitizeHtml.Tag => {
      const href = attribs.href?.trim() ?? "";
      const outside = outsideLink(href);
      if (outside) return { tagName, attribs: outside };
      // Links to other articles of the help centre stay in the tab.
      if (/^\/help\/[a-z0-9/-]+$/.test(href)) return { tagName, attribs: { href } };
      return { tagName, attribs: {} };
    },
    // Only callouts keep their div; any other div is just its content.
    div: (tagName, attribs): sanitizeHtml.Tag => {
      const tone = attribs["data-callout"] ?? "";
      return calloutTones.has(tone) ? { tagName, attribs: { "data-callout": tone } } : { tagName: "p", attribs: {} };
    },
  },
};

export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, options).trim();
}

/** The words of an article body, for the search index and for inserting into a plain reply. */
export function articleText(html: string): string {
  return sanitizeHtml(html.replace(/<\/(p|li|h[1-6]|tr|pre|blockquote|div)>/gi, "$&\n").replace(/<br\s*\/?>/gi, "\n"), {
    allowedTags: [],
    allowedAttributes: {},
  })
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/[ \t]+/g, " ")
    .replace(/\n\s*\n+/g, "\n\n")
    .trim();
}
