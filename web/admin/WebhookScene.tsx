import { Alert, Anchor, Badge, Button, Code, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import {
  type Webhook,
  type WebhookDelivery,
  type WebhookDeliveryStatus,
  type WebhookEventType,
  webhookEventTypes,
} from "../../common/webhooks.ts";
import { useSeesEveryTicket } from "../api/session.ts";
import {
  useDeleteWebhook,
  useRedeliver,
  useRotateWebhookSecret,
  useSendTestEvent,
  useWebhook,
  useWebhookDeliveries,
} from "../api/webhooks.ts";
import { useT } from "../i18n/use-t.ts";
import { Dialog } from "../ui/Dialog.tsx";
import { formatDateTime } from "../ui/format.ts";
import { QueryView } from "../ui/QueryView.tsx";
import { ScrollTable } from "../ui/ScrollTable.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { SecretReveal, type WebhookEdit, WebhookModal, webhookEventLabel } from "./WebhookModal.tsx";
import { webhookState } from "./WebhooksScene.tsx";

type Translate = ReturnType<typeof useT>;

// A delivery's event type is a string: the test event ("ping") and types a newer server may add are not in the list.
const isWebhookEventType = (type: string): type is WebhookEventType =>
  (webhookEventTypes as readonly string[]).includes(type);

function deliveryStatus(t: Translate, status: WebhookDeliveryStatus): { label: string; color: string } {
  const looks: Record<WebhookDeliveryStatus, { label: string; color: string }> = {
    pending: { label: t("admin.webhooks.delivery.pending"), color: "gray" },
    retrying: { label: t("admin.webhooks.delivery.retrying"), color: "yellow" },
    succeeded: { label: t("admin.webhooks.delivery.succeeded"), color: "green" },
    failed: { label: t("admin.webhooks.delivery.failed"), color: "red" },
  };
  return looks[status];
}

function eventLabel(t: Translate, d: WebhookDelivery): string {
  const label =
    d.eventType === "ping"
      ? t("admin.webhooks.testEvent")
      : isWebhookEventType(d.eventType)
        ? webhookEventLabel(t, d.eventType)
        : d.eventType;
  return d.kind === "redelivery" ? t("admin.webhooks.redelivered", { label }) : label;
}

export function WebhookScene() {
  const t = useT();
  const { id = "" } = useParams();
  const webhook = useWebhook(id);
  useDocumentTitle(t("admin.webhooks.one"));
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/admin/webhooks">
        {t("admin.webhooks.all")}
      </Anchor>
      <QueryView query={webhook} loading={t("admin.webhooks.loadingOne")}>
        {(data) => <WebhookDetails webhook={data.webhook} />}
      </QueryView>
    </Stack>
  );
}

function WebhookDetails({ webhook }: { webhook: Webhook }) {
  const t = useT();
  const navigate = useNavigate();
  const [edit, setEdit] = useState<WebhookEdit>(null);
  const [confirm, setConfirm] = useState<"rotate" | "delete" | null>(null);
  const seesEveryTicket = useSeesEveryTicket();
  const test = useSendTestEvent();
  const rotate = useRotateWebhookSecret();
  const remove = useDeleteWebhook();
  const state = webhookState(t, webhook);
  const closeConfirm = () => {
    rotate.reset();
    remove.reset();
    setConfirm(null);
  };
  return (
    <Stack gap="md">
      <Title order={1}>{t("admin.webhooks.heading", { url: webhook.url })}</Title>
      <Group gap="sm">
        <Badge variant="dot" color={state.color} c="dark.9">
          {state.label}
        </Badge>
        {webhook.description && <Text>{webhook.description}</Text>}
      </Group>
      {webhook.disabledReason && (
        <Alert color="red" title={t("admin.webhooks.switchedOff")}>
          {t("admin.webhooks.switchedOffBody", { reason: webhook.disabledReason })}
        </Alert>
      )}
      <Text size="sm">
        {webhook.includeInternal
          ? t("admin.webhooks.sendsWithInternal", {
              events: webhook.events.map((e) => webhookEventLabel(t, e)).join(", "),
            })
          : t("admin.webhooks.sendsPublic", { events: webhook.events.map((e) => webhookEventLabel(t, e)).join(", ") })}
      </Text>
      <Group gap="sm">
        {seesEveryTicket && <Button onClick={() => setEdit({ webhook })}>{t("admin.row.edit")}</Button>}
        <Button variant="default" loading={test.isPending} onClick={() => test.mutate(webhook.id)}>
          {t("admin.webhooks.sendTest")}
        </Button>
        <Button variant="default" onClick={() => setConfirm("rotate")}>
          {t("admin.webhooks.rotateSecret")}
        </Button>
        <Button variant="default" color="red" onClick={() => setConfirm("delete")}>
          {t("admin.row.delete")}
        </Button>
      </Group>
      {test.isError && <Alert color="red">{test.error.message}</Alert>}
      <Title order={2}>{t("admin.webhooks.deliveries")}</Title>
      <DeliveryLog id={webhook.id} />
      <WebhookModal edit={edit} onClose={() => setEdit(null)} />
      <Dialog
        opened={confirm === "rotate"}
        onClose={closeConfirm}
        title={rotate.data ? t("admin.webhooks.newSecret") : t("admin.webhooks.rotateTitle")}
      >
        {rotate.data ? (
          <SecretReveal secret={rotate.data.secret} onDone={closeConfirm} />
        ) : (
          <Stack gap="md">
            <Text>{t("admin.webhooks.rotateBody")}</Text>
            {rotate.isError && <Alert color="red">{rotate.error.message}</Alert>}
            <Group justify="flex-end">
              <Button variant="default" onClick={closeConfirm}>
                {t("admin.dialog.cancel")}
              </Button>
              <Button loading={rotate.isPending} onClick={() => rotate.mutate(webhook.id)}>
                {t("admin.webhooks.rotate")}
              </Button>
            </Group>
          </Stack>
        )}
      </Dialog>
      <Dialog opened={confirm === "delete"} onClose={closeConfirm} title={t("admin.webhooks.deleteTitle")}>
        <Stack gap="md">
          <Text>{t("admin.webhooks.deleteBody")}</Text>
          {remove.isError && <Alert color="red">{remove.error.message}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={closeConfirm}>
              {t("admin.dialog.cancel")}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() => remove.mutate(webhook.id, { onSuccess: () => navigate("/admin/webhooks") })}
            >
              {t("admin.row.delete")}
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </Stack>
  );
}

function DeliveryLog({ id }: { id: string }) {
  const t = useT();
  const deliveries = useWebhookDeliveries(id);
  const redeliver = useRedeliver();
  const seesEveryTicket = useSeesEveryTicket();
  return (
    <QueryView query={deliveries} loading={t("admin.webhooks.loadingDeliveries")}>
      {(data) =>
        data.deliveries.length === 0 ? (
          <Text>{t("admin.webhooks.nothingSent")}</Text>
        ) : (
          <Paper withBorder radius="md">
            <ScrollTable minWidth={820} label={t("admin.webhooks.deliveries")}>
              <Table aria-label={t("admin.webhooks.deliveries")} verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    {[
                      t("admin.webhooks.col.time"),
                      t("admin.webhooks.col.event"),
                      t("admin.users.status"),
                      t("admin.webhooks.col.response"),
                      t("admin.webhooks.col.took"),
                      t("admin.webhooks.col.cameBack"),
                      t("admin.table.actions"),
                    ].map((h) => (
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
                      <Table.Td>{eventLabel(t, d)}</Table.Td>
                      <Table.Td>
                        <Badge variant="dot" color={deliveryStatus(t, d.status).color} c="dark.9">
                          {deliveryStatus(t, d.status).label}
                        </Badge>
                        <Text size="xs">
                          {d.status === "retrying" && d.nextAttemptAt
                            ? t("admin.webhooks.attemptsNext", {
                                count: d.attempts,
                                when: formatDateTime(d.nextAttemptAt),
                              })
                            : t("admin.webhooks.attempts", { count: d.attempts })}
                        </Text>
                      </Table.Td>
                      <Table.Td>{d.responseStatus ?? "—"}</Table.Td>
                      <Table.Td>{d.durationMs === null ? "—" : t("admin.webhooks.ms", { ms: d.durationMs })}</Table.Td>
                      <Table.Td style={{ maxWidth: 320 }}>
                        {d.error && (
                          <Text size="sm" c="red.9">
                            {d.error}
                          </Text>
                        )}
                        {d.responseExcerpt && (
                          <Code block style={{ whiteSpace: "pre-wrap" }}>
                            {d.responseExcerpt}
                          </Code>
                        )}
                        <details>
                          <summary>{t("admin.webhooks.requestBody")}</summary>
                          {d.requestBody === null ? (
                            <Text size="sm">{t("admin.webhooks.bodyHidden")}</Text>
                          ) : (
                            <Code block style={{ whiteSpace: "pre-wrap" }}>
                              {d.requestBody}
                            </Code>
                          )}
                        </details>
                      </Table.Td>
                      <Table.Td>
                        {seesEveryTicket && (
                          <Button
                            size="xs"
                            variant="default"
                            aria-label={t("admin.webhooks.redeliverNamed", {
                              event: eventLabel(t, d),
                              when: formatDateTime(d.createdAt),
                            })}
                            loading={redeliver.isPending && redeliver.variables === d.id}
                            onClick={() => redeliver.mutate(d.id)}
                          >
                            {t("admin.webhooks.redeliver")}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          </Paper>
        )
      }
    </QueryView>
  );
}
