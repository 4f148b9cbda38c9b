import { Checkbox, MultiSelect, NumberInput, Select, Textarea, TextInput } from "@mantine/core";
import type { FieldDefinition } from "../../common/fields.ts";

type Props = { field: FieldDefinition; value: unknown; error?: string | undefined; onChange: (value: unknown) => void };

/** One custom field of a ticket type, as the right kind of input; the shared schema checks the value. */
export function CustomFieldInput({ field, value, error, onChange }: Props) {
  const common = { label: field.label, description: field.helpText ?? undefined, required: field.required, error };
  const text = typeof value === "string" ? value : "";
  // The reader sees each option's label in their language; the form keeps (and sends) its stored value.
  const options = field.options.map((option) => ({ value: option, label: field.optionLabels?.[option] ?? option }));
  switch (field.type) {
    case "long_text":
      return (
        <Textarea {...common} autosize minRows={3} value={text} onChange={(e) => onChange(e.currentTarget.value)} />
      );
    case "number":
      return (
        <NumberInput
          {...common}
          value={typeof value === "number" ? value : ""}
          onChange={(v) => onChange(v === "" ? undefined : v)}
        />
      );
    case "date":
      return <TextInput {...common} type="date" value={text} onChange={(e) => onChange(e.currentTarget.value)} />;
    case "email":
      return <TextInput {...common} type="email" value={text} onChange={(e) => onChange(e.currentTarget.value)} />;
    case "url":
      return (
        <TextInput
          {...common}
          type="url"
          // Not words: the start of every address, in any language.
          placeholder={"https://"}
          value={text}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case "single_select":
      return (
        <Select {...common} data={options} value={text || null} onChange={(v) => onChange(v ?? undefined)} clearable />
      );
    case "multi_select":
      return <MultiSelect {...common} data={options} value={Array.isArray(value) ? value : []} onChange={onChange} />;
    case "checkbox":
      return (
        <Checkbox
          label={field.label}
          description={field.helpText ?? undefined}
          error={error}
          checked={value === true}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
      );
    default:
      return <TextInput {...common} value={text} onChange={(e) => onChange(e.currentTarget.value)} />;
  }
}
