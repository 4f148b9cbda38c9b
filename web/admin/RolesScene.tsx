import { Button, Group, Paper, Stack, Table, Text, Title, Tooltip, VisuallyHidden } from "@mantine/core";
import { useState } from "react";
import type { Role } from "../../common/admin.ts";
import { useDeleteDirectoryEntry, useRoles } from "../api/admin.ts";
import { QueryView } from "../ui/QueryView.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { ConfirmDelete } from "./ConfirmDelete.tsx";
import { type RoleEdit, RoleModal } from "./RoleModal.tsx";

const builtinNote = "Built-in roles cannot be deleted; you can change their permissions.";

export function RolesScene() {
  useDocumentTitle("Roles");
  const roles = useRoles();
  const remove = useDeleteDirectoryEntry("roles");
  const [edit, setEdit] = useState<RoleEdit>(null);
  const [deleting, setDeleting] = useState<Role | null>(null);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>Roles</Title>
        <Button onClick={() => setEdit({ role: null })}>New role</Button>
      </Group>
      <Text>A role is a set of permissions. What it grants is limited by each user's licence.</Text>
      <VisuallyHidden id="builtin-role-note">{builtinNote}</VisuallyHidden>
      <QueryView query={roles} loading="Loading roles">
        {(data) => (
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={640} type="native">
              <Table aria-label="Roles" verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Name</Table.Th>
                    <Table.Th scope="col">Permissions</Table.Th>
                    <Table.Th scope="col">Users</Table.Th>
                    <Table.Th scope="col">Actions</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.roles.map((role) => (
                    <Table.Tr key={role.id}>
                      <Table.Td>{role.name}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{role.permissions.join(", ") || "None"}</Text>
                      </Table.Td>
                      <Table.Td>{role.userCount}</Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Button
                            size="xs"
                            variant="default"
                            aria-label={`Edit ${role.name}`}
                            onClick={() => setEdit({ role })}
                          >
                            Edit
                          </Button>
                          <Tooltip
                            label={builtinNote}
                            disabled={!role.builtin}
                            events={{ hover: true, focus: true, touch: true }}
                          >
                            {/* Not `disabled`: a disabled button gets no hover or focus, so its tooltip would never show. */}
                            <Button
                              size="xs"
                              variant="default"
                              color="red"
                              aria-label={`Delete ${role.name}`}
                              aria-disabled={role.builtin || undefined}
                              aria-describedby={role.builtin ? "builtin-role-note" : undefined}
                              data-disabled={role.builtin || undefined}
                              onClick={() => !role.builtin && setDeleting(role)}
                            >
                              Delete
                            </Button>
                          </Tooltip>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
      </QueryView>
      <RoleModal edit={edit} permissions={roles.data?.permissions ?? []} onClose={() => setEdit(null)} />
      <ConfirmDelete
        title={`Delete role ${deleting?.name ?? ""}?`}
        body="Users keep their other roles."
        mutation={remove}
        id={deleting?.id ?? null}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}
