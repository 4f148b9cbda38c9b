import type { Kysely } from "kysely";
import type { LinkedTicket, TicketRelations } from "../../../common/links.ts";
import type { Database } from "../../db/schema.ts";
import type { TicketScope } from "../policy.ts";

/** Linked tickets and merges of one ticket, each only if the reader's scope covers it. */
export async function listRelations(
  db: Kysely<Database>,
  scope: TicketScope,
  ticketId: string,
): Promise<TicketRelations> {
  const related = await db
    .selectFrom("tickets")
    .innerJoin("statuses", "statuses.id", "tickets.status_id")
    .select(["tickets.id", "tickets.number", "tickets.subject", "statuses.agent_label", "tickets.merged_into_id"])
    .where(scope)
    .where((eb) =>
      eb.or([
        eb(
          "tickets.id",
          "in",
          eb.selectFrom("ticket_links").select("linked_ticket_id").where("ticket_links.ticket_id", "=", ticketId),
        ),
        eb("tickets.id", "=", eb.selectFrom("tickets as t").select("t.merged_into_id").where("t.id", "=", ticketId)),
        eb("tickets.merged_into_id", "=", ticketId),
      ]),
    )
    .orderBy("tickets.number")
    .execute();
  const links = await db
    .selectFrom("ticket_links")
    .select("linked_ticket_id")
    .where("ticket_id", "=", ticketId)
    .execute();
  const self = await db.selectFrom("tickets").select("merged_into_id").where("id", "=", ticketId).executeTakeFirst();
  const present = (t: (typeof related)[number]): LinkedTicket => ({
    number: t.number,
    subject: t.subject,
    status: t.agent_label,
  });
  const mergedInto = related.find((t) => t.id === self?.merged_into_id);
  return {
    links: related.filter((t) => links.some((l) => l.linked_ticket_id === t.id)).map(present),
    mergedInto: mergedInto ? present(mergedInto) : null,
    mergedFrom: related.filter((t) => t.merged_into_id === ticketId).map(present),
  };
}
