import { Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useDeleteDirectoryEntry, useGroups, useSaveGroup } from "../api/admin.ts";
import { QueryView } from "../ui/QueryView.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { ConfirmDelete } from "./ConfirmDelete.tsx";
import { type NameEdit, NameModal } from "./NameModal.tsx";
import { RowActions } from "./RowActions.tsx";

export function GroupsScene() {
  useDocumentTitle("Groups");
  const groups = useGroups();
  const remove = useDeleteDirectoryEntry("groups");
  const [edit, setEdit] = useState<NameEdit>(null);
  const [deleting, setDeleting] = useState<{ id: string; name: string } | null>(null);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>Groups</Title>
        <Button onClick={() => setEdit({ title: "New group", name: "" })}>New group</Button>
      </Group>
      <Text>
        Groups gather agents who work together, such as a first-line team. Add people to a group on the Users page.
      </Text>
      <QueryView query={groups} loading="Loading groups">
        {(data) =>
          data.groups.length === 0 ? (
            <Text>No groups yet.</Text>
          ) : (
            <Paper withBorder radius="md">
              <Table aria-label="Groups" verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Name</Table.Th>
                    <Table.Th scope="col">Members</Table.Th>
                    <Table.Th scope="col">Actions</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.groups.map((g) => (
                    <Table.Tr key={g.id}>
                      <Table.Td>{g.name}</Table.Td>
                      <Table.Td>{g.memberCount}</Table.Td>
                      <Table.Td>
                        <RowActions
                          name={g.name}
                          editLabel="Rename"
                          onEdit={() => setEdit({ title: `Rename ${g.name}`, id: g.id, name: g.name })}
                          onDelete={() => setDeleting(g)}
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
      <NameModal useSave={useSaveGroup} edit={edit} onClose={() => setEdit(null)} />
      <ConfirmDelete
        title={`Delete group ${deleting?.name ?? ""}?`}
        body="Its agents stay; only the group goes."
        mutation={remove}
        id={deleting?.id ?? null}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}
