import { Fieldset, Stack, Text, TextInput } from "@mantine/core";
import { optionField, optionMaxLength } from "../../common/content-translations.ts";
import { type Locale, localeNames } from "../../common/locales.ts";
import { useT } from "../i18n/use-t.ts";

/**
 * The labels of a choice field's options in one language, inside that language's tab of the Translations
 * dialog. Each option shows its own value as the placeholder: an empty label means the option reads as itself.
 */
export function OptionTranslations({
  locale,
  options,
  values,
  onChange,
}: {
  locale: Locale;
  /** The options' stored values (none for other kinds, and then nothing is shown). */
  options: string[];
  /** This language's translations of the field, where an option's label is under `option:<value>`. */
  values: Record<string, string> | undefined;
  onChange: (field: string, text: string) => void;
}) {
  const t = useT();
  if (!options.length) return null;
  return (
    <Fieldset legend={t("admin.fields.optionLabels.legend")} variant="unstyled">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t("admin.fields.optionLabels.hint")}
        </Text>
        {options.map((option) => (
          <TextInput
            key={option}
            label={t("admin.fields.optionLabels.label", { option, language: localeNames[locale] })}
            value={values?.[optionField(option)] ?? ""}
            placeholder={option}
            maxLength={optionMaxLength}
            lang={locale}
            onChange={(e) => onChange(optionField(option), e.currentTarget.value)}
          />
        ))}
      </Stack>
    </Fieldset>
  );
}
