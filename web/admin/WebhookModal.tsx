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
import { type Webhook, type WebhookEventType, webhookEventLabels, webhookEventTypes } from "../../common/webhooks.ts";
import { useGroups } from "../api/admin.ts";
import { useTicketTypes } from "../api/catalog-admin.ts";
import { useSaveWebhook } from "../api/webhooks.ts";
import { Dialog } from "../ui/Dialog.tsx";
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

export function WebhookModal({ edit, onClose }: { edit: WebhookEdit; onClose: () => void }) {
  return (
    <Dialog opened={edit !== null} onClose={onClose} title={edit?.webhook ? "Edit webhook" : "New webhook"} size="lg">
      {edit && <WebhookForm key={edit.webhook?.id ?? "new"} webhook={edit.webhook} onDone={onClose} />}
    </Dialog>
  );
}

/** A signing secret, shown the one time the server hands it out. */
export function SecretReveal({ secret, onDone }: { secret: string; onDone: () => void }) {
  return (
    <Stack gap="md">
      <TextInput label="Signing secret" value={secret} readOnly onFocus={(e) => e.currentTarget.select()} />
      <Text fw={600}>Copy it now: it will not be shown again.</Text>
      <Text size="sm">
        The receiver checks each delivery's Switchboard-Signature header with it (see the webhooks guide in the
        documentation).
      </Text>
      <Group justify="flex-end">
        <CopyButton value={secret}>
          {({ copied, copy }) => <Button onClick={copy}>{copied ? "Copied" : "Copy"}</Button>}
        </CopyButton>
        <Button variant="default" onClick={onDone}>
          Done
        </Button>
      </Group>
    </Stack>
  );
}

function WebhookForm({ webhook, onDone }: { webhook: Webhook | null; onDone: () => void }) {
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
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="sm">
        <TextInput
          label="URL"
          description="Where Switchboard POSTs each event, like https://example.com/hooks/switchboard."
          data-autofocus
          {...form.getInputProps("url")}
        />
        <TextInput
          label="Description"
          description="What receives these events."
          {...form.getInputProps("description")}
        />
        <Checkbox.Group label="Events to send" {...form.getInputProps("events")}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing="xs" mt="xs">
            {webhookEventTypes.map((type) => (
              <Checkbox key={type} value={type} label={webhookEventLabels[type]} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <MultiSelect
          label="Only tickets in these groups"
          description="Empty: any group."
          data={groups.map((g) => ({ value: g.id, label: g.name }))}
          searchable
          {...form.getInputProps("groupIds")}
        />
        <MultiSelect
          label="Only tickets of these types"
          description="Empty: any type."
          data={types.map((t) => ({ value: t.id, label: t.name }))}
          {...form.getInputProps("ticketTypeIds")}
        />
        <Switch
          label="Include internal events"
          description="Internal notes and tasks carry what customers never see; they are only sent when this is on."
          {...form.getInputProps("includeInternal", { type: "checkbox" })}
        />
        <Switch
          label="Active"
          description="Switching it on again clears its failure count. Events while it is off are not sent later."
          {...form.getInputProps("active", { type: "checkbox" })}
        />
        <FormAlert
          error={save.error}
          shown={["url", "description", "events", "groupIds", "ticketTypeIds", "includeInternal", "active"]}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
