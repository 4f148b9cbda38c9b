import { Alert, Anchor, DataList, Paper, Stack, Text, Title } from "@mantine/core";
import { Fragment } from "react";
import { Link, useParams } from "react-router";
import { ApiError } from "../api/client.ts";
import { useDevMail } from "../api/dev-mailbox.ts";
import { useT } from "../i18n/use-t.ts";
import { formatDateTime } from "../ui/format.ts";
import { LoadingState } from "../ui/LoadingState.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";

/** The text part with its web addresses made clickable: split into text and links, no HTML involved. */
function Linked({ text }: { text: string }) {
  // Each part is keyed by where it starts in the text: stable, and unique.
  let offset = 0;
  const parts = text.split(/(https?:\/\/[^\s<>"]+)/g).map((part) => {
    const start = offset;
    offset += part.length;
    return { part, start };
  });
  return (
    <>
      {parts.map(({ part, start }) =>
        /^https?:\/\//.test(part) ? (
          <Anchor key={start} href={part}>
            {part}
          </Anchor>
        ) : (
          <Fragment key={start}>{part}</Fragment>
        ),
      )}
    </>
  );
}

export function DevMailScene() {
  const t = useT();
  const { id = "" } = useParams();
  const mail = useDevMail(id);
  useDocumentTitle(mail.data?.subject ?? t("devmail.message.title"));
  if (mail.isPending) return <LoadingState label={t("devmail.message.loading")} />;
  if (mail.isError) {
    return (
      <Stack gap="md">
        <Title order={1}>{t("devmail.message.title")}</Title>
        <Alert color="gray">
          {mail.error instanceof ApiError && mail.error.code === "not_found"
            ? t("devmail.message.notFound")
            : mail.error.message}
        </Alert>
        <Anchor component={Link} to="/dev/mailbox">
          {t("devmail.message.back")}
        </Anchor>
      </Stack>
    );
  }
  const m = mail.data;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/dev/mailbox" size="sm">
        {t("devmail.message.back")}
      </Anchor>
      <Title order={1}>{m.subject}</Title>
      <DataList aria-label={t("devmail.message.headers")} size="sm">
        <DataList.Item>
          <DataList.ItemLabel>{t("devmail.to")}</DataList.ItemLabel>
          <DataList.ItemValue>{m.to}</DataList.ItemValue>
        </DataList.Item>
        {/* Replies sent to this address thread into the ticket, through the inbound mail receiver. */}
        <DataList.Item>
          <DataList.ItemLabel>{t("devmail.message.replyTo")}</DataList.ItemLabel>
          <DataList.ItemValue>
            {m.replyTo ? <Anchor href={`mailto:${m.replyTo}`}>{m.replyTo}</Anchor> : t("devmail.message.noReplyTo")}
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t("devmail.message.date")}</DataList.ItemLabel>
          <DataList.ItemValue>{formatDateTime(m.createdAt)}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t("devmail.message.messageId")}</DataList.ItemLabel>
          <DataList.ItemValue>{m.messageId}</DataList.ItemValue>
        </DataList.Item>
      </DataList>
      <Paper withBorder radius="md" p="lg" component="section" aria-label={t("devmail.message.textVersion")}>
        <Text component="pre" style={{ whiteSpace: "pre-wrap", fontFamily: "inherit", margin: 0 }}>
          <Linked text={m.text} />
        </Text>
      </Paper>
      <Title order={2} size="h4">
        {t("devmail.message.htmlVersion")}
      </Title>
      {/* sandbox="" runs no script and opens nothing: the mail is shown as a recipient's client would, safely. */}
      <iframe
        title={t("devmail.message.htmlFrame")}
        sandbox=""
        srcDoc={m.html}
        style={{ width: "100%", minHeight: 420, border: "1px solid #ced4da", borderRadius: 8 }}
      />
    </Stack>
  );
}
