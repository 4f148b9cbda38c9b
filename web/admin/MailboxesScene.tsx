import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useSearchParams } from "react-router";
import type { Mailbox } from "../../common/mailboxes.ts";
import { useConnectMailbox, useDeleteMailbox, useMailboxes } from "../api/mailboxes.ts";
import { QueryView } from "../ui/QueryView.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { ConfirmDelete } from "./ConfirmDelete.tsx";
import { type MailboxEdit, MailboxModal } from "./MailboxModal.tsx";
import { RowActions } from "./RowActions.tsx";

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
function ConnectOutcome({ mailboxes }: { mailboxes: Mailbox[] }) {
  const [params, setParams] = useSearchParams();
  const connected = mailboxes.find((m) => m.id === params.get("connected"));
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
  useDocumentTitle("Mailboxes");
  const mailboxes = useMailboxes();
  const remove = useDeleteMailbox();
  const [edit, setEdit] = useState<MailboxEdit>(null);
  const [deleting, setDeleting] = useState<Mailbox | null>(null);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>Mailboxes</Title>
        <Button onClick={() => setEdit({ mailbox: null })}>New mailbox</Button>
      </Group>
      <Text>
        Mail to these addresses opens requests, and replies to our mail are added to their request. Mail arrives through
        the built-in SMTP receiver or is fetched from an IMAP account.
      </Text>
      <QueryView query={mailboxes} loading="Loading mailboxes">
        {(data) =>
          data.mailboxes.length === 0 ? (
            <Text>No mailboxes yet.</Text>
          ) : (
            <>
              <ConnectOutcome mailboxes={data.mailboxes} />
              <Paper withBorder radius="md">
                <Table aria-label="Mailboxes" verticalSpacing="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Address</Table.Th>
                      <Table.Th scope="col">Receives through</Table.Th>
                      <Table.Th scope="col">State</Table.Th>
                      <Table.Th scope="col">Actions</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.mailboxes.map((m) => (
                      <Table.Tr key={m.id}>
                        <Table.Td>
                          <Text fw={500}>{m.address}</Text>
                          <Text size="sm">{m.name}</Text>
                        </Table.Td>
                        <Table.Td>{receivedThrough(m)}</Table.Td>
                        <Table.Td>
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
                        </Table.Td>
                        <Table.Td>
                          <RowActions
                            name={m.address}
                            onEdit={() => setEdit({ mailbox: m })}
                            onDelete={() => setDeleting(m)}
                          />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Paper>
            </>
          )
        }
      </QueryView>
      <MailboxModal edit={edit} onClose={() => setEdit(null)} />
      <ConfirmDelete
        title={`Delete mailbox ${deleting?.address ?? ""}?`}
        body="Mail to this address will be refused. A mailbox that has received mail cannot be deleted; switch it off instead."
        mutation={remove}
        id={deleting?.id ?? null}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}
