import { Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useAdminWithdrawReasons, useDeleteWithdrawReason, useSaveWithdrawReason } from "../api/catalog-admin.ts";
import { QueryView } from "../ui/QueryView.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { ConfirmDelete } from "./ConfirmDelete.tsx";
import { type NameEdit, NameModal } from "./NameModal.tsx";
import { RowActions } from "./RowActions.tsx";

const reasonField = { key: "label", label: "Reason" } as const;

export function WithdrawReasonsScene() {
  useDocumentTitle("Withdrawal reasons");
  const reasons = useAdminWithdrawReasons();
  const remove = useDeleteWithdrawReason();
  const [edit, setEdit] = useState<NameEdit>(null);
  const [deleting, setDeleting] = useState<{ id: string; label: string } | null>(null);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>Withdrawal reasons</Title>
        <Button onClick={() => setEdit({ title: "New reason", name: "" })}>New reason</Button>
      </Group>
      <Text>Requesters choose one of these when they withdraw a request; it shows in the ticket's Feed.</Text>
      <QueryView query={reasons} loading="Loading reasons">
        {(data) => (
          <Paper withBorder radius="md">
            <Table aria-label="Withdrawal reasons" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Reason</Table.Th>
                  <Table.Th scope="col">Actions</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.reasons.map((r, position) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{r.label}</Table.Td>
                    <Table.Td>
                      <RowActions
                        name={r.label}
                        onEdit={() =>
                          setEdit({ title: `Edit ${r.label}`, id: r.id, name: r.label, extra: { position } })
                        }
                        onDelete={() => setDeleting(r)}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        )}
      </QueryView>
      <NameModal useSave={useSaveWithdrawReason} field={reasonField} edit={edit} onClose={() => setEdit(null)} />
      <ConfirmDelete
        title={`Remove "${deleting?.label ?? ""}"?`}
        body="Withdrawn requests keep the reason they were given."
        action="Remove"
        mutation={remove}
        id={deleting?.id ?? null}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}
