import { Alert, Anchor, Button, DataList, Paper, Stack, Text, Title } from "@mantine/core";
import { useClipboard } from "@mantine/hooks";
import { Link, Navigate, useLocation, useParams } from "react-router";
import type { TicketDetail } from "../../common/tickets.ts";
import { cameFrom } from "../account/return-path.ts";
import { ApiError } from "../api/client.ts";
import { useSession } from "../api/session.ts";
import { useTicket } from "../api/tickets.ts";
import { useT } from "../i18n/use-t.ts";
import { useLiveTicket } from "../live/use-live-tickets.ts";
import { AlertsPanel } from "../ui/AlertsPanel.tsx";
import { CommentForm, closedCategories, Feed, ReadBy } from "../ui/Conversation.tsx";
import { formatDateTime } from "../ui/format.ts";
import { LoadingState } from "../ui/LoadingState.tsx";
import { MessageBody } from "../ui/MessageBody.tsx";
import { RequesterSatisfactionPanel } from "../ui/SatisfactionPanel.tsx";
import { CcPanel, FollowUpLinks, RequesterActions } from "../ui/TicketActions.tsx";
import { PriorityBadge, StatusBadge } from "../ui/TicketBadges.tsx";
import { TicketAttachments, TicketFields } from "../ui/TicketExtras.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";

/** A request as its requester (or a guest with an access link, or a colleague in the department) sees it. */
export function RequestScene() {
  const { number } = useParams();
  if (!number || !/^[1-9]\d{0,9}$/.test(number)) return <RequestNotFound />;
  return <RequestLoader number={Number(number)} />;
}

function RequestLoader({ number }: { number: number }) {
  const t = useT();
  const ticket = useTicket(number);
  const location = useLocation();
  if (ticket.isPending) return <LoadingState label={t("requests.page.loading", { number: String(number) })} />;
  if (ticket.isError) {
    // Nobody signed in (a mail's link to the request, followed signed out): sign in, then come back here.
    if (ticket.error instanceof ApiError && ticket.error.code === "unauthenticated") {
      return <Navigate to="/sign-in" replace state={cameFrom(location)} />;
    }
    if (ticket.error instanceof ApiError && ticket.error.code === "not_found") {
      return <RequestNotFound />;
    }
    return (
      <Alert color="red" title={t("requests.page.notLoaded")}>
        {ticket.error.message}
      </Alert>
    );
  }
  return <RequestView ticket={ticket.data} />;
}

function RequestView({ ticket }: { ticket: TicketDetail }) {
  const t = useT();
  const heading = `#${ticket.number} ${ticket.subject}`;
  useDocumentTitle(heading);
  useLiveTicket(ticket.number);
  const clipboard = useClipboard({ timeout: 2000 });
  const session = useSession().data;
  const viewer = session?.user?.email ?? session?.guest?.email ?? "";
  // A CC or a colleague from the department reads someone else's request; only the requester reads "Your request".
  const own = viewer.toLowerCase() === ticket.requester.email.toLowerCase();
  return (
    <Stack gap="md">
      {/* A guest's access link opens one request: there is no list to go back to. */}
      {session?.user && (
        <Anchor component={Link} to="/requests" size="sm">
          {t("requests.page.back")}
        </Anchor>
      )}
      {/* The subject is the requester's words, in their language's direction (<bdi>), whatever the page's is. */}
      <Title order={1}>
        #{ticket.number} <bdi>{ticket.subject}</bdi>
      </Title>
      {/* The status comes first: above the message and the Feed on a phone, beside them on a wide screen. */}
      <div className="request-layout">
        <Paper
          withBorder
          radius="md"
          p="lg"
          component="section"
          aria-labelledby="request-status"
          className="request-layout-status"
        >
          <Title order={2} size="h4" id="request-status" mb="sm">
            {t("requests.page.status")}
          </Title>
          <DataList>
            <DataList.Item>
              <DataList.ItemLabel>{t("requests.page.status")}</DataList.ItemLabel>
              <DataList.ItemValue>
                <StatusBadge label={ticket.status.customerLabel} category={ticket.status.category} />
              </DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t("requests.page.priority")}</DataList.ItemLabel>
              <DataList.ItemValue>
                <PriorityBadge priority={ticket.priority} />
              </DataList.ItemValue>
            </DataList.Item>
            {ticket.service && (
              <DataList.Item>
                <DataList.ItemLabel>{t("requests.page.service")}</DataList.ItemLabel>
                <DataList.ItemValue>{ticket.service.name}</DataList.ItemValue>
              </DataList.Item>
            )}
            <DataList.Item>
              <DataList.ItemLabel>{t("requests.page.category")}</DataList.ItemLabel>
              <DataList.ItemValue>{ticket.category?.name ?? t("requests.page.noCategory")}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t("requests.page.created")}</DataList.ItemLabel>
              <DataList.ItemValue>{formatDateTime(ticket.createdAt)}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t("requests.list.lastUpdated")}</DataList.ItemLabel>
              <DataList.ItemValue>{formatDateTime(ticket.updatedAt)}</DataList.ItemValue>
            </DataList.Item>
          </DataList>
          <Button variant="default" mt="md" onClick={() => clipboard.copy(window.location.href)}>
            {clipboard.copied ? t("requests.page.copied") : t("requests.page.copyLink")}
          </Button>
        </Paper>
        <Stack gap="md" className="request-layout-main">
          <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="request-message">
            <Title order={2} size="h4" id="request-message" mb="sm">
              {own ? t("requests.page.yours") : t("requests.page.from", { name: ticket.requester.name })}
            </Title>
            <MessageBody message={ticket.message} format={ticket.messageFormat} />
          </Paper>
          <FollowUpLinks ticket={ticket} base="/requests" />
          <RequesterActions ticket={ticket} />
          {own && <RequesterSatisfactionPanel number={ticket.number} category={ticket.status.category} />}
          <Feed number={ticket.number} agent={false} />
          <CommentForm
            number={ticket.number}
            agent={false}
            abilities={ticket.abilities}
            finished={closedCategories.includes(ticket.status.category) || ticket.abilities.followUp}
            withdrawn={ticket.status.category === "cancelled"}
            people={[ticket.requester.email, ...ticket.ccs]}
          />
        </Stack>
        <Stack gap="md" className="request-layout-side">
          <TicketFields fields={ticket.fields} />
          <TicketAttachments attachments={ticket.attachments} />
          <CcPanel ticket={ticket} />
          <AlertsPanel number={ticket.number} />
          <ReadBy number={ticket.number} />
        </Stack>
      </div>
    </Stack>
  );
}

function RequestNotFound() {
  const t = useT();
  useDocumentTitle(t("requests.notFound.title"));
  return (
    <Stack gap="md" maw={640}>
      <Title order={1}>{t("requests.notFound.title")}</Title>
      <Text>{t("requests.notFound.text")}</Text>
      <Anchor component={Link} to="/status" underline="always">
        {t("requests.notFound.status")}
      </Anchor>
    </Stack>
  );
}
