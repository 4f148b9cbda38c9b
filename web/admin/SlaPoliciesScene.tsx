import {
  Alert,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { slaPoliciesCollection } from "../../common/admin-collections.ts";
import { type SlaPolicy, type SlaPolicyInput, slaPolicyInputSchema } from "../../common/service-levels.ts";
import { type Priority, priorities } from "../../common/tickets.ts";
import { useOrganizations } from "../api/admin.ts";
import { useAdminServices, useTicketTypes } from "../api/catalog-admin.ts";
import { useCalendars, useSetStatusPausesClock, useSlaStatuses } from "../api/service-levels.ts";
import { useT } from "../i18n/use-t.ts";
import { Form } from "../ui/Form.tsx";
import { FormAlert } from "../ui/FormAlert.tsx";
import { fieldErrors } from "../ui/form-errors.ts";
import { QueryView } from "../ui/QueryView.tsx";
import { AdminCollectionPage, type CollectionFormProps } from "./AdminCollectionPage.tsx";

type Translate = ReturnType<typeof useT>;

/** "90 minutes" reads better as "1 h 30 min"; "2880 minutes" as "48 h". */
function formatMinutes(t: Translate, minutes: number | null): string {
  if (minutes === null) return t("admin.sla.none");
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? t("admin.jobs.hours", { count: h }) : "", m ? t("admin.jobs.minutes", { count: m }) : ""]
    .filter(Boolean)
    .join(" ");
}

type Option = { value: string; label: string };

const policyFields = [
  "name",
  "position",
  "conditions",
  "firstResponseMinutes",
  "resolutionMinutes",
  "businessTime",
  "calendarId",
];

function useConditionOptions() {
  const t = useT();
  const priorityLabels: Record<Priority, string> = {
    low: t("portal.priority.low"),
    medium: t("portal.priority.medium"),
    high: t("portal.priority.high"),
    urgent: t("portal.priority.urgent"),
  };
  const services = useAdminServices();
  const organizations = useOrganizations();
  const types = useTicketTypes();
  return {
    priorities: priorities.map((p) => ({ value: p, label: priorityLabels[p] })),
    services: (services.data?.services ?? []).map((s) => ({ value: s.id, label: s.name })),
    organizations: (organizations.data?.organizations ?? []).map((o) => ({ value: o.id, label: o.name })),
    types: (types.data?.ticketTypes ?? []).map((type) => ({ value: type.id, label: type.name })),
  };
}

function conditionSummary(t: Translate, policy: SlaPolicy, options: ReturnType<typeof useConditionOptions>): string {
  // "Low or High": any of them.
  const names = (ids: string[], list: Option[]) =>
    ids
      .map((id) => list.find((o) => o.value === id)?.label ?? "?")
      .reduce((a, b) => t("admin.sla.summary.or", { a, b }));
  const { priorities, serviceIds, organizationIds, ticketTypeIds } = policy.conditions;
  const parts = [
    priorities.length ? t("admin.sla.summary.priority", { names: names(priorities, options.priorities) }) : "",
    serviceIds.length ? t("admin.sla.summary.service", { names: names(serviceIds, options.services) }) : "",
    organizationIds.length
      ? t("admin.sla.summary.organization", { names: names(organizationIds, options.organizations) })
      : "",
    ticketTypeIds.length ? t("admin.sla.summary.type", { names: names(ticketTypeIds, options.types) }) : "",
  ].filter(Boolean);
  // Every condition must hold.
  return parts.length ? parts.reduce((a, b) => t("admin.sla.summary.and", { a, b })) : t("admin.sla.summary.every");
}

export function SlaPoliciesScene() {
  const t = useT();
  const calendars = useCalendars().data?.calendars ?? [];
  const options = useConditionOptions();
  const calendarName = (id: string | null) =>
    id ? (calendars.find((c) => c.id === id)?.name ?? "?") : t("admin.sla.groupsOrDefault");
  return (
    <AdminCollectionPage
      collection={slaPoliciesCollection}
      intro={t("admin.sla.intro")}
      minWidth={860}
      tableLabel={t("admin.slaPolicies.title")}
      columns={[
        { header: t("admin.sla.policy"), cell: (p) => p.name },
        { header: t("admin.sla.appliesTo"), cell: (p) => conditionSummary(t, p, options) },
        { header: t("admin.sla.firstResponse"), cell: (p) => formatMinutes(t, p.firstResponseMinutes) },
        { header: t("admin.sla.resolution"), cell: (p) => formatMinutes(t, p.resolutionMinutes) },
        {
          header: t("admin.sla.counts"),
          cell: (p) =>
            p.businessTime
              ? t("admin.sla.businessHoursOf", { calendar: calendarName(p.calendarId) })
              : t("admin.sla.aroundTheClock"),
        },
      ]}
      name={(p) => p.name}
      dialogSize="lg"
      form={(p) => (
        <PolicyForm {...p} options={options} calendars={calendars.map((c) => ({ value: c.id, label: c.name }))} />
      )}
      confirmDelete={{
        title: (p) => t("admin.sla.deleteTitle", { name: p.name }),
        body: t("admin.sla.deleteBody"),
      }}
    >
      <PausingStatuses />
    </AdminCollectionPage>
  );
}

/** Per-status switch: does waiting in this status stop the clock? */
function PausingStatuses() {
  const t = useT();
  const statuses = useSlaStatuses();
  const toggle = useSetStatusPausesClock();
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="pausing-heading">
      <Title order={2} size="h4" id="pausing-heading" mb="xs">
        {t("admin.sla.pausing")}
      </Title>
      <Text size="sm" mb="sm">
        {t("admin.sla.pausingIntro")}
      </Text>
      {toggle.isError && (
        <Alert color="red" mb="sm">
          {toggle.error.message}
        </Alert>
      )}
      <QueryView query={statuses} loading={t("admin.statuses.loading")}>
        {(data) => (
          <Stack gap="xs">
            {data.statuses
              .filter((s) => !["solved", "closed", "cancelled"].includes(s.category))
              .map((s) => (
                <Switch
                  key={s.id}
                  label={s.agentLabel}
                  checked={s.pausesClock}
                  onChange={(e) => toggle.mutate({ id: s.id, pausesClock: e.currentTarget.checked })}
                />
              ))}
          </Stack>
        )}
      </QueryView>
    </Paper>
  );
}

function PolicyForm({
  item: policy,
  submit,
  error,
  pending,
  options,
  calendars,
}: CollectionFormProps<typeof slaPolicyInputSchema, SlaPolicy> & {
  options: ReturnType<typeof useConditionOptions>;
  calendars: Option[];
}) {
  const t = useT();
  const form = useForm<SlaPolicyInput>({
    initialValues: {
      name: policy?.name ?? "",
      position: policy?.position ?? 0,
      conditions: policy?.conditions ?? { priorities: [], serviceIds: [], organizationIds: [], ticketTypeIds: [] },
      firstResponseMinutes: policy?.firstResponseMinutes ?? null,
      resolutionMinutes: policy?.resolutionMinutes ?? null,
      businessTime: policy?.businessTime ?? false,
      calendarId: policy?.calendarId ?? null,
    },
    validate: (values) => fieldErrors(slaPolicyInputSchema, values),
  });
  const minutesProps = (field: "firstResponseMinutes" | "resolutionMinutes") => {
    const props = form.getInputProps(field);
    return {
      ...props,
      value: form.values[field] ?? "",
      onChange: (value: string | number) => form.setFieldValue(field, value === "" ? null : Number(value)),
    };
  };
  return (
    <Form noValidate onSubmit={form.onSubmit((values) => submit(values, form.setErrors))}>
      <Stack gap="sm">
        <TextInput label={t("admin.form.name")} data-autofocus {...form.getInputProps("name")} />
        <NumberInput
          label={t("admin.statuses.position")}
          description={t("admin.sla.positionHint")}
          min={0}
          {...form.getInputProps("position")}
        />
        <Text fw={500} size="sm">
          {t("admin.sla.appliesToTickets")}
        </Text>
        <MultiSelect
          label={t("admin.sla.priority")}
          data={options.priorities}
          {...form.getInputProps("conditions.priorities")}
        />
        <MultiSelect
          label={t("admin.sla.service")}
          data={options.services}
          searchable
          {...form.getInputProps("conditions.serviceIds")}
        />
        <MultiSelect
          label={t("admin.sla.organization")}
          data={options.organizations}
          searchable
          {...form.getInputProps("conditions.organizationIds")}
        />
        <MultiSelect
          label={t("admin.services.ticketType")}
          data={options.types}
          {...form.getInputProps("conditions.ticketTypeIds")}
        />
        <NumberInput
          label={t("admin.sla.firstResponseWithin")}
          description={t("admin.sla.noTargetHint")}
          min={1}
          {...minutesProps("firstResponseMinutes")}
        />
        <NumberInput
          label={t("admin.sla.resolutionWithin")}
          description={t("admin.sla.noTargetHint")}
          min={1}
          {...minutesProps("resolutionMinutes")}
        />
        <Switch
          label={t("admin.sla.businessOnly")}
          description={t("admin.sla.businessOnlyHint")}
          {...form.getInputProps("businessTime", { type: "checkbox" })}
        />
        <Select
          label={t("admin.sla.calendar")}
          description={t("admin.sla.calendarHint")}
          clearable
          data={calendars}
          disabled={!form.values.businessTime}
          {...form.getInputProps("calendarId")}
        />
        <FormAlert error={error} shown={policyFields} />
        <Group justify="flex-end">
          <Button type="submit" loading={pending}>
            {t("admin.sla.save")}
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}
