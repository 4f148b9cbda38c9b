import {
  Button,
  Checkbox,
  CopyButton,
  Group,
  MultiSelect,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { type Webhook, type WebhookEventType, webhookEventTypes } from "../../common/webhooks.ts";
import { useGroups } from "../api/admin.ts";
import { useTicketTypes } from "../api/catalog-admin.ts";
import { useSaveWebhook } from "../api/webhooks.ts";
import { useT } from "../i18n/use-t.ts";
import { Dialog } from "../ui/Dialog.tsx";
import { Form } from "../ui/Form.tsx";
import { FormAlert } from "../ui/FormAlert.tsx";
import { fieldProblems } from "../ui/form-errors.ts";

/** null: closed; { webhook: null }: adding one. */
export type WebhookEdit = { webhook: Webhook | null } | null;

type Values = {
  url: string;
  description: string;
  events: WebhookEventType[];
  groupIds: string[];
  ticketTypeIds: string[];
  includeInternal: boolean;
  active: boolean;
};

type Translate = ReturnType<typeof useT>;

/** An event type's name in the reader's language (the list, the page and the delivery log show them). */
export function webhookEventLabel(t: Translate, type: WebhookEventType): string {
  const labels: Record<WebhookEventType, string> = {
    created: t("admin.webhooks.event.created"),
    comment: t("admin.webhooks.event.comment"),
    note: t("admin.webhooks.event.note"),
    status_changed: t("admin.webhooks.event.statusChanged"),
    edited: t("admin.webhooks.event.edited"),
    priority_changed: t("admin.webhooks.event.priorityChanged"),
    cc_added: t("admin.webhooks.event.ccAdded"),
    cc_removed: t("admin.webhooks.event.ccRemoved"),
    follow_up_created: t("admin.webhooks.event.followUpCreated"),
    task_added: t("admin.webhooks.event.taskAdded"),
    task_edited: t("admin.webhooks.event.taskEdited"),
    task_completed: t("admin.webhooks.event.taskCompleted"),
    task_reopened: t("admin.webhooks.event.taskReopened"),
    task_removed: t("admin.webhooks.event.taskRemoved"),
    merged_into: t("admin.webhooks.event.mergedInto"),
    merged_from: t("admin.webhooks.event.mergedFrom"),
    linked: t("admin.webhooks.event.linked"),
    unlinked: t("admin.webhooks.event.unlinked"),
    sla_due: t("admin.webhooks.event.slaDue"),
    sla_overdue: t("admin.webhooks.event.slaOverdue"),
    automation_applied: t("admin.webhooks.event.automationApplied"),
    satisfaction_rated: t("admin.webhooks.event.satisfactionRated"),
    comment_edited: t("admin.webhooks.event.commentEdited"),
    comment_deleted: t("admin.webhooks.event.commentDeleted"),
    tag_added: t("admin.webhooks.event.tagAdded"),
    tag_removed: t("admin.webhooks.event.tagRemoved"),
    deleted: t("admin.webhooks.event.deleted"),
    restored: t("admin.webhooks.event.restored"),
  };
  return labels[type];
}

export function WebhookModal({ edit, onClose }: { edit: WebhookEdit; onClose: () => void }) {
  const t = useT();
  return (
    <Dialog
      opened={edit !== null}
      onClose={onClose}
      title={edit?.webhook ? t("admin.webhooks.edit") : t("admin.webhooks.new")}
      size="lg"
    >
      {edit && <WebhookForm key={edit.webhook?.id ?? "new"} webhook={edit.webhook} onDone={onClose} />}
    </Dialog>
  );
}

/** A signing secret, shown the one time the server hands it out. */
export function SecretReveal({ secret, onDone }: { secret: string; onDone: () => void }) {
  const t = useT();
  return (
    <Stack gap="md">
      <TextInput label={t("admin.webhooks.secret")} value={secret} readOnly onFocus={(e) => e.currentTarget.select()} />
      <Text fw={600}>{t("admin.apiTokens.copyNow")}</Text>
      <Text size="sm">{t("admin.webhooks.secretHint")}</Text>
      <Group justify="flex-end">
        <CopyButton value={secret}>
          {({ copied, copy }) => (
            <Button onClick={copy}>{copied ? t("admin.apiTokens.copied") : t("admin.apiTokens.copy")}</Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={onDone}>
          {t("admin.apiTokens.done")}
        </Button>
      </Group>
    </Stack>
  );
}

function WebhookForm({ webhook, onDone }: { webhook: Webhook | null; onDone: () => void }) {
  const t = useT();
  const save = useSaveWebhook();
  const groups = useGroups().data?.groups ?? [];
  const types = useTicketTypes().data?.ticketTypes ?? [];
  const form = useForm<Values>({
    initialValues: {
      url: webhook?.url ?? "",
      description: webhook?.description ?? "",
      events: webhook?.events ?? ["created", "comment", "status_changed"],
      groupIds: webhook?.groupIds ?? [],
      ticketTypeIds: webhook?.ticketTypeIds ?? [],
      includeInternal: webhook?.includeInternal ?? false,
      active: webhook?.active ?? true,
    },
  });
  if (save.data) return <SecretReveal secret={save.data.secret} onDone={onDone} />;
  const onSubmit = form.onSubmit((values) =>
    save.mutate(
      { ...(webhook ? { id: webhook.id } : {}), ...values },
      {
        // A new endpoint stays open to show its secret; a change is done.
        onSuccess: (result) => {
          if (!result) onDone();
        },
        onError: (error) => form.setErrors(fieldProblems(error)),
      },
    ),
  );
  return (
    <Form noValidate onSubmit={onSubmit}>
      <Stack gap="sm">
        <TextInput
          label={t("admin.webhooks.url")}
          description={t("admin.webhooks.urlHint")}
          data-autofocus
          {...form.getInputProps("url")}
        />
        <TextInput
          label={t("admin.services.description")}
          description={t("admin.webhooks.descriptionHint")}
          {...form.getInputProps("description")}
        />
        <Checkbox.Group label={t("admin.webhooks.events")} {...form.getInputProps("events")}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing="xs" mt="xs">
            {webhookEventTypes.map((type) => (
              <Checkbox key={type} value={type} label={webhookEventLabel(t, type)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <MultiSelect
          label={t("admin.webhooks.groups")}
          description={t("admin.webhooks.groupsHint")}
          data={groups.map((g) => ({ value: g.id, label: g.name }))}
          searchable
          {...form.getInputProps("groupIds")}
        />
        <MultiSelect
          label={t("admin.webhooks.types")}
          description={t("admin.webhooks.typesHint")}
          data={types.map((type) => ({ value: type.id, label: type.name }))}
          {...form.getInputProps("ticketTypeIds")}
        />
        <Switch
          label={t("admin.webhooks.internal")}
          description={t("admin.webhooks.internalHint")}
          {...form.getInputProps("includeInternal", { type: "checkbox" })}
        />
        <Switch
          label={t("admin.services.active")}
          description={t("admin.webhooks.activeHint")}
          {...form.getInputProps("active", { type: "checkbox" })}
        />
        <FormAlert
          error={save.error}
          shown={["url", "description", "events", "groupIds", "ticketTypeIds", "includeInternal", "active"]}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t("admin.form.save")}
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}
