import type { Kysely } from "kysely";
import type { MailboxAlert } from "../../../common/mailboxes.ts";
import type { Database } from "../../db/schema.ts";
import { recipientTranslator } from "../../i18n/recipient.ts";
import { queueMail } from "../outbox.ts";
import { mailboxFailing } from "../templates/mailbox-failing.ts";

/**
 * What one poll of a mailbox came to. A success clears the failure episode; the first failure of an
 * episode marks it and tells every admin by mail in the same transaction. The conditional update makes
 * that once per episode even with several instances polling.
 */
export async function recordPollOutcome(
  db: Kysely<Database>,
  mailboxId: string,
  outcome: { ok: true; note: string | null } | { ok: false; error: string },
  context: { baseUrl: string; at: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (outcome.ok) {
      await trx
        .updateTable("mailboxes")
        .set({ last_polled_at: context.at, last_fetched_at: context.at, last_error: outcome.note, failing_since: null })
        .where("id", "=", mailboxId)
        .execute();
      return;
    }
    await trx
      .updateTable("mailboxes")
      .set({ last_polled_at: context.at, last_error: outcome.error })
      .where("id", "=", mailboxId)
      .execute();
    const started = await trx
      .updateTable("mailboxes")
      .set({ failing_since: context.at })
      .where("id", "=", mailboxId)
      .where("failing_since", "is", null)
      .executeTakeFirst();
    if (!started.numUpdatedRows) return;
    const mailbox = await trx
      .selectFrom("mailboxes")
      .select("address")
      .where("id", "=", mailboxId)
      .executeTakeFirstOrThrow();
    const admins = await trx
      .selectFrom("users")
      .select(["email", "name"])
      .where("licence", "=", "admin")
      .where("disabled_at", "is", null)
      .execute();
    for (const admin of admins) {
      await queueMail(
        trx,
        {
          template: "mailbox-failing",
          to: admin.email,
          content: mailboxFailing(await recipientTranslator(trx, admin.email), {
            name: admin.name,
            address: mailbox.address,
            reason: outcome.error,
            settingsUrl: `${context.baseUrl}/admin/mailboxes`,
          }),
        },
        context,
      );
    }
  });
}

/** Active mailboxes whose fetching is failing, for the admins' banner. */
export async function mailboxAlerts(db: Kysely<Database>): Promise<MailboxAlert[]> {
  const rows = await db
    .selectFrom("mailboxes")
    .select(["id", "address", "last_error", "failing_since"])
    .where("active", "=", 1)
    .where("failing_since", "is not", null)
    .orderBy("address")
    .execute();
  return rows.map((r) => ({
    mailboxId: r.id,
    address: r.address,
    error: r.last_error ?? "Fetching failed.",
    since: r.failing_since ?? "",
  }));
}
