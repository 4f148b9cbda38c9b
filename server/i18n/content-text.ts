/**
 * Admin-entered text in the reader's language (issue 20). A route that answers with services, categories,
 * fields, status labels or withdraw reasons loads one language's translations of the kinds it shows in one
 * query, then lays them over its rows; a field without a translation keeps the stored (default) text.
 * A choice field's options keep their value (what a ticket stores) and get a label in the reader's language.
 */
import type { FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import { optionField, type TranslatableKind, translatableFields } from "../../common/content-translations.ts";
import type { Locale } from "../../common/locales.ts";
import type { Database } from "../db/schema.ts";
import { languageOf, localeOfRequest } from "./request-locale.ts";

export type ContentText = {
  /**
   * The row with each translatable field of its kind that it carries (by the field's API name, such as
   * `name` or `customerLabel`) in the reader's language; the row's `id` names the entity.
   */
  overlay<T extends { id: string }>(kind: TranslatableKind, row: T): T;
  /** What each of these values of a choice field reads as: its label in the reader's language, or itself. */
  optionLabels(fieldId: string, values: readonly string[]): Record<string, string>;
  /** A custom field's label and help text overlaid, with the labels of its options (needs "ticket-field"). */
  field<T extends { id: string; options: string[] }>(row: T): T & { optionLabels: Record<string, string> };
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
  function optionLabels(fieldId: string, values: readonly string[]): Record<string, string> {
    return Object.fromEntries(
      values.map((value) => [value, texts.get(keyOf("ticket-field", fieldId, optionField(value))) ?? value]),
    );
  }
  return {
    overlay,
    optionLabels,
    field: (row) => ({ ...overlay("ticket-field", row), optionLabels: optionLabels(row.id, row.options) }),
  };
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

/**
 * One field of one entity in each language it is translated into, for mail written per recipient: the
 * text for a recipient's language, or the default text.
 */
export async function textByLocale<K extends TranslatableKind>(
  db: Kysely<Database>,
  kind: K,
  id: string,
  field: keyof (typeof translatableFields)[K] & string,
  defaultText: string,
): Promise<(locale: Locale) => string> {
  const rows = await db
    .selectFrom("content_translations")
    .select(["locale", "text"])
    .where("kind", "=", kind)
    .where("entity_id", "=", id)
    .where("field", "=", field)
    .execute();
  const texts = new Map(rows.map((r) => [r.locale, r.text]));
  return (locale) => texts.get(locale) ?? defaultText;
}
