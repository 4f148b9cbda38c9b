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
  const [links, self] = await Promise.all([
    db.selectFrom("ticket_links").select("linked_ticket_id").where("ticket_id", "=", ticketId).execute(),
    db.selectFrom("tickets").select("merged_into_id").where("id", "=", ticketId).executeTakeFirst(),
  ]);
  const linkedIds = links.map((l) => l.linked_ticket_id);
  const mergedIntoId = self?.merged_into_id ?? null;
  // One query for everything related, through the reader's scope: what they may not see is simply left out.
  const related = await db
    .selectFrom("tickets")
    .innerJoin("statuses", "statuses.id", "tickets.status_id")
    .select(["tickets.id", "tickets.number", "tickets.subject", "statuses.agent_label", "tickets.merged_into_id"])
    .where(scope)
    .where((eb) =>
      eb.or([
        ...(linkedIds.length ? [eb("tickets.id", "in", linkedIds)] : []),
        ...(mergedIntoId ? [eb("tickets.id", "=", mergedIntoId)] : []),
        eb("tickets.merged_into_id", "=", ticketId),
      ]),
    )
    .orderBy("tickets.number")
    .execute();
  const present = (t: (typeof related)[number]): LinkedTicket => ({
    number: t.number,
    subject: t.subject,
    status: t.agent_label,
  });
  const mergedInto = related.find((t) => t.id === mergedIntoId);
  return {
    links: related.filter((t) => linkedIds.includes(t.id)).map(present),
    mergedInto: mergedInto ? present(mergedInto) : null,
    mergedFrom: related.filter((t) => t.merged_into_id === ticketId).map(present),
  };
}
