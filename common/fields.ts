import { z } from "zod";
import englishValidation from "../locales/en/validation.json" with { type: "json" };

export const fieldTypes = [
  "text",
  "long_text",
  "number",
  "date",
  "email",
  "url",
  "domain",
  "single_select",
  "multi_select",
  "checkbox",
] as const;
export type FieldType = (typeof fieldTypes)[number];

export const fieldTypeLabels: Record<FieldType, string> = {
  text: "Text",
  long_text: "Long text",
  number: "Number",
  date: "Date",
  email: "Email address",
  url: "Web address (URL)",
  domain: "Domain name",
  single_select: "Single choice",
  multi_select: "Multiple choice",
  checkbox: "Checkbox",
};

/** edit: the customer fills it in on the form; read: the customer sees it, agents set it; none: agents only. */
export const customerAccessLevels = ["edit", "read", "none"] as const;
export type CustomerAccess = (typeof customerAccessLevels)[number];

export const fieldDefinitionSchema = z.object({
  id: z.string(),
  key: z.string(),
  label: z.string(),
  helpText: z.string().nullable(),
  type: z.enum(fieldTypes),
  required: z.boolean(),
  /** A choice field's options: the values a ticket stores. */
  options: z.array(z.string()),
  /**
   * Where the reader may be reading another language (the request form): what each option reads as, its
   * label in their language or the value itself. A form shows the label and sends the value.
   */
  optionLabels: z.record(z.string(), z.string()).optional(),
  customerAccess: z.enum(customerAccessLevels),
  position: z.number().int(),
});
export type FieldDefinition = z.infer<typeof fieldDefinitionSchema>;

export type FieldValue = string | number | boolean | string[];

const domainPattern = /^(?=.{1,253}$)(?:(?!-)[a-z0-9-]{1,63}(?<!-)\.)+[a-z]{2,63}$/;

/**
 * The option a choice names: its stored value, or the label it reads as in the reader's language (a form or
 * an API client may send what it showed); anything else is returned as it is, to be refused.
 */
function canonicalOption(field: Pick<FieldDefinition, "options" | "optionLabels">, chosen: string): string {
  if (field.options.includes(chosen) || !field.optionLabels) return chosen;
  return field.options.find((option) => field.optionLabels?.[option] === chosen) ?? chosen;
}

/** The sentences a field's check says (validation.json), each naming the field by its label. */
export type FieldCheckKey = Extract<keyof typeof englishValidation, `validation.field.${string}`>;
/**
 * Says a field check's sentence in the reader's language: the web passes its `t`, the server a translator
 * for the request's language (server/i18n/translator.ts). The label is the field's, as the reader sees it.
 */
export type SayFieldCheck = (key: FieldCheckKey, values: { label: string }) => string;

/** Without a translator: English, straight from the catalog (its field sentences have no argument but the label). */
const inEnglish: SayFieldCheck = (key, { label }) => englishValidation[key].replace("{label}", label);

/** The validation for one field's value, with messages that name the field. */
export function fieldValueSchema(
  field: Pick<FieldDefinition, "label" | "type" | "options" | "optionLabels">,
  t: SayFieldCheck = inEnglish,
): z.ZodType<FieldValue> {
  const named = { label: field.label };
  switch (field.type) {
    case "text":
      return z
        .string({ error: t("validation.field.enter", named) })
        .trim()
        .max(1000, t("validation.field.textTooLong", named));
    case "long_text":
      return z
        .string({ error: t("validation.field.enter", named) })
        .trim()
        .max(20_000, t("validation.field.longTextTooLong", named));
    case "number": {
      const notANumber = t("validation.field.number", named);
      return z.coerce.number({ error: notANumber }).refine(Number.isFinite, notANumber);
    }
    case "date":
      return z.iso.date({ error: t("validation.field.date", named) });
    case "email":
      return z
        .string()
        .trim()
        .max(254)
        .pipe(z.email({ error: t("validation.field.email", named) }));
    case "url":
      return z
        .string()
        .trim()
        .max(2000, t("validation.field.urlTooLong", named))
        .pipe(z.url({ protocol: /^https?$/, error: t("validation.field.url", named) }));
    case "domain":
      return z
        .string({ error: t("validation.field.enter", named) })
        .trim()
        .toLowerCase()
        .regex(domainPattern, t("validation.field.domain", named));
    case "single_select":
      return z
        .string()
        .transform((v) => canonicalOption(field, v))
        .refine((v) => field.options.includes(v), t("validation.field.chooseOption", named));
    case "multi_select":
      return z
        .array(z.string())
        .max(field.options.length)
        .transform((values) => values.map((v) => canonicalOption(field, v)))
        .refine((values) => values.every((v) => field.options.includes(v)), t("validation.field.chooseOptions", named))
        .transform((values) => [...new Set(values)]);
    case "checkbox":
      return z.boolean({ error: t("validation.field.checkbox", named) });
  }
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);
}

/** The most custom fields one request may name: far more than any ticket type has. */
export const maxFieldsSent = 500;

/**
 * The custom fields a request sends, before they are checked against its type (`fieldsSchema`): an object of at
 * most `maxFieldsSent` keys. 50,000 unknown keys (under the body's size limit) took seconds to refuse one by one,
 * holding up every other request meanwhile.
 */
export const fieldsSentSchema = z
  .record(z.string(), z.unknown())
  .refine((fields) => Object.keys(fields).length <= maxFieldsSent, "At most 500 fields can be sent at once.");

/**
 * The schema for the custom fields someone may set: the customer's form
 * (fields with customer access "edit") or the agent's edit form (all). Unknown
 * fields and fields this audience may not set are refused, not ignored.
 */
export function fieldsSchema(fields: FieldDefinition[], audience: "customer" | "agent", t: SayFieldCheck = inEnglish) {
  const settable = fields.filter((f) => audience === "agent" || f.customerAccess === "edit");
  return z.record(z.string(), z.unknown()).transform((input, ctx) => {
    const values: Record<string, FieldValue> = {};
    for (const key of Object.keys(input)) {
      if (!settable.some((f) => f.key === key)) {
        ctx.addIssue({ code: "custom", path: [key], message: "This field cannot be set here." });
      }
    }
    for (const field of settable) {
      const raw = input[field.key];
      if (isEmpty(raw) || (field.type === "checkbox" && raw === false && field.required)) {
        if (field.required) ctx.addIssue({ code: "custom", path: [field.key], message: requiredMessage(field, t) });
        continue;
      }
      const parsed = fieldValueSchema(field, t).safeParse(raw);
      if (parsed.success) values[field.key] = parsed.data;
      else
        ctx.addIssue({ code: "custom", path: [field.key], message: parsed.error.issues[0]?.message ?? "Not valid." });
    }
    return values;
  });
}

function requiredMessage(field: Pick<FieldDefinition, "label" | "type">, t: SayFieldCheck): string {
  const named = { label: field.label };
  if (field.type === "checkbox") return t("validation.field.mustBeChecked", named);
  if (field.type === "single_select" || field.type === "multi_select") return t("validation.field.choose", named);
  return t("validation.field.enter", named);
}
