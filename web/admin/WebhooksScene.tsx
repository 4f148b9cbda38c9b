import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import type { Webhook } from "../../common/webhooks.ts";
import { useSeesEveryTicket } from "../api/session.ts";
import { useWebhooks } from "../api/webhooks.ts";
import { useT } from "../i18n/use-t.ts";
import { QueryView } from "../ui/QueryView.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { type WebhookEdit, WebhookModal, webhookEventLabel } from "./WebhookModal.tsx";

export function webhookState(t: ReturnType<typeof useT>, w: Webhook): { label: string; color: string } {
  if (w.active) return { label: t("admin.users.status.active"), color: "green" };
  return w.disabledReason
    ? { label: t("admin.webhooks.offAfterFailures"), color: "red" }
    : { label: t("admin.catalog.off"), color: "gray" };
}

export function WebhooksScene() {
  const t = useT();
  useDocumentTitle(t("admin.webhooks.title"));
  const webhooks = useWebhooks();
  const [edit, setEdit] = useState<WebhookEdit>(null);
  const seesEveryTicket = useSeesEveryTicket();
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t("admin.webhooks.title")}</Title>
        {seesEveryTicket && <Button onClick={() => setEdit({ webhook: null })}>{t("admin.webhooks.new")}</Button>}
      </Group>
      <Text>{t("admin.webhooks.intro")}</Text>
      {!seesEveryTicket && <Text>{t("admin.webhooks.everyTicketOnly")}</Text>}
      <QueryView query={webhooks} loading={t("admin.webhooks.loading")}>
        {(data) =>
          data.webhooks.length === 0 ? (
            <Text>{t("admin.webhooks.empty")}</Text>
          ) : (
            <Paper withBorder radius="md">
              <Table aria-label={t("admin.webhooks.title")} verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("admin.webhooks.url")}</Table.Th>
                    <Table.Th scope="col">{t("admin.webhooks.eventsColumn")}</Table.Th>
                    <Table.Th scope="col">{t("admin.jobs.state")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.webhooks.map((w) => (
                    <Table.Tr key={w.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/admin/webhooks/${w.id}`} fw={500}>
                          {w.url}
                        </Anchor>
                        {w.description && <Text size="sm">{w.description}</Text>}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{w.events.map((e) => webhookEventLabel(t, e)).join(", ")}</Text>
                        {w.includeInternal && <Text size="sm">{t("admin.webhooks.withInternal")}</Text>}
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="dot" color={webhookState(t, w).color} c="dark.9">
                          {webhookState(t, w).label}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          )
        }
      </QueryView>
      <WebhookModal edit={edit} onClose={() => setEdit(null)} />
    </Stack>
  );
}
