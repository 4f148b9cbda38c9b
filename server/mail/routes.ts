import { z } from "zod";
import { errorResponseSchema } from "../../common/errors.ts";
import { devMailboxQuerySchema, devMailboxSchema, devMailSchema } from "../../common/mail.ts";
import { notFound } from "../core/errors.ts";
import { decodeJson } from "../db/engine.ts";
import type { App, Deps } from "../http/types.ts";
import { canReadDevMailbox } from "./policy.ts";
import { findMailMessage, listMailMessages } from "./queries.ts";

/** What `queueMail` stores: header name to value (threading, Reply-To). Anything else reads as no headers. */
const storedHeadersSchema = z.record(z.string(), z.string()).catch({});

export function registerMailRoutes(app: App, { db, config }: Deps): void {
  app.get(
    "/api/v1/dev-mailbox",
    {
      schema: {
        tags: ["mail"],
        summary: "Messages kept by the dev mailbox (when no SMTP server is configured), newest first",
        description: "The newest 100, or the newest 100 to one address (`to`) and with a part of the subject.",
        querystring: devMailboxQuerySchema,
        response: { 200: devMailboxSchema, 400: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request) => {
      if (!canReadDevMailbox(request.actor, config)) throw notFound("The dev mailbox");
      const rows = await listMailMessages(db, 100, request.query);
      return {
        messages: rows.map((m) => ({
          id: m.id,
          to: m.to_address,
          subject: m.subject,
          createdAt: m.created_at,
          sentAt: m.sent_at,
        })),
      };
    },
  );

  app.get(
    "/api/v1/dev-mailbox/:id",
    {
      schema: {
        tags: ["mail"],
        summary: "One message in the dev mailbox",
        params: z.object({ id: z.uuid() }),
        response: { 200: devMailSchema, 400: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request) => {
      if (!canReadDevMailbox(request.actor, config)) throw notFound("The dev mailbox");
      const m = await findMailMessage(db, request.params.id);
      if (!m) throw notFound("That message");
      return {
        id: m.id,
        to: m.to_address,
        subject: m.subject,
        createdAt: m.created_at,
        sentAt: m.sent_at,
        messageId: m.message_id,
        replyTo: storedHeadersSchema.parse(decodeJson(m.headers))["Reply-To"] ?? null,
        text: m.text_body,
        html: m.html_body,
      };
    },
  );
}
