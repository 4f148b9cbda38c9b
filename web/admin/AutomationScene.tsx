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
  automationKinds,
  automationRuleInputSchema,
} from "../../common/automation.ts";
import { type Priority, priorities, type StatusCategory, statusCategories } from "../../common/tickets.ts";
import { useGroups } from "../api/admin.ts";
import { useAdminServices } from "../api/catalog-admin.ts";
import { useAutomationRuns } from "../api/service-levels.ts";
import { type Translate, useT } from "../i18n/use-t.ts";
import { Form } from "../ui/Form.tsx";
import { FormAlert } from "../ui/FormAlert.tsx";
import { automationOutcomeLine } from "../ui/feed-details.ts";
import { fieldErrors } from "../ui/form-errors.ts";
import { formatDateTime } from "../ui/format.ts";
import { QueryView } from "../ui/QueryView.tsx";
import { AdminCollectionPage, AdminTable, type CollectionFormProps } from "./AdminCollectionPage.tsx";

type Option = { value: string; label: string };
type AutomationKind = (typeof automationKinds)[number];

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

/** "A ticket is created, with priority Low" / "set priority High, mail the group's lead", in the reader's language. */
function describeRule(
  t: Translate,
  rule: AutomationRule,
  labels: RuleLabels,
  groups: Option[],
  services: Option[],
): { when: string; actions: string } {
  const name = (list: Option[], id: string) => list.find((o) => o.value === id)?.label ?? "?";
  // "Low or High": any of them.
  const either = (names: string[]) => names.reduce((a, b) => t("admin.automation.summary.or", { a, b }));
  const conditions = [
    rule.conditions.priorities.length
      ? t("admin.automation.summary.priority", {
          names: either(rule.conditions.priorities.map((p) => labels.priorities[p])),
        })
      : "",
    rule.conditions.serviceIds.length
      ? t("admin.automation.summary.service", {
          names: either(rule.conditions.serviceIds.map((id) => name(services, id))),
        })
      : "",
  ].filter(Boolean);
  const when =
    rule.kind === "trigger"
      ? t("admin.automation.summary.created")
      : rule.kind === "satisfaction_bad"
        ? t("admin.automation.summary.ratedBad")
        : t("admin.automation.summary.waited", {
            // The category's code: the message words each one in its own grammar.
            status: rule.statusCategory ?? "unknown",
            days: rule.afterBusinessDays ?? 0,
          });
  const actions = [
    rule.actions.groupId ? t("admin.automation.summary.assign", { group: name(groups, rule.actions.groupId) }) : "",
    rule.actions.priority
      ? t("admin.automation.summary.setPriority", { priority: labels.priorities[rule.actions.priority] })
      : "",
    rule.actions.remindRequester ? t("admin.automation.summary.remind") : "",
    rule.actions.notifyEmail ? t("admin.automation.summary.mail", { email: rule.actions.notifyEmail }) : "",
    rule.actions.notifyGroupLead ? t("admin.automation.summary.mailLead") : "",
  ].filter(Boolean);
  return {
    when: conditions.length
      ? t("admin.automation.summary.with", {
          when,
          conditions: conditions.reduce((a, b) => t("admin.automation.summary.and", { a, b })),
        })
      : when,
    // Every action is done: "a, b and c", with the language's own commas and conjunction.
    actions: t.intl.formatList(actions, { type: "conjunction" }),
  };
}

type RuleLabels = {
  priorities: Record<Priority, string>;
  kinds: Record<AutomationKind, string>;
  categories: Record<StatusCategory, string>;
};

/** What the form and the table call priorities, kinds and status categories; the stored codes stay as they are. */
function useRuleLabels(): RuleLabels {
  const t = useT();
  return {
    priorities: {
      low: t("portal.priority.low"),
      medium: t("portal.priority.medium"),
      high: t("portal.priority.high"),
      urgent: t("portal.priority.urgent"),
    },
    kinds: {
      trigger: t("admin.automation.kind.trigger"),
      time_rule: t("admin.automation.kind.timeRule"),
      satisfaction_bad: t("admin.automation.kind.satisfactionBad"),
    },
    categories: {
      new: t("admin.statuses.category.new"),
      open: t("admin.statuses.category.open"),
      pending: t("admin.statuses.category.pending"),
      on_hold: t("admin.statuses.category.onHold"),
      solved: t("admin.statuses.category.solved"),
      closed: t("admin.statuses.category.closed"),
      cancelled: t("admin.statuses.category.cancelled"),
    },
  };
}

export function AutomationScene() {
  const t = useT();
  const labels = useRuleLabels();
  const runs = useAutomationRuns();
  const groupOptions = (useGroups().data?.groups ?? []).map((g) => ({ value: g.id, label: g.name }));
  const serviceOptions = (useAdminServices().data?.services ?? []).map((s) => ({ value: s.id, label: s.name }));
  return (
    <AdminCollectionPage
      collection={automationRulesCollection}
      intro={t("admin.automation.intro")}
      tableLabel={t("admin.automation.rules")}
      minWidth={760}
      columns={[
        {
          header: t("admin.automation.rule"),
          cell: (r) => (
            <Group gap="xs">
              {r.name}
              {!r.active && (
                <Badge variant="light" color="gray">
                  {t("admin.automation.off")}
                </Badge>
              )}
            </Group>
          ),
        },
        {
          header: t("admin.automation.when"),
          cell: (r) => describeRule(t, r, labels, groupOptions, serviceOptions).when,
        },
        {
          header: t("admin.automation.then"),
          cell: (r) => describeRule(t, r, labels, groupOptions, serviceOptions).actions,
        },
      ]}
      name={(r) => r.name}
      dialogSize="lg"
      form={(p) => <RuleForm {...p} labels={labels} groups={groupOptions} services={serviceOptions} />}
      confirmDelete={{
        title: (r) => t("admin.automation.deleteTitle", { name: r.name }),
        body: t("admin.automation.deleteBody"),
      }}
    >
      <Title order={2} size="h3">
        {t("admin.automation.log.title")}
      </Title>
      <QueryView query={runs} loading={t("admin.automation.log.loading")}>
        {(data) =>
          data.runs.length === 0 ? (
            <Text>{t("admin.automation.log.empty")}</Text>
          ) : (
            <AdminTable
              label={t("admin.automation.log.label")}
              items={data.runs}
              columns={[
                {
                  header: t("admin.automation.log.when"),
                  cell: (run) => <time dateTime={run.ranAt}>{formatDateTime(run.ranAt)}</time>,
                },
                { header: t("admin.automation.rule"), cell: (run) => run.rule },
                { header: t("admin.automation.log.ticket"), cell: (run) => `#${run.ticketNumber}` },
                {
                  header: t("admin.automation.log.what"),
                  // Runs logged before the outcome was stored as codes have only their English sentence.
                  cell: (run) => (run.outcome ? automationOutcomeLine(run.outcome, t) : run.summary),
                },
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
  labels,
  groups,
  services,
}: CollectionFormProps<typeof automationRuleInputSchema, AutomationRule> & {
  labels: RuleLabels;
  groups: Option[];
  services: Option[];
}) {
  const t = useT();
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
    <Form noValidate onSubmit={form.onSubmit((values) => submit(values, form.setErrors))}>
      <Stack gap="sm">
        <TextInput label={t("admin.form.name")} data-autofocus {...form.getInputProps("name")} />
        <Select
          label={t("admin.automation.runs")}
          allowDeselect={false}
          data={automationKinds.map((k) => ({ value: k, label: labels.kinds[k] }))}
          {...form.getInputProps("kind")}
        />
        {timed && (
          <Group grow align="flex-start">
            <Select
              label={t("admin.automation.waitingIn")}
              data={statusCategories.map((c) => ({ value: c, label: labels.categories[c] }))}
              {...form.getInputProps("statusCategory")}
            />
            <NumberInput
              label={t("admin.automation.forDays")}
              min={1}
              {...form.getInputProps("afterBusinessDays")}
              value={form.values.afterBusinessDays ?? ""}
              onChange={(v) => form.setFieldValue("afterBusinessDays", v === "" ? null : Number(v))}
            />
          </Group>
        )}
        <MultiSelect
          label={t("admin.automation.onlyPriorities")}
          description={t("admin.automation.emptyForAny")}
          data={priorities.map((p) => ({ value: p, label: labels.priorities[p] }))}
          {...form.getInputProps("conditions.priorities")}
        />
        <MultiSelect
          label={t("admin.automation.onlyServices")}
          description={t("admin.automation.emptyForAny")}
          data={services}
          searchable
          {...form.getInputProps("conditions.serviceIds")}
        />
        <Select
          label={t("admin.automation.assignGroup")}
          clearable
          data={groups}
          {...form.getInputProps("actions.groupId")}
        />
        <Select
          label={t("admin.automation.setPriority")}
          clearable
          data={priorities.map((p) => ({ value: p, label: labels.priorities[p] }))}
          {...form.getInputProps("actions.priority")}
        />
        <Switch
          label={t("admin.automation.remind")}
          {...form.getInputProps("actions.remindRequester", { type: "checkbox" })}
        />
        <Switch
          label={t("admin.automation.mailLead")}
          description={t("admin.automation.mailLeadHint")}
          {...form.getInputProps("actions.notifyGroupLead", { type: "checkbox" })}
        />
        <TextInput
          label={t("admin.automation.mailAddress")}
          description={t("admin.automation.mailAddressHint")}
          type="email"
          {...form.getInputProps("actions.notifyEmail")}
          value={form.values.actions.notifyEmail ?? ""}
        />
        <Switch label={t("admin.automation.active")} {...form.getInputProps("active", { type: "checkbox" })} />
        <FormAlert error={error} shown={ruleFields} />
        <Group justify="flex-end">
          <Button type="submit" loading={pending}>
            {t("admin.automation.save")}
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}
