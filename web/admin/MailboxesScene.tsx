import { Alert, Badge, Button, Stack, Text } from "@mantine/core";
import { useSearchParams } from "react-router";
import { mailboxesCollection } from "../../common/admin-collections.ts";
import { isOAuthFailure, type Mailbox, productNames } from "../../common/mailboxes.ts";
import { useAdminList } from "../api/admin-collections.ts";
import { useConnectMailbox } from "../api/mailboxes.ts";
import { type Translate, useT } from "../i18n/use-t.ts";
import { formatDateTime } from "../ui/format.ts";
import { AdminCollectionPage } from "./AdminCollectionPage.tsx";
import { MailboxForm } from "./MailboxForm.tsx";

const providerNames = {
  microsoft: productNames.microsoft,
  google: productNames.google,
  oidc: productNames.oauth2,
} as const;

function receivedThrough(t: ReturnType<typeof useT>, m: Mailbox): string {
  if (!m.imap) return t("admin.mailboxes.smtpReceiver");
  const account = { user: m.imap.user, host: m.imap.host, port: String(m.imap.port), folder: m.imap.folder };
  return m.imap.oauth
    ? t("admin.mailboxes.imapOAuth", { ...account, provider: providerNames[m.imap.oauth.provider] })
    : t("admin.mailboxes.imap", account);
}

/** Whether the OAuth2 account is connected, when mail was last fetched, and the button to (re)connect. */
function FetchState({ mailbox }: { mailbox: Mailbox }) {
  const t = useT();
  const connect = useConnectMailbox();
  const oauth = mailbox.imap?.oauth;
  if (!mailbox.imap) return null;
  // A mailbox that has worked before and lost its connection is reconnected, not connected anew.
  const action =
    oauth?.connectedAt || mailbox.lastFetchedAt || mailbox.failingSince
      ? t("admin.mailboxes.reconnect")
      : t("admin.mailboxes.connect");
  return (
    <>
      {oauth && (
        <Badge variant="dot" color={oauth.connectedAt ? "green" : "red"} c="dark.9">
          {oauth.connectedAt ? t("admin.mailboxes.connected") : t("admin.mailboxes.notConnected")}
        </Badge>
      )}
      <Text size="sm">
        {mailbox.lastFetchedAt
          ? t("admin.mailboxes.lastFetched", { when: formatDateTime(mailbox.lastFetchedAt) })
          : t("admin.mailboxes.notFetched")}
      </Text>
      {oauth && (
        <Button
          size="xs"
          variant={oauth.connectedAt ? "default" : "filled"}
          loading={connect.isPending}
          onClick={() => connect.mutate(mailbox.id)}
          aria-label={t("admin.row.editNamed", { action, name: mailbox.address })}
        >
          {action}
        </Button>
      )}
      {connect.error && (
        <Text size="sm" c="red.9" role="alert">
          {connect.error.message}
        </Text>
      )}
    </>
  );
}

function oauthFailureSentence(t: Translate, code: string): string {
  if (!isOAuthFailure(code)) return t("admin.mailboxes.oauthFailure.other");
  switch (code) {
    case "not_started":
      return t("admin.mailboxes.oauthFailure.notStarted");
    case "refused":
      return t("admin.mailboxes.oauthFailure.refused");
    case "expired":
      return t("admin.mailboxes.oauthFailure.expired");
    case "not_oauth":
      return t("admin.mailboxes.oauthFailure.notOAuth");
    case "no_refresh_token":
      return t("admin.mailboxes.oauthFailure.noRefreshToken");
    case "token_failed":
      return t("admin.mailboxes.oauthFailure.tokenFailed");
  }
}

/** What the provider's sign-in came to, after it sent the admin back here. */
function ConnectOutcome() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const list = useAdminList(mailboxesCollection);
  const connected = list.data?.mailboxes.find((m) => m.id === params.get("connected"));
  const code = params.get("oauthError");
  // Only a known code is worded, by us: the address is anyone's to write, so its text is never shown.
  const failure = code === null ? null : oauthFailureSentence(t, code);
  if (!connected && !failure) return null;
  const dismiss = () => setParams({}, { replace: true });
  return (
    <Alert
      color={failure ? "red" : "green"}
      withCloseButton
      closeButtonLabel={t("admin.inbound.dismiss")}
      onClose={dismiss}
      title={
        failure
          ? t("admin.mailboxes.notConnectedTitle")
          : t("admin.mailboxes.connectedTitle", { address: connected?.address ?? "" })
      }
    >
      {failure ?? t("admin.mailboxes.nextPoll")}
    </Alert>
  );
}

export function MailboxesScene() {
  const t = useT();
  return (
    <AdminCollectionPage
      collection={mailboxesCollection}
      intro={
        <>
          <Text>{t("admin.mailboxes.intro")}</Text>
          <ConnectOutcome />
        </>
      }
      empty={t("admin.mailboxes.empty")}
      spacing="sm"
      columns={[
        {
          header: t("admin.mailboxes.address"),
          cell: (m) => (
            <>
              <Text fw={500}>{m.address}</Text>
              <Text size="sm">{m.name}</Text>
            </>
          ),
        },
        { header: t("admin.mailboxes.receivesThrough"), cell: (m) => receivedThrough(t, m) },
        {
          header: t("admin.jobs.state"),
          cell: (m) => (
            <Stack gap={4}>
              <Badge variant="dot" color={m.active ? "green" : "gray"} c="dark.9">
                {m.active ? t("admin.users.status.active") : t("admin.catalog.off")}
              </Badge>
              <FetchState mailbox={m} />
              {m.lastError && (
                <Text size="sm" c="red.9">
                  {m.lastError}
                </Text>
              )}
            </Stack>
          ),
        },
      ]}
      name={(m) => m.address}
      dialogSize="lg"
      form={(p) => <MailboxForm {...p} />}
      confirmDelete={{
        title: (m) => t("admin.mailboxes.deleteTitle", { name: m.address }),
        body: t("admin.mailboxes.deleteBody"),
      }}
    />
  );
}
