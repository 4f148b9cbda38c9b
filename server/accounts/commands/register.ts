import type { Registration } from "../../../common/accounts.ts";
import type { Locale } from "../../../common/locales.ts";
import type { AppContext } from "../../core/context.ts";
import { newId } from "../../db/ids.ts";
import { recipientTranslator } from "../../i18n/recipient.ts";
import { queueMail } from "../../mail/outbox.ts";
import { accountExists } from "../../mail/templates/account-exists.ts";
import { confirmEmail } from "../../mail/templates/confirm-email.ts";
import { issueAccountToken, newestRegistration } from "../account-tokens.ts";
import { hashPassword } from "../passwords.ts";
import { findUserByEmail, normalizeEmail } from "../queries.ts";

export const registrationAccepted =
  "Check your email: we sent a link to confirm your address. Follow it, then sign in.";

/**
 * Registers a customer account that can do nothing until its address is
 * confirmed. An address that already has an account gets a mail saying so
 * instead, and one an admin has disabled gets nothing; the answer and the work done are the same either way.
 * `pageLocale` is the language the form was filled in: a new account has no profile language yet, and a German
 * registrant got the confirmation in English.
 */
export async function register(
  { db, config }: Pick<AppContext, "db" | "config">,
  input: Registration,
  pageLocale?: Locale,
): Promise<void> {
  const email = normalizeEmail(input.email);
  // Hash first, whether or not it is used, so a taken address does not answer faster.
  const passwordHash = await hashPassword(input.password);
  const at = new Date();
  const timestamp = at.toISOString();
  await db.transaction().execute(async (trx) => {
    const existing = await findUserByEmail(trx, email);
    // A disabled account stays as the admin left it: no link that would confirm it or set its password.
    if (existing?.disabled_at) return;
    if (existing?.email_confirmed_at) {
      await queueMail(
        trx,
        {
          template: "account-exists",
          to: email,
          content: accountExists(await recipientTranslator(trx, email, pageLocale), {
            name: existing.name,
            signInUrl: `${config.baseUrl}/sign-in`,
            resetUrl: `${config.baseUrl}/forgot-password`,
          }),
        },
        { baseUrl: config.baseUrl, at: timestamp },
      );
      return;
    }
    const userId = existing?.id ?? newId();
    if (!existing) {
      await trx
        .insertInto("users")
        .values({
          id: userId,
          email,
          name: input.name,
          password_hash: passwordHash,
          licence: "customer",
          created_at: timestamp,
          updated_at: timestamp,
          disabled_at: null,
          email_confirmed_at: null,
        })
        .execute();
      await trx
        .insertInto("user_roles")
        .columns(["user_id", "role_id"])
        .expression((eb) =>
          eb
            .selectFrom("roles")
            .select([eb.val(userId).as("user_id"), "roles.id"])
            .where("default_for", "=", "customer"),
        )
        .execute();
    }
    // An unconfirmed account that registers again gets a fresh link carrying this registration; the account's
    // name and password change only when the link is followed, because only that proves the address.
    const token = await issueAccountToken(trx, userId, "confirm_email", at, { name: input.name, passwordHash });
    await queueMail(
      trx,
      {
        template: "confirm-email",
        to: email,
        content: confirmEmail(await recipientTranslator(trx, email, pageLocale), {
          confirmUrl: `${config.baseUrl}/confirm/${token}`,
        }),
      },
      { baseUrl: config.baseUrl, at: timestamp },
    );
  });
}

/**
 * Sends a new confirmation link to an unconfirmed account, for its newest registration; silently does nothing
 * otherwise.
 */
export async function resendConfirmation(
  { db, config }: Pick<AppContext, "db" | "config">,
  emailInput: string,
  pageLocale?: Locale,
): Promise<void> {
  const at = new Date();
  await db.transaction().execute(async (trx) => {
    const user = await findUserByEmail(trx, emailInput);
    if (!user || user.email_confirmed_at || user.disabled_at) return;
    const registration = await newestRegistration(trx, user.id);
    const token = await issueAccountToken(trx, user.id, "confirm_email", at, registration);
    await queueMail(
      trx,
      {
        template: "confirm-email",
        to: user.email,
        content: confirmEmail(await recipientTranslator(trx, user.email, pageLocale), {
          confirmUrl: `${config.baseUrl}/confirm/${token}`,
        }),
      },
      { baseUrl: config.baseUrl, at: at.toISOString() },
    );
  });
}
