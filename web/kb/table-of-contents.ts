export type Heading = { id: string; text: string; level: 2 | 3 };

/**
 * Gives the article's h2 and h3 headings ids and lists them, for the table of contents. The body was
 * sanitised by the server (server/kb/article-html.ts); this only adds ids, in the browser's own parser.
 */
export function withHeadingIds(html: string): { html: string; headings: Heading[] } {
  const doc = new DOMParser().parseFromString(`<div>${html}</div>`, "text/html");
  const root = doc.body.firstElementChild;
  if (!root) return { html, headings: [] };
  const used = new Set<string>();
  const headings: Heading[] = [];
  for (const element of root.querySelectorAll("h2, h3")) {
    const text = element.textContent?.trim() ?? "";
    const base =
      text
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "") || "section";
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    element.id = id;
    headings.push({ id, text, level: element.tagName === "H2" ? 2 : 3 });
  }
  return { html: root.innerHTML, headings };
}
