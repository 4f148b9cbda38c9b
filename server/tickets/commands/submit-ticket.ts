import type { Transaction } from "kysely";
import type { TicketSubmission, TicketSubmitted } from "../../../common/tickets.ts";
import type { Actor } from "../../accounts/actor.ts";
import { guestLinkUrl, issueGuestLink } from "../../accounts/guest-links.ts";
import { normalizeEmail } from "../../accounts/queries.ts";
import type { AppContext } from "../../context.ts";
import { now } from "../../db/engine.ts";
import { newId } from "../../db/ids.ts";
import type { Database } from "../../db/schema.ts";
import { AppError } from "../../http/errors.ts";
import { queueMail } from "../../mail/outbox.ts";
import { ticketReceived } from "../../mail/templates/ticket-received.ts";
import { insertTicketEvent } from "../events.ts";

/** Takes the next human-facing number; the row lock held until commit keeps numbers unique across processes. */
async function nextTicketNumber(trx: Transaction<Database>): Promise<number> {
  const row = await trx
    .updateTable("counters")
    .set((eb) => ({ value: eb("value", "+", 1) }))
    .where("name", "=", "ticket_number")
    .returning("value")
    .executeTakeFirstOrThrow();
  return row.value;
}

async function initialStatusId(trx: Transaction<Database>): Promise<string> {
  const status = await trx
    .selectFrom("statuses")
    .select("id")
    .where("category", "=", "new")
    .orderBy("position")
    .executeTakeFirst();
  if (!status) throw new Error("No status in the 'new' category exists; every ticket needs one to start in.");
  return status.id;
}

/**
 * A customer or guest submits a request: the ticket, its "created" event and
 * the confirmation mail to the requester, in one transaction.
 */
export async function submitTicket(
  { db, config }: Pick<AppContext, "db" | "config">,
  actor: Actor,
  input: TicketSubmission,
): Promise<TicketSubmitted> {
  // A signed-in person submits as themselves, whatever the form says.
  const requester =
    actor.kind === "user"
      ? { id: actor.user.id, email: actor.user.email, name: actor.user.name }
      : { id: null, email: normalizeEmail(input.email), name: input.name };

  return db.transaction().execute(async (trx) => {
    const category = await trx
      .selectFrom("categories")
      .select("id")
      .where("id", "=", input.categoryId)
      .executeTakeFirst();
    if (!category) {
      throw new AppError("validation_failed", "Some fields need attention.", {
        categoryId: "Choose a category from the list.",
      });
    }
    const at = now();
    const ticketId = newId();
    // Filed under the requester's department (or account), so colleagues with department access see it.
    const organization = requester.id
      ? await trx
          .selectFrom("organization_members")
          .innerJoin("organizations", "organizations.id", "organization_members.organization_id")
          .select("organizations.id")
          .where("organization_members.user_id", "=", requester.id)
          .orderBy((eb) => eb.case().when("organizations.parent_id", "is", null).then(1).else(0).end())
          .orderBy("organizations.name")
          .executeTakeFirst()
      : undefined;
    const number = await nextTicketNumber(trx);
    await trx
      .insertInto("tickets")
      .values({
        id: ticketId,
        number,
        subject: input.subject,
        message: input.message,
        priority: input.priority,
        category_id: category.id,
        status_id: await initialStatusId(trx),
        requester_email: requester.email,
        requester_name: requester.name,
        requester_id: requester.id,
        organization_id: organization?.id ?? null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await insertTicketEvent(trx, {
      ticketId,
      type: "created",
      actor: { id: requester.id, name: requester.name },
      visibility: "public",
      payload: { subject: input.subject, priority: input.priority, categoryId: category.id },
      at,
    });
    // Every mail to a guest carries a fresh access link; account holders get the portal page.
    const forGuest = requester.id === null;
    const ticketUrl = forGuest
      ? guestLinkUrl(config.baseUrl, await issueGuestLink(trx, ticketId, requester.email, new Date(at)))
      : `${config.baseUrl}/requests/${number}`;
    await queueMail(
      trx,
      {
        template: "ticket-received",
        to: requester.email,
        content: ticketReceived({
          number,
          subject: input.subject,
          requesterName: requester.name,
          message: input.message,
          ticketUrl,
          forGuest,
        }),
      },
      { baseUrl: config.baseUrl, at },
    );
    return { number, subject: input.subject, email: requester.email };
  });
}
