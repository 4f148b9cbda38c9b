/** Tasks on a ticket: add, change (including ticking off) and remove; each one use-case in one transaction. */
import type { Transaction } from "kysely";
import type { TaskInput, TaskUpdate } from "../../../common/tasks.ts";
import type { Actor } from "../../core/actor.ts";
import type { AppContext } from "../../core/context.ts";
import { AppError, notFound } from "../../core/errors.ts";
import { now } from "../../db/engine.ts";
import { newId } from "../../db/ids.ts";
import type { Database } from "../../db/schema.ts";
import { recordEvent } from "../events.ts";
import { actorName, type LoadedTicket } from "../lifecycle.ts";
import { loadWorkableTicket } from "../work-access.ts";

type Ctx = Pick<AppContext, "db" | "config">;

/** Tasks go to people who work tickets: agents and admins whose accounts are active. */
async function checkAssignee(trx: Transaction<Database>, assigneeId: string | null | undefined): Promise<void> {
  if (!assigneeId) return;
  const agent = await trx
    .selectFrom("users")
    .select("id")
    .where("id", "=", assigneeId)
    .where("licence", "in", ["agent", "admin"])
    .where("disabled_at", "is", null)
    .executeTakeFirst();
  if (!agent)
    throw new AppError("validation_failed", "Some fields need attention.", {
      assigneeId: "Choose an agent from the list.",
    });
}

async function findTask(trx: Transaction<Database>, ticket: LoadedTicket, taskId: string) {
  const task = await trx
    .selectFrom("ticket_tasks")
    .selectAll()
    .where("id", "=", taskId)
    .where("ticket_id", "=", ticket.id)
    .executeTakeFirst();
  if (!task) throw notFound("That task");
  return task;
}

export async function addTask(ctx: Ctx, actor: Actor, number: number, input: TaskInput): Promise<{ id: string }> {
  return ctx.db.transaction().execute(async (trx) => {
    const ticket = await loadWorkableTicket(trx, actor, number);
    await checkAssignee(trx, input.assigneeId);
    const id = newId();
    const at = now();
    const by = actorName(actor);
    await trx
      .insertInto("ticket_tasks")
      .values({
        id,
        ticket_id: ticket.id,
        title: input.title,
        assignee_id: input.assigneeId,
        due_on: input.dueOn,
        created_by_name: by.name,
        created_at: at,
      })
      .execute();
    await recordEvent(trx, ctx, {
      ticketId: ticket.id,
      type: "task_added",
      actor: by,
      visibility: "internal",
      payload: { taskId: id, title: input.title, assigneeId: input.assigneeId, dueOn: input.dueOn },
      at,
    });
    await trx.updateTable("tickets").set({ updated_at: at }).where("id", "=", ticket.id).execute();
    return { id };
  });
}

/**
 * Edits a task and ticks it off or opens it again. Ticking off the last open
 * task fires "All tasks complete" for its subscribers; opening one again and
 * finishing the set once more fires it again, once.
 */
export async function updateTask(ctx: Ctx, actor: Actor, number: number, taskId: string, update: TaskUpdate) {
  await ctx.db.transaction().execute(async (trx) => {
    const ticket = await loadWorkableTicket(trx, actor, number);
    const task = await findTask(trx, ticket, taskId);
    if (update.assigneeId !== undefined && update.assigneeId !== task.assignee_id)
      await checkAssignee(trx, update.assigneeId);
    const at = now();
    const by = actorName(actor);
    const edits: { title?: string; assigneeId?: string | null; dueOn?: string | null } = {};
    if (update.title !== undefined && update.title !== task.title) edits.title = update.title;
    if (update.assigneeId !== undefined && update.assigneeId !== task.assignee_id) edits.assigneeId = update.assigneeId;
    if (update.dueOn !== undefined && update.dueOn !== task.due_on) edits.dueOn = update.dueOn;
    const completes = update.done === true && task.done_at === null;
    const reopens = update.done === false && task.done_at !== null;
    if (!Object.keys(edits).length && !completes && !reopens) return;

    await trx
      .updateTable("ticket_tasks")
      .set({
        ...(edits.title !== undefined ? { title: update.title } : {}),
        ...("assigneeId" in edits ? { assignee_id: update.assigneeId ?? null } : {}),
        ...("dueOn" in edits ? { due_on: update.dueOn ?? null } : {}),
        ...(completes ? { done_at: at, done_by_name: by.name } : {}),
        ...(reopens ? { done_at: null, done_by_name: null } : {}),
      })
      .where("id", "=", task.id)
      .execute();
    const title = update.title ?? task.title;
    if (Object.keys(edits).length) {
      await recordEvent(trx, ctx, {
        ticketId: ticket.id,
        type: "task_edited",
        actor: by,
        visibility: "internal",
        payload: { taskId: task.id, title, ...edits },
        at,
      });
    }
    if (completes || reopens) {
      await recordEvent(trx, ctx, {
        ticketId: ticket.id,
        type: completes ? "task_completed" : "task_reopened",
        actor: by,
        visibility: "internal",
        payload: { taskId: task.id, title },
        at,
      });
    }
    // Ticking off the last open task fires "All tasks complete" (server/alerts/reactions.ts).
    await trx.updateTable("tickets").set({ updated_at: at }).where("id", "=", ticket.id).execute();
  });
}

export async function removeTask(ctx: Ctx, actor: Actor, number: number, taskId: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const ticket = await loadWorkableTicket(trx, actor, number);
    const task = await findTask(trx, ticket, taskId);
    const at = now();
    await trx.deleteFrom("ticket_tasks").where("id", "=", task.id).execute();
    await recordEvent(trx, ctx, {
      ticketId: ticket.id,
      type: "task_removed",
      actor: actorName(actor),
      visibility: "internal",
      payload: { taskId: task.id, title: task.title },
      at,
    });
    await trx.updateTable("tickets").set({ updated_at: at }).where("id", "=", ticket.id).execute();
  });
}
