import { z } from "zod";
import { idParamsSchema } from "../../../common/admin.ts";
import { mailboxesCollection } from "../../../common/admin-collections.ts";
import { errorResponseSchema } from "../../../common/errors.ts";
import {
  inboundMessageListSchema,
  inboundMessageQuerySchema,
  inboundRetrySchema,
  mailboxAlertListSchema,
  oauthCallbackQuerySchema,
  oauthConnectSchema,
} from "../../../common/mailboxes.ts";
import { systemClock } from "../../clock.ts";
import { AppError } from "../../core/errors.ts";
import { requireEveryTicket, requirePermission } from "../../core/permissions.ts";
import { registerAdminCollection } from "../../http/admin-collection.ts";
import { fileDownloadSchema } from "../../http/openapi-components.ts";
import type { App, Deps } from "../../http/types.ts";
import { mailboxAlerts } from "./mailbox-health.ts";
import {
  createMailbox,
  deleteMailbox,
  listInboundMessages,
  listMailboxes,
  rawInboundMessage,
  updateMailbox,
} from "./mailboxes.ts";
import { abandonAuthorization, completeAuthorization, OAuthRefusal, startAuthorization } from "./oauth/flow.ts";
import { secretBox } from "./oauth/secret-box.ts";
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

/**
 * Admin pages for the email channel: mailboxes, and the review and quarantine queue. All need `admin.settings`;
 * a message's original (its whole text) also needs `tickets.view_all`.
 */
export function registerInboundMailAdminRoutes(app: App, { db, config }: Deps): void {
  const tags = ["admin"];
  // Made on first use: the key file is only created once a secret is stored.
  const box = () => secretBox(config);
  registerAdminCollection(app, mailboxesCollection, {
    load: async () => ({ mailboxes: await listMailboxes(db) }),
    // Only an OAuth2 mailbox has secrets to seal; a password mailbox makes no key file.
    create: (input) => createMailbox(db, input, input.imap?.oauth ? box() : undefined),
    update: (id, input) => updateMailbox(db, id, input, input.imap?.oauth ? box() : undefined),
    remove: (id) => deleteMailbox(db, id),
  });

  app.post(
    "/api/v1/admin/mailboxes/:id/oauth/connect",
    {
      schema: {
        tags,
        summary:
          "Start connecting a mailbox's OAuth2 account (or reconnecting it): the URL to send the admin's browser to",
        params: idParamsSchema,
        response: { 200: oauthConnectSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requirePermission(request.actor, "admin.settings");
      // The provider's answer comes back to a browser session; a token-only caller could never finish.
      if (!actor.sessionId) throw new AppError("forbidden", "Connect a mailbox from the app, signed in.");
      const url = await startAuthorization(db, box(), {
        mailboxId: request.params.id,
        sessionId: actor.sessionId,
        baseUrl: config.baseUrl,
        clock: systemClock,
      });
      return { url };
    },
  );

  app.get(
    "/api/v1/admin/mailboxes/oauth/callback",
    {
      schema: {
        // A stop on the admin's browser's way back from the provider, not an operation for integrators.
        hide: true,
        tags,
        summary:
          "Where the OAuth2 provider sends the admin back (the redirect URI to register); answers with a redirect to the mailboxes page",
        querystring: oauthCallbackQuerySchema,
        response: { 303: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request.actor, "admin.settings");
      const { state, code, error } = request.query;
      const page = (params: Record<string, string>) =>
        reply.redirect(`/admin/mailboxes?${new URLSearchParams(params).toString()}`, 303);
      if (!actor.sessionId || (!error && (!state || !code))) {
        throw new AppError("validation_failed", "This address is only for coming back from the OAuth2 provider.");
      }
      try {
        // The provider's own words (`error`, `error_description`) are anyone's to put in a link to this
        // address, so a refusal is told in our sentence, and only for a state this session started.
        if (error || !state || !code) return await abandonAuthorization(db, { state, sessionId: actor.sessionId });
        const mailboxId = await completeAuthorization(db, box(), {
          state,
          code,
          sessionId: actor.sessionId,
          clock: systemClock,
        });
        return page({ connected: mailboxId });
      } catch (failure) {
        if (failure instanceof OAuthRefusal) {
          // The page says it in the admin's language from the code; the log keeps our sentence, with the token
          // endpoint's answer when that was the trouble.
          request.log.warn({ failure: failure.failure, reason: failure.message }, "connecting a mailbox failed");
          return page({ oauthError: failure.failure });
        }
        throw failure;
      }
    },
  );

  app.get(
    "/api/v1/admin/mailbox-alerts",
    {
      schema: {
        tags,
        summary: "Mailboxes whose fetching is failing, with the reason (the banner admins see in the workspace)",
        response: { 200: mailboxAlertListSchema, ...errors },
      },
    },
    async (request) => {
      requirePermission(request.actor, "admin.settings");
      return { alerts: await mailboxAlerts(db) };
    },
  );

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
        produces: ["application/octet-stream"],
        // The message's bytes (a Buffer, never serialized).
        response: { 200: fileDownloadSchema, ...errors },
      },
    },
    async (request, reply) => {
      // The original is the whole conversation, whatever ticket it was filed on: only for someone who sees them all.
      requireEveryTicket(requirePermission(request.actor, "admin.settings"));
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
