import { Button, Group, MultiSelect, NumberInput, Paper, Stack, Switch, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { satisfactionReasonsCollection } from "../../common/admin-collections.ts";
import { type SatisfactionSettings, satisfactionSettingsSchema } from "../../common/satisfaction.ts";
import { useGroups } from "../api/admin.ts";
import { useAdminServices } from "../api/catalog-admin.ts";
import { useSatisfactionSettings, useSaveSatisfactionSettings } from "../api/satisfaction.ts";
import { useT } from "../i18n/use-t.ts";
import { Form } from "../ui/Form.tsx";
import { FormAlert } from "../ui/FormAlert.tsx";
import { fieldErrors } from "../ui/form-errors.ts";
import { QueryView } from "../ui/QueryView.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { AdminCollectionSection } from "./AdminCollectionPage.tsx";
import { NameForm } from "./NameForm.tsx";
import { TranslationsButton } from "./TranslationsDialog.tsx";

const settingsFields = ["enabled", "delayMinutes", "excludedGroupIds", "excludedServiceIds"];

/** Admin → Satisfaction surveys: whether and when surveys go out, who never sends them, and the Bad reasons. */
export function SatisfactionScene() {
  const t = useT();
  useDocumentTitle(t("admin.satisfaction.title"));
  const reasonField = { key: "label", label: t("admin.withdrawReasons.reason") } as const;
  const settings = useSatisfactionSettings();
  return (
    <Stack gap="md">
      <Title order={1}>{t("admin.satisfaction.title")}</Title>
      <Text>{t("admin.satisfaction.intro")}</Text>
      <QueryView query={settings} loading={t("admin.satisfaction.loading")}>
        {(data) => <SettingsForm initial={data} />}
      </QueryView>
      <AdminCollectionSection
        collection={satisfactionReasonsCollection}
        intro={t("admin.satisfaction.reasonsIntro")}
        empty={t("admin.satisfaction.reasonsEmpty")}
        columns={[{ header: t("admin.withdrawReasons.reason"), cell: (r) => r.label }]}
        name={(r) => r.label}
        moreActions={(r) => <TranslationsButton kind="satisfaction-reason" id={r.id} name={r.label} defaults={r} />}
        form={(p) => (
          <NameForm
            {...p}
            field={reasonField}
            initial={p.item?.label ?? ""}
            toInput={(label) => ({ label, position: p.item ? p.items.indexOf(p.item) : p.items.length })}
          />
        )}
        confirmDelete={{
          title: (r) => t("admin.withdrawReasons.removeTitle", { name: r.label }),
          body: t("admin.satisfaction.removeBody"),
          action: t("admin.withdrawReasons.remove"),
        }}
      />
    </Stack>
  );
}

function SettingsForm({ initial }: { initial: SatisfactionSettings }) {
  const t = useT();
  const save = useSaveSatisfactionSettings();
  const groups = (useGroups().data?.groups ?? []).map((g) => ({ value: g.id, label: g.name }));
  const services = (useAdminServices().data?.services ?? []).map((s) => ({ value: s.id, label: s.name }));
  const form = useForm<SatisfactionSettings>({
    initialValues: initial,
    validate: (values) => fieldErrors(satisfactionSettingsSchema, values),
  });
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="survey-settings">
      <Form
        noValidate
        onSubmit={form.onSubmit((values) =>
          save.mutate(values, { onError: () => undefined, onSuccess: () => form.resetDirty(values) }),
        )}
      >
        <Stack gap="sm">
          <Title order={2} size="h3" id="survey-settings">
            {t("admin.satisfaction.settings")}
          </Title>
          <Switch label={t("admin.satisfaction.enabled")} {...form.getInputProps("enabled", { type: "checkbox" })} />
          <NumberInput
            label={t("admin.satisfaction.delay")}
            description={t("admin.satisfaction.delayHint")}
            min={0}
            {...form.getInputProps("delayMinutes")}
          />
          <MultiSelect
            label={t("admin.satisfaction.excludedGroups")}
            data={groups}
            searchable
            {...form.getInputProps("excludedGroupIds")}
          />
          <MultiSelect
            label={t("admin.satisfaction.excludedServices")}
            data={services}
            searchable
            {...form.getInputProps("excludedServiceIds")}
          />
          <FormAlert error={save.error} shown={settingsFields} />
          {save.isSuccess && !form.isDirty() && (
            <Text role="status" size="sm">
              {t("admin.languages.saved")}
            </Text>
          )}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t("admin.satisfaction.save")}
            </Button>
          </Group>
        </Stack>
      </Form>
    </Paper>
  );
}
