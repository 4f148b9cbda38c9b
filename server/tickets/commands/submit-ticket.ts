import path from "node:path";
import type { Kysely, Transaction } from "kysely";
import { type FieldDefinition, fieldsSchema } from "../../../common/fields.ts";
import { defaultLocale, isLocale } from "../../../common/locales.ts";
import { hasVisibleText } from "../../../common/text.ts";
import type { TicketSubmission, TicketSubmitted } from "../../../common/tickets.ts";
import { normalizeEmail } from "../../accounts/queries.ts";
import { serviceScope } from "../../catalog/policy.ts";
import { findService } from "../../catalog/queries.ts";
import type { Config } from "../../config.ts";
import type { Actor } from "../../core/actor.ts";
import type { AppContext } from "../../core/context.ts";
import { AppError } from "../../core/errors.ts";
import { encodeJson, now } from "../../db/engine.ts";
import { newId } from "../../db/ids.ts";
import type { Database } from "../../db/schema.ts";
import { sanitizeFormHtml } from "../../html/bounded-html.ts";
import { loadContentText } from "../../i18n/content-text.ts";
import { translator } from "../../i18n/translator.ts";
import { claimOffered } from "../../kb/commands/deflection.ts";
import { keepOwnImages } from "../attachments/inline-images.ts";
import { type AttachmentStorage, localStorage } from "../attachments/storage.ts";
import { storeAttachments } from "../attachments/store.ts";
import type { UploadedFile } from "../attachments/uploads.ts";
import { recordEvent } from "../events.ts";
import { nextTicketNumber } from "../numbers.ts";
import { noteTicketLocked } from "../ticket-lock.ts";

/** The folder attachment storage keeps its files in (a folder per key prefix under it). */
export function attachmentStorageRoot(config: Pick<Config, "dataDir">): string {
  return path.join(config.dataDir, "attachments");
}

export function attachmentStorage(config: Pick<Config, "dataDir">): AttachmentStorage {
  return localStorage(attachmentStorageRoot(config));
}

function invalid(fields: Record<string, string>): AppError {
  return new AppError("validation_failed", "Some fields need attention.", fields);
}

/** The first "new" status by position; a status set without one (seed 002's) starts tickets in its first "open" one. */
export async function initialStatusId(trx: Transaction<Database>): Promise<string> {
  const status = await trx
    .selectFrom("statuses")
    .select("id")
    .where("category", "in", ["new", "open"])
    .orderBy((eb) => eb.case().when("category", "=", "new").then(0).else(1).end())
    .orderBy("position")
    .executeTakeFirst();
  if (!status) throw new Error("No status in the 'new' or 'open' category exists; every ticket needs one to start in.");
  return status.id;
}

/** The message as stored: sanitised HTML from the editor, or plain text as typed. */
export async function storedMessage(
  db: Kysely<Database>,
  input: Pick<TicketSubmission, "message" | "messageFormat">,
  uploads: readonly UploadedFile[],
): Promise<{ message: string; plain: string }> {
  if (input.messageFormat === "text") return { message: input.message, plain: input.message };
  const { html, text: plain } = await sanitizeFormHtml(input.message, "message");
  if (!hasVisibleText(plain)) throw invalid({ message: "Describe what you need." });
  // A new ticket's words may show only the files that come with it (a mail's inline screenshots).
  return { message: await keepOwnImages(db, html, { ticketId: null, uploads }), plain };
}

/** For requests that arrive by another channel than the web (email). */
export type ChannelOptions = {
  channel?: "email";
  /** False: no "we received your request" mail (spam protection for mail from machines and floods). */
  confirm?: boolean;
  /**
   * Runs inside the transaction once the ticket exists, before its event (a new ticket's "created", a
   * comment's "comment"): the mail that event's reactions queue then threads under the message that
   * brought it, and triggers see the group its mailbox files it under.
   */
  within?: (trx: Transaction<Database>, ticket: { id: string; number: number }) => Promise<void>;
  /** Runs after a new ticket's "created" event and its reactions: people copied on the mail that brought it. */
  afterCreated?: (trx: Transaction<Database>, ticket: { id: string; number: number }) => Promise<void>;
  /** The language the request was written in (the web form's); mail to a guest is in it. */
  locale?: string;
};

/**
 * The service's fields checked as the customer's form checks them. The checks name the field, so they are said
 * in the language the form was filled in, with the field's label as that reader sees it.
 */
async function checkFields(
  trx: Transaction<Database>,
  fields: FieldDefinition[],
  values: Record<string, unknown>,
  locale: string | undefined,
) {
  const language = isLocale(locale) ? locale : defaultLocale;
  const text = await loadContentText(trx, language, ["ticket-field"]);
  const labelled = fields.map((f) => text.field(f));
  return fieldsSchema(labelled, "customer", translator(language).t).safeParse(values);
}

/**
 * A customer or guest submits a request, from a service's form or the
 * general one: the ticket, its custom field values, its attachments, its
 * "created" event and the confirmation mail, in one transaction. Attachment
 * files are moved into storage before the commit and removed again if it
 * fails, so an acknowledged request never points at a missing file.
 */
export async function submitTicket(
  { db, config }: Pick<AppContext, "db" | "config">,
  actor: Actor,
  input: TicketSubmission,
  uploads: UploadedFile[] = [],
  followUpOf?: { id: string; number: number },
  options: ChannelOptions = {},
): Promise<TicketSubmitted> {
  // A signed-in person submits as themselves, whatever the form says.
  const requester =
    actor.kind === "user"
      ? { id: actor.user.id, email: actor.user.email, name: actor.user.name }
      : { id: null, email: normalizeEmail(input.email), name: input.name };
  const { message } = await storedMessage(db, input, uploads);
  const storage = attachmentStorage(config);
  const stored: string[] = [];

  try {
    return await db.transaction().execute(async (trx) => {
      const service = input.serviceId
        ? await findService(trx, serviceScope(actor), { id: input.serviceId })
        : undefined;
      if (input.serviceId && !service) throw invalid({ serviceId: "That service is not available to you." });
      // A choice may come as the label the form showed in the submitter's language; the ticket stores its value.
      const fieldValues = service ? await checkFields(trx, service.allFields, input.fields, options.locale) : undefined;
      if (fieldValues && !fieldValues.success) {
        throw invalid(
          Object.fromEntries(fieldValues.error.issues.map((i) => [`fields.${i.path.join(".")}`, i.message])),
        );
      }
      if (!service && Object.keys(input.fields).length > 0) {
        throw invalid({ fields: "The general request form has no extra fields." });
      }
      const categoryId = service ? service.categoryId : (input.categoryId ?? null);
      if (!service) {
        const category = await trx
          .selectFrom("categories")
          .select("id")
          .where("id", "=", categoryId)
          .executeTakeFirst();
        if (!category) throw invalid({ categoryId: "Choose a category from the list." });
      }
      const ticketType = service
        ? service.ticketType.id
        : (await trx.selectFrom("ticket_types").select("id").where("key", "=", "general").executeTakeFirstOrThrow()).id;

      const at = now();
      const ticketId = newId();
      const organization = await requesterOrganization(trx, requester.id);
      const number = await nextTicketNumber(trx);
      await trx
        .insertInto("tickets")
        .values({
          id: ticketId,
          number,
          subject: input.subject,
          message,
          message_format: input.messageFormat,
          priority: input.priority,
          category_id: categoryId,
          service_id: service?.id ?? null,
          ticket_type_id: ticketType,
          group_id: service?.groupId ?? null,
          status_id: await initialStatusId(trx),
          requester_email: requester.email,
          requester_name: requester.name,
          requester_id: requester.id,
          organization_id: organization,
          channel: options.channel ?? "web",
          follow_up_of: followUpOf?.id ?? null,
          locale: options.locale ?? null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      // A row this transaction inserted is its own until it commits: no lock to take (ticket-lock.ts).
      noteTicketLocked(trx, ticketId);

      const values = fieldValues?.success ? fieldValues.data : {};
      for (const field of service?.allFields ?? []) {
        const value = values[field.key];
        if (value === undefined) continue;
        await trx
          .insertInto("ticket_field_values")
          .values({ ticket_id: ticketId, field_id: field.id, value: encodeJson(value) })
          .execute();
      }

      const attachments = await storeAttachments(
        trx,
        storage,
        stored,
        { ticketId, visibility: "public", uploader: requester, at },
        uploads,
      );

      // Its reactions set the service level targets and run the admin's triggers on the ticket as created.
      await options.within?.(trx, { id: ticketId, number });
      // The anonymous form must not mail a stranger words the submitter chose: a neutral receipt until the address is proven.
      const confirmation = options.confirm === false ? {} : { confirmation: { trusted: actor.kind === "user" } };
      // Its reactions set the targets, run the triggers and send the confirmation.
      await recordEvent(
        trx,
        { config },
        {
          ticketId,
          type: "created",
          actor: { id: requester.id, name: requester.name },
          visibility: "public",
          payload: {
            subject: input.subject,
            priority: input.priority,
            categoryId,
            ...(service ? { serviceId: service.id, fields: values } : {}),
            ...(attachments.length ? { attachments } : {}),
            ...(options.channel ? { channel: options.channel } : {}),
            ...confirmation,
          },
          at,
        },
      );
      await options.afterCreated?.(trx, { id: ticketId, number });
      // The articles the form offered belong to this ticket now (agents see them; they were no deflection).
      await claimOffered(trx, input.kbSuggestionToken, ticketId);

      if (followUpOf) {
        await recordEvent(
          trx,
          { config },
          {
            ticketId: followUpOf.id,
            type: "follow_up_created",
            actor: { id: requester.id, name: requester.name },
            visibility: "public",
            payload: { number },
            at,
          },
        );
      }

      return { number, subject: input.subject, email: requester.email };
    });
  } catch (error) {
    await Promise.all(stored.map((key) => storage.remove(key)));
    throw error;
  }
}

/** Filed under the requester's department (or account), so colleagues with department access see it. */
export async function requesterOrganization(
  trx: Transaction<Database>,
  requesterId: string | null,
): Promise<string | null> {
  if (!requesterId) return null;
  const row = await trx
    .selectFrom("organization_members")
    .innerJoin("organizations", "organizations.id", "organization_members.organization_id")
    .select("organizations.id")
    .where("organization_members.user_id", "=", requesterId)
    .orderBy((eb) => eb.case().when("organizations.parent_id", "is", null).then(1).else(0).end())
    .orderBy("organizations.name")
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Where uploads wait (under unique names) until their request commits or fails. */
export function uploadTempDir(config: Pick<Config, "dataDir">): string {
  return path.join(config.dataDir, "tmp");
}
