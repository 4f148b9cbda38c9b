import { Alert, Badge, Button, Stack, Text } from "@mantine/core";
import { useSearchParams } from "react-router";
import { mailboxesCollection } from "../../common/admin-collections.ts";
import type { Mailbox } from "../../common/mailboxes.ts";
import { useAdminList } from "../api/admin-collections.ts";
import { useConnectMailbox } from "../api/mailboxes.ts";
import { AdminCollectionPage } from "./AdminCollectionPage.tsx";
import { MailboxForm } from "./MailboxForm.tsx";

const providerNames = { microsoft: "Microsoft 365", google: "Google", oidc: "OAuth2" } as const;

function receivedThrough(m: Mailbox): string {
  if (!m.imap) return "SMTP receiver";
  const via = m.imap.oauth ? `, signs in with ${providerNames[m.imap.oauth.provider]}` : "";
  return `IMAP ${m.imap.user} at ${m.imap.host}:${m.imap.port} (${m.imap.folder})${via}`;
}

const when = (at: string) => new Date(at).toLocaleString();

/** Whether the OAuth2 account is connected, when mail was last fetched, and the button to (re)connect. */
function FetchState({ mailbox }: { mailbox: Mailbox }) {
  const connect = useConnectMailbox();
  const oauth = mailbox.imap?.oauth;
  if (!mailbox.imap) return null;
  // A mailbox that has worked before and lost its connection is reconnected, not connected anew.
  const action = oauth?.connectedAt || mailbox.lastFetchedAt || mailbox.failingSince ? "Reconnect" : "Connect";
  return (
    <>
      {oauth && (
        <Badge variant="dot" color={oauth.connectedAt ? "green" : "red"} c="dark.9">
          {oauth.connectedAt ? "Connected" : "Not connected"}
        </Badge>
      )}
      <Text size="sm">{mailbox.lastFetchedAt ? `Last fetched ${when(mailbox.lastFetchedAt)}` : "Not fetched yet"}</Text>
      {oauth && (
        <Button
          size="xs"
          variant={oauth.connectedAt ? "default" : "filled"}
          loading={connect.isPending}
          onClick={() => connect.mutate(mailbox.id)}
          aria-label={`${action} ${mailbox.address}`}
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

/** What the provider's sign-in came to, after it sent the admin back here. */
function ConnectOutcome() {
  const [params, setParams] = useSearchParams();
  const list = useAdminList(mailboxesCollection);
  const connected = list.data?.mailboxes.find((m) => m.id === params.get("connected"));
  const failure = params.get("oauthError");
  if (!connected && !failure) return null;
  const dismiss = () => setParams({}, { replace: true });
  return (
    <Alert
      color={failure ? "red" : "green"}
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={dismiss}
      title={failure ? "The mailbox was not connected" : `${connected?.address} is connected`}
    >
      {failure ?? "Mail will be fetched at the next poll."}
    </Alert>
  );
}

export function MailboxesScene() {
  return (
    <AdminCollectionPage
      collection={mailboxesCollection}
      intro={
        <>
          <Text>
            Mail to these addresses opens requests, and replies to our mail are added to their request. Mail arrives
            through the built-in SMTP receiver or is fetched from an IMAP account.
          </Text>
          <ConnectOutcome />
        </>
      }
      empty="No mailboxes yet."
      spacing="sm"
      columns={[
        {
          header: "Address",
          cell: (m) => (
            <>
              <Text fw={500}>{m.address}</Text>
              <Text size="sm">{m.name}</Text>
            </>
          ),
        },
        { header: "Receives through", cell: receivedThrough },
        {
          header: "State",
          cell: (m) => (
            <Stack gap={4}>
              <Badge variant="dot" color={m.active ? "green" : "gray"} c="dark.9">
                {m.active ? "Active" : "Off"}
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
        title: (m) => `Delete mailbox ${m.address}?`,
        body: "Mail to this address will be refused. A mailbox that has received mail cannot be deleted; switch it off instead.",
      }}
    />
  );
}
