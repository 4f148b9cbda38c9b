import { Button, Group, Stack, Tabs, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import type { TranslatableKind, Translations } from "../../common/content-translations.ts";
import { localeNames, shippedLocales } from "../../common/locales.ts";
import { useSaveTranslations, useTranslations } from "../api/translations.ts";
import { type Translate, useT } from "../i18n/use-t.ts";
import { Dialog } from "../ui/Dialog.tsx";
import { Form } from "../ui/Form.tsx";
import { FormAlert } from "../ui/FormAlert.tsx";
import { QueryView } from "../ui/QueryView.tsx";
import { OptionTranslations } from "./OptionTranslations.tsx";

/** What each translatable field is called on the form (the API names them as the entity's own input does). */
function fieldLabel(t: Translate, field: string): string {
  const labels: Record<string, string> = {
    name: t("admin.translations.field.name"),
    summary: t("admin.translations.field.summary"),
    description: t("admin.translations.field.description"),
    requestLabel: t("admin.translations.field.requestLabel"),
    label: t("admin.translations.field.label"),
    helpText: t("admin.translations.field.helpText"),
    customerLabel: t("admin.translations.field.customerLabel"),
  };
  return labels[field] ?? field;
}
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
  const t = useT();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button
        size="xs"
        variant="default"
        aria-label={t("admin.translations.of", { name })}
        onClick={() => setOpened(true)}
      >
        {t("admin.translations.button")}
      </Button>
      <Dialog opened={opened} onClose={() => setOpened(false)} title={t("admin.translations.of", { name })} size="lg">
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
  const t = useT();
  const query = useTranslations(kind, id, true);
  return (
    <QueryView query={query} loading={t("admin.translations.loading")}>
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
  const t = useT();
  const [values, setValues] = useState<Translations>(initial);
  const save = useSaveTranslations(kind, id);
  const set = (locale: (typeof shippedLocales)[number], field: string, text: string) =>
    setValues((v) => ({ ...v, [locale]: { ...v[locale], [field]: text } }));

  return (
    <Form
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
                    label: t("admin.translations.fieldIn", {
                      field: fieldLabel(t, field),
                      language: localeNames[locale],
                    }),
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
            {t("admin.dialog.cancel")}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t("admin.translations.save")}
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}
