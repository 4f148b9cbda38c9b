import { z } from "zod";
import { idParamsSchema } from "../../../common/admin.ts";
import { errorResponseSchema } from "../../../common/errors.ts";
import {
  inboundMessageListSchema,
  inboundMessageQuerySchema,
  inboundRetrySchema,
  mailboxInputSchema,
  mailboxListSchema,
} from "../../../common/mailboxes.ts";
import { AppError } from "../../core/errors.ts";
import { requirePermission } from "../../core/permissions.ts";
import { registerAdminCollection } from "../../http/admin-collection.ts";
import type { App, Deps } from "../../http/types.ts";
import {
  createMailbox,
  deleteMailbox,
  listInboundMessages,
  listMailboxes,
  rawInboundMessage,
  updateMailbox,
} from "./mailboxes.ts";
import { dismissInbound, requeueInbound } from "./store.ts";

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};
const notHeld = () =>
  new AppError(
    "conflict",
    "Only messages held for review, in quarantine or waiting to be filed can be run again or dismissed.",
  );

/** Admin pages for the email channel: mailboxes, and the review and quarantine queue. All need `admin.settings`. */
export function registerInboundMailAdminRoutes(app: App, { db }: Deps): void {
  const tags = ["admin"];
  registerAdminCollection(app, {
    path: "/api/v1/admin/mailboxes",
    permission: "admin.settings",
    summaries: {
      list: "Mailboxes we receive mail for (IMAP passwords are never returned)",
      create: "Add a mailbox",
      update: "Change a mailbox (an empty IMAP password keeps the stored one)",
      remove: "Delete a mailbox that has not received mail",
    },
    list: { schema: mailboxListSchema, load: async () => ({ mailboxes: await listMailboxes(db) }) },
    input: mailboxInputSchema,
    create: (input) => createMailbox(db, input),
    update: (id, input) => updateMailbox(db, id, input),
    remove: (id) => deleteMailbox(db, id),
  });

  app.get(
    "/api/v1/admin/inbound-messages",
    {
      schema: {
        tags,
        summary: "Inbound mail by outcome: held for review, quarantined, ignored or processed (newest 200)",
        querystring: inboundMessageQuerySchema,
        response: { 200: inboundMessageListSchema, ...errors },
      },
    },
    async (request) => {
      requirePermission(request.actor, "admin.settings");
      return { messages: await listInboundMessages(db, request.query.status) };
    },
  );

  app.get(
    "/api/v1/admin/inbound-messages/:id/raw",
    {
      schema: {
        tags,
        summary: "The original message as received (.eml), always as a download",
        params: idParamsSchema,
        // No response schema: the 200 answer is the message's bytes.
      },
    },
    async (request, reply) => {
      requirePermission(request.actor, "admin.settings");
      const raw = await rawInboundMessage(db, request.params.id);
      return reply
        .header("content-type", "application/octet-stream")
        .header("content-disposition", `attachment; filename="message-${request.params.id}.eml"`)
        .header("x-content-type-options", "nosniff")
        .header("cache-control", "private, no-store")
        .send(raw);
    },
  );

  app.post(
    "/api/v1/admin/inbound-messages/:id/retry",
    {
      schema: {
        tags,
        summary: "Run a held or quarantined message again (mode new_ticket: file it as a new request)",
        params: idParamsSchema,
        body: inboundRetrySchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      requirePermission(request.actor, "admin.settings");
      if (!(await requeueInbound(db, request.params.id, request.body.mode))) throw notHeld();
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/v1/admin/inbound-messages/:id/dismiss",
    {
      schema: {
        tags,
        summary: "Set a held or quarantined message aside without filing it (it stays kept)",
        params: idParamsSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      requirePermission(request.actor, "admin.settings");
      if (!(await dismissInbound(db, request.params.id))) throw notHeld();
      return reply.status(204).send(null);
    },
  );
}
