import {
  Alert,
  Badge,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
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
import { ApiError } from "../api/client.ts";
import {
  useAutomationRules,
  useAutomationRuns,
  useDeleteAutomationRule,
  useSaveAutomationRule,
} from "../api/service-levels.ts";
import { Dialog } from "../ui/Dialog.tsx";
import { fieldErrors } from "../ui/form-errors.ts";
import { formatDateTime } from "../ui/format.ts";
import { QueryView } from "../ui/QueryView.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { ConfirmDelete } from "./ConfirmDelete.tsx";
import { RowActions } from "./RowActions.tsx";

type Option = { value: string; label: string };

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
      : `A ticket has been ${rule.statusCategory ? statusCategoryLabels[rule.statusCategory].split(":")[0]?.toLowerCase() : "?"} for ${rule.afterBusinessDays} business days`;
  const actions = [
    rule.actions.groupId ? `assign to ${name(groups, rule.actions.groupId)}` : "",
    rule.actions.priority ? `set priority ${priorityLabels[rule.actions.priority]}` : "",
    rule.actions.remindRequester ? "remind the requester" : "",
  ].filter(Boolean);
  return { when: conditions.length ? `${when}, with ${conditions.join(" and ")}` : when, actions: actions.join(", ") };
}

export function AutomationScene() {
  useDocumentTitle("Triggers and time rules");
  const rules = useAutomationRules();
  const runs = useAutomationRuns();
  const groups = useGroups();
  const services = useAdminServices();
  const remove = useDeleteAutomationRule();
  const [edit, setEdit] = useState<{ rule: AutomationRule | null } | null>(null);
  const [deleting, setDeleting] = useState<AutomationRule | null>(null);
  const groupOptions = (groups.data?.groups ?? []).map((g) => ({ value: g.id, label: g.name }));
  const serviceOptions = (services.data?.services ?? []).map((s) => ({ value: s.id, label: s.name }));
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>Triggers and time rules</Title>
        <Button onClick={() => setEdit({ rule: null })}>New rule</Button>
      </Group>
      <Text>
        Triggers act when a ticket is created; time rules when a ticket has waited some business days in a status. Each
        acts once per ticket and occasion, and every action is logged below and on the ticket.
      </Text>
      <QueryView query={rules} loading="Loading rules">
        {(data) => (
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={760} type="native">
              <Table aria-label="Rules" verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    {["Rule", "When", "Then", "Actions"].map((h) => (
                      <Table.Th key={h} scope="col">
                        {h}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.rules.map((r) => {
                    const described = describeRule(r, groupOptions, serviceOptions);
                    return (
                      <Table.Tr key={r.id}>
                        <Table.Td>
                          <Group gap="xs">
                            {r.name}
                            {!r.active && (
                              <Badge variant="light" color="gray">
                                Off
                              </Badge>
                            )}
                          </Group>
                        </Table.Td>
                        <Table.Td>{described.when}</Table.Td>
                        <Table.Td>{described.actions}</Table.Td>
                        <Table.Td>
                          <RowActions
                            name={r.name}
                            onEdit={() => setEdit({ rule: r })}
                            onDelete={() => setDeleting(r)}
                          />
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
      </QueryView>
      <Title order={2} size="h3">
        What ran
      </Title>
      <QueryView query={runs} loading="Loading the log">
        {(data) =>
          data.runs.length === 0 ? (
            <Text>No rule has acted yet.</Text>
          ) : (
            <Paper withBorder radius="md">
              <Table aria-label="Automation log" verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    {["When", "Rule", "Ticket", "What it did"].map((h) => (
                      <Table.Th key={h} scope="col">
                        {h}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.runs.map((run) => (
                    <Table.Tr key={run.id}>
                      <Table.Td>
                        <time dateTime={run.ranAt}>{formatDateTime(run.ranAt)}</time>
                      </Table.Td>
                      <Table.Td>{run.rule}</Table.Td>
                      <Table.Td>#{run.ticketNumber}</Table.Td>
                      <Table.Td>{run.summary}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          )
        }
      </QueryView>
      <Dialog
        opened={edit !== null}
        onClose={() => setEdit(null)}
        title={edit?.rule ? `Edit ${edit.rule.name}` : "New rule"}
        size="lg"
      >
        {edit && (
          <RuleForm
            key={edit.rule?.id ?? "new"}
            rule={edit.rule}
            groups={groupOptions}
            services={serviceOptions}
            onDone={() => setEdit(null)}
          />
        )}
      </Dialog>
      <ConfirmDelete
        title={`Delete rule ${deleting?.name ?? ""}?`}
        body="Its log entries go with it; what it did stays in the tickets' history."
        mutation={remove}
        id={deleting?.id ?? null}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}

function RuleForm({
  rule,
  groups,
  services,
  onDone,
}: {
  rule: AutomationRule | null;
  groups: Option[];
  services: Option[];
  onDone: () => void;
}) {
  const save = useSaveAutomationRule();
  const form = useForm<AutomationRuleInput>({
    initialValues: {
      name: rule?.name ?? "",
      kind: rule?.kind ?? "trigger",
      active: rule?.active ?? true,
      position: rule?.position ?? 0,
      conditions: rule?.conditions ?? { priorities: [], serviceIds: [], organizationIds: [], ticketTypeIds: [] },
      statusCategory: rule?.statusCategory ?? null,
      afterBusinessDays: rule?.afterBusinessDays ?? null,
      actions: rule?.actions ?? { groupId: null, priority: null, remindRequester: false },
    },
    validate: (values) => fieldErrors(automationRuleInputSchema, values),
  });
  const timed = form.values.kind === "time_rule";
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        save.mutate(
          { ...(rule ? { id: rule.id } : {}), ...values },
          {
            onSuccess: onDone,
            onError: (error) => {
              if (error instanceof ApiError) form.setErrors(error.fields);
            },
          },
        ),
      )}
    >
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
        <Switch label="Active" {...form.getInputProps("active", { type: "checkbox" })} />
        {save.isError && !(save.error instanceof ApiError && Object.keys(save.error.fields).length) && (
          <Alert color="red">{save.error.message}</Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            Save rule
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
