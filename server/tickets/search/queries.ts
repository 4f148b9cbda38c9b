import { type Kysely, sql } from "kysely";
import type { SearchQuery, SearchResults, SnippetPart } from "../../../common/search.ts";
import type { Actor } from "../../core/actor.ts";
import { AppError } from "../../core/errors.ts";
import type { Engine } from "../../db/engine.ts";
import { type Audience, matchEnd, matchStart, newestMatchFloor, rankedMatches, snippets } from "../../db/full-text.ts";
import type { Database } from "../../db/schema.ts";
import { seesInternal, ticketScope } from "../policy.ts";
import { summaryQuery, toSummary } from "../queries.ts";
import { searchFilterConditions } from "./conditions.ts";
import { parseSearch } from "./query-syntax.ts";

/** Splits an engine's snippet at its markers; whatever else the text holds stays text, so it cannot become markup. */
export function snippetParts(snippet: string | null | undefined): SnippetPart[] {
  if (!snippet) return [];
  const parts: SnippetPart[] = [];
  let match = false;
  for (const piece of snippet.split(new RegExp(`([${matchStart}${matchEnd}])`))) {
    if (piece === matchStart) match = true;
    else if (piece === matchEnd) match = false;
    else if (piece) parts.push({ text: piece.replace(/\s+/g, " "), match });
  }
  return parts;
}

/** How many of the newest matches are ranked at first (see inNewestMatches). */
export const rankedWindow = 1000;

/**
 * Ranks the newest `window` matches rather than every one: ranking
 * costs a read per match (bm25 needs each ticket's text sizes), a second at
 * 1M tickets for a common word, while walking the index to the 1,000th newest
 * match is a few milliseconds. When that window holds at least `wanted`
 * tickets the searcher may see, the best of them are the answer; otherwise the
 * window widens by how few were theirs (every match when none was), so a
 * group agent or a customer still gets a full page, and a search with fewer
 * matches than the window ranks them all, as before.
 */
export async function inNewestMatches<Row>(
  window: number,
  wanted: number,
  ranked: (floor: number | null) => Promise<Row[]>,
  floorAt: (size: number) => Promise<number | null>,
): Promise<Row[]> {
  let size = window;
  for (;;) {
    const floor = Number.isFinite(size) ? await floorAt(size) : null;
    const rows = await ranked(floor);
    if (rows.length >= wanted || floor === null) return rows;
    size = rows.length === 0 ? Number.POSITIVE_INFINITY : Math.ceil(((size * wanted) / rows.length) * 2);
  }
}

/**
 * The tickets the actor may see that match, best first (most recently
 * updated first when only filters were typed), with snippets. "Best" is
 * within the newest `window` matches when more match (inNewestMatches). A customer's
 * search reads only what they may read: internal notes, private comments and
 * agent-only fields are indexed apart and never searched for them.
 *
 * Give it the reader (http/types.ts `Deps.reader`): there each statement has
 * the read budget, and one that runs past it is stopped with this message.
 */
export async function searchTickets(
  db: Kysely<Database>,
  engine: Engine,
  actor: Actor,
  query: SearchQuery,
  now: Date,
  window = rankedWindow,
): Promise<SearchResults> {
  try {
    return await search(db, engine, actor, query, now, window);
  } catch (error) {
    if (error instanceof AppError && error.code === "query_timeout") {
      throw new AppError(
        "query_timeout",
        "This search took too long and was stopped. Add words or a filter (#number, from:, status:) to narrow it.",
      );
    }
    throw error;
  }
}

async function search(
  db: Kysely<Database>,
  engine: Engine,
  actor: Actor,
  query: SearchQuery,
  now: Date,
  window: number,
): Promise<SearchResults> {
  const parsed = parseSearch(query.q);
  const audience: Audience = seesInternal(actor) ? "agent" : "customer";
  const filters = searchFilterConditions(parsed, audience);
  if (parsed.terms.length === 0 && filters.length === 0) return { hits: [], more: false };
  const base = summaryQuery(db, ticketScope(actor))
    .$if(filters.length > 0, (q) => q.where((eb) => eb.and(filters.map((c) => c(eb)))))
    .limit(query.limit + 1);
  let rows: Awaited<ReturnType<typeof base.execute>>;
  if (parsed.terms.length > 0) {
    const ranked = (floor: number | null) => {
      const { source, joinOn } = rankedMatches(engine, parsed.terms, audience, floor);
      return base
        .innerJoin(source, (join) => join.onRef("matches.key", "=", joinOn))
        .select(sql<number>`matches.rank`.as("search_rank"))
        .orderBy("search_rank")
        .orderBy("tickets.updated_at", "desc")
        .orderBy("tickets.number", "desc")
        .execute();
    };
    rows = await inNewestMatches(window, query.limit + 1, ranked, (size) =>
      newestMatchFloor(db, engine, parsed.terms, audience, size),
    );
  } else {
    rows = await base.orderBy("tickets.updated_at", "desc").orderBy("tickets.number", "desc").execute();
  }
  const page = rows.slice(0, query.limit);
  const found = await snippets(
    db,
    engine,
    parsed.terms,
    audience,
    page.map((r) => r.number),
  );
  const at = now.toISOString();
  return {
    hits: page.map((r) => {
      const internal = audience === "agent" ? snippetParts(found.get(r.number)?.internal) : [];
      return {
        ticket: toSummary(r, at),
        snippet: snippetParts(found.get(r.number)?.public),
        internalSnippet: internal.length > 0 ? internal : null,
      };
    }),
    more: rows.length > query.limit,
  };
}
