import { Button, Group, MultiSelect, NumberInput, Paper, Stack, Switch, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { satisfactionReasonsCollection } from "../../common/admin-collections.ts";
import { type SatisfactionSettings, satisfactionSettingsSchema } from "../../common/satisfaction.ts";
import { useGroups } from "../api/admin.ts";
import { useAdminServices } from "../api/catalog-admin.ts";
import { useSatisfactionSettings, useSaveSatisfactionSettings } from "../api/satisfaction.ts";
import { FormAlert } from "../ui/FormAlert.tsx";
import { fieldErrors } from "../ui/form-errors.ts";
import { QueryView } from "../ui/QueryView.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { AdminCollectionSection } from "./AdminCollectionPage.tsx";
import { NameForm } from "./NameForm.tsx";

const reasonField = { key: "label", label: "Reason" } as const;
const settingsFields = ["enabled", "delayMinutes", "excludedGroupIds", "excludedServiceIds"];

/** Admin → Satisfaction surveys: whether and when surveys go out, who never sends them, and the Bad reasons. */
export function SatisfactionScene() {
  useDocumentTitle("Satisfaction surveys");
  const settings = useSatisfactionSettings();
  return (
    <Stack gap="md">
      <Title order={1}>Satisfaction surveys</Title>
      <Text>
        When a ticket is solved, its requester is asked by mail how they would rate the support: Good or Bad, with an
        optional comment and, for Bad, one of the reasons below. Agents see the answer on the ticket and in its Feed; a
        trigger can act on a Bad rating (Admin → Triggers and time rules).
      </Text>
      <QueryView query={settings} loading="Loading the settings">
        {(data) => <SettingsForm initial={data} />}
      </QueryView>
      <AdminCollectionSection
        collection={satisfactionReasonsCollection}
        intro="Requesters who rate Bad can choose one of these; the answer keeps the reason's words."
        empty="No reasons: a Bad rating is asked with a comment only."
        columns={[{ header: "Reason", cell: (r) => r.label }]}
        name={(r) => r.label}
        form={(p) => (
          <NameForm
            {...p}
            field={reasonField}
            initial={p.item?.label ?? ""}
            toInput={(label) => ({ label, position: p.item ? p.items.indexOf(p.item) : p.items.length })}
          />
        )}
        confirmDelete={{
          title: (r) => `Remove "${r.label}"?`,
          body: "Ratings already given keep the reason they were given.",
          action: "Remove",
        }}
      />
    </Stack>
  );
}

function SettingsForm({ initial }: { initial: SatisfactionSettings }) {
  const save = useSaveSatisfactionSettings();
  const groups = (useGroups().data?.groups ?? []).map((g) => ({ value: g.id, label: g.name }));
  const services = (useAdminServices().data?.services ?? []).map((s) => ({ value: s.id, label: s.name }));
  const form = useForm<SatisfactionSettings>({
    initialValues: initial,
    validate: (values) => fieldErrors(satisfactionSettingsSchema, values),
  });
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="survey-settings">
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          save.mutate(values, { onError: () => undefined, onSuccess: () => form.resetDirty(values) }),
        )}
      >
        <Stack gap="sm">
          <Title order={2} size="h3" id="survey-settings">
            Settings
          </Title>
          <Switch label="Send satisfaction surveys" {...form.getInputProps("enabled", { type: "checkbox" })} />
          <NumberInput
            label="Delay after solving (minutes)"
            description="The survey goes out this long after a ticket is solved, if it was not reopened meanwhile."
            min={0}
            {...form.getInputProps("delayMinutes")}
          />
          <MultiSelect
            label="No surveys for these groups"
            data={groups}
            searchable
            {...form.getInputProps("excludedGroupIds")}
          />
          <MultiSelect
            label="No surveys for these services"
            data={services}
            searchable
            {...form.getInputProps("excludedServiceIds")}
          />
          <FormAlert error={save.error} shown={settingsFields} />
          {save.isSuccess && !form.isDirty() && (
            <Text role="status" size="sm">
              Saved.
            </Text>
          )}
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save settings
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
