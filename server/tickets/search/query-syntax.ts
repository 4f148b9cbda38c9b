/** Reads what a person typed into a search box: words, "phrases" and filters. */
import { normaliseTag } from "../../../common/tags.ts";
import { type Priority, priorities } from "../../../common/tickets.ts";
import { type SearchTerm, wordsOf } from "../../db/full-text.ts";

export type ParsedSearch = {
  terms: SearchTerm[];
  number: number | null;
  requesterEmail: string | null;
  priority: Priority | null;
  /** A status key ("in_progress") or category ("open"). */
  status: string | null;
  fields: { key: string; value: string }[];
  /** `tag:vpn`: tickets with every one of these tags (agents only; a customer's search ignores them). */
  tags: string[];
};

const emailPattern = /^[^\s@"]+@[^\s@"]+\.[^\s@"]+$/;
/** The largest ticket number: numbers are 32-bit integers in the database. */
const maxTicketNumber = 2 ** 31 - 1;

/**
 * `#1234` is a ticket number, `from:` or a bare address the requester's
 * email, `priority:`, `status:` and `<field key>:` filter, "quoted words" are
 * a phrase, and every other word matches as a prefix, so results follow the
 * typing. Anything else is read as words, never as search syntax.
 */
export function parseSearch(input: string): ParsedSearch {
  const parsed: ParsedSearch = {
    terms: [],
    number: null,
    requesterEmail: null,
    priority: null,
    status: null,
    fields: [],
    tags: [],
  };
  const tokens = input.match(/"[^"]*"?|\S+/g) ?? [];
  for (const token of tokens) {
    if (token.startsWith('"')) {
      const words = wordsOf(token);
      if (words.length === 1 && words[0]) parsed.terms.push({ kind: "word", word: words[0] });
      else if (words.length > 1) parsed.terms.push({ kind: "phrase", words });
      continue;
    }
    const number = Number(/^#(\d{1,10})$/.exec(token)?.[1]);
    // Past 2^31-1 no ticket has it (PostgreSQL refused the comparison: a 500); it is an order or phone number, a word.
    if (number <= maxTicketNumber) {
      parsed.number = number;
      continue;
    }
    const filter = /^([a-z][a-z0-9_]*):(.+)$/i.exec(token);
    const name = filter?.[1]?.toLowerCase();
    const value = filter?.[2];
    if (name && value) {
      if ((name === "from" || name === "requester") && emailPattern.test(value)) {
        parsed.requesterEmail = value.toLowerCase();
        continue;
      }
      if (name === "priority" && (priorities as readonly string[]).includes(value.toLowerCase())) {
        parsed.priority = value.toLowerCase() as Priority;
        continue;
      }
      if (name === "tag") {
        const tag = normaliseTag(value);
        if (tag) parsed.tags.push(tag);
        continue;
      }
      if (name === "status") {
        parsed.status = value.toLowerCase();
        continue;
      }
      if (!["http", "https", "mailto"].includes(name)) {
        parsed.fields.push({ key: name, value });
        continue;
      }
    }
    if (emailPattern.test(token)) {
      parsed.requesterEmail = token.toLowerCase();
      continue;
    }
    const words = wordsOf(token);
    if (words.length === 1 && words[0]) parsed.terms.push({ kind: "word", word: words[0] });
    // "e-mail" or "foo.bar" is one thing to the person typing: its words in that order.
    else if (words.length > 1) parsed.terms.push({ kind: "phrase", words });
  }
  parsed.terms = parsed.terms.slice(0, 16);
  return parsed;
}

export function hasFilters(parsed: ParsedSearch): boolean {
  return (
    parsed.number !== null ||
    parsed.requesterEmail !== null ||
    parsed.priority !== null ||
    parsed.status !== null ||
    parsed.fields.length > 0 ||
    parsed.tags.length > 0
  );
}
