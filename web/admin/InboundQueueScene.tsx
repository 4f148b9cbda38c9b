import { Alert, Button, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import type { InboundMessage, InboundStatus } from "../../common/mailboxes.ts";
import { useDismissInbound, useInboundMessages, useRetryInbound } from "../api/mailboxes.ts";
import { formatDateTime } from "../ui/format.ts";
import { QueryView } from "../ui/QueryView.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";

const views: { value: InboundStatus; label: string }[] = [
  { value: "review", label: "Held for review" },
  { value: "quarantined", label: "Quarantine" },
  { value: "ignored", label: "Ignored" },
  { value: "processed", label: "Filed" },
  // Normally empty for more than a moment; a message stuck here has a job waiting or parked (see Admin → Jobs).
  { value: "received", label: "Waiting to be filed" },
];

/** Plain sentences for the reason codes the router records. */
const reasons: Record<string, string> = {
  no_sender: "No sender address",
  invalid_sender: "Sender address is not valid",
  spam: "Marked as spam by the mail server",
  sender_not_on_ticket: "Sender is not on the ticket",
  staff_unverified: "An agent's address, not proven by their reply address",
  rate_limited: "Too many messages from this sender",
  unreadable: "Not readable as email",
  failed: "Filing failed",
  auto_reply: "Auto-reply",
  bounce: "Bounce",
  mailing_list: "Mailing list",
  bulk: "Bulk mail",
  own_mail: "Our own mail",
  duplicate: "Duplicate (received before)",
  dismissed: "Dismissed by an admin",
  too_large: "Too large (the sender was told)",
  new_ticket: "New request",
  reply: "Reply",
  follow_up: "Follow-up of a closed request",
};

export function InboundQueueScene() {
  useDocumentTitle("Inbound mail");
  const [status, setStatus] = useState<InboundStatus>("review");
  const messages = useInboundMessages(status);
  const retry = useRetryInbound();
  const dismiss = useDismissInbound();
  const held = status === "review" || status === "quarantined" || status === "received";
  const error = retry.error ?? dismiss.error;
  return (
    <Stack gap="md">
      <Title order={1}>Inbound mail</Title>
      <Text>
        Mail that was not filed automatically waits here with the reason. The original message is always kept: download
        it, run it again once the cause is fixed, file it as a new request, or dismiss it.
      </Text>
      <SegmentedControl
        aria-label="Which messages"
        value={status}
        onChange={(value) => setStatus(value as InboundStatus)}
        data={views}
      />
      {error && <Alert color="red">{error.message}</Alert>}
      <QueryView query={messages} loading="Loading messages">
        {(data) =>
          data.messages.length === 0 ? (
            <Text>No messages here.</Text>
          ) : (
            <Paper withBorder radius="md">
              <Table aria-label={views.find((v) => v.value === status)?.label} verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Received</Table.Th>
                    <Table.Th scope="col">From and subject</Table.Th>
                    <Table.Th scope="col">Reason</Table.Th>
                    <Table.Th scope="col">Actions</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.messages.map((m) => (
                    <MessageRow
                      key={m.id}
                      message={m}
                      held={held}
                      busy={retry.isPending || dismiss.isPending}
                      onRetry={(mode) => retry.mutate({ id: m.id, mode })}
                      onDismiss={() => dismiss.mutate(m.id)}
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          )
        }
      </QueryView>
    </Stack>
  );
}

function MessageRow({
  message: m,
  held,
  busy,
  onRetry,
  onDismiss,
}: {
  message: InboundMessage;
  held: boolean;
  busy: boolean;
  onRetry: (mode: "route" | "new_ticket") => void;
  onDismiss: () => void;
}) {
  const label = m.subject || "(no subject)";
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm">{formatDateTime(m.receivedAt)}</Text>
        <Text size="sm">to {m.mailbox}</Text>
      </Table.Td>
      <Table.Td>
        <Text fw={500}>{label}</Text>
        <Text size="sm">{m.from ?? "(no sender)"}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{reasons[m.reason ?? ""] ?? m.reason}</Text>
        {m.detail && <Text size="sm">{m.detail}</Text>}
        {m.ticketNumber !== null && <Text size="sm">Request #{m.ticketNumber}</Text>}
      </Table.Td>
      <Table.Td>
        <Group gap="xs">
          <Button
            component="a"
            size="xs"
            variant="default"
            href={`/api/v1/admin/inbound-messages/${m.id}/raw`}
            aria-label={`Original of ${label}`}
          >
            Original
          </Button>
          {held && (
            <>
              <Button
                size="xs"
                variant="default"
                disabled={busy}
                aria-label={`Run again: ${label}`}
                onClick={() => onRetry("route")}
              >
                Run again
              </Button>
              <Button
                size="xs"
                variant="default"
                disabled={busy || !m.from}
                aria-label={`New request from ${label}`}
                onClick={() => onRetry("new_ticket")}
              >
                New request
              </Button>
              <Button
                size="xs"
                variant="default"
                color="red"
                disabled={busy}
                aria-label={`Dismiss ${label}`}
                onClick={onDismiss}
              >
                Dismiss
              </Button>
            </>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
