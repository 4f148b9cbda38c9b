/**
 * A worked history for seeded tickets (bench:seed --history), so reports have something to count: the
 * ticket goes to one of four teams and one of its agents, comes in by web or email, gets an agent's first
 * reply, moves through the statuses its final one implies (solved, closed, withdrawn, waiting…), carries
 * SLA due times, and a quarter of the solved ones are rated. Only events are written here; the metrics rows
 * and rollups come from replaying them (`npm run cli -- metrics:backfill`), as for any old ticket.
 */
import type { Kysely } from "kysely";
import type { StatusCategory } from "../common/tickets.ts";
import { encodeJson } from "../server/db/engine.ts";
import { newId } from "../server/db/ids.ts";
import type { Database, NewTicket, NewTicketEvent } from "../server/db/schema.ts";
import { pick, type Random } from "./fake-data.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type BenchTeam = { groupId: string; agents: { id: string; name: string }[] };

/** Four groups of three agents, made once per database (found by name on later runs). */
export async function ensureBenchTeams(db: Kysely<Database>): Promise<BenchTeam[]> {
  const at = new Date().toISOString();
  const teams: BenchTeam[] = [];
  for (let g = 1; g <= 4; g += 1) {
    const name = `Bench team ${g}`;
    let groupId = (await db.selectFrom("groups").select("id").where("name", "=", name).executeTakeFirst())?.id;
    if (!groupId) {
      groupId = newId();
      await db.insertInto("groups").values({ id: groupId, name, created_at: at }).execute();
    }
    const agents: BenchTeam["agents"] = [];
    for (let a = 1; a <= 3; a += 1) {
      const email = `bench.team${g}.agent${a}@switchboard.local`;
      const agentName = `Team ${g} agent ${a}`;
      let id = (await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst())?.id;
      if (!id) {
        id = newId();
        await db
          .insertInto("users")
          .values({
            id,
            email,
            name: agentName,
            password_hash: null,
            licence: "agent",
            created_at: at,
            updated_at: at,
            disabled_at: null,
            email_confirmed_at: at,
          })
          .execute();
        await db.insertInto("group_members").values({ user_id: id, group_id: groupId }).execute();
      }
      agents.push({ id, name: agentName });
    }
    teams.push({ groupId, agents });
  }
  return teams;
}

/** A wait drawn so most are short and a few are long: minutes to days. */
const wait = (random: Random, typical: number) => Math.round(-Math.log(1 - random() * 0.999) * typical);

/**
 * Fills in the ticket's team, agent, channel and due times, and returns the events after "created" that lead
 * to its final status. `eventId(ms)` makes ids that sort like their times, as bench:seed's do.
 */
export function ticketHistory(
  random: Random,
  ticket: NewTicket,
  final: StatusCategory,
  statusOf: (category: StatusCategory) => string,
  teams: readonly BenchTeam[],
  eventId: (ms: number) => string,
  now: number,
): NewTicketEvent[] {
  const created = Date.parse(ticket.created_at);
  const updated = Math.min(now, Math.max(created + MINUTE, Date.parse(ticket.updated_at ?? ticket.created_at)));
  const team = pick(random, teams);
  const agent = pick(random, team.agents);
  ticket.group_id = team.groupId;
  ticket.assignee_id = final === "new" ? null : agent.id;
  ticket.channel = random() < 0.3 ? "email" : "web";
  ticket.first_response_due_at = new Date(created + 8 * HOUR).toISOString();
  ticket.resolution_due_at = new Date(created + 3 * DAY).toISOString();
  if (final === "new") return [];

  const events: NewTicketEvent[] = [];
  const event = (
    at: number,
    type: string,
    payload: object,
    actor: string,
    visibility: "public" | "internal" = "public",
  ) =>
    events.push({
      id: eventId(at),
      ticket_id: ticket.id,
      type,
      actor_id: actor === agent.name ? agent.id : null,
      actor_name: actor,
      visibility,
      payload: encodeJson(payload),
      created_at: new Date(at).toISOString(),
    });
  // The first reply comes before the ticket's last change, a typical four hours after it came in.
  const replyAt = Math.min(created + Math.max(MINUTE, wait(random, 4 * HOUR)), created + (updated - created) / 2);
  event(
    replyAt,
    "comment",
    { body: "Thanks, we are looking into it.", format: "text", kind: "public", fromAgent: true },
    agent.name,
  );
  const move = (at: number, from: StatusCategory, to: StatusCategory, reason = "agent") =>
    event(at, "status_changed", { from: statusOf(from), to: statusOf(to), reason }, agent.name);
  const working: StatusCategory = final === "pending" || final === "on_hold" ? final : "open";
  move(replyAt + 1, "new", working);
  if (final === "solved" || final === "closed") {
    move(updated, working, "solved");
    if (random() < 0.25) {
      const good = random() < 0.8;
      event(
        Math.min(now, updated + HOUR),
        "satisfaction_rated",
        { rating: good ? "good" : "bad", comment: good ? "Thank you!" : "Took too long.", reason: null },
        ticket.requester_name,
        "internal",
      );
    }
    if (final === "closed") move(Math.min(now, updated + 3 * DAY), "solved", "closed", "auto_closed");
  } else if (final === "cancelled") {
    move(updated, working, "cancelled", "withdrawn");
  }
  return events;
}
