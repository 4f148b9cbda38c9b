import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import { type Webhook, webhookEventLabels } from "../../common/webhooks.ts";
import { useWebhooks } from "../api/webhooks.ts";
import { QueryView } from "../ui/QueryView.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { type WebhookEdit, WebhookModal } from "./WebhookModal.tsx";

export function webhookState(w: Webhook): { label: string; color: string } {
  if (w.active) return { label: "Active", color: "green" };
  return w.disabledReason ? { label: "Switched off after failures", color: "red" } : { label: "Off", color: "gray" };
}

export function WebhooksScene() {
  useDocumentTitle("Webhooks");
  const webhooks = useWebhooks();
  const [edit, setEdit] = useState<WebhookEdit>(null);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>Webhooks</Title>
        <Button onClick={() => setEdit({ webhook: null })}>New webhook</Button>
      </Group>
      <Text>
        Switchboard POSTs the ticket events you choose to these addresses as JSON, signed with each endpoint's own
        secret. Failed deliveries are retried for about eleven hours; an endpoint that keeps failing is switched off and
        admins get a mail.
      </Text>
      <QueryView query={webhooks} loading="Loading webhooks">
        {(data) =>
          data.webhooks.length === 0 ? (
            <Text>No webhooks yet.</Text>
          ) : (
            <Paper withBorder radius="md">
              <Table aria-label="Webhooks" verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">URL</Table.Th>
                    <Table.Th scope="col">Events</Table.Th>
                    <Table.Th scope="col">State</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.webhooks.map((w) => (
                    <Table.Tr key={w.id}>
                      <Table.Td>
                        <Anchor
                          component={Link}
                          to={`/admin/webhooks/${w.id}`}
                          fw={500}
                          style={{ overflowWrap: "anywhere" }}
                        >
                          {w.url}
                        </Anchor>
                        {w.description && <Text size="sm">{w.description}</Text>}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{w.events.map((e) => webhookEventLabels[e]).join(", ")}</Text>
                        {w.includeInternal && <Text size="sm">With internal events</Text>}
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="dot" color={webhookState(w).color} c="dark.9">
                          {webhookState(w).label}
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
