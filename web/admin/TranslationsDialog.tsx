import { Button, Group, Stack, Tabs, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import type { TranslatableKind, Translations } from "../../common/content-translations.ts";
import { localeNames, shippedLocales } from "../../common/locales.ts";
import { useSaveTranslations, useTranslations } from "../api/translations.ts";
import { Dialog } from "../ui/Dialog.tsx";
import { FormAlert } from "../ui/FormAlert.tsx";
import { QueryView } from "../ui/QueryView.tsx";
import { OptionTranslations } from "./OptionTranslations.tsx";

/** What each translatable field is called on the form (the API names them as the entity's own input does). */
const fieldLabels: Record<string, string> = {
  name: "Name",
  summary: "Short description",
  description: "Description",
  requestLabel: "Button label",
  label: "Label",
  helpText: "Help text",
  customerLabel: "Label customers see",
};
/** Fields that take more than a line get a text area. */
const longText = 500;

/**
 * A "Translations" button for one row of an admin list, and the dialog it opens: a tab per shipped
 * language with the entity's translatable fields. An empty field means "show the default text", which
 * the field shows as its placeholder when the row passes it.
 */
export function TranslationsButton({
  kind,
  id,
  name,
  defaults = {},
}: {
  kind: TranslatableKind;
  id: string;
  /** The row's name, for the button's accessible name and the dialog's title. */
  name: string;
  /** The row itself will do: its fields of the same names are the default text. */
  defaults?: Record<string, unknown>;
}) {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button size="xs" variant="default" aria-label={`Translations of ${name}`} onClick={() => setOpened(true)}>
        Translations
      </Button>
      <Dialog opened={opened} onClose={() => setOpened(false)} title={`Translations of ${name}`} size="lg">
        {opened && <TranslationsDialog kind={kind} id={id} defaults={defaults} onDone={() => setOpened(false)} />}
      </Dialog>
    </>
  );
}

export function TranslationsDialog({
  kind,
  id,
  defaults,
  onDone,
}: {
  kind: TranslatableKind;
  id: string;
  defaults: Record<string, unknown>;
  onDone: () => void;
}) {
  const query = useTranslations(kind, id, true);
  return (
    <QueryView query={query} loading="Loading translations">
      {(loaded) => (
        <TranslationsForm
          kind={kind}
          id={id}
          fields={loaded.fields}
          options={loaded.options}
          initial={loaded.translations}
          defaults={defaults}
          onDone={onDone}
        />
      )}
    </QueryView>
  );
}

function TranslationsForm({
  kind,
  id,
  fields,
  options,
  initial,
  defaults,
  onDone,
}: {
  kind: TranslatableKind;
  id: string;
  fields: { field: string; maxLength: number }[];
  options: string[];
  initial: Translations;
  defaults: Record<string, unknown>;
  onDone: () => void;
}) {
  const [values, setValues] = useState<Translations>(initial);
  const save = useSaveTranslations(kind, id);
  const set = (locale: (typeof shippedLocales)[number], field: string, text: string) =>
    setValues((v) => ({ ...v, [locale]: { ...v[locale], [field]: text } }));

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(values, { onSuccess: onDone });
      }}
    >
      <Stack>
        <Tabs defaultValue={shippedLocales[1] ?? shippedLocales[0]}>
          <Tabs.List>
            {shippedLocales.map((locale) => (
              <Tabs.Tab key={locale} value={locale}>
                <span lang={locale}>{localeNames[locale]}</span>
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {shippedLocales.map((locale) => (
            <Tabs.Panel key={locale} value={locale} pt="sm">
              <Stack gap="sm">
                {fields.map(({ field, maxLength }) => {
                  const props = {
                    label: `${fieldLabels[field] ?? field} (${localeNames[locale]})`,
                    value: values[locale]?.[field] ?? "",
                    placeholder: typeof defaults[field] === "string" ? defaults[field] : "",
                    maxLength,
                    // What the admin types is in this language: screen readers and spell checkers follow `lang`.
                    lang: locale,
                    onChange: (e: { currentTarget: { value: string } }) => set(locale, field, e.currentTarget.value),
                  };
                  return maxLength >= longText ? (
                    <Textarea key={field} autosize minRows={2} maxRows={8} {...props} />
                  ) : (
                    <TextInput key={field} {...props} />
                  );
                })}
                <OptionTranslations
                  locale={locale}
                  options={options}
                  values={values[locale]}
                  onChange={(field, text) => set(locale, field, text)}
                />
              </Stack>
            </Tabs.Panel>
          ))}
        </Tabs>
        <FormAlert error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save translations
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
