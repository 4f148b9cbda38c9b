/**
 * Which language a mail is written in: the recipient's profile language if
 * they have an account and chose one; otherwise the language the ticket was
 * submitted in (a guest has no profile, so we answer in the language they
 * wrote to us in); otherwise the help desk's default.
 */
import type { Transaction } from "kysely";
import { isLocale, type Locale } from "../../common/locales.ts";
import type { Database } from "../db/schema.ts";
import { readDefaultLocale } from "./settings.ts";
import { type Translator, translator } from "./translator.ts";

export async function recipientLocale(
  trx: Transaction<Database>,
  email: string,
  ticketLocale?: string | null,
): Promise<Locale> {
  const account = await trx.selectFrom("users").select("locale").where("email", "=", email).executeTakeFirst();
  if (isLocale(account?.locale)) return account.locale;
  if (isLocale(ticketLocale)) return ticketLocale;
  return readDefaultLocale(trx);
}

export async function recipientTranslator(
  trx: Transaction<Database>,
  email: string,
  ticketLocale?: string | null,
): Promise<Translator> {
  return translator(await recipientLocale(trx, email, ticketLocale));
}
