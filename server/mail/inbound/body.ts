/**
 * The body of an inbound mail as Switchboard keeps it: the plain text (from
 * the text part, or made from the HTML with html-to-text, which keeps
 * paragraphs, list items and table rows on lines of their own) and the HTML
 * shown on a request (sanitised, block structure kept as line breaks, inline
 * `cid:` images pointing at the request's own attachments).
 */
import { compile } from "html-to-text";
import { attachmentUrl } from "../../../common/tickets.ts";
import { sanitizeRichText } from "../../html/rich-text.ts";

const toText = compile({
  wordwrap: false,
  formatters: {
    // A layout table's cell: its text, then a space, so a row reads "Client version 5.1.3" on one line.
    cell: (elem, walk, builder) => {
      walk(elem.children, builder);
      builder.addInline(" ");
    },
  },
  selectors: [
    { selector: "img", format: "skip" },
    { selector: "head", format: "skip" },
    { selector: "style", format: "skip" },
    { selector: "script", format: "skip" },
    { selector: "title", format: "skip" },
    { selector: "a", options: { hideLinkHrefIfSameAsText: true, ignoreHref: false, noAnchorUrl: true } },
    ...["h1", "h2", "h3", "h4", "h5", "h6"].map((selector) => ({ selector, options: { uppercase: false } })),
    { selector: "table", format: "block", options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
    { selector: "tr", format: "block", options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
    { selector: "td", format: "cell" },
    { selector: "th", format: "cell" },
  ],
});

/** Plain text of mail HTML, with its block structure as line breaks. */
export function htmlToPlain(html: string): string {
  return toText(html)
    .replace(/[ \t\u00a0]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Block elements the rich-text allow-list drops: their ends become line breaks so words do not run together. */
const blockEnds =
  /<\/(div|tr|h[1-6]|table|section|article|header|footer|center|address|dt|dd|caption|form|fieldset)\s*>/gi;
const cellEnds = /<\/t[dh]\s*>/gi;

/** An inline part stored as an attachment: the id it is stored under and its file name. */
export type InlinePart = { id: string; fileName: string };

/**
 * Mail HTML as shown on a request: `cid:` references to the message's inline
 * parts rewritten to the attachment they are stored as (`inline` maps a
 * Content-ID to it; the file name becomes the alt text when there is none),
 * block ends kept as line breaks, and then the same allow-list sanitiser as
 * the web form (scripts, styles, remote images and handlers removed).
 */
export function mailHtmlForDisplay(html: string, inline: ReadonlyMap<string, InlinePart>): string {
  const withImages = html.replace(/<img\b[^>]*>/gi, (tag) => {
    const cid = /\ssrc\s*=\s*(["']?)cid:([^"'\s>]+)\1/i.exec(tag)?.[2];
    const part = cid ? inline.get(decodeCid(cid)) : undefined;
    if (!part) return tag;
    const alt = /\salt\s*=\s*(["'])([^"']*)\1/i.exec(tag)?.[2]?.trim() || part.fileName.replace(/["<>&]/g, "_");
    return `<img src="${attachmentUrl(part.id)}" alt="${alt}">`;
  });
  const broken = withImages.replace(blockEnds, "$&<br>").replace(cellEnds, "$& ");
  return sanitizeRichText(broken)
    .replace(/(<br \/>\s*){3,}/g, "<br /><br />")
    .replace(/^(<br \/>\s*)+|(<br \/>\s*)+$/g, "")
    .trim();
}

function decodeCid(cid: string): string {
  try {
    return decodeURIComponent(cid).toLowerCase();
  } catch {
    return cid.toLowerCase();
  }
}
