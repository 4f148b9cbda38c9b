import type { Transaction } from "kysely";
import { fieldsSchema, type SayFieldCheck } from "../../../common/fields.ts";
import { type AgentTicketInput, agentTicketInputSchema } from "../../../common/new-ticket.ts";
import type { TicketSubmitted } from "../../../common/tickets.ts";
import { listTypeFields } from "../../catalog/queries.ts";
import { hasPermission, type UserActor } from "../../core/actor.ts";
import type { AppContext } from "../../core/context.ts";
import { AppError } from "../../core/errors.ts";
import { encodeJson, now } from "../../db/engine.ts";
import { newId } from "../../db/ids.ts";
import type { Database } from "../../db/schema.ts";
import { storeAttachments } from "../attachments/store.ts";
import type { UploadedFile } from "../attachments/uploads.ts";
import { recordEvent } from "../events.ts";
import { actorName } from "../lifecycle.ts";
import { nextTicketNumber } from "../numbers.ts";
import { ticketScope } from "../policy.ts";
import { noteTicketLocked } from "../ticket-lock.ts";
import { attachmentStorage, initialStatusId, requesterOrganization, storedMessage } from "./submit-ticket.ts";

function invalid(fields: Record<string, string>): AppError {
  return new AppError("validation_failed", "Some fields need attention.", fields);
}

type Requester = { id: string | null; name: string; email: string };

/**
 * The person the ticket is for: an account chosen by id, the account that
 * owns the given address, or (no account) a requester who follows the ticket
 * through personal access links, as guests do.
 */
async function resolveRequester(trx: Transaction<Database>, input: AgentTicketInput["requester"]): Promise<Requester> {
  const account = await trx
    .selectFrom("users")
    .select(["id", "name", "email", "disabled_at"])
    .$call((q) => (input.id ? q.where("id", "=", input.id) : q.where("email", "=", input.email ?? "")))
    .executeTakeFirst();
  if (account && account.disabled_at === null) return { id: account.id, name: account.name, email: account.email };
  if (input.id) throw invalid({ "requester.id": "Choose a requester from the list." });
  if (account) throw invalid({ "requester.email": "That person's account is disabled." });
  return { id: null, name: input.name ?? "", email: input.email ?? "" };
}

async function exists(trx: Transaction<Database>, table: "groups" | "categories" | "ticket_types", id: string) {
  return (await trx.selectFrom(table).select("id").where("id", "=", id).executeTakeFirst()) !== undefined;
}

/**
 * An agent opens a ticket for a caller, a visitor at the desk or someone who
 * wrote in: the requester is that person, the agent is recorded as who opened
 * it (and by which channel) in the "created" event. One transaction: the
 * ticket, its fields, its SLA targets, the event, creation triggers and,
 * when asked, the requester's confirmation mail.
 */
export async function openTicketForRequester(
  { db, config }: Pick<AppContext, "db" | "config">,
  actor: UserActor,
  raw: AgentTicketInput,
  uploads: UploadedFile[] = [],
  /** Says the custom fields' checks in the agent's language; English without it. */
  say?: SayFieldCheck,
): Promise<TicketSubmitted> {
  if (!hasPermission(actor, "tickets.work"))
    throw new AppError("forbidden", "Only agents can open tickets for others.");
  const input = agentTicketInputSchema.parse(raw);
  const { message } = await storedMessage(db, input, uploads);
  const storage = attachmentStorage(config);
  const stored: string[] = [];
  try {
    return await db.transaction().execute(async (trx) => {
      const requester = await resolveRequester(trx, input.requester);
      if (input.groupId && !(await exists(trx, "groups", input.groupId))) {
        throw invalid({ groupId: "Choose a group from the list." });
      }
      if (input.categoryId && !(await exists(trx, "categories", input.categoryId))) {
        throw invalid({ categoryId: "Choose a category from the list." });
      }
      if (input.typeId && !(await exists(trx, "ticket_types", input.typeId))) {
        throw invalid({ typeId: "Choose a ticket type from the list." });
      }
      const typeId =
        input.typeId ??
        (await trx.selectFrom("ticket_types").select("id").where("key", "=", "general").executeTakeFirstOrThrow()).id;
      const fields = (await listTypeFields(trx, [typeId])).get(typeId) ?? [];
      const values = fieldsSchema(fields, "agent", say).safeParse(input.fields);
      if (!values.success) {
        throw invalid(Object.fromEntries(values.error.issues.map((i) => [`fields.${i.path.join(".")}`, i.message])));
      }

      const at = now();
      const ticketId = newId();
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
          category_id: input.categoryId ?? null,
          service_id: null,
          ticket_type_id: typeId,
          group_id: input.groupId ?? null,
          status_id: await initialStatusId(trx),
          requester_email: requester.email,
          requester_name: requester.name,
          requester_id: requester.id,
          organization_id: await requesterOrganization(trx, requester.id),
          channel: input.channel,
          follow_up_of: null,
          merged_into_id: null,
          assignee_id: null,
          solved_at: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      // A row this transaction inserted is its own until it commits: no lock to take (ticket-lock.ts).
      noteTicketLocked(trx, ticketId);
      for (const field of fields) {
        const value = values.data[field.key];
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
        { ticketId, visibility: "public", uploader: actorName(actor), at },
        uploads,
      );
      // Its reactions set the service level targets and run the admin's triggers on the ticket as created.
      await recordEvent(
        trx,
        { config },
        {
          ticketId,
          type: "created",
          actor: actorName(actor),
          visibility: "public",
          payload: {
            subject: input.subject,
            priority: input.priority,
            categoryId: input.categoryId ?? null,
            channel: input.channel,
            onBehalfOf: { id: requester.id, name: requester.name },
            ...(attachments.length ? { attachments } : {}),
            ...(input.notifyRequester ? { confirmation: { trusted: true } } : {}),
            ...(Object.keys(values.data).length ? { fields: values.data } : {}),
          },
          at,
        },
      );

      // A group agent who files a ticket where they cannot follow it would lose it the moment it exists.
      const visible = await trx
        .selectFrom("tickets")
        .select("id")
        .where(ticketScope(actor))
        .where("id", "=", ticketId)
        .executeTakeFirst();
      if (!visible) throw invalid({ groupId: "Choose one of your groups: you would not see this ticket otherwise." });

      return { number, subject: input.subject, email: requester.email };
    });
  } catch (error) {
    // Files moved into storage for a ticket that was never committed.
    await Promise.all(stored.map((key) => storage.remove(key)));
    throw error;
  }
}
