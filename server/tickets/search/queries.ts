import { type Kysely, sql } from "kysely";
import type { SearchQuery, SearchResults, SnippetPart } from "../../../common/search.ts";
import type { Actor } from "../../core/actor.ts";
import { AppError } from "../../core/errors.ts";
import type { Engine } from "../../db/engine.ts";
import {
  type Audience,
  type MatchPart,
  matchEnd,
  matchesMoreThan,
  matchesText,
  matchingNumbers,
  matchStart,
  rankedMatches,
  snippets,
} from "../../db/full-text.ts";
import type { Database } from "../../db/schema.ts";
import { countedScope, seesInternal, ticketScope } from "../policy.ts";
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

/**
 * The most matches a search on SQLite ranks. Ranking reads every match
 * (FTS5's bm25 counts the tickets holding each word before scoring one), over
 * half a second at 1M tickets for a common word, and among thousands of
 * tickets that all say "password" the rank tells little anyway. A search
 * matching more lists subject matches first, then the rest, each newest first,
 * which the index answers by reading about a page.
 */
export const rankedAtMost = 1000;

/**
 * The tickets the actor may see that match, best first (most recently
 * updated first when only filters were typed), with snippets. On SQLite
 * "best" is the rank while at most `rankAtMost` tickets match (rankedAtMost). A customer's
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
  rankAtMost = rankedAtMost,
): Promise<SearchResults> {
  try {
    return await search(db, engine, actor, query, now, rankAtMost);
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
  rankAtMost: number,
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
    const { terms } = parsed;
    // PostgreSQL still ranks every match: at 1M its planner reads a newest-first list the slow way round
    // (docs/benchmarks.md, "Search at 1M").
    const newestFirst =
      engine === "sqlite" && Number.isFinite(rankAtMost) && (await matchesMoreThan(db, terms, audience, rankAtMost));
    if (newestFirst) {
      const counted = actor.kind === "user" ? countedScope(actor) : null;
      const newest = (part: MatchPart, limit: number) =>
        counted?.counters === "none"
          ? // A customer's tickets are few: read through their indexes, each is checked against the matches.
            base
              .where(counted.beyond)
              .where(matchesText(engine, terms, audience, part, false))
              .orderBy("tickets.number", "desc")
              .limit(limit)
              .execute()
          : // FTS5 hands the matches newest first and the page is cut as soon as it is full.
            base
              .innerJoin(matchingNumbers(terms, audience, part), (join) =>
                join.onRef("matches.key", "=", "tickets.number"),
              )
              .orderBy(sql`matches.key`, "desc")
              .limit(limit)
              .execute();
      const wanted = query.limit + 1;
      rows = await newest("subject", wanted);
      if (rows.length < wanted) rows = [...rows, ...(await newest("notSubject", wanted - rows.length))];
    } else {
      const { source, joinOn } = rankedMatches(engine, terms, audience);
      rows = await base
        .innerJoin(source, (join) => join.onRef("matches.key", "=", joinOn))
        .select(sql<number>`matches.rank`.as("search_rank"))
        .orderBy("search_rank")
        .orderBy("tickets.updated_at", "desc")
        .orderBy("tickets.number", "desc")
        .execute();
    }
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
