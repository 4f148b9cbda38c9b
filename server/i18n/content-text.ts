/**
 * Admin-entered text in the reader's language (issue 20). A route that answers with services, categories,
 * fields, status labels or withdraw reasons loads one language's translations of the kinds it shows in one
 * query, then lays them over its rows; a field without a translation keeps the stored (default) text.
 */
import type { FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import { type TranslatableKind, translatableFields } from "../../common/content-translations.ts";
import type { Locale } from "../../common/locales.ts";
import type { Database } from "../db/schema.ts";
import { languageOf, localeOfRequest } from "./request-locale.ts";

export type ContentText = {
  /**
   * The row with each translatable field of its kind that it carries (by the field's API name, such as
   * `name` or `customerLabel`) in the reader's language; the row's `id` names the entity.
   */
  overlay<T extends { id: string }>(kind: TranslatableKind, row: T): T;
};

const keyOf = (kind: string, id: string, field: string) => `${kind}\u0000${id}\u0000${field}`;

/** One query for the translations of these kinds in this language; none at all when there are no kinds. */
export async function loadContentText(
  db: Kysely<Database>,
  locale: Locale,
  kinds: readonly TranslatableKind[],
): Promise<ContentText> {
  const rows = kinds.length
    ? await db
        .selectFrom("content_translations")
        .select(["kind", "entity_id", "field", "text"])
        .where("locale", "=", locale)
        .where("kind", "in", kinds)
        .execute()
    : [];
  const texts = new Map(rows.map((r) => [keyOf(r.kind, r.entity_id, r.field), r.text]));
  function overlay<T extends { id: string }>(kind: TranslatableKind, row: T): T {
    if (!texts.size) return row;
    let translated: Record<string, unknown> | undefined;
    for (const field of Object.keys(translatableFields[kind])) {
      if (!(field in row)) continue;
      const text = texts.get(keyOf(kind, row.id, field));
      if (text === undefined) continue;
      translated ??= { ...row };
      translated[field] = text;
    }
    // Only fields the row already has were replaced, each with text where the row had text (or null).
    return (translated as T | undefined) ?? row;
  }
  return { overlay };
}

/** The same, in the language this request is answered in (profile, cookie, Accept-Language, default). */
export async function contentTextFor(
  db: Kysely<Database>,
  request: FastifyRequest,
  kinds: readonly TranslatableKind[],
): Promise<ContentText> {
  const { locale } = await localeOfRequest(db, request.actor, languageOf(request));
  return loadContentText(db, locale, kinds);
}
