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
import { priorities, priorityLabels } from "../../common/tickets.ts";
import { useOrganizations } from "../api/admin.ts";
import { useAdminServices, useTicketTypes } from "../api/catalog-admin.ts";
import { useCalendars, useSetStatusPausesClock, useSlaStatuses } from "../api/service-levels.ts";
import { FormAlert } from "../ui/FormAlert.tsx";
import { fieldErrors } from "../ui/form-errors.ts";
import { QueryView } from "../ui/QueryView.tsx";
import { AdminCollectionPage, type CollectionFormProps } from "./AdminCollectionPage.tsx";

/** "90 minutes" reads better as "1 h 30 min"; "2880 minutes" as "48 h". */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return "None";
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? `${h} h` : "", m ? `${m} min` : ""].filter(Boolean).join(" ");
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
  const services = useAdminServices();
  const organizations = useOrganizations();
  const types = useTicketTypes();
  return {
    priorities: priorities.map((p) => ({ value: p, label: priorityLabels[p] })),
    services: (services.data?.services ?? []).map((s) => ({ value: s.id, label: s.name })),
    organizations: (organizations.data?.organizations ?? []).map((o) => ({ value: o.id, label: o.name })),
    types: (types.data?.ticketTypes ?? []).map((t) => ({ value: t.id, label: t.name })),
  };
}

function conditionSummary(policy: SlaPolicy, options: ReturnType<typeof useConditionOptions>): string {
  const names = (ids: string[], list: Option[]) => ids.map((id) => list.find((o) => o.value === id)?.label ?? "?");
  const parts = [
    policy.conditions.priorities.length
      ? `Priority ${names(policy.conditions.priorities, options.priorities).join(" or ")}`
      : "",
    policy.conditions.serviceIds.length
      ? `Service ${names(policy.conditions.serviceIds, options.services).join(" or ")}`
      : "",
    policy.conditions.organizationIds.length
      ? `Organization ${names(policy.conditions.organizationIds, options.organizations).join(" or ")}`
      : "",
    policy.conditions.ticketTypeIds.length
      ? `Type ${names(policy.conditions.ticketTypeIds, options.types).join(" or ")}`
      : "",
  ].filter(Boolean);
  return parts.length ? parts.join(", and ") : "Every ticket";
}

export function SlaPoliciesScene() {
  const calendars = useCalendars().data?.calendars ?? [];
  const options = useConditionOptions();
  const calendarName = (id: string | null) =>
    id ? (calendars.find((c) => c.id === id)?.name ?? "?") : "Group's or default";
  return (
    <AdminCollectionPage
      collection={slaPoliciesCollection}
      intro="A new ticket gets the targets of the first policy, in this order, whose conditions it meets. Targets already set stay when you change a policy; they follow when a ticket's priority changes."
      minWidth={860}
      tableLabel="SLA policies"
      columns={[
        { header: "Policy", cell: (p) => p.name },
        { header: "Applies to", cell: (p) => conditionSummary(p, options) },
        { header: "First response", cell: (p) => formatMinutes(p.firstResponseMinutes) },
        { header: "Resolution", cell: (p) => formatMinutes(p.resolutionMinutes) },
        {
          header: "Counts",
          cell: (p) => (p.businessTime ? `Business hours (${calendarName(p.calendarId)})` : "Around the clock"),
        },
      ]}
      name={(p) => p.name}
      dialogSize="lg"
      form={(p) => (
        <PolicyForm {...p} options={options} calendars={calendars.map((c) => ({ value: c.id, label: c.name }))} />
      )}
      confirmDelete={{
        title: (p) => `Delete policy ${p.name}?`,
        body: "Tickets keep the targets it gave them; new tickets get the next matching policy.",
      }}
    >
      <PausingStatuses />
    </AdminCollectionPage>
  );
}

/** Per-status switch: does waiting in this status stop the clock? */
function PausingStatuses() {
  const statuses = useSlaStatuses();
  const toggle = useSetStatusPausesClock();
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="pausing-heading">
      <Title order={2} size="h4" id="pausing-heading" mb="xs">
        Statuses that pause the clock
      </Title>
      <Text size="sm" mb="sm">
        Time in these statuses does not count against the targets. Solved, closed and withdrawn tickets always stop it.
      </Text>
      {toggle.isError && (
        <Alert color="red" mb="sm">
          {toggle.error.message}
        </Alert>
      )}
      <QueryView query={statuses} loading="Loading statuses">
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
    <form noValidate onSubmit={form.onSubmit((values) => submit(values, form.setErrors))}>
      <Stack gap="sm">
        <TextInput label="Name" data-autofocus {...form.getInputProps("name")} />
        <NumberInput
          label="Position"
          description="Policies are tried from the lowest."
          min={0}
          {...form.getInputProps("position")}
        />
        <Text fw={500} size="sm">
          Applies to tickets with (leave a list empty for any)
        </Text>
        <MultiSelect label="Priority" data={options.priorities} {...form.getInputProps("conditions.priorities")} />
        <MultiSelect
          label="Service"
          data={options.services}
          searchable
          {...form.getInputProps("conditions.serviceIds")}
        />
        <MultiSelect
          label="Organization"
          data={options.organizations}
          searchable
          {...form.getInputProps("conditions.organizationIds")}
        />
        <MultiSelect label="Ticket type" data={options.types} {...form.getInputProps("conditions.ticketTypeIds")} />
        <NumberInput
          label="First response within (minutes)"
          description="Empty for no target."
          min={1}
          {...minutesProps("firstResponseMinutes")}
        />
        <NumberInput
          label="Resolution within (minutes)"
          description="Empty for no target."
          min={1}
          {...minutesProps("resolutionMinutes")}
        />
        <Switch
          label="Count business hours only"
          description="Off: targets count around the clock."
          {...form.getInputProps("businessTime", { type: "checkbox" })}
        />
        <Select
          label="Calendar"
          description="Empty: the ticket's group calendar, or the default one."
          clearable
          data={calendars}
          disabled={!form.values.businessTime}
          {...form.getInputProps("calendarId")}
        />
        <FormAlert error={error} shown={policyFields} />
        <Group justify="flex-end">
          <Button type="submit" loading={pending}>
            Save policy
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
