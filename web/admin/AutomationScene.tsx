import {
  Badge,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { automationRulesCollection } from "../../common/admin-collections.ts";
import {
  type AutomationRule,
  type AutomationRuleInput,
  automationKindLabels,
  automationKinds,
  automationRuleInputSchema,
} from "../../common/automation.ts";
import { statusCategoryLabels } from "../../common/statuses.ts";
import { priorities, priorityLabels, statusCategories } from "../../common/tickets.ts";
import { useGroups } from "../api/admin.ts";
import { useAdminServices } from "../api/catalog-admin.ts";
import { useAutomationRuns } from "../api/service-levels.ts";
import { FormAlert } from "../ui/FormAlert.tsx";
import { fieldErrors } from "../ui/form-errors.ts";
import { formatDateTime } from "../ui/format.ts";
import { QueryView } from "../ui/QueryView.tsx";
import { AdminCollectionPage, AdminTable, type CollectionFormProps } from "./AdminCollectionPage.tsx";

type Option = { value: string; label: string };

const ruleFields = [
  "name",
  "kind",
  "active",
  "position",
  "conditions",
  "statusCategory",
  "afterBusinessDays",
  "actions",
];

function describeRule(rule: AutomationRule, groups: Option[], services: Option[]): { when: string; actions: string } {
  const name = (list: Option[], id: string) => list.find((o) => o.value === id)?.label ?? "?";
  const conditions = [
    rule.conditions.priorities.length
      ? `priority ${rule.conditions.priorities.map((p) => priorityLabels[p]).join(" or ")}`
      : "",
    rule.conditions.serviceIds.length
      ? `service ${rule.conditions.serviceIds.map((id) => name(services, id)).join(" or ")}`
      : "",
  ].filter(Boolean);
  const when =
    rule.kind === "trigger"
      ? "A ticket is created"
      : rule.kind === "satisfaction_bad"
        ? "The requester rates the support Bad"
        : `A ticket has been ${rule.statusCategory ? statusCategoryLabels[rule.statusCategory].split(":")[0]?.toLowerCase() : "?"} for ${rule.afterBusinessDays} business days`;
  const actions = [
    rule.actions.groupId ? `assign to ${name(groups, rule.actions.groupId)}` : "",
    rule.actions.priority ? `set priority ${priorityLabels[rule.actions.priority]}` : "",
    rule.actions.remindRequester ? "remind the requester" : "",
    rule.actions.notifyEmail ? `mail ${rule.actions.notifyEmail}` : "",
    rule.actions.notifyGroupLead ? "mail the group's lead" : "",
  ].filter(Boolean);
  return { when: conditions.length ? `${when}, with ${conditions.join(" and ")}` : when, actions: actions.join(", ") };
}

export function AutomationScene() {
  const runs = useAutomationRuns();
  const groupOptions = (useGroups().data?.groups ?? []).map((g) => ({ value: g.id, label: g.name }));
  const serviceOptions = (useAdminServices().data?.services ?? []).map((s) => ({ value: s.id, label: s.name }));
  return (
    <AdminCollectionPage
      collection={automationRulesCollection}
      intro="Triggers act when a ticket is created or when its requester rates the support Bad; time rules when a ticket has waited some business days in a status. Each acts once per ticket and occasion, and every action is logged below and on the ticket."
      tableLabel="Rules"
      minWidth={760}
      columns={[
        {
          header: "Rule",
          cell: (r) => (
            <Group gap="xs">
              {r.name}
              {!r.active && (
                <Badge variant="light" color="gray">
                  Off
                </Badge>
              )}
            </Group>
          ),
        },
        { header: "When", cell: (r) => describeRule(r, groupOptions, serviceOptions).when },
        { header: "Then", cell: (r) => describeRule(r, groupOptions, serviceOptions).actions },
      ]}
      name={(r) => r.name}
      dialogSize="lg"
      form={(p) => <RuleForm {...p} groups={groupOptions} services={serviceOptions} />}
      confirmDelete={{
        title: (r) => `Delete rule ${r.name}?`,
        body: "Its log entries go with it; what it did stays in the tickets' history.",
      }}
    >
      <Title order={2} size="h3">
        What ran
      </Title>
      <QueryView query={runs} loading="Loading the log">
        {(data) =>
          data.runs.length === 0 ? (
            <Text>No rule has acted yet.</Text>
          ) : (
            <AdminTable
              label="Automation log"
              items={data.runs}
              columns={[
                { header: "When", cell: (run) => <time dateTime={run.ranAt}>{formatDateTime(run.ranAt)}</time> },
                { header: "Rule", cell: (run) => run.rule },
                { header: "Ticket", cell: (run) => `#${run.ticketNumber}` },
                { header: "What it did", cell: (run) => run.summary },
              ]}
            />
          )
        }
      </QueryView>
    </AdminCollectionPage>
  );
}

function RuleForm({
  item: rule,
  submit,
  error,
  pending,
  groups,
  services,
}: CollectionFormProps<typeof automationRuleInputSchema, AutomationRule> & { groups: Option[]; services: Option[] }) {
  const form = useForm<AutomationRuleInput>({
    initialValues: {
      name: rule?.name ?? "",
      kind: rule?.kind ?? "trigger",
      active: rule?.active ?? true,
      position: rule?.position ?? 0,
      conditions: rule?.conditions ?? { priorities: [], serviceIds: [], organizationIds: [], ticketTypeIds: [] },
      statusCategory: rule?.statusCategory ?? null,
      afterBusinessDays: rule?.afterBusinessDays ?? null,
      actions: rule?.actions ?? {
        groupId: null,
        priority: null,
        remindRequester: false,
        notifyEmail: null,
        notifyGroupLead: false,
      },
    },
    validate: (values) => fieldErrors(automationRuleInputSchema, values),
  });
  const timed = form.values.kind === "time_rule";
  return (
    <form noValidate onSubmit={form.onSubmit((values) => submit(values, form.setErrors))}>
      <Stack gap="sm">
        <TextInput label="Name" data-autofocus {...form.getInputProps("name")} />
        <Select
          label="Runs"
          allowDeselect={false}
          data={automationKinds.map((k) => ({ value: k, label: automationKindLabels[k] }))}
          {...form.getInputProps("kind")}
        />
        {timed && (
          <Group grow align="flex-start">
            <Select
              label="Waiting in"
              data={statusCategories.map((c) => ({ value: c, label: statusCategoryLabels[c] }))}
              {...form.getInputProps("statusCategory")}
            />
            <NumberInput
              label="For business days"
              min={1}
              {...form.getInputProps("afterBusinessDays")}
              value={form.values.afterBusinessDays ?? ""}
              onChange={(v) => form.setFieldValue("afterBusinessDays", v === "" ? null : Number(v))}
            />
          </Group>
        )}
        <MultiSelect
          label="Only for priorities"
          description="Empty for any."
          data={priorities.map((p) => ({ value: p, label: priorityLabels[p] }))}
          {...form.getInputProps("conditions.priorities")}
        />
        <MultiSelect
          label="Only for services"
          description="Empty for any."
          data={services}
          searchable
          {...form.getInputProps("conditions.serviceIds")}
        />
        <Select label="Assign to group" clearable data={groups} {...form.getInputProps("actions.groupId")} />
        <Select
          label="Set priority"
          clearable
          data={priorities.map((p) => ({ value: p, label: priorityLabels[p] }))}
          {...form.getInputProps("actions.priority")}
        />
        <Switch
          label="Remind the requester by mail"
          {...form.getInputProps("actions.remindRequester", { type: "checkbox" })}
        />
        <Switch
          label="Mail the group's lead"
          description="The lead of the ticket's group (set on the Groups page), after any group change above."
          {...form.getInputProps("actions.notifyGroupLead", { type: "checkbox" })}
        />
        <TextInput
          label="Mail this address"
          description="Optional: someone else to tell, such as a team list."
          type="email"
          {...form.getInputProps("actions.notifyEmail")}
          value={form.values.actions.notifyEmail ?? ""}
        />
        <Switch label="Active" {...form.getInputProps("active", { type: "checkbox" })} />
        <FormAlert error={error} shown={ruleFields} />
        <Group justify="flex-end">
          <Button type="submit" loading={pending}>
            Save rule
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
