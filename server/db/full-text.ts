/**
 * Full-text search, where the two engines differ most: SQLite keeps an FTS5
 * table `ticket_fts` (rowid = ticket number), PostgreSQL a table
 * `ticket_search` with two generated tsvectors under GIN indexes. Both are kept
 * by database triggers (migration 0024; 0090 for edited and removed comments), so whatever code path writes a
 * ticket, comment, field value or attachment, its index row changes in the
 * same transaction. Each ticket has two texts: what its customers may read
 * (subject, message, public comments, requester, customer-visible fields,
 * public attachment names) and what only agents may read (internal notes and
 * private comments, agent-only fields, internal attachment names). A customer's
 * search only ever looks at the first.
 */
import type Sqlite from "better-sqlite3";
import {
  type AliasedRawBuilder,
  type ExpressionBuilder,
  type Kysely,
  type RawBuilder,
  type SqlBool,
  sql,
} from "kysely";
import type { Engine } from "./engine.ts";
import type { Database } from "./schema.ts";

/** Brackets the matched words in snippets; stripped from indexed text, so only the engine can place them. */
export const matchStart = "\u0002";
export const matchEnd = "\u0003";

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", "#39": "'" };

/**
 * The words of a stored body: sanitised HTML (our own rich text) loses its
 * tags and entities; plain text stays as it is. Control characters go, so a
 * snippet's match markers can only come from the engine.
 */
export function plainText(format: unknown, body: unknown): string {
  if (typeof body !== "string") return "";
  const text =
    format === "html"
      ? body
          .replace(/<[^>]*>/g, " ")
          .replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_, name: string) => entities[name] ?? " ")
      : body;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point.
  return text.replace(/[\u0000-\u0008\u000b-\u001f]/g, " ");
}

/**
 * SQLite's triggers call `switchboard_plain_text`; every connection that may
 * write must have it, which is why openSqlite registers it (the only way this
 * code base opens SQLite). PostgreSQL has the same function in SQL.
 */
export function registerSqliteFunctions(database: Sqlite.Database): void {
  database.function("switchboard_plain_text", { deterministic: true }, (format, body) => plainText(format, body));
}

/** A parsed search: bare words match as prefixes (as you type), quoted phrases match exactly. */
export type SearchTerm = { kind: "word"; word: string } | { kind: "phrase"; words: string[] };
/** Customers search what they may read; agents also the internal text. */
export type Audience = "customer" | "agent";

/** The same word boundaries as FTS5's unicode61 tokenizer: letters and digits, everything else separates. */
export function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 32);
}

/**
 * Which of a ticket's text must hold the match: any the audience may search,
 * the subject alone, or anywhere but in the subject (the two last split the
 * first in two, for lists that put subject matches first; SQLite only).
 */
export type MatchPart = "any" | "subject" | "notSubject";

/** FTS5 syntax; every word is quoted, so nothing a person types can be read as an operator. */
function fts5Query(terms: SearchTerm[], audience: Audience, part: MatchPart = "any"): string {
  const expression = terms.map((t) => (t.kind === "word" ? `"${t.word}"*` : `"${t.words.join(" ")}"`)).join(" AND ");
  const any = audience === "agent" ? expression : `{subject public_text} : (${expression})`;
  if (part === "subject") return `{subject} : (${expression})`;
  return part === "notSubject" ? `(${any}) NOT ({subject} : (${expression}))` : any;
}

/** PostgreSQL: the document an audience searches in `ticket_search` (agents also read the internal text). */
function documentOf(audience: Audience, table: "" | "ticket_search." = "") {
  return sql.ref(`${table}${audience === "agent" ? "agent_doc" : "public_doc"}`);
}

/** to_tsquery syntax over words made of letters and digits only, so it cannot be malformed. */
function tsQuery(terms: SearchTerm[]): string {
  return terms
    .map((t) => (t.kind === "word" ? `'${t.word}':*` : `(${t.words.map((w) => `'${w}'`).join(" <-> ")})`))
    .join(" & ");
}

/** Tickets whose text matches, as a condition on `tickets` (for lists that sort by something else). */
export function matchesText(
  engine: Engine,
  terms: SearchTerm[],
  audience: Audience,
  part: MatchPart = "any",
  /** False when the rest of the query names fewer tickets than match (a customer's own): SQLite then starts there. */
  drive = true,
): (eb: ExpressionBuilder<Database, "tickets">) => RawBuilder<SqlBool> {
  if (engine === "sqlite") {
    const query = fts5Query(terms, audience, part);
    // `+` makes the column an expression, which SQLite will not look up by index: the matches become a list to check.
    return (eb) =>
      sql<SqlBool>`${drive ? sql`` : sql`+`}${eb.ref("tickets.number")} in (select rowid from ticket_fts where ticket_fts match ${query})`;
  }
  // The parts are SQLite's only: PostgreSQL ranks every match (server/tickets/search/queries.ts).
  if (part !== "any") throw new Error("Matching a part of the text is for SQLite only.");
  const query = tsQuery(terms);
  const doc = documentOf(audience);
  return (eb) =>
    sql<SqlBool>`${eb.ref("tickets.id")} in (select ticket_id from ticket_search where ${doc} @@ to_tsquery('simple', ${query}))`;
}

/**
 * PostgreSQL: how many tickets the planner expects to match, from the documents' statistics, without reading
 * any. A word in many tickets is among the most common elements ANALYZE keeps, so the estimate of a common
 * word is close; for any other the estimate is small, and the index answers such words cheaply.
 */
export async function estimatedMatches(db: Kysely<Database>, terms: SearchTerm[], audience: Audience): Promise<number> {
  const doc = documentOf(audience);
  const { rows } = await sql<{ "QUERY PLAN": string | { Plan: { "Plan Rows": number } }[] }>`explain (format json)
    select 1 from ticket_search where ${doc} @@ to_tsquery('simple', ${tsQuery(terms)})`.execute(db);
  const plan = rows[0]?.["QUERY PLAN"];
  const parsed = typeof plan === "string" ? (JSON.parse(plan) as { Plan: { "Plan Rows": number } }[]) : plan;
  return Number(parsed?.[0]?.Plan["Plan Rows"] ?? Number.POSITIVE_INFINITY);
}

/** The estimate for a word outside the statistics' most common ones, per database and document, a while. */
const uncommonEstimates = new WeakMap<Kysely<Database>, Map<Audience, { estimate: number; at: number }>>();
const uncommonEstimateLife = 10 * 60 * 1000;

/**
 * Whether the statistics count these words among the most common. ANALYZE keeps the most common words of the
 * documents with their frequencies, and the planner's estimate for any other word is one floor (half the least
 * frequent one's), whatever its real count: a word in no ticket is estimated like one in a few. So an estimate
 * above that floor is a common word's, and close to its real count; at the floor, the index reads the word's
 * few matches cheaply.
 */
export async function commonWords(db: Kysely<Database>, terms: SearchTerm[], audience: Audience): Promise<boolean> {
  const known = uncommonEstimates.get(db) ?? new Map<Audience, { estimate: number; at: number }>();
  uncommonEstimates.set(db, known);
  let floor = known.get(audience);
  if (!floor || Date.now() - floor.at > uncommonEstimateLife) {
    // Letters no word is made of in practice; any word outside the most common gets the same estimate.
    floor = {
      estimate: await estimatedMatches(db, [{ kind: "word", word: "qzqzxjxjvqvq" }], audience),
      at: Date.now(),
    };
    known.set(audience, floor);
  }
  return (await estimatedMatches(db, terms, audience)) > floor.estimate * 1.5;
}

/**
 * PostgreSQL: the ids of the tickets whose text matches, when no more than `atMost` do; null when more. A list
 * sorted by something else reads a few matches by id, where the condition `matchesText` makes the planner walk
 * the list in its order and test each ticket: the "all" queue filtered by a word in no ticket walked all 1M
 * tickets (4.6 s). Common words are not read at all (`commonWords`): reading a thousand of their matches took
 * 50–150 ms, where the walk finds a page of them at once.
 */
export async function fewMatchingIds(
  db: Kysely<Database>,
  terms: SearchTerm[],
  audience: Audience,
  atMost: number,
): Promise<string[] | null> {
  if (await commonWords(db, terms, audience)) return null;
  const doc = documentOf(audience);
  // Materialized, so the matches are read through the index whatever the limit. With the limit in the same
  // statement, the planner expected the floor's estimate of matches (18,000 at 10M tickets) to come early in a
  // sequential scan, and read all 10M rows for a word in no ticket (9.5 s; the index answers in 1 ms). An
  // uncommon word's matches are few, so reading them all costs little.
  const { rows } = await sql<{ ticket_id: string }>`with matched as materialized (
      select ticket_id from ticket_search where ${doc} @@ to_tsquery('simple', ${tsQuery(terms)}))
    select ticket_id from matched limit ${atMost + 1}`.execute(db);
  return rows.length > atMost ? null : rows.map((r) => r.ticket_id);
}

/**
 * SQLite: the numbers of the tickets whose text matches, when no more than `atMost` do; null when more. The index
 * hands them over in its own order and stops at the one past `atMost` (0.04 ms for a word in no ticket, 1–17 ms
 * for words in 66,000 to 760,000 of a million tickets).
 */
export async function fewMatchingNumbers(
  db: Kysely<Database>,
  terms: SearchTerm[],
  audience: Audience,
  atMost: number,
): Promise<number[] | null> {
  const { rows } = await sql<{ rowid: number }>`select rowid from ticket_fts
    where ticket_fts match ${fts5Query(terms, audience)} limit ${atMost + 1}`.execute(db);
  return rows.length > atMost ? null : rows.map((r) => Number(r.rowid));
}

/**
 * Every matching ticket with its rank (lower is better on both engines), to
 * join on `tickets.<joinOn>` and sort by. Subject words weigh the most.
 */
export function rankedMatches(
  engine: Engine,
  terms: SearchTerm[],
  audience: Audience,
): {
  joinOn: "tickets.number" | "tickets.id";
  source: AliasedRawBuilder<{ key: string | number; rank: number }, "matches">;
} {
  if (engine === "sqlite") {
    return {
      joinOn: "tickets.number",
      source: sql<{ key: number; rank: number }>`(
        select rowid as key, rank from ticket_fts where ticket_fts match ${fts5Query(terms, audience)})`.as("matches"),
    };
  }
  const doc = documentOf(audience);
  return {
    joinOn: "tickets.id",
    source: sql<{ key: string; rank: number }>`(
      select ticket_id as key, -ts_rank(${doc}, query) as rank
      from ticket_search cross join to_tsquery('simple', ${tsQuery(terms)}) as query
      where ${doc} @@ query)`.as("matches"),
  };
}

/**
 * PostgreSQL: the condition that a ticket's row of `ticket_search` (joined on `tickets.id`) matches, and its rank
 * (lower is better, as `rankedMatches`), for a list that ranks only its newest matches.
 */
export function joinedMatch(
  terms: SearchTerm[],
  audience: Audience,
): { matches: RawBuilder<SqlBool>; rank: RawBuilder<number> } {
  const doc = documentOf(audience, "ticket_search.");
  const query = sql`to_tsquery('simple', ${tsQuery(terms)})`;
  return { matches: sql<SqlBool>`${doc} @@ ${query}`, rank: sql<number>`-ts_rank(${doc}, ${query})` };
}

/**
 * SQLite: the matching ticket numbers as a table to join on `tickets.number`.
 * Sorted by `matches.key` descending, FTS5 hands them newest first and stops
 * when the page is full, where `tickets.number in (…)` would list every match
 * first.
 */
export function matchingNumbers(
  terms: SearchTerm[],
  audience: Audience,
  part: MatchPart,
): AliasedRawBuilder<{ key: number }, "matches"> {
  return sql<{ key: number }>`(
    select rowid as key from ticket_fts where ticket_fts match ${fts5Query(terms, audience, part)})`.as("matches");
}

/**
 * Whether more than `size` tickets match (SQLite), read from the index alone
 * and stopping at the one past `size`: what a search asks before ranking,
 * which reads every match.
 */
export async function matchesMoreThan(
  db: Kysely<Database>,
  terms: SearchTerm[],
  audience: Audience,
  size: number,
): Promise<boolean> {
  const { rows } = await sql`select rowid from ticket_fts where ticket_fts match ${fts5Query(terms, audience)}
    limit 1 offset ${size}`.execute(db);
  return rows.length > 0;
}

export type Snippets = { public: string; internal: string | null };

/**
 * The page's rows of ticket_fts. Handed `rowid in (…)`, FTS5 runs the match
 * once per number, and a word (always a prefix) costs a read of all its
 * matches each time: 15 ms per number for a word in a quarter of 1M tickets.
 * So with a word the match runs once over the page's span of numbers, and the
 * `+` keeps the list from FTS5 (SQLite filters the span's rows by it, before
 * any snippet is made). A phrase alone is exact: looked up per number, cheaply.
 */
function pageOf(terms: SearchTerm[], numbers: number[]): RawBuilder<SqlBool> {
  const list = sql.join(numbers);
  if (!terms.some((t) => t.kind === "word")) return sql<SqlBool>`rowid in (${list})`;
  return sql<SqlBool>`rowid between ${Math.min(...numbers)} and ${Math.max(...numbers)} and +rowid in (${list})`;
}

/**
 * Short extracts around the matched words, for a page of results only
 * (computing them for every match would cost more than the search). The
 * internal extract is only read for agents, and only when it holds a match.
 */
export async function snippets(
  db: Kysely<Database>,
  engine: Engine,
  terms: SearchTerm[],
  audience: Audience,
  numbers: number[],
): Promise<Map<number, Snippets>> {
  const found = new Map<number, Snippets>();
  if (numbers.length === 0 || terms.length === 0) return found;
  const internal = audience === "agent";
  if (engine === "sqlite") {
    const { rows } = await sql<{ number: number; pub: string; internal: string | null }>`
      select rowid as number,
        snippet(ticket_fts, 1, ${matchStart}, ${matchEnd}, '…', 16) as pub,
        ${internal ? sql`snippet(ticket_fts, 2, ${matchStart}, ${matchEnd}, '…', 16)` : sql`null`} as internal
      from ticket_fts
      where ticket_fts match ${fts5Query(terms, audience)} and ${pageOf(terms, numbers)}`.execute(db);
    for (const r of rows) found.set(Number(r.number), { public: r.pub, internal: r.internal });
  } else {
    const options = `StartSel=${matchStart}, StopSel=${matchEnd}, MaxWords=24, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "`;
    const { rows } = await sql<{ number: number; pub: string; internal: string | null }>`
      select tickets.number as number,
        ts_headline('simple', left(ticket_search.public_text, 100000), query, ${options}) as pub,
        ${
          internal
            ? sql`case when to_tsvector('simple', regexp_replace(left(ticket_search.internal_text, 200000), '[[:punct:]]+', ' ', 'g')) @@ query
                then ts_headline('simple', left(ticket_search.internal_text, 100000), query, ${options}) end`
            : sql`null`
        } as internal
      from ticket_search
      cross join to_tsquery('simple', ${tsQuery(terms)}) as query
      join tickets on tickets.id = ticket_search.ticket_id
      where tickets.number in (${sql.join(numbers)})`.execute(db);
    for (const r of rows) found.set(Number(r.number), { public: r.pub, internal: r.internal });
  }
  for (const [number, s] of found) {
    // FTS5 returns the column's start when nothing matched there; only a marked extract is a hit.
    if (s.internal !== null && !s.internal.includes(matchStart)) found.set(number, { ...s, internal: null });
  }
  return found;
}
