import { z } from "zod";
import { errorResponseSchema } from "../../common/errors.ts";
import {
  customerTicketDetailSchema,
  customerTicketPageSchema,
  forCustomer,
  type TicketDetail,
  ticketDetailSchema,
  ticketListQuerySchema,
  ticketPageSchema,
  ticketSubmissionSchema,
  ticketSubmittedSchema,
} from "../../common/tickets.ts";
import { enforceCustomerLimit, enforceLimit } from "../accounts/rate-limit.ts";
import { type Actor, audienceOf } from "../core/actor.ts";
import { AppError, notFound } from "../core/errors.ts";
import { parseJsonPart } from "../http/json-part.ts";
import { fileDownloadSchema } from "../http/openapi-components.ts";
import { etagOf } from "../http/preconditions.ts";
import { refusals } from "../http/refusals.ts";
import type { App, Deps } from "../http/types.ts";
import { type ContentText, contentTextFor } from "../i18n/content-text.ts";
import { languageOf, localeOfRequest, type RequestLanguage } from "../i18n/request-locale.ts";
import { contentDisposition } from "./attachments/file-names.ts";
import { withUploads } from "./attachments/standalone-uploads.ts";
import { openToSend } from "./attachments/storage.ts";
import { defaultUploadLimits, discardUploads, receiveMultipart, type UploadedFile } from "./attachments/uploads.ts";
import { attachmentStorage, submitTicket, uploadTempDir } from "./commands/submit-ticket.ts";
import { canSubmitTicket, seesInternal, ticketScope } from "./policy.ts";
import { abilitiesOn, findAttachment, findTicketByNumber, listTickets } from "./queries.ts";
import { ticketVersion } from "./ticket-version.ts";
import { parseNumber } from "./visible-ticket.ts";

/** The admin-entered names a customer reads on a ticket, in their language (agents read the stored names). */
const customerKinds = ["status", "category", "service", "ticket-type"] as const;

/**
 * A ticket's custom fields in the reader's language (customer or agent): labels translated, chosen options by
 * their label; the value stays the option as stored.
 */
function fieldsInLanguage(text: ContentText, fields: TicketDetail["fields"]): TicketDetail["fields"] {
  return fields.map((field) => {
    const chosen = typeof field.value === "string" ? [field.value] : Array.isArray(field.value) ? field.value : [];
    const choice = field.type === "single_select" || field.type === "multi_select";
    const named = text.overlay("ticket-field", field);
    return choice ? { ...named, optionLabels: text.optionLabels(field.id, chosen) } : named;
  });
}

function customerNames<
  T extends {
    status: { id: string; customerLabel: string };
    category: { id: string; name: string } | null;
    service?: { id: string; name: string } | null;
    ticketType?: { id: string; name: string } | null;
  },
>(text: ContentText, item: T): T {
  const named = { ...item, status: text.overlay("status", item.status) };
  named.category = item.category && text.overlay("category", item.category);
  if (item.service) named.service = text.overlay("service", item.service);
  if (item.ticketType) named.ticketType = text.overlay("ticket-type", item.ticketType);
  return named;
}

/** Submitting, listing and reading tickets, and downloading their attachments. */
export function registerTicketRoutes(app: App, deps: Deps): void {
  const { db, config, reader } = deps;

  async function submit(
    writer: { actor: Actor; ip: string; apiTokenId: string | null },
    body: z.infer<typeof ticketSubmissionSchema>,
    files: UploadedFile[],
    language: RequestLanguage,
  ) {
    const { actor, ip } = writer;
    if (!canSubmitTicket(actor)) throw new AppError("forbidden", "Your account may not submit requests.");
    if (actor.kind !== "user") {
      await enforceLimit(db, "submitTicket", { ip, target: body.email }, { enabled: config.rateLimiting });
    }
    await enforceCustomerLimit(db, "submitTicket", writer, { enabled: config.rateLimiting });
    // The language the form was in is the one a guest is answered in.
    const { locale } = await localeOfRequest(db, actor, language);
    // Files sent earlier on their own (POST /api/v1/uploads) join the ones in this request.
    return withUploads(deps, actor, body.attachments, uploadTempDir(config), (uploaded) =>
      submitTicket(deps, actor, body, [...files, ...uploaded], undefined, { locale }),
    );
  }

  app.post(
    "/api/v1/tickets",
    {
      schema: {
        tags: ["tickets"],
        summary: "Submit a request (JSON; use /api/v1/tickets/with-attachments to attach files)",
        body: ticketSubmissionSchema,
        response: { 201: ticketSubmittedSchema, ...refusals },
      },
    },
    async (request, reply) => reply.status(201).send(await submit(request, request.body, [], languageOf(request))),
  );

  app.post(
    "/api/v1/tickets/with-attachments",
    {
      schema: {
        tags: ["tickets"],
        summary:
          "Submit a request with files: multipart/form-data with a `submission` part (the JSON of POST /api/v1/tickets) and up to 10 `attachments` of at most 10 MB each",
        consumes: ["multipart/form-data"],
        response: { 201: ticketSubmittedSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const { json, files } = await receiveMultipart(request, "submission", uploadTempDir(config), defaultUploadLimits);
      try {
        const submission = parseJsonPart(ticketSubmissionSchema, json, "submission");
        return reply.status(201).send(await submit(request, submission, files, languageOf(request)));
      } finally {
        // Files already moved into storage are gone from the temporary folder; this clears the rest.
        await discardUploads(files);
      }
    },
  );

  app.get(
    "/api/v1/tickets",
    {
      schema: {
        tags: ["tickets"],
        summary: "List tickets, newest first",
        querystring: ticketListQuerySchema,
        // Agents get both status labels; customers the customer label only.
        response: { 200: z.union([ticketPageSchema, customerTicketPageSchema]), ...refusals, 503: errorResponseSchema },
      },
    },
    async (request) => {
      if (request.actor.kind === "anonymous") throw new AppError("unauthenticated", "Sign in to see tickets.");
      const { view, tag, ...page } = request.query;
      // Tags are for agents: a customer's tag filter matches nothing rather than telling which tickets carry one.
      const tags = tag === undefined ? undefined : seesInternal(request.actor) ? tag : null;
      // A list grows with the help desk: it runs on the reader, within the read budget.
      const found = await listTickets(reader, ticketScope(request.actor, view), { ...page, tags });
      if (audienceOf(request.actor) === "agent") return found;
      const text = await contentTextFor(db, request, customerKinds);
      return { ...found, tickets: found.tickets.map((t) => forCustomer(customerNames(text, t))) };
    },
  );

  app.get(
    "/api/v1/tickets/:number",
    {
      schema: {
        tags: ["tickets"],
        summary: "One ticket by its number, with the custom fields and attachments the caller may see",
        description: "The `ETag` header names this version of the ticket; send it as `If-Match` when you change it.",
        params: z.object({ number: z.string().max(20) }),
        response: { 200: z.union([ticketDetailSchema, customerTicketDetailSchema]), ...refusals },
      },
    },
    async (request, reply) => {
      if (request.actor.kind === "anonymous") throw new AppError("unauthenticated", "Sign in to see this ticket.");
      const number = parseNumber(request.params.number);
      const audience = audienceOf(request.actor);
      const ticket =
        number === undefined ? undefined : await findTicketByNumber(db, ticketScope(request.actor), number, audience);
      if (!ticket) throw notFound("That ticket");
      // For If-Match on PATCH: the version of the ticket this answer shows (ticket-version.ts).
      reply.header("etag", etagOf(await ticketVersion(db, ticket.id)));
      const withAbilities = { ...ticket, abilities: await abilitiesOn(db, request.actor, ticket.id) };
      if (audience === "agent") {
        // Agents read the custom fields in their language, as their edit form shows them; the rest as stored.
        const text = await contentTextFor(db, request, ["ticket-field"]);
        return { ...withAbilities, fields: fieldsInLanguage(text, withAbilities.fields) };
      }
      const text = await contentTextFor(db, request, [...customerKinds, "ticket-field"]);
      return forCustomer(
        customerNames(text, { ...withAbilities, fields: fieldsInLanguage(text, withAbilities.fields) }),
      );
    },
  );

  app.get(
    "/api/v1/attachments/:id",
    {
      schema: {
        tags: ["tickets"],
        summary: "Download an attachment (always as a download, never shown inline)",
        params: z.object({ id: z.uuid() }),
        produces: ["application/octet-stream"],
        // The file's bytes (sent as a stream, never serialized); refusals use the usual error body.
        response: { 200: fileDownloadSchema, ...refusals },
      },
    },
    async (request, reply) => {
      if (request.actor.kind === "anonymous") throw new AppError("unauthenticated", "Sign in to download attachments.");
      const attachment = await findAttachment(
        db,
        ticketScope(request.actor),
        request.params.id,
        audienceOf(request.actor),
      );
      if (!attachment) throw notFound("That attachment");
      // Opened before any header is set: a missing file is answered as an error, not downloaded as one.
      const file = await openToSend(
        attachmentStorage(config),
        attachment.storage_key,
        attachment.file_name,
        request.log,
      );
      return reply
        .header("content-type", "application/octet-stream")
        .header("content-disposition", contentDisposition(attachment.file_name))
        .header("x-content-type-options", "nosniff")
        .header("content-security-policy", "default-src 'none'; sandbox")
        .header("cache-control", "private, no-store")
        .header("content-length", String(attachment.size))
        .send(file);
    },
  );
}
