import type { Kysely, Selectable } from "kysely";
import type { FieldValue } from "../../common/fields.ts";
import type { TicketAbilities, TicketDetail, TicketPage, TicketSummary } from "../../common/tickets.ts";
import { listTypeFields } from "../catalog/queries.ts";
import type { Actor } from "../core/actor.ts";
import { decodeCursor, encodeCursor } from "../core/cursor.ts";
import { decodeJson, engineOf, now } from "../db/engine.ts";
import type { Database, StatusesTable, TicketsTable } from "../db/schema.ts";
import { standingOn, type TicketScope, ticketAbilities } from "./policy.ts";
import { searchConditions, taggedWith } from "./search/conditions.ts";
import { parseSearch } from "./search/query-syntax.ts";

/** Tickets with their status and category, as every list shows them; the agent queues add their columns. */
export function summaryQuery(db: Kysely<Database>, scope: TicketScope) {
  return db
    .selectFrom("tickets")
    .innerJoin("statuses", "statuses.id", "tickets.status_id")
    .leftJoin("categories", "categories.id", "tickets.category_id")
    .select([
      "tickets.id",
      "tickets.number",
      "tickets.subject",
      "tickets.priority",
      "tickets.requester_name",
      "tickets.requester_email",
      "tickets.created_at",
      "tickets.updated_at",
      "tickets.due_at",
      "statuses.id as status_id",
      "statuses.agent_label",
      "statuses.customer_label",
      "statuses.category as status_category",
      "categories.id as category_id",
      "categories.name as category_name",
    ])
    .where(scope);
}

type SummaryRow = Pick<
  Selectable<TicketsTable>,
  | "id"
  | "number"
  | "subject"
  | "priority"
  | "requester_name"
  | "requester_email"
  | "created_at"
  | "updated_at"
  | "due_at"
> &
  Pick<Selectable<StatusesTable>, "agent_label" | "customer_label"> & {
    status_id: string;
    status_category: Selectable<StatusesTable>["category"];
    category_id: string | null;
    category_name: string | null;
  };

/** `at`: the time that decides "overdue", the server's clock unless a caller already read it. */
export function toSummary(row: SummaryRow, at: string = now()): TicketSummary {
  return {
    id: row.id,
    number: row.number,
    subject: row.subject,
    priority: row.priority,
    status: {
      id: row.status_id,
      agentLabel: row.agent_label,
      customerLabel: row.customer_label,
      category: row.status_category,
    },
    category: row.category_id && row.category_name ? { id: row.category_id, name: row.category_name } : null,
    requester: { name: row.requester_name, email: row.requester_email },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    dueAt: row.due_at,
    // Overdue by the server's clock, so every page (and every time zone) agrees.
    overdue: row.due_at !== null && row.due_at <= at,
  };
}

export type TicketListOptions = {
  cursor?: string | undefined;
  limit: number;
  statusId?: string[] | undefined;
  q?: string | undefined;
  sort?: "created" | "updated";
  /** Only tickets with all these tags; null: the caller may not filter by tags (customers), so nothing matches. */
  tags?: string[] | null | undefined;
};

/**
 * Newest first by creation or last update, keyset-paginated on (time, id),
 * which the tickets_created and tickets_updated indexes serve; optionally
 * narrowed to statuses and to a number or words in the subject.
 */
export async function listTickets(
  db: Kysely<Database>,
  scope: TicketScope,
  page: TicketListOptions,
): Promise<TicketPage> {
  const cursor = page.cursor ? decodeCursor(page.cursor) : undefined;
  const column = page.sort === "updated" ? "tickets.updated_at" : "tickets.created_at";
  let query = summaryQuery(db, scope)
    .orderBy(column, "desc")
    .orderBy("tickets.id", "desc")
    .limit(page.limit + 1);
  if (cursor) {
    query = query.where((eb) => eb(eb.refTuple(column, "tickets.id"), "<", eb.tuple(cursor.createdAt, cursor.id)));
  }
  if (page.statusId?.length) query = query.where("tickets.status_id", "in", page.statusId);
  if (page.tags === null) query = query.where((eb) => eb.lit(false));
  else if (page.tags?.length) query = query.where(taggedWith(page.tags));
  const q = page.q?.trim();
  if (q) {
    // The full-text index, as the requester may read the ticket (this list is the portal's), with the
    // search syntax of server/tickets/search; a bare number is a ticket's.
    const conditions = searchConditions(parseSearch(/^\d{1,10}$/.test(q) ? `#${q}` : q), engineOf(db), "customer");
    query = query.where((eb) => (conditions.length ? eb.and(conditions.map((c) => c(eb))) : eb.lit(false)));
  }
  const rows = await query.execute();
  const hasMore = rows.length > page.limit;
  const pageRows = hasMore ? rows.slice(0, page.limit) : rows;
  const last = pageRows.at(-1);
  const lastValue = last ? (page.sort === "updated" ? last.updated_at : last.created_at) : undefined;
  return {
    tickets: pageRows.map((row) => toSummary(row)),
    nextCursor: hasMore && last && lastValue ? encodeCursor({ createdAt: lastValue, id: last.id }) : null,
  };
}

/**
 * One ticket with its custom fields and attachments. Customers and guests see
 * only fields whose customer access is not "none"; agents see them all.
 */
export async function findTicketByNumber(
  db: Kysely<Database>,
  scope: TicketScope,
  number: number,
  audience: "customer" | "agent",
): Promise<Omit<TicketDetail, "abilities"> | undefined> {
  const row = await summaryQuery(db, scope)
    .leftJoin("services", "services.id", "tickets.service_id")
    .leftJoin("ticket_types", "ticket_types.id", "tickets.ticket_type_id")
    .leftJoin("users as assignees", "assignees.id", "tickets.assignee_id")
    .leftJoin("groups", "groups.id", "tickets.group_id")
    .leftJoin("organizations", "organizations.id", "tickets.organization_id")
    .leftJoin("sla_policies", "sla_policies.id", "tickets.sla_policy_id")
    .select([
      "assignees.id as assignee_id",
      "assignees.name as assignee_name",
      "groups.id as group_id",
      "groups.name as group_name",
      "organizations.id as organization_id",
      "organizations.name as organization_name",
      "tickets.message",
      "tickets.message_format",
      "services.id as service_id",
      "services.name as service_name",
      "ticket_types.id as type_id",
      "ticket_types.name as type_name",
      "tickets.auto_close_at",
      "tickets.follow_up_of",
      "tickets.first_response_due_at",
      "tickets.resolution_due_at",
      "tickets.first_responded_at",
      "tickets.sla_paused_at",
      "sla_policies.name as sla_policy_name",
      "statuses.customers_may_reopen",
      "tickets.channel",
    ])
    .where("tickets.number", "=", number)
    .executeTakeFirst();
  if (!row) return undefined;
  const [definitions, values, attachments, ccs, related] = await Promise.all([
    row.type_id ? listTypeFields(db, [row.type_id]).then((m) => m.get(row.type_id ?? "") ?? []) : [],
    db.selectFrom("ticket_field_values").select(["field_id", "value"]).where("ticket_id", "=", row.id).execute(),
    db
      .selectFrom("attachments")
      .select(["id", "file_name", "size", "content_type", "uploaded_by_name", "created_at"])
      .where("ticket_id", "=", row.id)
      // Private attachments (agents' internal notes) come with the ticket lifecycle; keep customers out of them now.
      .$if(audience === "customer", (q) => q.where("visibility", "=", "public"))
      .orderBy("created_at")
      .orderBy("id")
      .execute(),
    db.selectFrom("ticket_ccs").select("email").where("ticket_id", "=", row.id).orderBy("email").execute(),
    db
      .selectFrom("tickets")
      .select(["tickets.id", "tickets.number", "tickets.follow_up_of"])
      .where((eb) => eb.or([eb("follow_up_of", "=", row.id), eb("tickets.id", "=", row.follow_up_of ?? "")]))
      // Follow-ups the reader may not open are not named.
      .where(scope)
      .execute(),
  ]);
  const storedValues = new Map(values.map((v) => [v.field_id, decodeJson(v.value)]));
  return {
    ...toSummary(row),
    message: row.message,
    messageFormat: row.message_format,
    service: row.service_id && row.service_name ? { id: row.service_id, name: row.service_name } : null,
    ticketType: row.type_id && row.type_name ? { id: row.type_id, name: row.type_name } : null,
    fields: definitions
      .filter((f) => audience === "agent" || f.customerAccess !== "none")
      .map((f) => ({
        id: f.id,
        key: f.key,
        label: f.label,
        type: f.type,
        value: (storedValues.get(f.id) ?? null) as FieldValue | null,
      })),
    ccs: ccs.map((c) => c.email),
    followUpOf: related.find((t) => t.id === row.follow_up_of)?.number ?? null,
    followUps: related.filter((t) => t.follow_up_of === row.id).map((t) => t.number),
    // Solved tickets close when their reopen window ends: one setting, one stored time.
    reopenUntil: row.status_category === "solved" ? row.auto_close_at : null,
    serviceLevel:
      audience === "agent"
        ? {
            policy: row.sla_policy_name,
            firstResponseDueAt: row.first_response_due_at,
            resolutionDueAt: row.resolution_due_at,
            firstRespondedAt: row.first_responded_at,
            dueAt: row.due_at,
            paused: row.sla_paused_at !== null,
            overdue: row.due_at !== null && row.due_at <= now(),
          }
        : null,
    assignee: row.assignee_id && row.assignee_name ? { id: row.assignee_id, name: row.assignee_name } : null,
    organization:
      audience === "agent" && row.organization_id && row.organization_name
        ? { id: row.organization_id, name: row.organization_name }
        : null,
    group: audience === "agent" && row.group_id && row.group_name ? { id: row.group_id, name: row.group_name } : null,
    reopensOnReply: row.status_category === "closed" && row.customers_may_reopen === 1,
    channel: row.channel,
    attachments: attachments.map((a) => ({
      id: a.id,
      fileName: a.file_name,
      size: a.size,
      contentType: a.content_type,
      uploadedBy: a.uploaded_by_name,
      createdAt: a.created_at,
    })),
  };
}

/** An attachment the actor may download: on a ticket inside their scope, and public unless they are an agent. */
export function findAttachment(db: Kysely<Database>, scope: TicketScope, id: string, audience: "customer" | "agent") {
  return db
    .selectFrom("attachments")
    .innerJoin("tickets", "tickets.id", "attachments.ticket_id")
    .select(["attachments.file_name", "attachments.size", "attachments.storage_key"])
    .where("attachments.id", "=", id)
    .where(scope)
    .$if(audience === "customer", (q) => q.where("attachments.visibility", "=", "public"))
    .executeTakeFirst();
}

/**
 * The features that move tickets to a status of a category, and stop working
 * without one (withdraw answers "no withdrawn status", and is no longer offered).
 */
const featuresNeeding: Partial<Record<string, string[]>> = {
  solved: ["Mark as solved (requesters)"],
  cancelled: ["Withdraw request (requesters)"],
  closed: ["Auto-close of solved tickets after the reopen window", "Merging tickets"],
};

export async function listStatuses(db: Kysely<Database>) {
  const rows = await db
    .selectFrom("statuses")
    .leftJoin("tickets", "tickets.status_id", "statuses.id")
    .select((eb) => [
      "statuses.id",
      "statuses.agent_label as agentLabel",
      "statuses.customer_label as customerLabel",
      "statuses.category",
      "statuses.position",
      "statuses.customers_may_reopen",
      eb.fn.count<number>("tickets.id").as("ticketCount"),
    ])
    .groupBy([
      "statuses.id",
      "statuses.agent_label",
      "statuses.customer_label",
      "statuses.category",
      "statuses.position",
      "statuses.customers_may_reopen",
    ])
    .orderBy("statuses.position")
    .orderBy("statuses.agent_label")
    .execute();
  const only = (category: string) => rows.filter((r) => r.category === category).length === 1;
  return rows.map(({ customers_may_reopen, ...r }) => ({
    ...r,
    customersMayReopen: customers_may_reopen === 1,
    ticketCount: Number(r.ticketCount),
    dependents: only(r.category) ? (featuresNeeding[r.category] ?? []) : [],
  }));
}

/** What the actor may do to a ticket they can see, from the ticket policy (the same rules the commands enforce). */
export async function abilitiesOn(db: Kysely<Database>, actor: Actor, ticketId: string): Promise<TicketAbilities> {
  const ticket = await db
    .selectFrom("tickets")
    .innerJoin("statuses", "statuses.id", "tickets.status_id")
    .select([
      "tickets.id",
      "tickets.requester_id",
      "tickets.requester_email",
      "tickets.group_id",
      "tickets.assignee_id",
      "tickets.auto_close_at",
      "statuses.category",
      "statuses.customers_may_reopen",
    ])
    .where("tickets.id", "=", ticketId)
    .executeTakeFirstOrThrow();
  const [standing, categories] = await Promise.all([
    standingOn(db, actor, ticket),
    db.selectFrom("statuses").select("category").where("category", "in", ["solved", "cancelled"]).execute(),
  ]);
  return ticketAbilities(actor, standing, {
    category: ticket.category,
    reopenWindowOpen:
      ticket.category === "solved" &&
      ticket.auto_close_at !== null &&
      new Date(now()) <= new Date(ticket.auto_close_at),
    reopensOnReply: ticket.category === "closed" && ticket.customers_may_reopen === 1,
    hasSolvedStatus: categories.some((c) => c.category === "solved"),
    hasWithdrawnStatus: categories.some((c) => c.category === "cancelled"),
  });
}
