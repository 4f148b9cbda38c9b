/** Macros (canned replies): managing them, and applying one to a ticket in one transaction. */
import type { Kysely, Transaction } from "kysely";
import type { MacroInput, MacroPlaceholder } from "../../../common/macros.ts";
import { type Actor, hasPermission } from "../../core/actor.ts";
import type { AppContext } from "../../core/context.ts";
import { AppError, notFound } from "../../core/errors.ts";
import { now } from "../../db/engine.ts";
import { newId } from "../../db/ids.ts";
import type { Database } from "../../db/schema.ts";
import { sanitizeFormHtml } from "../../html/bounded-html.ts";
import { escapeHtml } from "../../html/escape.ts";
import { applyUpdate } from "../commands/update-ticket.ts";
import { recordEvent } from "../events.ts";
import { actorName, moveToStatus } from "../lifecycle.ts";
import { loadWorkableTicket } from "../work-access.ts";
import { canManageMacro, ownerOf } from "./policy.ts";
import { findUsableMacro } from "./queries.ts";

type Ctx = Pick<AppContext, "db" | "config">;

function requireSharedPermission(actor: Actor): void {
  if (!hasPermission(actor, "admin.settings"))
    throw new AppError("forbidden", "Only administrators manage shared macros.");
}

async function checkStatus(db: Kysely<Database> | Transaction<Database>, statusId: string | null): Promise<void> {
  if (!statusId) return;
  const status = await db.selectFrom("statuses").select("id").where("id", "=", statusId).executeTakeFirst();
  if (!status)
    throw new AppError("validation_failed", "Some fields need attention.", {
      statusId: "Choose a status from the list.",
    });
}

/** The agent and group a macro assigns to must exist when it is saved; whether they fit a ticket is checked on apply. */
async function checkAssignment(db: Kysely<Database>, input: MacroInput): Promise<void> {
  const fields: Record<string, string> = {};
  if (input.assigneeId) {
    const agent = await db
      .selectFrom("users")
      .select("id")
      .where("id", "=", input.assigneeId)
      .where("licence", "in", ["agent", "admin"])
      .where("disabled_at", "is", null)
      .executeTakeFirst();
    if (!agent) fields.assigneeId = "Choose an agent from the list.";
  }
  if (input.groupId) {
    const group = await db.selectFrom("groups").select("id").where("id", "=", input.groupId).executeTakeFirst();
    if (!group) fields.groupId = "Choose a group from the list.";
  }
  if (Object.keys(fields).length) throw new AppError("validation_failed", "Some fields need attention.", fields);
}

async function values(input: MacroInput) {
  return {
    name: input.name,
    body: (await sanitizeFormHtml(input.body, "body")).html,
    status_id: input.statusId,
    priority: input.priority,
    assignee_id: input.assigneeId,
    group_id: input.groupId,
  };
}

export async function createMacro({ db }: Ctx, actor: Actor, input: MacroInput): Promise<string> {
  if (input.shared) requireSharedPermission(actor);
  await checkStatus(db, input.statusId);
  await checkAssignment(db, input);
  const id = newId();
  const at = now();
  await db
    .insertInto("macros")
    .values({
      id,
      owner_id: input.shared ? null : ownerOf(actor),
      ...(await values(input)),
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

/** Someone else's personal macro is "not found"; a shared one without the admin permission is "forbidden". */
async function manageable(db: Kysely<Database>, actor: Actor, id: string) {
  const macro = await findUsableMacro(db, actor, id);
  if (!macro) throw notFound("That macro");
  if (!canManageMacro(actor, macro)) requireSharedPermission(actor);
  return macro;
}

export async function updateMacro({ db }: Ctx, actor: Actor, id: string, input: MacroInput): Promise<void> {
  const macro = await manageable(db, actor, id);
  // Turning a personal macro into a shared one (or back) is an administrator's call.
  if (input.shared !== (macro.owner_id === null)) requireSharedPermission(actor);
  await checkStatus(db, input.statusId);
  await checkAssignment(db, input);
  await db
    .updateTable("macros")
    .set({
      ...(await values(input)),
      owner_id: input.shared ? null : (macro.owner_id ?? ownerOf(actor)),
      updated_at: now(),
    })
    .where("id", "=", macro.id)
    .execute();
}

export async function deleteMacro({ db }: Ctx, actor: Actor, id: string): Promise<void> {
  const macro = await manageable(db, actor, id);
  await db.deleteFrom("macros").where("id", "=", macro.id).execute();
}

/** Fills {{placeholders}} with the ticket's values, escaped as text; unknown ones stay as written. */
export function fillPlaceholders(body: string, values: Record<MacroPlaceholder, string>): string {
  return body.replace(/\{\{\s*([a-z]+\.[a-z]+)\s*\}\}/g, (whole, key: string) =>
    key in values ? escapeHtml(values[key as MacroPlaceholder]) : whole,
  );
}

/**
 * Applies a macro to a ticket: moves it to the macro's status (the same step
 * as an agent's status change: event, alerts, mail to the requester) and sets
 * its priority (with an event), in one transaction. Returns the macro's text
 * with the placeholders filled in, for the agent to edit and send.
 */
export async function applyMacro(ctx: Ctx, actor: Actor, number: number, macroId: string): Promise<{ body: string }> {
  const macro = await findUsableMacro(ctx.db, actor, macroId);
  if (!macro) throw notFound("That macro");
  const filled = await ctx.db.transaction().execute(async (trx) => {
    const ticket = await loadWorkableTicket(trx, actor, number);
    const at = now();
    const details = await trx
      .selectFrom("tickets")
      .select(["priority", "requester_name"])
      .where("id", "=", ticket.id)
      .executeTakeFirstOrThrow();
    if (macro.status_id && macro.status_id !== ticket.status_id) {
      const status = await trx
        .selectFrom("statuses")
        .select(["id", "customer_label", "category"])
        .where("id", "=", macro.status_id)
        .executeTakeFirst();
      if (status) await moveToStatus(trx, ctx.config, actor, ticket, status, "macro", at, { macro: macro.name });
    }
    if (macro.priority && macro.priority !== details.priority) {
      await trx
        .updateTable("tickets")
        .set({ priority: macro.priority, updated_at: at })
        .where("id", "=", ticket.id)
        .execute();
      // A new priority can mean a different SLA policy: the event's reactions work out new targets.
      await recordEvent(trx, ctx, {
        ticketId: ticket.id,
        type: "priority_changed",
        actor: actorName(actor),
        visibility: "internal",
        payload: { from: details.priority, to: macro.priority, macro: macro.name },
        at,
      });
    }
    if ((macro.assignee_id || macro.group_id) && actor.kind === "user") {
      // The edit form's own step: the assignee must be an agent in the group, the change is in the Feed,
      // and the new assignee is mailed.
      await applyUpdate(
        trx,
        ctx,
        actor,
        number,
        {
          ...(macro.group_id ? { groupId: macro.group_id } : {}),
          ...(macro.assignee_id ? { assigneeId: macro.assignee_id } : {}),
        },
        at,
      );
    }
    const body = fillPlaceholders(macro.body, {
      "requester.name": details.requester_name,
      "requester.email": ticket.requester_email,
      "ticket.number": String(ticket.number),
      "ticket.subject": ticket.subject,
      "agent.name": actorName(actor).name,
    });
    return body;
  });
  // Sanitised after the commit: the placeholders carry customer text, and no lock waits on the worker.
  return { body: (await sanitizeFormHtml(filled, "body")).html };
}
