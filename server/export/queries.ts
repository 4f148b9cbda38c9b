/**
 * The incremental export: every record of a kind in the order it last changed, (changed at, id), with
 * deletions as tombstones in the same order. A cursor is the position of the last change a page showed,
 * so records that changed at the same instant are neither skipped nor repeated across pages.
 */
import type { Kysely } from "kysely";
import type { ExportChange, ExportPage, ExportQuery } from "../../common/export.ts";
import { AppError } from "../core/errors.ts";
import type { Database } from "../db/schema.ts";
import type { ExportResource } from "./tombstones.ts";

type Position = { at: string; id: string };
type Changed<T> = Extract<ExportChange<T>, { type: "changed" }>;

function encodeCursor(position: Position): string {
  return Buffer.from(JSON.stringify([position.at, position.id])).toString("base64url");
}

function decodeCursor(cursor: string): Position {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    if (typeof at === "string" && typeof id === "string" && !Number.isNaN(Date.parse(at || "1970-01-01"))) {
      return { at, id };
    }
  } catch {
    // Falls through to the refusal below.
  }
  throw new AppError("validation_failed", "Some fields need attention.", {
    cursor: "Pass the nextCursor of the previous page unchanged.",
  });
}

/** Where a page starts: after the cursor, at `since` (every id sorts after ""), or at the very beginning. */
function startOf(query: ExportQuery): Position | undefined {
  if (query.cursor) return decodeCursor(query.cursor);
  if (query.since) return { at: new Date(query.since).toISOString(), id: "" };
  return undefined;
}

async function tombstones(
  db: Kysely<Database>,
  resource: ExportResource,
  start: Position | undefined,
  limit: number,
): Promise<ExportChange<never>[]> {
  let query = db
    .selectFrom("deleted_records")
    .select(["id", "deleted_at"])
    .where("resource", "=", resource)
    .orderBy("deleted_at")
    .orderBy("id")
    .limit(limit);
  if (start) {
    query = query.where((eb) =>
      eb.or([eb("deleted_at", ">", start.at), eb.and([eb("deleted_at", "=", start.at), eb("id", ">", start.id)])]),
    );
  }
  return (await query.execute()).map((row) => ({ type: "deleted", id: row.id, changedAt: row.deleted_at }));
}

/** Merges the changed records and the tombstones (each already in order) into one page. */
async function page<T>(
  db: Kysely<Database>,
  resource: ExportResource,
  query: ExportQuery,
  changed: (start: Position | undefined, limit: number) => Promise<Changed<T>[]>,
): Promise<ExportPage<T>> {
  const start = startOf(query);
  const [live, gone] = await Promise.all([
    changed(start, query.limit + 1),
    tombstones(db, resource, start, query.limit + 1),
  ]);
  const merged: ExportChange<T>[] = [...live, ...gone].sort((a, b) =>
    a.changedAt === b.changedAt ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.changedAt < b.changedAt ? -1 : 1,
  );
  const changes = merged.slice(0, query.limit);
  const last = changes.at(-1);
  const position = last ? { at: last.changedAt, id: last.id } : (start ?? { at: "", id: "" });
  return { changes, nextCursor: encodeCursor(position), hasMore: merged.length > query.limit };
}

export function exportTickets(db: Kysely<Database>, query: ExportQuery) {
  return page(db, "tickets", query, async (start, limit) => {
    let rows = db
      .selectFrom("tickets")
      .innerJoin("statuses", "statuses.id", "tickets.status_id")
      .select([
        "tickets.id",
        "tickets.number",
        "tickets.subject",
        "tickets.priority",
        "tickets.status_id",
        "statuses.agent_label",
        "statuses.category",
        "tickets.channel",
        "tickets.requester_id",
        "tickets.requester_name",
        "tickets.requester_email",
        "tickets.assignee_id",
        "tickets.group_id",
        "tickets.organization_id",
        "tickets.category_id",
        "tickets.ticket_type_id",
        "tickets.solved_at",
        "tickets.created_at",
        "tickets.updated_at",
      ])
      // A deleted ticket is a tombstone (server/tickets/commands/delete-ticket.ts) until it is restored.
      .where("tickets.deleted_at", "is", null)
      .orderBy("tickets.updated_at")
      .orderBy("tickets.id")
      .limit(limit);
    if (start) {
      rows = rows.where((eb) =>
        eb.or([
          eb("tickets.updated_at", ">", start.at),
          eb.and([eb("tickets.updated_at", "=", start.at), eb("tickets.id", ">", start.id)]),
        ]),
      );
    }
    return (await rows.execute()).map((t) => ({
      type: "changed" as const,
      id: t.id,
      changedAt: t.updated_at,
      record: {
        id: t.id,
        number: t.number,
        subject: t.subject,
        priority: t.priority,
        status: { id: t.status_id, name: t.agent_label, category: t.category },
        channel: t.channel,
        requester: { id: t.requester_id, name: t.requester_name, email: t.requester_email },
        assigneeId: t.assignee_id,
        groupId: t.group_id,
        organizationId: t.organization_id,
        categoryId: t.category_id,
        ticketTypeId: t.ticket_type_id,
        solvedAt: t.solved_at,
        createdAt: t.created_at,
        updatedAt: t.updated_at,
      },
    }));
  });
}

export function exportUsers(db: Kysely<Database>, query: ExportQuery) {
  return page(db, "users", query, async (start, limit) => {
    let rows = db
      .selectFrom("users")
      .select(["id", "email", "name", "licence", "disabled_at", "created_at", "updated_at"])
      .orderBy("updated_at")
      .orderBy("id")
      .limit(limit);
    if (start) {
      rows = rows.where((eb) =>
        eb.or([eb("updated_at", ">", start.at), eb.and([eb("updated_at", "=", start.at), eb("id", ">", start.id)])]),
      );
    }
    const users = await rows.execute();
    const memberships = users.length
      ? await db
          .selectFrom("organization_members")
          .select(["user_id", "organization_id"])
          .where(
            "user_id",
            "in",
            users.map((u) => u.id),
          )
          .orderBy("organization_id")
          .execute()
      : [];
    return users.map((u) => ({
      type: "changed" as const,
      id: u.id,
      changedAt: u.updated_at,
      record: {
        id: u.id,
        email: u.email,
        name: u.name,
        licence: u.licence,
        disabled: u.disabled_at !== null,
        organizationIds: memberships.filter((m) => m.user_id === u.id).map((m) => m.organization_id),
        createdAt: u.created_at,
        updatedAt: u.updated_at,
      },
    }));
  });
}

export function exportOrganizations(db: Kysely<Database>, query: ExportQuery) {
  return page(db, "organizations", query, async (start, limit) => {
    let rows = db
      .selectFrom("organizations")
      .select(["id", "name", "parent_id", "created_at", "updated_at"])
      .orderBy("updated_at")
      .orderBy("id")
      .limit(limit);
    if (start) {
      rows = rows.where((eb) =>
        eb.or([eb("updated_at", ">", start.at), eb.and([eb("updated_at", "=", start.at), eb("id", ">", start.id)])]),
      );
    }
    return (await rows.execute()).map((o) => ({
      type: "changed" as const,
      id: o.id,
      changedAt: o.updated_at,
      record: { id: o.id, name: o.name, parentId: o.parent_id, createdAt: o.created_at, updatedAt: o.updated_at },
    }));
  });
}
