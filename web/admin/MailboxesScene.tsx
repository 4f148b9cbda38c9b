import { Badge, Stack, Text } from "@mantine/core";
import { mailboxesCollection } from "../../common/admin-collections.ts";
import type { Mailbox } from "../../common/mailboxes.ts";
import { AdminCollectionPage } from "./AdminCollectionPage.tsx";
import { MailboxForm } from "./MailboxForm.tsx";

function receivedThrough(m: Mailbox): string {
  return m.imap ? `IMAP ${m.imap.user} at ${m.imap.host}:${m.imap.port} (${m.imap.folder})` : "SMTP receiver";
}

export function MailboxesScene() {
  return (
    <AdminCollectionPage
      collection={mailboxesCollection}
      intro="Mail to these addresses opens requests, and replies to our mail are added to their request. Mail arrives through the built-in SMTP receiver or is fetched from an IMAP account."
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
