import sanitizeHtml from "sanitize-html";

/**
 * The formatting customers and agents may use: bold, italic, lists, links,
 * code and quotes. Everything else (scripts, styles, event handlers, remote
 * images, iframes, javascript: links) is removed, keeping its text where
 * there is any. The one image allowed is our own attachment (a mail's inline
 * screenshot, see mail/inbound/body.ts): a same-origin URL, never a remote load.
 */
const ownAttachment = /^\/api\/v1\/attachments\/[0-9a-f-]{36}$/;

/** The tags of the request formatting; knowledge-base articles add theirs to these (kb/article-html.ts). */
export const richTextTags = [
  "p",
  "br",
  "strong",
  "b",
  "em",
  "i",
  "u",
  "s",
  "ul",
  "ol",
  "li",
  "a",
  "code",
  "pre",
  "blockquote",
  "img",
];
/** Removed together with their content: code and embedded documents, never shown as text. */
export const droppedWithContent = [
  "script",
  "style",
  "textarea",
  "option",
  "noscript",
  "iframe",
  "object",
  "embed",
  "template",
];

/** A link that may leave the site opens in a new tab without handing over the page; any other target is refused. */
export function outsideLink(href: string): sanitizeHtml.Attributes | undefined {
  return /^(https?:|mailto:)/i.test(href) ? { href, rel: "noopener noreferrer nofollow", target: "_blank" } : undefined;
}

const options: sanitizeHtml.IOptions = {
  allowedTags: richTextTags,
  allowedAttributes: { a: ["href"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  exclusiveFilter: (frame) => frame.tag === "img" && !ownAttachment.test(frame.attribs.src ?? ""),
  nonTextTags: droppedWithContent,
  transformTags: {
    // A link whose target is not allowed keeps only its text.
    a: (tagName, attribs): sanitizeHtml.Tag => ({ tagName, attribs: outsideLink(attribs.href?.trim() ?? "") ?? {} }),
  },
};
options.allowedAttributes = { a: ["href", "rel", "target"], img: ["src", "alt"] };
// Relative URLs carry no scheme; the exclusive filter above already keeps only our attachment paths.
options.allowedSchemesByTag = { img: [] };

export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html, options).trim();
}

/** The entities the sanitiser writes into text. */
const entities = { nbsp: " ", amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" };

/** Plain text of sanitised HTML, for plain-text mail and for checking that a message is not empty. */
export function richTextToPlain(html: string): string {
  return (
    sanitizeHtml(
      html
        .replace(/<br\s*\/?>/gi, "\n")
        .replace(/<\/(p|li|blockquote|pre)>/gi, "\n")
        .replace(/<li>/gi, "- "),
      { allowedTags: [], allowedAttributes: {} },
    )
      // One pass: decoding "&amp;" before "&lt;" turned the words "&lt;b&gt;" into a tag.
      .replace(/&(nbsp|amp|lt|gt|quot|#39);/g, (_, name: keyof typeof entities) => entities[name])
      .replace(/\n{3,}/g, "\n\n")
      .trim()
  );
}
