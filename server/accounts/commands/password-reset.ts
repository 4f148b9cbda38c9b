import type { Locale } from "../../../common/locales.ts";
import type { AppContext } from "../../core/context.ts";
import { recipientTranslator } from "../../i18n/recipient.ts";
import { queueMail } from "../../mail/outbox.ts";
import { resetPassword } from "../../mail/templates/reset-password.ts";
import { consumeAccountToken, issueAccountToken, revokeAccountTokens } from "../account-tokens.ts";
import { nameIfConfirmed } from "../confirmed-address.ts";
import { hashPassword } from "../passwords.ts";
import { findUserByEmail } from "../queries.ts";

export const resetRequested = "If that address has an account, we sent it a link to choose a new password.";

/**
 * Mails a reset link to an enabled account; does the same visible nothing for any other address. The mail is in
 * the account's profile language, else in the language the form was filled in (`pageLocale`).
 */
export async function requestPasswordReset(
  { db, config }: Pick<AppContext, "db" | "config">,
  emailInput: string,
  pageLocale?: Locale,
): Promise<void> {
  const at = new Date();
  await db.transaction().execute(async (trx) => {
    const user = await findUserByEmail(trx, emailInput);
    if (!user || user.disabled_at) return;
    const token = await issueAccountToken(trx, user.id, "reset_password", at);
    await queueMail(
      trx,
      {
        template: "reset-password",
        to: user.email,
        content: resetPassword(await recipientTranslator(trx, user.email, pageLocale), {
          name: nameIfConfirmed(user),
          resetUrl: `${config.baseUrl}/reset-password/${token}`,
        }),
      },
      { baseUrl: config.baseUrl, at: at.toISOString() },
    );
  });
}

/**
 * Sets the new password from a reset link and signs the account out
 * everywhere. Following the link proves the address, so it also confirms it.
 */
export async function completePasswordReset(
  { db }: Pick<AppContext, "db">,
  input: { token: string; password: string },
): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  const at = new Date();
  await db.transaction().execute(async (trx) => {
    const { userId } = await consumeAccountToken(trx, input.token, "reset_password", at);
    const user = await trx
      .selectFrom("users")
      .select("email_confirmed_at")
      .where("id", "=", userId)
      .executeTakeFirstOrThrow();
    await trx
      .updateTable("users")
      .set({
        password_hash: passwordHash,
        updated_at: at.toISOString(),
        email_confirmed_at: user.email_confirmed_at ?? at.toISOString(),
      })
      .where("id", "=", userId)
      .execute();
    await trx.deleteFrom("sessions").where("user_id", "=", userId).execute();
    await revokeAccountTokens(trx, userId, "reset_password", at);
  });
}
