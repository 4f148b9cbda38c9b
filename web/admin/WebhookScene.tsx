import { Alert, Anchor, Badge, Button, Code, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import {
  type Webhook,
  type WebhookDelivery,
  type WebhookDeliveryStatus,
  webhookEventLabels,
} from "../../common/webhooks.ts";
import {
  useDeleteWebhook,
  useRedeliver,
  useRotateWebhookSecret,
  useSendTestEvent,
  useWebhook,
  useWebhookDeliveries,
} from "../api/webhooks.ts";
import { Dialog } from "../ui/Dialog.tsx";
import { formatDateTime } from "../ui/format.ts";
import { QueryView } from "../ui/QueryView.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { SecretReveal, type WebhookEdit, WebhookModal } from "./WebhookModal.tsx";
import { webhookState } from "./WebhooksScene.tsx";

const statusLabels: Record<WebhookDeliveryStatus, { label: string; color: string }> = {
  pending: { label: "Pending", color: "gray" },
  retrying: { label: "Retrying", color: "yellow" },
  succeeded: { label: "Delivered", color: "green" },
  failed: { label: "Failed", color: "red" },
};

function eventLabel(d: WebhookDelivery): string {
  const label = d.eventType === "ping" ? "Test event" : (webhookEventLabels as Record<string, string>)[d.eventType];
  return `${label ?? d.eventType}${d.kind === "redelivery" ? " (redelivered)" : ""}`;
}

export function WebhookScene() {
  const { id = "" } = useParams();
  const webhook = useWebhook(id);
  useDocumentTitle("Webhook");
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/admin/webhooks">
        All webhooks
      </Anchor>
      <QueryView query={webhook} loading="Loading the webhook">
        {(data) => <WebhookDetails webhook={data.webhook} />}
      </QueryView>
    </Stack>
  );
}

function WebhookDetails({ webhook }: { webhook: Webhook }) {
  const navigate = useNavigate();
  const [edit, setEdit] = useState<WebhookEdit>(null);
  const [confirm, setConfirm] = useState<"rotate" | "delete" | null>(null);
  const test = useSendTestEvent();
  const rotate = useRotateWebhookSecret();
  const remove = useDeleteWebhook();
  const state = webhookState(webhook);
  const closeConfirm = () => {
    rotate.reset();
    remove.reset();
    setConfirm(null);
  };
  return (
    <Stack gap="md">
      <Title order={1} style={{ overflowWrap: "anywhere" }}>
        Webhook {webhook.url}
      </Title>
      <Group gap="sm">
        <Badge variant="dot" color={state.color} c="dark.9">
          {state.label}
        </Badge>
        {webhook.description && <Text>{webhook.description}</Text>}
      </Group>
      {webhook.disabledReason && (
        <Alert color="red" title="Switched off">
          {webhook.disabledReason} Once the receiver works again, switch it back on (Edit → Active) and redeliver what
          it missed.
        </Alert>
      )}
      <Text size="sm">
        Sends: {webhook.events.map((e) => webhookEventLabels[e]).join(", ")}
        {webhook.includeInternal ? ", with internal events" : ", public events only"}.
      </Text>
      <Group gap="sm">
        <Button onClick={() => setEdit({ webhook })}>Edit</Button>
        <Button variant="default" loading={test.isPending} onClick={() => test.mutate(webhook.id)}>
          Send test event
        </Button>
        <Button variant="default" onClick={() => setConfirm("rotate")}>
          Rotate secret
        </Button>
        <Button variant="default" color="red" onClick={() => setConfirm("delete")}>
          Delete
        </Button>
      </Group>
      {test.isError && <Alert color="red">{test.error.message}</Alert>}
      <Title order={2}>Deliveries</Title>
      <DeliveryLog id={webhook.id} />
      <WebhookModal edit={edit} onClose={() => setEdit(null)} />
      <Dialog
        opened={confirm === "rotate"}
        onClose={closeConfirm}
        title={rotate.data ? "New signing secret" : "Rotate the signing secret?"}
      >
        {rotate.data ? (
          <SecretReveal secret={rotate.data.secret} onDone={closeConfirm} />
        ) : (
          <Stack gap="md">
            <Text>The current secret stops working at once: give the receiver the new one before the next event.</Text>
            {rotate.isError && <Alert color="red">{rotate.error.message}</Alert>}
            <Group justify="flex-end">
              <Button variant="default" onClick={closeConfirm}>
                Cancel
              </Button>
              <Button loading={rotate.isPending} onClick={() => rotate.mutate(webhook.id)}>
                Rotate
              </Button>
            </Group>
          </Stack>
        )}
      </Dialog>
      <Dialog opened={confirm === "delete"} onClose={closeConfirm} title="Delete this webhook?">
        <Stack gap="md">
          <Text>Its delivery log goes with it, and deliveries still waiting are dropped.</Text>
          {remove.isError && <Alert color="red">{remove.error.message}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={closeConfirm}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() => remove.mutate(webhook.id, { onSuccess: () => navigate("/admin/webhooks") })}
            >
              Delete
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </Stack>
  );
}

function DeliveryLog({ id }: { id: string }) {
  const deliveries = useWebhookDeliveries(id);
  const redeliver = useRedeliver();
  return (
    <QueryView query={deliveries} loading="Loading deliveries">
      {(data) =>
        data.deliveries.length === 0 ? (
          <Text>Nothing sent yet.</Text>
        ) : (
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={820} type="native">
              <Table aria-label="Deliveries" verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    {["Time", "Event", "Status", "Response", "Took", "What came back", "Actions"].map((h) => (
                      <Table.Th key={h} scope="col">
                        {h}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.deliveries.map((d) => (
                    <Table.Tr key={d.id}>
                      <Table.Td>{formatDateTime(d.lastAttemptAt ?? d.createdAt)}</Table.Td>
                      <Table.Td>{eventLabel(d)}</Table.Td>
                      <Table.Td>
                        <Badge variant="dot" color={statusLabels[d.status].color} c="dark.9">
                          {statusLabels[d.status].label}
                        </Badge>
                        <Text size="xs">
                          {d.attempts === 1 ? "1 attempt" : `${d.attempts} attempts`}
                          {d.status === "retrying" && d.nextAttemptAt
                            ? `, next at ${formatDateTime(d.nextAttemptAt)}`
                            : ""}
                        </Text>
                      </Table.Td>
                      <Table.Td>{d.responseStatus ?? "—"}</Table.Td>
                      <Table.Td>{d.durationMs === null ? "—" : `${d.durationMs} ms`}</Table.Td>
                      <Table.Td style={{ maxWidth: 320 }}>
                        {d.error && (
                          <Text size="sm" c="red.9" style={{ overflowWrap: "anywhere" }}>
                            {d.error}
                          </Text>
                        )}
                        {d.responseExcerpt && (
                          <Code block style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                            {d.responseExcerpt}
                          </Code>
                        )}
                        <details>
                          <summary>Request body</summary>
                          <Code block style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                            {d.requestBody}
                          </Code>
                        </details>
                      </Table.Td>
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={`Redeliver ${eventLabel(d)} of ${formatDateTime(d.createdAt)}`}
                          loading={redeliver.isPending && redeliver.variables === d.id}
                          onClick={() => redeliver.mutate(d.id)}
                        >
                          Redeliver
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )
      }
    </QueryView>
  );
}
