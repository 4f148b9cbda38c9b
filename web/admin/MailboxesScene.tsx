import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import type { Mailbox } from "../../common/mailboxes.ts";
import { useDeleteMailbox, useMailboxes } from "../api/mailboxes.ts";
import { QueryView } from "../ui/QueryView.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { ConfirmDelete } from "./ConfirmDelete.tsx";
import { type MailboxEdit, MailboxModal } from "./MailboxModal.tsx";
import { RowActions } from "./RowActions.tsx";

function receivedThrough(m: Mailbox): string {
  return m.imap ? `IMAP ${m.imap.user} at ${m.imap.host}:${m.imap.port} (${m.imap.folder})` : "SMTP receiver";
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
