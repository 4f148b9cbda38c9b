/**
 * Admin-entered text given per language (issue 20): which kinds of things have translatable text, which of
 * their fields, and how long each may be (the same bounds as the default text's own input schema).
 */
import { z } from "zod";
import { shippedLocales } from "./locales.ts";

export const translatableFields = {
  category: { name: 120, description: 500 },
  service: { name: 120, summary: 300, description: 20_000, requestLabel: 40 },
  "ticket-type": { name: 120, description: 500 },
  "ticket-field": { label: 120, helpText: 500 },
  status: { customerLabel: 60 },
  "withdraw-reason": { label: 120 },
  /** A reason a requester may give for a Bad rating, on the survey page. */
  "satisfaction-reason": { label: 120 },
  /** A Help Centre category or section (a section is a category with a parent). */
  "kb-category": { name: 120, description: 500 },
} as const satisfies Record<string, Record<string, number>>;

export type TranslatableKind = keyof typeof translatableFields;
export type TranslatableField<K extends TranslatableKind> = keyof (typeof translatableFields)[K] & string;
export const translatableKinds = Object.keys(translatableFields) as TranslatableKind[];

/**
 * A choice field's options are translated with the field: each option's label in a language is stored as a
 * field of the ticket field named `option:` and the option's value, which stays what a ticket stores. The
 * label may be as long as the value may be.
 */
export const optionPrefix = "option:";
export const optionMaxLength = 120;
export const optionField = (value: string) => `${optionPrefix}${value}`;

export const translationParamsSchema = z.object({
  kind: z.enum(translatableKinds as [TranslatableKind, ...TranslatableKind[]]),
  id: z.uuid(),
});

/**
 * `{ de: { name: "Laptop bestellen" } }`: per shipped language, per field, the text; a missing one falls back.
 * A choice field's option labels come as fields too: `{ de: { label: "Gerät", "option:Laptop": "Notebook" } }`.
 */
export const translationsSchema = z.partialRecord(
  z.enum(shippedLocales),
  z.record(z.string().max(optionPrefix.length + optionMaxLength), z.string().trim().max(20_000)),
);
export type Translations = z.infer<typeof translationsSchema>;

export const translationsResponseSchema = z.object({
  kind: translationParamsSchema.shape.kind,
  id: z.string(),
  fields: z.array(z.object({ field: z.string(), maxLength: z.number().int() })),
  /** A choice field's options (their stored values), each translatable as `option:<value>`; none for other kinds. */
  options: z.array(z.string()),
  translations: translationsSchema,
});
export type TranslationsResponse = z.infer<typeof translationsResponseSchema>;
