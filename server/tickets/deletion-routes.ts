import { z } from "zod";
import { deletedTicketListSchema } from "../../common/deleted-tickets.ts";
import { refusals } from "../http/refusals.ts";
import type { App, Deps } from "../http/types.ts";
import { deleteTicket, listDeletedTickets, restoreTicket } from "./commands/delete-ticket.ts";
import { ticketNumber } from "./visible-ticket.ts";

const params = z.object({ number: z.string().max(20) });

/** Deleting tickets (softly), listing the deleted ones and restoring them: admins only (`tickets.delete`). */
export function registerDeletionRoutes(app: App, deps: Deps): void {
  app.delete(
    "/api/v1/tickets/:number",
    {
      schema: {
        tags: ["tickets"],
        summary:
          "Admins: delete the ticket. It leaves every list, count and search at once; it can be restored until the retention period ends, then it is purged",
        params,
        response: { 204: z.null(), ...refusals },
      },
    },
    async (request, reply) => {
      await deleteTicket(deps, request.actor, ticketNumber(request.params.number));
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/v1/admin/deleted-tickets",
    {
      schema: {
        tags: ["admin"],
        operationId: "listDeletedTickets",
        summary: "Admins: deleted tickets not yet purged, most recently deleted first (up to 500)",
        response: { 200: deletedTicketListSchema, ...refusals },
      },
    },
    async (request) => ({ tickets: await listDeletedTickets(deps, request.actor) }),
  );

  app.post(
    "/api/v1/admin/deleted-tickets/:number/restore",
    {
      schema: {
        tags: ["admin"],
        operationId: "restoreTicket",
        summary: "Admins: bring a deleted ticket back, as it was, before it is purged",
        params,
        response: { 204: z.null(), ...refusals },
      },
    },
    async (request, reply) => {
      await restoreTicket(deps, request.actor, ticketNumber(request.params.number));
      return reply.status(204).send(null);
    },
  );
}
