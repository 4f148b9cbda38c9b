import { Alert, Anchor, Button, Grid, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import type { CommentKind } from "../../common/conversation.ts";
import type { TicketDetail } from "../../common/tickets.ts";
import { ApiError } from "../api/client.ts";
import { useSession } from "../api/session.ts";
import { useTicket } from "../api/tickets.ts";
import { useUpdateTicket } from "../api/workspace.ts";
import { useT } from "../i18n/use-t.ts";
import { KbInsertButton, KbTicketPanel } from "../kb/AgentKbTools.tsx";
import { PresenceBar } from "../live/PresenceBar.tsx";
import { useTicketCollision } from "../live/use-ticket-collision.tsx";
import { AlertsPanel } from "../ui/AlertsPanel.tsx";
import { CommentForm, closedCategories, Feed, ReadBy } from "../ui/Conversation.tsx";
import { FormAlert } from "../ui/FormAlert.tsx";
import { LoadingState } from "../ui/LoadingState.tsx";
import { MessageBody } from "../ui/MessageBody.tsx";
import { AgentSatisfactionPanel } from "../ui/SatisfactionPanel.tsx";
import { CcPanel, FollowUpLinks, StatusChanger } from "../ui/TicketActions.tsx";
import { TicketAttachments, TicketFields } from "../ui/TicketExtras.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { useShortcuts } from "../ui/use-shortcuts.ts";
import { CommentActions } from "./CommentActions.tsx";
import { DeleteTicketButton } from "./DeleteTicketButton.tsx";
import { EditTicketDialog } from "./EditTicketDialog.tsx";
import { LinkedTickets } from "./LinkedTickets.tsx";
import { MacroPicker } from "./MacroPicker.tsx";
import { neighbours } from "./queue-params.ts";
import { RequesterCard } from "./RequesterCard.tsx";
import { ShortcutHelp } from "./ShortcutHelp.tsx";
import { TasksPanel } from "./TasksPanel.tsx";
import { TicketDetails } from "./TicketDetails.tsx";
import { TicketTags } from "./TicketTags.tsx";

export function TicketScene() {
  const { number } = useParams();
  if (!number || !/^[1-9]\d{0,9}$/.test(number)) return <TicketNotFound />;
  return <TicketLoader number={Number(number)} />;
}

function TicketLoader({ number }: { number: number }) {
  const t = useT();
  const ticket = useTicket(number);
  if (ticket.isPending) return <LoadingState label={t("agent.ticket.loading", { number: String(number) })} />;
  if (ticket.isError) {
    const missing = ticket.error instanceof ApiError && ["not_found", "validation_failed"].includes(ticket.error.code);
    return missing ? <TicketNotFound /> : <TicketFailed message={ticket.error.message} />;
  }
  return <TicketView ticket={ticket.data} />;
}

function TicketView({ ticket }: { ticket: TicketDetail }) {
  const t = useT();
  const heading = `#${ticket.number} ${ticket.subject}`;
  useDocumentTitle(heading);
  const navigate = useNavigate();
  const collision = useTicketCollision(ticket.number);
  const session = useSession();
  const me = session.data?.user ?? null;
  const update = useUpdateTicket(ticket.number);
  const [editing, setEditing] = useState(false);
  const [help, setHelp] = useState(false);
  const [kind, setKind] = useState<CommentKind>("public");
  const around = neighbours(ticket.number);
  // What this agent may do here comes with the ticket, from the server's policy.
  const { abilities } = ticket;
  const canAssign = abilities.assign;
  const assignToMe = () => me && canAssign && ticket.assignee?.id !== me.id && update.mutate({ assigneeId: me.id });
  const write = (next: CommentKind) => {
    setKind(next);
    // After React has switched the kind, put the cursor in the editor.
    setTimeout(() => {
      const editor = 'section[aria-labelledby="comment-heading"] [contenteditable="true"]';
      document.querySelector<HTMLElement>(editor)?.focus();
    });
  };
  useShortcuts([
    ["j", () => around.next && navigate(`/agent/tickets/${around.next}`)],
    ["k", () => around.previous && navigate(`/agent/tickets/${around.previous}`)],
    ["u", () => navigate(`/agent/tickets${around.search ? `?${around.search}` : ""}`)],
    ["r", () => abilities.reply && write("public")],
    ["n", () => abilities.note && write("note")],
    ["a", assignToMe],
    ["e", () => abilities.edit && setEditing(true)],
    ["s", () => document.getElementById("ticket-status")?.focus()],
    ["shift+?", () => setHelp(true)],
  ]);
  return (
    <Stack gap="md">
      <BackToTickets />
      <Group justify="space-between" align="flex-start" wrap="wrap">
        {/* The subject is the requester's words, in their language's direction (<bdi>), whatever the page's is. */}
        <Title order={1}>
          #{ticket.number} <bdi>{ticket.subject}</bdi>
        </Title>
        <Group gap="xs">
          {canAssign && ticket.assignee?.id !== me?.id && (
            <Button variant="default" onClick={assignToMe} loading={update.isPending}>
              {t("agent.ticket.assignToMe")}
            </Button>
          )}
          {abilities.edit && <Button onClick={() => setEditing(true)}>{t("agent.common.edit")}</Button>}
          {me?.permissions.includes("tickets.delete") && <DeleteTicketButton number={ticket.number} />}
        </Group>
      </Group>
      <FormAlert error={update.error} />
      <EditTicketDialog ticket={ticket} opened={editing} onClose={() => setEditing(false)} />
      <ShortcutHelp opened={help} onClose={() => setHelp(false)} on="ticket" />
      <PresenceBar others={collision.others} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="ticket-message">
            <Title order={2} size="h4" id="ticket-message" mb="sm">
              {t("agent.field.message")}
            </Title>
            <MessageBody message={ticket.message} format={ticket.messageFormat} />
          </Paper>
          <Stack gap="md" mt="md">
            <FollowUpLinks ticket={ticket} base="/agent/tickets" />
            {abilities.changeStatus && <StatusChanger ticket={ticket} />}
            <Feed
              number={ticket.number}
              agent
              entryActions={
                abilities.edit ? (entry) => <CommentActions number={ticket.number} entry={entry} /> : undefined
              }
            />
            <CommentForm
              number={ticket.number}
              agent
              abilities={ticket.abilities}
              finished={closedCategories.includes(ticket.status.category)}
              people={[ticket.requester.email, ...ticket.ccs]}
              kind={kind}
              onKindChange={setKind}
              live={collision.commentForm}
              tools={
                abilities.work
                  ? (insert) => (
                      <Group gap="xs" align="flex-end">
                        <MacroPicker number={ticket.number} onInsert={insert} />
                        <KbInsertButton number={ticket.number} onInsert={insert} />
                      </Group>
                    )
                  : undefined
              }
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <TicketDetails ticket={ticket} />
            <TicketTags number={ticket.number} canEdit={abilities.edit} />
            <RequesterCard ticket={ticket} />
            <AgentSatisfactionPanel number={ticket.number} />
            <TicketFields fields={ticket.fields} showStored />
            <TicketAttachments attachments={ticket.attachments} />
            <CcPanel ticket={ticket} />
            {abilities.work && <TasksPanel number={ticket.number} />}
            {abilities.work && <LinkedTickets ticket={ticket} />}
            {abilities.work && <KbTicketPanel number={ticket.number} />}
            <AlertsPanel number={ticket.number} />
            <ReadBy number={ticket.number} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function TicketNotFound() {
  const t = useT();
  useDocumentTitle(t("agent.ticket.notFound"));
  return (
    <Stack gap="md" maw={640}>
      <Title order={1}>{t("agent.ticket.notFound")}</Title>
      <Text>{t("agent.ticket.notFoundExplained")}</Text>
      <BackToTickets />
    </Stack>
  );
}

function TicketFailed({ message }: { message: string }) {
  const t = useT();
  useDocumentTitle(t("agent.ticket.title"));
  return (
    <Stack gap="md" maw={640}>
      <Title order={1}>{t("agent.ticket.title")}</Title>
      <Alert color="red" title={t("agent.ticket.loadFailed")}>
        {message}
      </Alert>
      <BackToTickets />
    </Stack>
  );
}

function BackToTickets() {
  const t = useT();
  return (
    <Anchor component={Link} to="/agent/tickets" size="sm">
      {t("agent.ticket.back")}
    </Anchor>
  );
}
