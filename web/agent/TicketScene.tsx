import { Alert, Anchor, Grid, Paper, Stack, Text, Title } from "@mantine/core";
import { Link, useParams } from "react-router";
import type { TicketDetail } from "../../common/tickets.ts";
import { ApiError } from "../api/client.ts";
import { useTicket } from "../api/tickets.ts";
import { AlertsPanel } from "../ui/AlertsPanel.tsx";
import { CommentForm, closedCategories, Feed, ReadBy } from "../ui/Conversation.tsx";
import { LoadingState } from "../ui/LoadingState.tsx";
import { MessageBody } from "../ui/MessageBody.tsx";
import { CcPanel, FollowUpLinks, StatusChanger } from "../ui/TicketActions.tsx";
import { TicketAttachments, TicketFields } from "../ui/TicketExtras.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { LinkedTickets } from "./LinkedTickets.tsx";
import { MacroPicker } from "./MacroPicker.tsx";
import { TasksPanel } from "./TasksPanel.tsx";
import { TicketDetails } from "./TicketDetails.tsx";

export function TicketScene() {
  const { number } = useParams();
  if (!number || !/^[1-9]\d{0,9}$/.test(number)) return <TicketNotFound />;
  return <TicketLoader number={Number(number)} />;
}

function TicketLoader({ number }: { number: number }) {
  const ticket = useTicket(number);
  if (ticket.isPending) return <LoadingState label={`Loading ticket #${number}`} />;
  if (ticket.isError) {
    const missing = ticket.error instanceof ApiError && ["not_found", "validation_failed"].includes(ticket.error.code);
    return missing ? <TicketNotFound /> : <TicketFailed message={ticket.error.message} />;
  }
  return <TicketView ticket={ticket.data} />;
}

function TicketView({ ticket }: { ticket: TicketDetail }) {
  const heading = `#${ticket.number} ${ticket.subject}`;
  useDocumentTitle(heading);
  return (
    <Stack gap="md">
      <BackToTickets />
      <Title order={1} style={{ overflowWrap: "anywhere" }}>
        {heading}
      </Title>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="ticket-message">
            <Title order={2} size="h4" id="ticket-message" mb="sm">
              Message
            </Title>
            <MessageBody message={ticket.message} format={ticket.messageFormat} />
          </Paper>
          <Stack gap="md" mt="md">
            <FollowUpLinks ticket={ticket} base="/agent/tickets" />
            <StatusChanger ticket={ticket} />
            <Feed number={ticket.number} agent />
            <CommentForm
              number={ticket.number}
              agent
              closed={closedCategories.includes(ticket.status.category)}
              people={[ticket.requester.email, ...ticket.ccs]}
              tools={(insert) => <MacroPicker number={ticket.number} onInsert={insert} />}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <TicketDetails ticket={ticket} />
            <TicketFields fields={ticket.fields} />
            <TicketAttachments attachments={ticket.attachments} />
            <CcPanel ticket={ticket} />
            <TasksPanel number={ticket.number} />
            <LinkedTickets ticket={ticket} />
            <AlertsPanel number={ticket.number} />
            <ReadBy number={ticket.number} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function TicketNotFound() {
  useDocumentTitle("Ticket not found");
  return (
    <Stack gap="md" maw={640}>
      <Title order={1}>Ticket not found</Title>
      <Text>There is no ticket with this number, or you may not see it.</Text>
      <BackToTickets />
    </Stack>
  );
}

function TicketFailed({ message }: { message: string }) {
  useDocumentTitle("Ticket");
  return (
    <Stack gap="md" maw={640}>
      <Title order={1}>Ticket</Title>
      <Alert color="red" title="The ticket could not be loaded">
        {message}
      </Alert>
      <BackToTickets />
    </Stack>
  );
}

function BackToTickets() {
  return (
    <Anchor component={Link} to="/agent/tickets" size="sm">
      ← All tickets
    </Anchor>
  );
}
