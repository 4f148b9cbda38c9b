import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import type { AdminUser } from "../../common/admin.ts";
import { useAdminUsers } from "../api/admin.ts";
import { LoadingState } from "../ui/LoadingState.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { type UserEdit, UserModal } from "./UserModal.tsx";

const names = (items: { name: string }[]) => items.map((i) => i.name).join(", ") || "—";

function StatusBadge({ user }: { user: AdminUser }) {
  if (user.disabled)
    return (
      <Badge variant="dot" color="gray" c="dark.9">
        Disabled
      </Badge>
    );
  if (!user.confirmed)
    return (
      <Badge variant="dot" color="yellow" c="dark.9">
        Invited
      </Badge>
    );
  return (
    <Badge variant="dot" color="green" c="dark.9">
      Active
    </Badge>
  );
}

export function UsersScene() {
  useDocumentTitle("Users");
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const users = useAdminUsers(debounced);
  const [edit, setEdit] = useState<UserEdit>(null);
  const all = users.data?.pages.flatMap((p) => p.users) ?? [];
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>Users</Title>
        <Button onClick={() => setEdit({ user: null })}>Invite user</Button>
      </Group>
      <TextInput
        label="Search"
        placeholder="Name or email"
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maw={360}
      />
      {users.isPending ? (
        <LoadingState label="Loading users" />
      ) : users.isError ? (
        <Alert color="red">{users.error.message}</Alert>
      ) : all.length === 0 ? (
        <Text>No users match.</Text>
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={900} type="native">
            <Table aria-label="Users" verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  {["Name", "Email", "Licence", "Roles", "Organizations", "Groups", "Status", "Actions"].map((h) => (
                    <Table.Th key={h} scope="col">
                      {h}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {all.map((user) => (
                  <Table.Tr key={user.id}>
                    <Table.Td>{user.name}</Table.Td>
                    <Table.Td style={{ overflowWrap: "anywhere" }}>{user.email}</Table.Td>
                    <Table.Td style={{ textTransform: "capitalize" }}>{user.licence}</Table.Td>
                    <Table.Td>{names(user.roles)}</Table.Td>
                    <Table.Td>{names(user.organizations)}</Table.Td>
                    <Table.Td>{names(user.groups)}</Table.Td>
                    <Table.Td>
                      <StatusBadge user={user} />
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={`Edit ${user.name}`}
                        onClick={() => setEdit({ user })}
                      >
                        Edit
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {users.hasNextPage && (
        <Group>
          <Button variant="default" onClick={() => users.fetchNextPage()} loading={users.isFetchingNextPage}>
            Load more
          </Button>
        </Group>
      )}
      <UserModal edit={edit} onClose={() => setEdit(null)} />
    </Stack>
  );
}
