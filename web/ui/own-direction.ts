/**
 * Props for an element that shows someone's words (a subject, a name, an address) on one line cut short with an
 * ellipsis. The element takes the text's own direction (`dir="auto"`, from its first letters) and is aligned as the
 * page is: the ellipsis then goes where the text ends, so an English subject in the Arabic workspace, or an Arabic
 * one in English, keeps its beginning. `<bdi>` inside the cut element would order the words but still cut at the
 * page's end of the line, which is the other text's beginning.
 * The same goes for a paragraph of someone's words that wraps (an article's or a service's summary, a category's
 * description): in the Arabic portal an English summary kept its sentence, but its full stop went to the wrong end.
 */
export const ownDirection = { dir: "auto", style: { textAlign: "match-parent" } } as const;
