import { Button, Group, NativeSelect, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { isLocale, type Locale, localeNames, shippedLocales } from "../../common/locales.ts";
import { useSetDefaultLocale } from "../api/locale-settings.ts";
import { useLocaleState } from "../i18n/LocaleProvider.tsx";
import { useT } from "../i18n/use-t.ts";
import { Form } from "../ui/Form.tsx";
import { FormAlert } from "../ui/FormAlert.tsx";
import { QueryView } from "../ui/QueryView.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";

/** Admin → Languages: the help desk's default language, for visitors who have not chosen one. */
export function LanguagesScene() {
  const t = useT();
  useDocumentTitle(t("admin.languages.title"));
  const state = useLocaleState();
  return (
    <Stack gap="md">
      <Title order={1}>{t("admin.languages.title")}</Title>
      <Text>{t("admin.languages.intro")}</Text>
      <QueryView query={state} loading={t("admin.languages.loading")}>
        {(data) => <DefaultLocaleForm initial={data.defaultLocale} />}
      </QueryView>
    </Stack>
  );
}

function DefaultLocaleForm({ initial }: { initial: Locale }) {
  const t = useT();
  const save = useSetDefaultLocale();
  const [chosen, setChosen] = useState<Locale>(initial);
  // "Saved." stays only while the select shows what was saved.
  const [saved, setSaved] = useState<Locale | null>(null);
  return (
    <Paper withBorder radius="md" p="lg" maw={560}>
      <Form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(chosen, { onError: () => undefined, onSuccess: () => setSaved(chosen) });
        }}
      >
        <Stack gap="sm">
          <NativeSelect
            label={t("admin.languages.default")}
            description={t("admin.languages.defaultHint")}
            // Each language is named in itself, as in the portal's switcher: whoever reads it finds their own.
            data={shippedLocales.map((l) => ({ value: l, label: localeNames[l] }))}
            value={chosen}
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (isLocale(value)) setChosen(value);
            }}
          />
          <FormAlert error={save.error} shown={["locale"]} />
          {saved === chosen && (
            <Text role="status" size="sm">
              {t("admin.languages.saved")}
            </Text>
          )}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t("admin.languages.save")}
            </Button>
          </Group>
        </Stack>
      </Form>
    </Paper>
  );
}
