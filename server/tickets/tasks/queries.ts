import type { Kysely, Transaction } from "kysely";
import type { TaskList } from "../../../common/tasks.ts";
import type { Database } from "../../db/schema.ts";

/** A ticket's tasks, oldest first, with the names of their assignees, and who a task can be given to. */
export async function listTasks(db: Kysely<Database>, ticketId: string): Promise<TaskList> {
  const [tasks, assignees] = await Promise.all([
    db
      .selectFrom("ticket_tasks")
      .leftJoin("users", "users.id", "ticket_tasks.assignee_id")
      .select([
        "ticket_tasks.id",
        "ticket_tasks.title",
        "ticket_tasks.assignee_id",
        "users.name as assignee_name",
        "ticket_tasks.due_on",
        "ticket_tasks.done_at",
        "ticket_tasks.done_by_name",
        "ticket_tasks.created_by_name",
        "ticket_tasks.created_at",
      ])
      .where("ticket_tasks.ticket_id", "=", ticketId)
      .orderBy("ticket_tasks.created_at")
      .orderBy("ticket_tasks.id")
      .execute(),
    db
      .selectFrom("users")
      .select(["id", "name"])
      .where("licence", "in", ["agent", "admin"])
      .where("disabled_at", "is", null)
      .orderBy("name")
      .orderBy("id")
      .execute(),
  ]);
  return {
    tasks: tasks.map((t) => ({
      id: t.id,
      title: t.title,
      assignee: t.assignee_id && t.assignee_name ? { id: t.assignee_id, name: t.assignee_name } : null,
      dueOn: t.due_on,
      done: t.done_at !== null,
      doneAt: t.done_at,
      doneBy: t.done_by_name,
      createdBy: t.created_by_name,
      createdAt: t.created_at,
    })),
    assignees,
  };
}

/** How many of the ticket's tasks are still to do. */
export async function openTaskCount(trx: Transaction<Database>, ticketId: string): Promise<number> {
  const row = await trx
    .selectFrom("ticket_tasks")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("ticket_id", "=", ticketId)
    .where("done_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
