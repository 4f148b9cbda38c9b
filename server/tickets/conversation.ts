/** Reading a ticket's history: the Feed and Read By, both straight from its events. */
import type { Kysely } from "kysely";
import { englishOutcome } from "../../common/automation.ts";
import type { FeedDetail, FeedEntry } from "../../common/conversation.ts";
import { channelLabels } from "../../common/new-ticket.ts";
import { satisfactionRatingLabels } from "../../common/satisfaction.ts";
import {
  type EditableTicketField,
  type FeedEntryType,
  type FieldChange,
  feedEntryTypes,
  parseTicketEvent,
  type TicketEvent,
} from "../../common/ticket-events.ts";
import { type Priority, priorities, priorityLabels } from "../../common/tickets.ts";
import type { Actor } from "../core/actor.ts";
import type { AppContext } from "../core/context.ts";
import { decodeJson, now } from "../db/engine.ts";
import type { Database } from "../db/schema.ts";
import type { ContentText } from "../i18n/content-text.ts";
import { markReadByAgent } from "./customer-replies.ts";
import { recordEvent } from "./events.ts";
import type { TicketScope } from "./policy.ts";

const feedTypes: readonly string[] = feedEntryTypes;
function isFeedEvent(event: TicketEvent): event is Extract<TicketEvent, { type: FeedEntryType }> {
  return feedTypes.includes(event.type);
}

/** Another ticket's number and subject only for a reader who may open that ticket. */
type Sees = (number: number) => boolean;

const isPriority = (value: string): value is Priority => (priorities as readonly string[]).includes(value);

/** Edits stored before changes named their field: the ticket's own fields by the English label they were given. */
const fieldByEnglishLabel: Record<string, EditableTicketField> = {
  Subject: "subject",
  Priority: "priority",
  Category: "category",
  Assignee: "assignee",
  Group: "group",
  Type: "type",
};

/** A priority as an edit stored it (its English label) back to its code, so readers word it themselves. */
const priorityCode = (label: string | null): string | null =>
  label === null ? null : (priorities.find((p) => priorityLabels[p] === label) ?? label);

/**
 * A custom field's change in the reader's language: its label translated, or as it was at the edit; a choice's
 * options by their labels, or their values; a checkbox's state as itself, for the reader to word. Edits stored
 * before they named the field keep their stored words.
 */
function customFieldChange(change: FieldChange, fieldId: string, text: ContentText): FeedDetail {
  const label = text.overlay("ticket-field", { id: fieldId, label: change.label }).label;
  const { options, checked } = change;
  if (checked) return { code: "change", field: null, label, from: change.from, to: change.to, checked };
  if (!options) return { code: "change", field: null, label, from: change.from, to: change.to };
  const labels = text.optionLabels(fieldId, [...options.from, ...options.to]);
  const said = (values: string[]) => (values.length ? values.map((value) => labels[value] ?? value).join(", ") : null);
  return { code: "change", field: null, label, from: said(options.from), to: said(options.to) };
}

function changeOf(change: FieldChange, text?: ContentText): FeedDetail {
  if (change.fieldId !== undefined) {
    if (text) return customFieldChange(change, change.fieldId, text);
    const stored: FeedDetail = { code: "change", field: null, label: change.label, from: change.from, to: change.to };
    return change.checked ? { ...stored, checked: change.checked } : stored;
  }
  const field = change.field ?? fieldByEnglishLabel[change.label] ?? null;
  const values = field === "priority" ? { from: priorityCode(change.from), to: priorityCode(change.to) } : change;
  return { code: "change", field, label: change.label, from: values.from, to: values.to };
}

/**
 * What a Feed entry's detail line says, as codes and values; empty when the entry's summary says it all.
 * `text`: custom fields and their options in the reader's language; without it, as the edit stored them.
 */
export function detailsOf(event: TicketEvent, sees: Sees, text?: ContentText): FeedDetail[] {
  switch (event.type) {
    case "created": {
      // An agent opened it for someone: say for whom and how the request came in.
      const { onBehalfOf, channel } = event.payload;
      return onBehalfOf ? [{ code: "onBehalfOf", name: onBehalfOf.name, channel: channel ?? null }] : [];
    }
    case "status_changed": {
      const { withdrawReason, withdrawReasonId } = event.payload;
      if (withdrawReason === undefined) return [];
      // In the reader's language when the reason is translated; as chosen when not (or since deleted).
      const reason =
        text && withdrawReasonId
          ? text.overlay("withdraw-reason", { id: withdrawReasonId, label: withdrawReason }).label
          : withdrawReason;
      return [{ code: "reason", reason }];
    }
    case "follow_up_created":
      return sees(event.payload.number) ? [{ code: "followUp", number: event.payload.number }] : [];
    case "cc_added":
    case "cc_removed":
      return [{ code: "person", email: event.payload.email }];
    case "edited":
      return event.payload.changes.map((change) => changeOf(change, text));
    case "task_added":
    case "task_edited":
    case "task_completed":
    case "task_reopened":
    case "task_removed":
      return [{ code: "task", title: event.payload.title }];
    case "merged_into":
    case "linked":
    case "unlinked":
      return sees(event.payload.number) ? [{ code: "ticket", number: event.payload.number, subject: null }] : [];
    case "merged_from":
      return sees(event.payload.number)
        ? [{ code: "ticket", number: event.payload.number, subject: event.payload.subject }]
        : [];
    case "priority_changed":
      return [{ code: "priority", from: event.payload.from, to: event.payload.to }];
    case "satisfaction_rated": {
      // The comment is the entry's body, shown as the requester wrote it.
      const { rating, previous, reason } = event.payload;
      return [
        { code: "rating", rating, previous: previous && previous !== rating ? previous : null },
        ...(reason ? [{ code: "reason" as const, reason }] : []),
      ];
    }
    case "comment_deleted":
      return [{ code: "commentBy", author: event.payload.author }];
    case "tag_added":
    case "tag_removed":
      return [{ code: "tag", tag: event.payload.tag }];
    case "automation_applied": {
      // Events recorded before the outcome was stored as codes have only their English sentence.
      const { outcome, summary } = event.payload;
      return outcome
        ? outcome.map((did) => ({ code: "automation" as const, did }))
        : [{ code: "automationSummary", summary }];
    }
    case "comment_edited":
    case "deleted":
    case "restored":
    case "comment":
    case "note":
    case "viewed":
    case "sla_due":
    case "sla_overdue":
      return [];
  }
}

const englishValue = (field: EditableTicketField | null, value: string | null) =>
  value === null ? "(none)" : field === "priority" && isPriority(value) ? priorityLabels[value] : value;

function englishPart(part: FeedDetail): string {
  switch (part.code) {
    case "onBehalfOf":
      return `On behalf of ${part.name}${part.channel ? ` · ${channelLabels[part.channel]}` : ""}`;
    case "reason":
      return `Reason: ${part.reason}`;
    case "followUp":
      return `Follow-up: #${part.number}`;
    case "person":
      return part.email;
    case "change":
      return `${part.label}: ${englishValue(part.field, part.from)} → ${englishValue(part.field, part.to)}`;
    case "task":
      return part.title;
    case "ticket":
      return part.subject === null ? `#${part.number}` : `#${part.number}: ${part.subject}`;
    case "priority":
      return `${priorityLabels[part.from]} → ${priorityLabels[part.to]}`;
    case "rating": {
      const was = part.previous ? ` (was ${satisfactionRatingLabels[part.previous]})` : "";
      return `Rating: ${satisfactionRatingLabels[part.rating]}${was}`;
    }
    case "commentBy":
      return `A comment by ${part.author}`;
    case "tag":
      return part.tag;
    case "automation":
      return englishOutcome([part.did]);
    case "automationSummary":
      return part.summary;
  }
}

/** The detail line in English, as the Feed API's `detail` has always said it (for clients that predate `details`). */
export function englishDetail(details: FeedDetail[]): string | null {
  if (details.length === 0) return null;
  // An edit's fields are listed with semicolons; a rating and its reason with a middle dot.
  const separator = details.every((d) => d.code === "change")
    ? "; "
    : details.every((d) => d.code === "automation")
      ? ", "
      : " · ";
  return details.map(englishPart).join(separator);
}

/** The other ticket an event names by its number, if any. */
function mentions(event: TicketEvent): number | null {
  switch (event.type) {
    case "merged_into":
    case "merged_from":
    case "linked":
    case "unlinked":
    case "follow_up_created":
      return event.payload.number;
    default:
      return null;
  }
}

/** Reopening a ticket page again and again is one visit, not many. */
const viewGapMs = 10 * 60 * 1000;

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
  /**
   * Admin-entered text in the reader's language: status customer labels (for customers) and custom fields with
   * their options (for everyone); without it, the stored text.
   */
  text?: ContentText,
): Promise<FeedEntry[]> {
  const [events, statuses] = await Promise.all([
    db
      .selectFrom("ticket_events")
      .select(["id", "type", "actor_name", "visibility", "payload", "created_at"])
      .where("ticket_id", "=", ticketId)
      .where("type", "in", [...feedEntryTypes])
      .$if(audience === "customer", (q) => q.where("visibility", "=", "public"))
      .orderBy("created_at")
      .orderBy("id")
      .execute(),
    db.selectFrom("statuses").select(["id", "agent_label", "customer_label"]).execute(),
  ]);
  // Stored by this code, so every row parses; one that does not (hand-edited) is left out rather than shown wrong.
  const parsed = events.flatMap((row) => {
    const event = parseTicketEvent(row.type, decodeJson(row.payload));
    return event && isFeedEvent(event) ? [{ row, event }] : [];
  });
  const mentioned = parsed.flatMap(({ event }) => {
    const n = mentions(event);
    return n === null ? [] : [n];
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
  const sees = (n: number) => visible.has(n);
  // A comment shows its latest words; a removed one leaves only the entry that says who removed it.
  const latestWords = new Map<string, { body: string; format: "text" | "html" }>();
  const removed = new Set<string>();
  for (const { event } of parsed) {
    if (event.type === "comment_edited")
      latestWords.set(event.payload.commentId, { body: event.payload.after, format: event.payload.format });
    if (event.type === "comment_deleted") removed.add(event.payload.commentId);
  }
  const shown = parsed.filter(({ row, event }) => {
    if ((event.type === "comment" || event.type === "note") && removed.has(row.id)) return false;
    // Customers see an edited comment marked "edited"; the words before are for agents.
    if (event.type === "comment_edited") return audience === "agent" && !removed.has(event.payload.commentId);
    return true;
  });
  const label = (id: string) => {
    const status = statuses.find((s) => s.id === id);
    if (!status) return null;
    if (audience === "agent") return status.agent_label;
    return text
      ? text.overlay("status", { id: status.id, customerLabel: status.customer_label }).customerLabel
      : status.customer_label;
  };
  return shown.map(({ row, event }) => {
    const edit = event.type === "comment" || event.type === "note" ? latestWords.get(row.id) : undefined;
    const said =
      event.type === "comment" || event.type === "note"
        ? { ...event.payload, ...edit }
        : event.type === "comment_edited"
          ? { body: event.payload.before, format: event.payload.format, attachments: [] }
          : event.type === "satisfaction_rated" && event.payload.comment
            ? { body: event.payload.comment, format: "text" as const, attachments: [] }
            : null;
    const moved = event.type === "status_changed" ? event.payload : null;
    const details = detailsOf(event, sees, text);
    return {
      id: row.id,
      type: event.type,
      // An automation entry's actor is stored as "Automation: rule name"; readers word the entry around the rule's name.
      actor: event.type === "automation_applied" ? event.payload.rule : row.actor_name,
      at: row.created_at,
      visibility: row.visibility,
      body: said?.body ?? null,
      format: said?.format ?? null,
      from: moved ? label(moved.from) : null,
      to: moved ? label(moved.to) : null,
      // The request's own files are listed with the ticket; the Feed shows those that came with a comment.
      attachments: said?.attachments ?? [],
      // The legacy line keeps the stored words, as it always has; `details` speak the reader's language.
      detail: englishDetail(text ? detailsOf(event, sees) : details),
      details,
      edited: edit !== undefined,
    };
  });
}

/** Records that the actor opened the ticket, at most once per visit. */
export async function recordView(
  { db, config }: Pick<AppContext, "db" | "config">,
  actor: Actor,
  ticketId: string,
): Promise<void> {
  const name = actor.kind === "user" ? actor.user.name : actor.kind === "guest" ? actor.name : null;
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
    await recordEvent(
      trx,
      { config },
      {
        ticketId,
        type: "viewed",
        actor: { id: actorId, name },
        visibility: "public",
        payload: { role },
        at,
      },
    );
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
    const event = parseTicketEvent("viewed", decodeJson(view.payload));
    latest.set(view.actor_name, {
      name: view.actor_name,
      role: event?.type === "viewed" ? event.payload.role : "customer",
      at: view.created_at,
    });
  }
  return [...latest.values()];
}
