/** The language of one request: the signed-in person's profile, the switcher's cookie, the browser's Accept-Language, the admin's default. */
import type { FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import { type Locale, localeCookie, resolveLocale } from "../../common/locales.ts";
import type { Actor } from "../core/actor.ts";
import type { Database } from "../db/schema.ts";
import { readDefaultLocale } from "./settings.ts";
import { type Translator, translator } from "./translator.ts";

export type RequestLanguage = { cookie: string | undefined; acceptLanguage: string | undefined };

export function languageOf(request: FastifyRequest): RequestLanguage {
  return { cookie: request.cookies[localeCookie], acceptLanguage: request.headers["accept-language"] };
}

export type ResolvedLocale = {
  locale: Locale;
  profileLocale: string | null;
  timeZone: string | null;
  fallback: Locale;
};

export async function localeOfRequest(
  db: Kysely<Database>,
  actor: Actor,
  language: RequestLanguage,
): Promise<ResolvedLocale> {
  const profile =
    actor.kind === "user"
      ? await db.selectFrom("users").select(["locale", "time_zone"]).where("id", "=", actor.user.id).executeTakeFirst()
      : undefined;
  const fallback = await readDefaultLocale(db);
  const locale = resolveLocale({
    profile: profile?.locale,
    cookie: language.cookie,
    acceptLanguage: language.acceptLanguage,
    fallback,
  });
  return { locale, profileLocale: profile?.locale ?? null, timeZone: profile?.time_zone ?? null, fallback };
}

/** Server sentences (API field checks) in the language this request is answered in. */
export async function translatorFor(db: Kysely<Database>, request: FastifyRequest): Promise<Translator> {
  return translator((await localeOfRequest(db, request.actor, languageOf(request))).locale);
}
