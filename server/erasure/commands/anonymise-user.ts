import { sql } from "kysely";
import { erasedAddress, erasedName } from "../../../common/accounts.ts";
import type { UserActor } from "../../core/actor.ts";
import type { AppContext } from "../../core/context.ts";
import { decodeJson, encodeJson, now } from "../../db/engine.ts";
import { recordEvent } from "../../tickets/events.ts";
import { loadErasableUser, removeReachAndAccess } from "../guards.ts";

/**
 * Erases a person (GDPR, right to erasure) while keeping the help desk's record: their name and address
 * become placeholders everywhere the help desk keeps them (the account, the tickets they asked, the Feed's
 * "who", attachments' uploader, surveys), which also rewrites the search index (its triggers follow the
 * requester columns) and shows in the incremental export as changed records. Their password, sessions,
 * links, tokens, alerts and copies on tickets go; the account is switched off, so nobody can sign in as them
 * or mail them again. Each of their tickets gets an internal Feed entry saying who erased the requester, and
 * when. Running it again on an erased person changes nothing.
 */
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export async function anonymiseUser(
  { db, config }: Pick<AppContext, "db" | "config">,
  admin: UserActor,
  userId: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const user = await loadErasableUser(trx, admin, userId, "anonymise");
    if (user.anonymised_at) return;
    const at = now();
    const name = erasedName(user.id);
    const email = erasedAddress(user.id);
    const oldEmail = user.email.toLowerCase();

    // Their requests: by account, and the ones they sent as a guest from the same address before registering.
    const tickets = await trx
      .selectFrom("tickets")
      .select(["id", "requester_name"])
      .where((eb) =>
        eb.or([eb("requester_id", "=", user.id), eb(eb.fn("lower", [eb.ref("requester_email")]), "=", oldEmail)]),
      )
      .execute();
    const ticketIds = tickets.map((t) => t.id);
    if (ticketIds.length) {
      await trx
        .updateTable("tickets")
        .set({ requester_name: name, requester_email: email, updated_at: at })
        .where("id", "in", ticketIds)
        .execute();
      for (const ticketId of ticketIds) {
        // The Feed says it happened and who did it; the old name and address are, of course, not in it.
        await recordEvent(
          trx,
          { config },
          {
            ticketId,
            type: "edited",
            actor: { id: admin.user.id, name: admin.user.name },
            visibility: "internal",
            payload: { changes: [{ label: "Requester", from: "(personal data erased)", to: name }] },
            at,
          },
        );
      }
    }
    // What they did under their account, and, on their own tickets, what they did as a guest (no account id:
    // the name or address they gave then).
    const guestNames = [...new Set([user.name, user.email, oldEmail, ...tickets.map((t) => t.requester_name)])];
    await trx
      .updateTable("ticket_events")
      .set({ actor_name: name })
      .where((eb) =>
        eb.or([
          eb("actor_id", "=", user.id),
          ...(ticketIds.length
            ? [
                eb.and([
                  eb("ticket_id", "in", ticketIds),
                  eb("actor_id", "is", null),
                  eb("actor_name", "in", guestNames),
                ]),
              ]
            : []),
        ]),
      )
      .execute();
    await trx
      .updateTable("attachments")
      .set({ uploaded_by_name: name })
      .where((eb) =>
        eb.or([
          eb("uploaded_by_id", "=", user.id),
          ...(ticketIds.length
            ? [
                eb.and([
                  eb("ticket_id", "in", ticketIds),
                  eb("uploaded_by_id", "is", null),
                  eb("uploaded_by_name", "in", guestNames),
                ]),
              ]
            : []),
        ]),
      )
      .execute();
    // Copying them on a request, and stopping, are in the Feed with their address: the placeholder instead.
    // LIKE narrows the rows (its wildcards stand in for the address's own % and _); the check below is exact.
    const copied = await trx
      .selectFrom("ticket_events")
      .select(["id", "payload"])
      .where("type", "in", ["cc_added", "cc_removed"])
      .where(sql<string>`lower(cast(payload as text))`, "like", `%${oldEmail.replace(/[\\%_]/g, "_")}%`)
      .execute();
    for (const event of copied) {
      const payload = decodeJson(event.payload);
      if (!isRecord(payload) || typeof payload.email !== "string" || payload.email.toLowerCase() !== oldEmail) continue;
      await trx
        .updateTable("ticket_events")
        .set({ payload: encodeJson({ ...payload, email }) })
        .where("id", "=", event.id)
        .execute();
    }
    await trx
      .updateTable("satisfaction_surveys")
      .set({ email })
      .where((eb) => eb(eb.fn("lower", [eb.ref("email")]), "=", oldEmail))
      .execute();
    await removeReachAndAccess(trx, user, at);
    await trx
      .updateTable("users")
      .set({
        name,
        email,
        password_hash: null,
        locale: null,
        time_zone: null,
        disabled_at: user.disabled_at ?? at,
        anonymised_at: at,
        updated_at: at,
      })
      .where("id", "=", user.id)
      .execute();
  });
}
