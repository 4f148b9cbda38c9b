import { type Kysely, sql } from "kysely";
import type { SearchQuery, SearchResults, SnippetPart } from "../../../common/search.ts";
import type { Actor } from "../../core/actor.ts";
import { AppError } from "../../core/errors.ts";
import { amongTicketIds, type Engine } from "../../db/engine.ts";
import {
  type Audience,
  fewMatchingIds,
  joinedMatch,
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
import { countedScope, idsInScope, seesInternal, ticketScope } from "../policy.ts";
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
 * PostgreSQL: a search lists the best of the newest this many matches among the newest `newestWindow` tickets;
 * with hardly any there (a page or less), the best of every match. Ranking every match read every matching
 * document (0.5–6 s for a word in many of 1M tickets); the walk over the newest tickets stops at these, or at the
 * window's end. Its end bounds it: without it, a word the statistics guessed common and that is in no ticket
 * walked all 1M.
 */
export const newestRankedOnPostgres = 200;
const newestWindow = 10_000;
/** A group agent's search checks this many of their newest tickets first; `newestWindow` when they hold too few. */
const theirChunk = 2_000;
/** An agent in more groups than this searches the help desk's newest tickets instead (`newestOfTheirs`). */
const groupsSearchedApart = 8;

/**
 * PostgreSQL, a group agent: the ids of their newest `window` tickets (their groups', those assigned to them,
 * and the few beyond their work), newest first; null for an agent in many groups or with many tickets beyond.
 */
async function newestOfTheirs(
  db: Kysely<Database>,
  counted: Extract<ReturnType<typeof countedScope>, { counters: "work" }>,
  window: number,
): Promise<string[] | null> {
  const groups = await db
    .selectFrom("group_members")
    .select("group_id")
    .where("user_id", "=", counted.userId)
    .execute();
  if (groups.length > groupsSearchedApart) return null;
  const beyond = await idsInScope(db, counted.beyond, rankedAtMost);
  if (!beyond) return null;
  const live = db
    .selectFrom("tickets")
    .select(["tickets.id", "tickets.number"])
    .where("tickets.deleted_at", "is", null);
  const lists = await Promise.all([
    ...groups.map(({ group_id }) =>
      live.where("tickets.group_id", "=", group_id).orderBy("tickets.created_at", "desc").limit(window).execute(),
    ),
    live
      .where("tickets.assignee_id", "=", counted.userId)
      .orderBy("tickets.updated_at", "desc")
      .limit(window)
      .execute(),
    beyond.length ? live.where(amongTicketIds(beyond)).execute() : Promise.resolve([]),
  ]);
  const newest = new Map<string, number>();
  for (const row of lists.flat()) newest.set(row.id, row.number);
  return [...newest]
    .sort(([, a], [, b]) => b - a)
    .slice(0, window)
    .map(([id]) => id);
}

/**
 * The tickets the actor may see that match, best first (most recently
 * updated first when only filters were typed), with snippets. On SQLite
 * "best" is the rank while at most `rankAtMost` tickets match (rankedAtMost); on
 * PostgreSQL the rank among the newest matches (newestRankedOnPostgres). A customer's
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
  newestRanked = newestRankedOnPostgres,
): Promise<SearchResults> {
  try {
    return await search(db, engine, actor, query, now, rankAtMost, newestRanked);
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
  newestRanked: number,
): Promise<SearchResults> {
  const parsed = parseSearch(query.q);
  const audience: Audience = seesInternal(actor) ? "agent" : "customer";
  const filters = searchFilterConditions(parsed, audience);
  if (parsed.terms.length === 0 && filters.length === 0) return { hits: [], more: false };
  const scoped = summaryQuery(db, ticketScope(actor)).$if(filters.length > 0, (q) =>
    q.where((eb) => eb.and(filters.map((c) => c(eb)))),
  );
  const base = scoped.limit(query.limit + 1);
  let rows: Awaited<ReturnType<typeof base.execute>>;
  if (parsed.terms.length > 0) {
    const { terms } = parsed;
    const newestFirst =
      engine === "sqlite" && Number.isFinite(rankAtMost) && (await matchesMoreThan(db, terms, audience, rankAtMost));
    if (engine === "postgres" && Number.isFinite(rankAtMost)) {
      const { matches, rank } = joinedMatch(terms, audience);
      const counted = actor.kind === "user" ? countedScope(actor) : null;
      // Ticket by ticket, each checked and ranked by itself: for lists of ids, and for a walk over the newest tickets
      // (as a join, the planner may read every match through the index first, on an estimate of how many match).
      const byTicket = scoped
        .where(sql<boolean>`(select ${matches} from ticket_search where ticket_search.ticket_id = tickets.id)`)
        .select(
          sql<number>`(select ${rank} from ticket_search where ticket_search.ticket_id = tickets.id)`.as("search_rank"),
        );
      const bestOf = (candidates: typeof byTicket) =>
        db
          .selectFrom(candidates.as("candidates"))
          .selectAll()
          .orderBy("search_rank")
          .orderBy("updated_at", "desc")
          .orderBy("number", "desc")
          .limit(query.limit + 1)
          .execute();
      // A customer's tickets are usually few: read first, then ranked among them only (testing their own, CC'd
      // and organization lists on every ticket walked 1M tickets).
      const own = counted?.counters === "none" ? await idsInScope(db, counted.beyond, rankAtMost) : null;
      // An uncommon word's matches are few (or none): read them, and rank them all.
      const few = own ?? (await fewMatchingIds(db, terms, audience, rankAtMost));
      // A group agent's tickets may be few among the newest of the whole help desk (one in fifty made a common
      // word's page fall through to ranking all 650,000 of its matches at 10M tickets: 503 after 3 s). Their own
      // newest tickets are read instead, each of their lists newest first down its own index.
      const work = !few && counted?.counters === "work" ? counted : null;
      const theirNewest = work ? await newestOfTheirs(db, work, theirChunk) : null;
      // Every match, ranked, read through the index (a rare word's are few): when the newest hold hardly any.
      const everyMatch = () =>
        scoped
          .innerJoin("ticket_search", "ticket_search.ticket_id", "tickets.id")
          .where(matches)
          .select(rank.as("search_rank"))
          .orderBy("search_rank")
          .orderBy("tickets.updated_at", "desc")
          .orderBy("tickets.number", "desc")
          .limit(query.limit + 1)
          .execute();
      if (few) rows = few.length ? await bestOf(byTicket.where(amongTicketIds(few))) : [];
      else if (work && theirNewest) {
        // Their newest tickets, a few first and more when those hold less than a page of matches: the best of
        // the matches found is the page. Only when even their newest 10,000 hold less (and they have more), every
        // match is ranked.
        rows = await bestOf(byTicket.where(amongTicketIds(theirNewest)));
        if (rows.length <= query.limit && theirNewest.length === theirChunk) {
          const more = await newestOfTheirs(db, work, newestWindow);
          if (more) rows = await bestOf(byTicket.where(amongTicketIds(more)));
          if (rows.length <= query.limit && (!more || more.length === newestWindow)) rows = await everyMatch();
        }
      } else {
        // The best of the matches among the newest tickets, walked newest first: a common word fills the list at
        // once, and a walk that finds few stops at the window's end.
        rows = await bestOf(
          byTicket
            .where("tickets.number", ">", (eb) =>
              eb.selectFrom("tickets as newest").select(sql<number>`max(newest.number) - ${newestWindow}`.as("start")),
            )
            .orderBy("tickets.number", "desc")
            .limit(newestRanked),
        );
        if (rows.length <= query.limit) rows = await everyMatch();
      }
    } else if (newestFirst) {
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
