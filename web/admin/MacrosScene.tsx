import { Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import type { Macro } from "../../common/macros.ts";
import { priorityLabels } from "../../common/tickets.ts";
import { type MacroEdit, MacroModal } from "../agent/MacroModal.tsx";
import { useStatuses } from "../api/lifecycle.ts";
import { useDeleteMacro, useMacros } from "../api/macros.ts";
import { QueryView } from "../ui/QueryView.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { ConfirmDelete } from "./ConfirmDelete.tsx";
import { RowActions } from "./RowActions.tsx";

/** Shared macros: canned replies every agent can apply; agents keep their personal ones on the ticket page. */
export function MacrosScene() {
  useDocumentTitle("Macros");
  const macros = useMacros();
  const statuses = useStatuses();
  const remove = useDeleteMacro();
  const [edit, setEdit] = useState<MacroEdit>(null);
  const [deleting, setDeleting] = useState<Macro | null>(null);
  const statusLabel = (id: string | null) => statuses.data?.statuses.find((s) => s.id === id)?.agentLabel;
  const sets = (m: Macro) =>
    [
      m.statusId ? `Status: ${statusLabel(m.statusId) ?? "?"}` : null,
      m.priority ? `Priority: ${priorityLabels[m.priority]}` : null,
    ]
      .filter(Boolean)
      .join(", ") || "Nothing";
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>Macros</Title>
        <Button onClick={() => setEdit({ shared: true })}>New macro</Button>
      </Group>
      <Text>
        Shared macros are canned replies every agent can apply on a ticket: they insert text and set the status and
        priority. Agents add their own personal macros on the ticket page.
      </Text>
      <QueryView query={macros} loading="Loading macros">
        {(data) => {
          const shared = data.macros.filter((m) => m.shared);
          return shared.length === 0 ? (
            <Text>No shared macros yet.</Text>
          ) : (
            <Paper withBorder radius="md">
              <Table aria-label="Shared macros" verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Name</Table.Th>
                    <Table.Th scope="col">Sets</Table.Th>
                    <Table.Th scope="col">Actions</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shared.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Td>{m.name}</Table.Td>
                      <Table.Td>{sets(m)}</Table.Td>
                      <Table.Td>
                        <RowActions
                          name={m.name}
                          onEdit={() => setEdit({ shared: true, macro: m })}
                          onDelete={() => setDeleting(m)}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          );
        }}
      </QueryView>
      <MacroModal edit={edit} onClose={() => setEdit(null)} />
      <ConfirmDelete
        title={`Delete "${deleting?.name ?? ""}"?`}
        body="Agents can no longer apply it. Tickets it was applied to keep their text and fields."
        mutation={remove}
        id={deleting?.id ?? null}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}
