/** Reading and replacing one entity's translations, for the admin pages (issue 20). */
import type { Kysely, Transaction } from "kysely";
import {
  optionField,
  optionMaxLength,
  type TranslatableKind,
  type Translations,
  type TranslationsResponse,
  translatableFields,
} from "../../common/content-translations.ts";
import { isLocale } from "../../common/locales.ts";
import { AppError, notFound } from "../core/errors.ts";
import { decodeJson } from "../db/engine.ts";
import type { Database } from "../db/schema.ts";

/** The table each kind's default text lives in: a translation is only stored for an entity that exists. */
const tableOf = {
  category: "categories",
  service: "services",
  "ticket-type": "ticket_types",
  "ticket-field": "ticket_fields",
  status: "statuses",
  "withdraw-reason": "withdraw_reasons",
  "satisfaction-reason": "satisfaction_reasons",
  "kb-category": "kb_categories",
} as const satisfies Record<TranslatableKind, keyof Database>;

async function requireEntity(db: Kysely<Database>, kind: TranslatableKind, id: string): Promise<void> {
  const found = await db.selectFrom(tableOf[kind]).select("id").where("id", "=", id).executeTakeFirst();
  if (!found) throw notFound("That item");
}

/** A choice field's options as they are now (a text field has none; other kinds have no options). */
async function optionsOf(db: Kysely<Database>, kind: TranslatableKind, id: string): Promise<string[]> {
  if (kind !== "ticket-field") return [];
  const row = await db.selectFrom("ticket_fields").select(["type", "options"]).where("id", "=", id).executeTakeFirst();
  if (row?.type !== "single_select" && row?.type !== "multi_select") return [];
  const options = decodeJson(row.options);
  return Array.isArray(options) ? options.filter((o): o is string => typeof o === "string") : [];
}

/** The kind's own fields, and for a choice field one per option it has now. */
function fieldsOf(kind: TranslatableKind, options: string[]): Record<string, number> {
  return { ...translatableFields[kind], ...Object.fromEntries(options.map((o) => [optionField(o), optionMaxLength])) };
}

export async function listTranslations(
  db: Kysely<Database>,
  kind: TranslatableKind,
  id: string,
): Promise<TranslationsResponse> {
  await requireEntity(db, kind, id);
  const options = await optionsOf(db, kind, id);
  const bounds = fieldsOf(kind, options);
  const rows = await db
    .selectFrom("content_translations")
    .select(["locale", "field", "text"])
    .where("kind", "=", kind)
    .where("entity_id", "=", id)
    .execute();
  const translations: Translations = {};
  for (const row of rows) {
    if (!isLocale(row.locale) || row.locale === "en-XA") continue;
    // An option since removed (or renamed) keeps no label: it is not shown, and saving drops it.
    if (!Object.hasOwn(bounds, row.field)) continue;
    translations[row.locale] = { ...translations[row.locale], [row.field]: row.text };
  }
  const fields = Object.entries(translatableFields[kind]).map(([field, maxLength]) => ({ field, maxLength }));
  return { kind, id, fields, options, translations };
}

/** A deleted entity's translations go with it (there is no foreign key: the entity's table depends on the kind). */
export async function forgetTranslations(
  db: Kysely<Database> | Transaction<Database>,
  kind: TranslatableKind,
  id: string,
): Promise<void> {
  await db.deleteFrom("content_translations").where("kind", "=", kind).where("entity_id", "=", id).execute();
}

/**
 * Replaces every translation of one entity: what the form shows is what is stored, and an empty text
 * removes a field's translation (the reader then sees the default). Fields the kind does not have (options
 * the field does not have), and text longer than the default text may be, are refused.
 */
export async function setTranslations(
  db: Kysely<Database>,
  kind: TranslatableKind,
  id: string,
  translations: Translations,
): Promise<void> {
  await requireEntity(db, kind, id);
  const bounds = fieldsOf(kind, await optionsOf(db, kind, id));
  const rows: { kind: string; entity_id: string; field: string; locale: string; text: string }[] = [];
  for (const [locale, fields] of Object.entries(translations)) {
    for (const [field, text] of Object.entries(fields ?? {})) {
      // Own fields only: a field called "toString" is no field.
      const maxLength = Object.hasOwn(bounds, field) ? bounds[field] : undefined;
      if (maxLength === undefined)
        throw new AppError("validation_failed", `There is no field “${field}” to translate.`);
      if (text.length > maxLength) {
        throw new AppError("validation_failed", `Keep the translation under ${maxLength} characters.`);
      }
      if (text) rows.push({ kind, entity_id: id, field, locale, text });
    }
  }
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("content_translations").where("kind", "=", kind).where("entity_id", "=", id).execute();
    if (rows.length) await trx.insertInto("content_translations").values(rows).execute();
  });
}
