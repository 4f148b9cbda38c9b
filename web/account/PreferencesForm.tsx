import { Alert, Button, NativeSelect, Select, Stack, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMemo, useState } from "react";
import { defaultLocale, isLocale, type Locale, localeNames, shippedLocales } from "../../common/locales.ts";
import { useSavePreferences } from "../api/accounts.ts";
import { ApiError } from "../api/client.ts";
import { useLocaleState } from "../i18n/LocaleProvider.tsx";
import { useT } from "../i18n/use-t.ts";
import { Form } from "../ui/Form.tsx";
import { FormAlert } from "../ui/FormAlert.tsx";
import { formatDateTime } from "../ui/format.ts";
import { browserTimeZone, timeZoneOptions } from "./time-zones.ts";

type Values = { locale: Locale; timeZone: string };

/** The profile's language and time zone; saving switches the whole app to them at once. */
export function PreferencesForm() {
  const t = useT();
  const state = useLocaleState().data;
  const save = useSavePreferences();
  const shown = state?.profileLocale ?? state?.locale;
  const form = useForm<Values>({
    initialValues: {
      locale: isLocale(shown) && (shippedLocales as readonly string[]).includes(shown) ? shown : defaultLocale,
      timeZone: state?.timeZone ?? browserTimeZone(),
    },
  });
  const initialZone = form.getInitialValues().timeZone;
  const zones = useMemo(() => timeZoneOptions([browserTimeZone(), initialZone]), [initialZone]);
  const [zoneSearch, setZoneSearch] = useState("");
  // What the box shows is the chosen zone's label until someone types; a search no label holds says so below
  // the box (not as `nothingFoundMessage`, inside the list, which would then be a list without options).
  const zoneQuery = zoneSearch.trim().toLowerCase();
  const noZone = zoneQuery !== "" && !zones.some((zone) => zone.label.toLowerCase().includes(zoneQuery));

  return (
    <Form
      aria-label={t("account.preferences.title")}
      noValidate
      onSubmit={form.onSubmit((values) =>
        save.mutate(values, {
          onError: (error) => {
            if (error instanceof ApiError) form.setErrors(error.fields);
          },
        }),
      )}
    >
      <Stack gap="md">
        <Title order={2} size="h3">
          {t("account.preferences.title")}
        </Title>
        <NativeSelect
          label={t("account.preferences.language")}
          description={t("account.preferences.languageHint")}
          data={shippedLocales.map((locale) => ({ value: locale, label: localeNames[locale] }))}
          {...form.getInputProps("locale")}
        />
        <Select
          label={t("account.preferences.timeZone")}
          description={noZone ? t("account.preferences.noZone") : t("account.preferences.timeZoneHint")}
          data={zones}
          searchable
          searchValue={zoneSearch}
          onSearchChange={setZoneSearch}
          allowDeselect={false}
          limit={100}
          {...form.getInputProps("timeZone")}
        />
        {save.isSuccess && (
          <Alert color="green" role="status">
            {t("account.preferences.saved", { now: formatDateTime(new Date().toISOString()) })}
          </Alert>
        )}
        <FormAlert error={save.error} shown={["locale", "timeZone"]} title={t("account.preferences.notSaved")} />
        <Button type="submit" loading={save.isPending} style={{ alignSelf: "flex-start" }}>
          {t("account.preferences.save")}
        </Button>
      </Stack>
    </Form>
  );
}
