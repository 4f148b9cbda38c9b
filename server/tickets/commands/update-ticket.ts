/**
 * The agent's "Updating ticket" form and bulk edits: subject, priority,
 * status, assignee, group, category, type and the type's custom fields, in
 * one transaction. Each change is an event: what customers may see in a
 * public "edited" event, the rest (assignee, group, type, agent-only fields)
 * in an internal one. Assigning someone else mails them.
 */
import type { Transaction } from "kysely";
import { type FieldDefinition, type FieldValue, fieldsSchema, type SayFieldCheck } from "../../../common/fields.ts";
import type { TicketUpdate } from "../../../common/ticket-edit.ts";
import type { FieldChange } from "../../../common/ticket-events.ts";
import { type Priority, priorityLabels } from "../../../common/tickets.ts";
import { listTypeFields } from "../../catalog/queries.ts";
import { type Actor, hasPermission, type UserActor } from "../../core/actor.ts";
import type { AppContext } from "../../core/context.ts";
import { AppError } from "../../core/errors.ts";
import { decodeJson, encodeJson, now } from "../../db/engine.ts";
import type { Database } from "../../db/schema.ts";
import { recordEvent } from "../events.ts";
import { actorName, loadTicket, moveToStatus } from "../lifecycle.ts";
import { refusal, ticketScope } from "../policy.ts";
import { type ExpectedVersion, requireTicketVersion } from "../ticket-version.ts";

type Ctx = Pick<AppContext, "db" | "config">;

function invalid(fields: Record<string, string>): AppError {
  return new AppError("validation_failed", "Some fields need attention.", fields);
}

function shown(value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (Array.isArray(value)) return value.length ? value.join(", ") : null;
  if (typeof value === "boolean") return value ? "Yes" : "No";
  return String(value);
}

/** A choice field's value as the options it holds: none, one or several. */
function chosenOptions(value: FieldValue | undefined): string[] {
  if (typeof value === "string") return value === "" ? [] : [value];
  return Array.isArray(value) ? value : [];
}

/** A checkbox's state: ticked or not, or null when the ticket holds no value for it. */
function checkedState(value: FieldValue | undefined): boolean | null {
  return typeof value === "boolean" ? value : null;
}

async function nameOf(
  trx: Transaction<Database>,
  table: "users" | "groups" | "categories" | "ticket_types",
  id: string | null,
): Promise<string | null> {
  if (!id) return null;
  const row = await trx.selectFrom(table).select("name").where("id", "=", id).executeTakeFirst();
  return row?.name ?? null;
}

/** Who may be assigned: an enabled agent or admin, and a member of the ticket's group when it has one. */
async function checkAssignee(trx: Transaction<Database>, assigneeId: string, groupId: string | null) {
  const user = await trx
    .selectFrom("users")
    .select(["id", "name", "email", "licence", "disabled_at"])
    .where("id", "=", assigneeId)
    .executeTakeFirst();
  if (!user || user.disabled_at !== null || user.licence === "customer") {
    throw invalid({ assigneeId: "Choose an agent from the list." });
  }
  if (groupId) {
    const member = await trx
      .selectFrom("group_members")
      .select("user_id")
      .where("user_id", "=", assigneeId)
      .where("group_id", "=", groupId)
      .executeTakeFirst();
    if (!member) {
      const group = await nameOf(trx, "groups", groupId);
      // Two sentences, not "chosen" put where a group's name goes: each is in the catalogs as it stands.
      throw invalid({
        assigneeId: group ? `${user.name} is not in the ${group} group.` : `${user.name} is not in the chosen group.`,
      });
    }
  }
  return user;
}

/** `expected`: the versions an If-Match allows (ticket-version.ts); the edit is refused with 412 past them. */
export async function updateTicket(
  ctx: Ctx & Pick<AppContext, "engine">,
  actor: Actor,
  number: number,
  input: TicketUpdate,
  expected?: ExpectedVersion,
  /** Says the custom fields' checks in the agent's language; English without it. */
  say?: SayFieldCheck,
): Promise<void> {
  if (actor.kind !== "user" || !hasPermission(actor, "tickets.work")) {
    throw new AppError("forbidden", "Only agents can edit tickets.");
  }
  await ctx.db.transaction().execute(async (trx) => {
    if (expected !== undefined) await requireTicketVersion(trx, ctx.engine, actor, number, expected);
    await applyUpdate(trx, ctx, actor, number, input, now(), say);
  });
}

/** The body of an update inside the caller's transaction, so a bulk edit can run it per ticket. */
export async function applyUpdate(
  trx: Transaction<Database>,
  ctx: Ctx,
  actor: UserActor,
  number: number,
  input: TicketUpdate,
  at: string,
  say?: SayFieldCheck,
): Promise<void> {
  const loaded = await loadTicket(trx, actor, number, "edit");
  const ticket = await trx
    .selectFrom("tickets")
    .select(["subject", "priority", "assignee_id", "group_id", "category_id", "ticket_type_id", "requester_name"])
    .where("id", "=", loaded.id)
    .executeTakeFirstOrThrow();

  const assigneeChanges = input.assigneeId !== undefined && input.assigneeId !== ticket.assignee_id;
  const cannotAssign = refusal(actor, loaded.standing, "assign");
  if (assigneeChanges && cannotAssign !== null) throw new AppError("forbidden", cannotAssign);
  const groupId = input.groupId !== undefined ? input.groupId : ticket.group_id;
  if (input.groupId && !(await nameOf(trx, "groups", input.groupId))) {
    throw invalid({ groupId: "Choose a group from the list." });
  }
  if (input.categoryId && !(await nameOf(trx, "categories", input.categoryId))) {
    throw invalid({ categoryId: "Choose a category from the list." });
  }
  if (input.typeId && !(await nameOf(trx, "ticket_types", input.typeId))) {
    throw invalid({ typeId: "Choose a ticket type from the list." });
  }
  const assigneeId = input.assigneeId !== undefined ? input.assigneeId : ticket.assignee_id;
  // The assignee must be an agent in the ticket's group; checked when either changes.
  if (assigneeId && (assigneeChanges || input.groupId !== undefined)) await checkAssignee(trx, assigneeId, groupId);

  const publicChanges: FieldChange[] = [];
  const internalChanges: FieldChange[] = [];
  const set: Partial<{
    subject: string;
    priority: Priority;
    assignee_id: string | null;
    group_id: string | null;
    category_id: string | null;
    ticket_type_id: string | null;
  }> = {};

  if (input.subject !== undefined && input.subject !== ticket.subject) {
    set.subject = input.subject;
    publicChanges.push({ label: "Subject", field: "subject", from: ticket.subject, to: input.subject });
  }
  if (input.priority !== undefined && input.priority !== ticket.priority) {
    set.priority = input.priority;
    publicChanges.push({
      label: "Priority",
      field: "priority",
      from: priorityLabels[ticket.priority],
      to: priorityLabels[input.priority],
    });
  }
  if (input.categoryId !== undefined && input.categoryId !== ticket.category_id) {
    set.category_id = input.categoryId;
    publicChanges.push({
      label: "Category",
      field: "category",
      from: await nameOf(trx, "categories", ticket.category_id),
      to: await nameOf(trx, "categories", input.categoryId),
    });
  }
  if (assigneeChanges) {
    set.assignee_id = input.assigneeId ?? null;
    internalChanges.push({
      label: "Assignee",
      field: "assignee",
      from: await nameOf(trx, "users", ticket.assignee_id),
      to: await nameOf(trx, "users", input.assigneeId ?? null),
    });
  }
  if (input.groupId !== undefined && input.groupId !== ticket.group_id) {
    set.group_id = input.groupId;
    internalChanges.push({
      label: "Group",
      field: "group",
      from: await nameOf(trx, "groups", ticket.group_id),
      to: await nameOf(trx, "groups", input.groupId),
    });
  }
  const typeId = input.typeId !== undefined ? input.typeId : ticket.ticket_type_id;
  if (input.typeId !== undefined && input.typeId !== ticket.ticket_type_id) {
    set.ticket_type_id = input.typeId;
    internalChanges.push({
      label: "Type",
      field: "type",
      from: await nameOf(trx, "ticket_types", ticket.ticket_type_id),
      to: await nameOf(trx, "ticket_types", input.typeId),
    });
  }
  if (input.fields !== undefined || set.ticket_type_id !== undefined) {
    await replaceFields(
      trx,
      loaded.id,
      ticket.ticket_type_id,
      typeId,
      input.fields ?? {},
      publicChanges,
      internalChanges,
      say,
    );
  }

  if (Object.keys(set).length || publicChanges.length || internalChanges.length) {
    await trx
      .updateTable("tickets")
      .set({ ...set, updated_at: at })
      .where("id", "=", loaded.id)
      .execute();
  }
  // What service level policies match on, carried by the edit's first event: its reactions work the targets out
  // again once (policies match on priority and type, calendars come from the group).
  const retarget = {
    ...(set.priority !== undefined ? { priority: set.priority } : {}),
    ...(set.group_id !== undefined ? { groupId: set.group_id } : {}),
    ...(set.ticket_type_id !== undefined ? { ticketTypeId: set.ticket_type_id } : {}),
  };
  const by = actorName(actor);
  if (publicChanges.length) {
    await recordEvent(trx, ctx, {
      ticketId: loaded.id,
      type: "edited",
      actor: by,
      visibility: "public",
      payload: { changes: publicChanges, ...retarget },
      at,
    });
  }
  if (internalChanges.length) {
    // A new assignee is mailed by the event's reactions (not when they assigned themselves: that is noise).
    await recordEvent(trx, ctx, {
      ticketId: loaded.id,
      type: "edited",
      actor: by,
      visibility: "internal",
      payload: {
        changes: internalChanges,
        ...(assigneeChanges ? { assigneeId: input.assigneeId ?? null } : {}),
        ...(publicChanges.length ? {} : retarget),
      },
      at,
    });
  }

  if (input.statusId !== undefined && input.statusId !== loaded.status_id) {
    const status = await trx
      .selectFrom("statuses")
      .select(["id", "customer_label", "category"])
      .where("id", "=", input.statusId)
      .executeTakeFirst();
    if (!status) throw invalid({ statusId: "Choose a status from the list." });
    await moveToStatus(trx, ctx.config, actor, loaded, status, "agent", at);
  }

  // A group agent who moves a ticket out of their groups (or off themselves) loses it the moment they save:
  // only on purpose. The transaction rolls back otherwise.
  if (!input.confirmLoseAccess && !(await stillVisible(trx, actor, loaded.id))) {
    throw new AppError(
      "conflict",
      `After this change you could no longer see #${loaded.number}: it would leave your groups and is not assigned to you. Confirm to go ahead anyway.`,
    );
  }
}

async function stillVisible(trx: Transaction<Database>, actor: UserActor, ticketId: string): Promise<boolean> {
  const row = await trx
    .selectFrom("tickets")
    .select("id")
    .where(ticketScope(actor))
    .where("id", "=", ticketId)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Replaces the custom field values with the form's, checked against the
 * type's fields. Changing the type drops the old type's values (recorded in
 * the Feed) because they belong to fields the ticket no longer has.
 */
async function replaceFields(
  trx: Transaction<Database>,
  ticketId: string,
  oldTypeId: string | null,
  typeId: string | null,
  input: Record<string, unknown>,
  publicChanges: FieldChange[],
  internalChanges: FieldChange[],
  say?: SayFieldCheck,
): Promise<void> {
  const types = await listTypeFields(
    trx,
    [oldTypeId, typeId].filter((t): t is string => t !== null),
  );
  const oldFields = oldTypeId ? (types.get(oldTypeId) ?? []) : [];
  const fields = typeId ? (types.get(typeId) ?? []) : [];
  const parsed = fieldsSchema(fields, "agent", say).safeParse(input);
  if (!parsed.success) {
    throw invalid(Object.fromEntries(parsed.error.issues.map((i) => [`fields.${i.path.join(".")}`, i.message])));
  }
  const stored = await trx
    .selectFrom("ticket_field_values")
    .select(["field_id", "value"])
    .where("ticket_id", "=", ticketId)
    .execute();
  const before = new Map(stored.map((v) => [v.field_id, decodeJson(v.value) as FieldValue]));
  const changeList = (f: FieldDefinition) => (f.customerAccess === "none" ? internalChanges : publicChanges);
  // The field and, for a choice, the options themselves, so the Feed names them in each reader's language.
  const change = (field: FieldDefinition, from: FieldValue | undefined, to: FieldValue | undefined): FieldChange => {
    const choice = field.type === "single_select" || field.type === "multi_select";
    return {
      label: field.label,
      fieldId: field.id,
      ...(choice ? { options: { from: chosenOptions(from), to: chosenOptions(to) } } : {}),
      ...(field.type === "checkbox" ? { checked: { from: checkedState(from), to: checkedState(to) } } : {}),
      from: shown(from),
      to: shown(to),
    };
  };
  for (const field of oldFields) {
    if (!fields.some((f) => f.id === field.id) && before.has(field.id)) {
      changeList(field).push(change(field, before.get(field.id), undefined));
    }
  }
  for (const field of fields) {
    const from = before.get(field.id);
    const to = parsed.data[field.key];
    if (shown(from) !== shown(to)) changeList(field).push(change(field, from, to));
  }
  await trx.deleteFrom("ticket_field_values").where("ticket_id", "=", ticketId).execute();
  for (const field of fields) {
    const value = parsed.data[field.key];
    if (value === undefined) continue;
    await trx
      .insertInto("ticket_field_values")
      .values({ ticket_id: ticketId, field_id: field.id, value: encodeJson(value) })
      .execute();
  }
}
