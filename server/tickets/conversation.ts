/** Reading a ticket's history: the Feed and Read By, both straight from its events. */
import type { Kysely } from "kysely";
import type { FeedEntry } from "../../common/conversation.ts";
import { channelLabels, type TicketChannel } from "../../common/new-ticket.ts";
import type { Actor } from "../accounts/actor.ts";
import { decodeJson, now } from "../db/engine.ts";
import type { Database } from "../db/schema.ts";
import { agentToolDetail, agentToolFeedTypes } from "./agent-tools-feed.ts";
import { markReadByAgent } from "./customer-replies.ts";
import { insertTicketEvent } from "./events.ts";
import type { TicketScope } from "./policy.ts";

const feedTypes = [
  "created",
  "comment",
  "note",
  "status_changed",
  "cc_added",
  "cc_removed",
  "follow_up_created",
  "edited",
  ...agentToolFeedTypes,
] as const;

/** Events that name another ticket by its number (and, for a merge, its subject). */
const pointsAtTicket = ["merged_into", "merged_from", "linked", "unlinked", "follow_up_created"];

function detailOf(type: string, payload: Record<string, unknown>, sees: (n: unknown) => boolean): string | null {
  // Another ticket's number and subject only for a reader who may open that ticket.
  if (pointsAtTicket.includes(type) && !sees(payload.number)) return null;
  const agentTool = agentToolDetail(type, payload);
  if (agentTool !== undefined) return agentTool;
  if (type === "status_changed" && typeof payload.withdrawReason === "string")
    return `Reason: ${payload.withdrawReason}`;
  // An agent opened it for someone: say for whom and how the request came in.
  if (type === "created" && typeof payload.onBehalfOf === "object" && payload.onBehalfOf !== null) {
    const { name } = payload.onBehalfOf as Record<string, unknown>;
    const channel = channelLabels[payload.channel as TicketChannel] ?? "";
    return `On behalf of ${typeof name === "string" ? name : "the requester"}${channel ? ` · ${channel}` : ""}`;
  }
  if (type === "follow_up_created" && typeof payload.number === "number") return `Follow-up: #${payload.number}`;
  if ((type === "cc_added" || type === "cc_removed") && typeof payload.email === "string") return payload.email;
  if (type === "edited" && Array.isArray(payload.changes)) {
    return payload.changes
      .flatMap((c: unknown) => {
        if (typeof c !== "object" || c === null) return [];
        const { label, from, to } = c as Record<string, unknown>;
        if (typeof label !== "string") return [];
        return [`${label}: ${typeof from === "string" ? from : "(none)"} → ${typeof to === "string" ? to : "(none)"}`];
      })
      .join("; ");
  }
  return null;
}
/** Reopening a ticket page again and again is one visit, not many. */
const viewGapMs = 10 * 60 * 1000;

function attachmentsOf(payload: Record<string, unknown>): FeedEntry["attachments"] {
  if (!Array.isArray(payload.attachments)) return [];
  return payload.attachments.flatMap((a: unknown) => {
    if (typeof a !== "object" || a === null) return [];
    const { id, fileName, size } = a as Record<string, unknown>;
    return typeof id === "string" && typeof fileName === "string" && typeof size === "number"
      ? [{ id, fileName, size }]
      : [];
  });
}

function text(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

/**
 * Oldest first. Internal entries only for agents; status names as the reader
 * knows them; other tickets (merges, links, follow-ups) named only when the
 * reader's scope lets them open those.
 */
export async function listFeed(
  db: Kysely<Database>,
  ticketId: string,
  audience: "customer" | "agent",
  scope: TicketScope,
): Promise<FeedEntry[]> {
  const [events, statuses] = await Promise.all([
    db
      .selectFrom("ticket_events")
      .select(["id", "type", "actor_name", "visibility", "payload", "created_at"])
      .where("ticket_id", "=", ticketId)
      .where("type", "in", [...feedTypes])
      .$if(audience === "customer", (q) => q.where("visibility", "=", "public"))
      .orderBy("created_at")
      .orderBy("id")
      .execute(),
    db.selectFrom("statuses").select(["id", "agent_label", "customer_label"]).execute(),
  ]);
  const payloads = new Map(events.map((e) => [e.id, (decodeJson(e.payload) ?? {}) as Record<string, unknown>]));
  const mentioned = events.flatMap((e) => {
    const n = payloads.get(e.id)?.number;
    return pointsAtTicket.includes(e.type) && typeof n === "number" ? [n] : [];
  });
  const visible = new Set(
    mentioned.length
      ? (
          await db
            .selectFrom("tickets")
            .select("tickets.number")
            .where("tickets.number", "in", [...new Set(mentioned)])
            .where(scope)
            .execute()
        ).map((t) => t.number)
      : [],
  );
  const sees = (n: unknown) => typeof n === "number" && visible.has(n);
  const label = (id: string | null) => {
    const status = statuses.find((s) => s.id === id);
    if (!status) return null;
    return audience === "agent" ? status.agent_label : status.customer_label;
  };
  return events.map((e) => {
    const payload = payloads.get(e.id) ?? {};
    const format = payload.format === "html" ? "html" : payload.format === "text" ? "text" : null;
    return {
      id: e.id,
      type: e.type as FeedEntry["type"],
      actor: e.actor_name,
      at: e.created_at,
      visibility: e.visibility,
      body: e.type === "comment" || e.type === "note" ? text(payload.body) : null,
      format: e.type === "comment" || e.type === "note" ? format : null,
      from: e.type === "status_changed" ? label(text(payload.from)) : null,
      to: e.type === "status_changed" ? label(text(payload.to)) : null,
      // The request's own files are listed with the ticket; the Feed shows those that came with a comment.
      attachments: e.type === "comment" || e.type === "note" ? attachmentsOf(payload) : [],
      detail: detailOf(e.type, payload, sees),
    };
  });
}

/** Records that the actor opened the ticket, at most once per visit. */
export async function recordView(db: Kysely<Database>, actor: Actor, ticketId: string): Promise<void> {
  const name = actor.kind === "user" ? actor.user.name : actor.kind === "guest" ? actor.email : null;
  if (!name) return;
  const actorId = actor.kind === "user" ? actor.user.id : null;
  const at = now();
  const since = new Date(Date.parse(at) - viewGapMs).toISOString();
  // Every visit clears the queues' "new reply" marker, even inside one Read By visit.
  if (actor.kind === "user" && actor.user.licence !== "customer")
    await markReadByAgent(db, ticketId, actor.user.id, at);
  await db.transaction().execute(async (trx) => {
    const recent = await trx
      .selectFrom("ticket_events")
      .select("id")
      .where("ticket_id", "=", ticketId)
      .where("type", "=", "viewed")
      .where("actor_name", "=", name)
      .where("created_at", ">", since)
      .executeTakeFirst();
    if (recent) return;
    const role = actor.kind === "user" && actor.user.licence !== "customer" ? "agent" : "customer";
    await insertTicketEvent(trx, {
      ticketId,
      type: "viewed",
      actor: { id: actorId, name },
      visibility: "public",
      payload: { role },
      at,
    });
  });
}

/** Everyone who opened the ticket, with their latest visit, most recent first. */
export async function listReadBy(db: Kysely<Database>, ticketId: string) {
  const views = await db
    .selectFrom("ticket_events")
    .select(["actor_name", "payload", "created_at"])
    .where("ticket_id", "=", ticketId)
    .where("type", "=", "viewed")
    .orderBy("created_at", "desc")
    .execute();
  const latest = new Map<string, { name: string; role: "agent" | "customer"; at: string }>();
  for (const view of views) {
    if (latest.has(view.actor_name)) continue;
    const payload = decodeJson(view.payload) as { role?: unknown };
    latest.set(view.actor_name, {
      name: view.actor_name,
      role: payload.role === "agent" ? "agent" : "customer",
      at: view.created_at,
    });
  }
  return [...latest.values()];
}
