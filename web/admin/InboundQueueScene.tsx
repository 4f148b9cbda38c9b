import { Alert, Button, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import type { InboundMessage, InboundStatus } from "../../common/mailboxes.ts";
import { useDismissInbound, useInboundMessages, useRetryInbound } from "../api/mailboxes.ts";
import { useSeesEveryTicket } from "../api/session.ts";
import { useT } from "../i18n/use-t.ts";
import { formatDateTime } from "../ui/format.ts";
import { QueryView } from "../ui/QueryView.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";

type Translate = ReturnType<typeof useT>;

function views(t: Translate): { value: InboundStatus; label: string }[] {
  return [
    { value: "review", label: t("admin.inbound.view.review") },
    { value: "quarantined", label: t("admin.inbound.view.quarantined") },
    { value: "ignored", label: t("admin.inbound.view.ignored") },
    { value: "processed", label: t("admin.inbound.view.processed") },
    // Normally empty for more than a moment; a message stuck here has a job waiting or parked (see Admin → Jobs).
    { value: "received", label: t("admin.inbound.view.received") },
  ];
}

/** Plain sentences for the reason codes the router records; an unknown code is shown as it is. */
function reasonText(t: Translate, reason: string | null): string | null {
  const reasons: Record<string, string> = {
    no_sender: t("admin.inbound.reason.noSender"),
    invalid_sender: t("admin.inbound.reason.invalidSender"),
    spam: t("admin.inbound.reason.spam"),
    sender_not_on_ticket: t("admin.inbound.reason.senderNotOnTicket"),
    staff_unverified: t("admin.inbound.reason.staffUnverified"),
    sender_disabled: t("admin.inbound.reason.senderDisabled"),
    rate_limited: t("admin.inbound.reason.rateLimited"),
    unreadable: t("admin.inbound.reason.unreadable"),
    failed: t("admin.inbound.reason.failed"),
    not_stored: t("admin.inbound.reason.notStored"),
    auto_reply: t("admin.inbound.reason.autoReply"),
    bounce: t("admin.inbound.reason.bounce"),
    mailing_list: t("admin.inbound.reason.mailingList"),
    bulk: t("admin.inbound.reason.bulk"),
    own_mail: t("admin.inbound.reason.ownMail"),
    duplicate: t("admin.inbound.reason.duplicate"),
    dismissed: t("admin.inbound.reason.dismissed"),
    too_large: t("admin.inbound.reason.tooLarge"),
    new_ticket: t("admin.inbound.reason.newTicket"),
    reply: t("admin.inbound.reason.reply"),
    follow_up: t("admin.inbound.reason.followUp"),
  };
  return reasons[reason ?? ""] ?? reason;
}

export function InboundQueueScene() {
  const t = useT();
  useDocumentTitle(t("admin.inbound.title"));
  const viewChoices = views(t);
  const [status, setStatus] = useState<InboundStatus>("review");
  const messages = useInboundMessages(status);
  const retry = useRetryInbound();
  const dismiss = useDismissInbound();
  const held = status === "review" || status === "quarantined" || status === "received";
  const error = retry.error ?? dismiss.error;
  return (
    <Stack gap="md">
      <Title order={1}>{t("admin.inbound.title")}</Title>
      <Text>{t("admin.inbound.intro")}</Text>
      <SegmentedControl
        aria-label={t("admin.inbound.which")}
        value={status}
        onChange={(value) => setStatus(value as InboundStatus)}
        data={viewChoices}
      />
      {error && <Alert color="red">{error.message}</Alert>}
      <QueryView query={messages} loading={t("admin.inbound.loading")}>
        {(data) =>
          data.messages.length === 0 ? (
            <Text>{t("admin.inbound.empty")}</Text>
          ) : (
            <Paper withBorder radius="md">
              <Table aria-label={viewChoices.find((v) => v.value === status)?.label} verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("admin.inbound.received")}</Table.Th>
                    <Table.Th scope="col">{t("admin.inbound.fromAndSubject")}</Table.Th>
                    <Table.Th scope="col">{t("admin.inbound.reason")}</Table.Th>
                    <Table.Th scope="col">{t("admin.table.actions")}</Table.Th>
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
  const t = useT();
  const label = m.subject || t("admin.inbound.noSubject");
  const seesEveryTicket = useSeesEveryTicket();
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm">{formatDateTime(m.receivedAt)}</Text>
        <Text size="sm">{t("admin.inbound.to", { mailbox: m.mailbox })}</Text>
      </Table.Td>
      <Table.Td>
        <Text fw={500}>{label}</Text>
        <Text size="sm">{m.from ?? t("admin.inbound.noSender")}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{reasonText(t, m.reason)}</Text>
        {m.detail && <Text size="sm">{m.detail}</Text>}
        {m.ticketNumber !== null && (
          <Text size="sm">{t("admin.inbound.request", { number: String(m.ticketNumber) })}</Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap="xs">
          {seesEveryTicket && (
            <Button
              component="a"
              size="xs"
              variant="default"
              href={`/api/v1/admin/inbound-messages/${m.id}/raw`}
              aria-label={t("admin.inbound.originalOf", { label })}
            >
              {t("admin.inbound.original")}
            </Button>
          )}
          {held && (
            <>
              <Button
                size="xs"
                variant="default"
                disabled={busy}
                aria-label={t("admin.inbound.runAgainNamed", { label })}
                onClick={() => onRetry("route")}
              >
                {t("admin.jobs.rerun")}
              </Button>
              <Button
                size="xs"
                variant="default"
                disabled={busy || !m.from}
                aria-label={t("admin.inbound.newRequestFrom", { label })}
                onClick={() => onRetry("new_ticket")}
              >
                {t("admin.inbound.reason.newTicket")}
              </Button>
              <Button
                size="xs"
                variant="default"
                color="red"
                disabled={busy}
                aria-label={t("admin.inbound.dismissNamed", { label })}
                onClick={onDismiss}
              >
                {t("admin.inbound.dismiss")}
              </Button>
            </>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
