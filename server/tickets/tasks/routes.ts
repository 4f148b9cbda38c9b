import { z } from "zod";
import { errorResponseSchema } from "../../../common/errors.ts";
import { taskInputSchema, taskListSchema, taskParamsSchema, taskUpdateSchema } from "../../../common/tasks.ts";
import type { Actor } from "../../core/actor.ts";
import type { App, Deps } from "../../http/types.ts";
import { visibleTicket } from "../visible-ticket.ts";
import { parseTicketNumber, requireWork } from "../work-access.ts";
import { addTask, removeTask, updateTask } from "./commands.ts";
import { listTasks } from "./queries.ts";

const refusals = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
};
const params = z.object({ number: z.string().max(20) });

/** Tasks on a ticket: agents' own to-do list, never shown to customers. */
export function registerTaskRoutes(app: App, deps: Deps): void {
  const { db } = deps;

  async function visibleTicketId(actor: Actor, raw: string): Promise<string> {
    requireWork(actor);
    return (await visibleTicket(db, actor, raw)).id;
  }

  app.get(
    "/api/v1/tickets/:number/tasks",
    {
      schema: {
        tags: ["tickets"],
        summary: "Agents: the ticket's tasks, oldest first, and the agents a task can be given to",
        params,
        response: { 200: taskListSchema, ...refusals },
      },
    },
    async (request) => listTasks(db, await visibleTicketId(request.actor, request.params.number)),
  );

  app.post(
    "/api/v1/tickets/:number/tasks",
    {
      schema: {
        tags: ["tickets"],
        summary: "Agents: add a task (title, optional assignee and due date)",
        params,
        body: taskInputSchema,
        response: { 201: z.object({ id: z.string() }), ...refusals },
      },
    },
    async (request, reply) => {
      requireWork(request.actor);
      const number = parseTicketNumber(request.params.number);
      return reply.status(201).send(await addTask(deps, request.actor, number, request.body));
    },
  );

  app.patch(
    "/api/v1/tickets/:number/tasks/:id",
    {
      schema: {
        tags: ["tickets"],
        summary: "Agents: change a task, tick it off or open it again",
        params: taskParamsSchema,
        body: taskUpdateSchema,
        response: { 204: z.null(), ...refusals },
      },
    },
    async (request, reply) => {
      requireWork(request.actor);
      const number = parseTicketNumber(request.params.number);
      await updateTask(deps, request.actor, number, request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    "/api/v1/tickets/:number/tasks/:id",
    {
      schema: {
        tags: ["tickets"],
        summary: "Agents: remove a task",
        params: taskParamsSchema,
        response: { 204: z.null(), ...refusals },
      },
    },
    async (request, reply) => {
      requireWork(request.actor);
      await removeTask(deps, request.actor, parseTicketNumber(request.params.number), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
