import type { Kysely, Selectable } from "kysely";
import type { TicketDetail, TicketPage, TicketSummary } from "../../common/tickets.ts";
import type { Database, StatusesTable, TicketsTable } from "../db/schema.ts";
import { AppError } from "../http/errors.ts";
import type { TicketScope } from "./policy.ts";

type Cursor = { createdAt: string; id: string };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString("base64url");
}

export function decodeCursor(raw: string): Cursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 2) {
      const [createdAt, id] = value;
      if (typeof createdAt === "string" && typeof id === "string") return { createdAt, id };
    }
  } catch {
    // Fall through to the error below: a cursor is opaque, so any damage means the same thing.
  }
  throw new AppError("validation_failed", "The page cursor is not valid; start again from the first page.", {
    cursor: "This cursor is not valid.",
  });
}

function summaryQuery(db: Kysely<Database>, scope: TicketScope) {
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
  "id" | "number" | "subject" | "priority" | "requester_name" | "requester_email" | "created_at" | "updated_at"
> &
  Pick<Selectable<StatusesTable>, "agent_label" | "customer_label"> & {
    status_id: string;
    status_category: Selectable<StatusesTable>["category"];
    category_id: string | null;
    category_name: string | null;
  };

function toSummary(row: SummaryRow): TicketSummary {
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
  };
}

/** Newest first, keyset-paginated on (created_at, id), which the tickets_created index serves. */
export async function listTickets(
  db: Kysely<Database>,
  scope: TicketScope,
  page: { cursor?: string | undefined; limit: number },
): Promise<TicketPage> {
  const cursor = page.cursor ? decodeCursor(page.cursor) : undefined;
  let query = summaryQuery(db, scope)
    .orderBy("tickets.created_at", "desc")
    .orderBy("tickets.id", "desc")
    .limit(page.limit + 1);
  if (cursor) {
    query = query.where((eb) =>
      eb(eb.refTuple("tickets.created_at", "tickets.id"), "<", eb.tuple(cursor.createdAt, cursor.id)),
    );
  }
  const rows = await query.execute();
  const hasMore = rows.length > page.limit;
  const pageRows = hasMore ? rows.slice(0, page.limit) : rows;
  const last = pageRows.at(-1);
  return {
    tickets: pageRows.map(toSummary),
    nextCursor: hasMore && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null,
  };
}

export async function findTicketByNumber(
  db: Kysely<Database>,
  scope: TicketScope,
  number: number,
): Promise<TicketDetail | undefined> {
  const row = await summaryQuery(db, scope)
    .select("tickets.message")
    .where("tickets.number", "=", number)
    .executeTakeFirst();
  return row ? { ...toSummary(row), message: row.message } : undefined;
}
