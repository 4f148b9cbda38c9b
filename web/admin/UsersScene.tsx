import { Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import type { AdminUser } from "../../common/admin.ts";
import { useAdminUsers } from "../api/admin.ts";
import { useT } from "../i18n/use-t.ts";
import { QueryView } from "../ui/QueryView.tsx";
import { ScrollTable } from "../ui/ScrollTable.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { licenceLabel, type UserEdit, UserModal } from "./UserModal.tsx";

const names = (items: { name: string }[]) => items.map((i) => i.name).join(", ") || "—";

function StatusBadge({ user }: { user: AdminUser }) {
  const t = useT();
  if (user.disabled)
    return (
      <Badge variant="dot" color="gray" c="dark.9">
        {t("admin.users.status.disabled")}
      </Badge>
    );
  if (!user.confirmed)
    return (
      <Badge variant="dot" color="yellow" c="dark.9">
        {t("admin.users.status.invited")}
      </Badge>
    );
  return (
    <Badge variant="dot" color="green" c="dark.9">
      {t("admin.users.status.active")}
    </Badge>
  );
}

export function UsersScene() {
  const t = useT();
  useDocumentTitle(t("admin.users.title"));
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const users = useAdminUsers(debounced);
  const [edit, setEdit] = useState<UserEdit>(null);
  const all = users.data?.pages.flatMap((p) => p.users) ?? [];
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t("admin.users.title")}</Title>
        <Button onClick={() => setEdit({ user: null })}>{t("admin.users.invite")}</Button>
      </Group>
      <TextInput
        label={t("admin.users.search")}
        placeholder={t("admin.users.searchPlaceholder")}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maw={360}
      />
      <QueryView query={users} loading={t("admin.users.loading")}>
        {() =>
          all.length === 0 ? (
            <Text>{t("admin.users.noMatch")}</Text>
          ) : (
            <Paper withBorder radius="md">
              <ScrollTable minWidth={900} label={t("admin.users.title")}>
                <Table aria-label={t("admin.users.title")} verticalSpacing="sm">
                  <Table.Thead>
                    <Table.Tr>
                      {[
                        t("admin.form.name"),
                        t("admin.users.email"),
                        t("admin.users.licence"),
                        t("admin.users.roles"),
                        t("admin.users.organizations"),
                        t("admin.users.groups"),
                        t("admin.users.status"),
                        t("admin.table.actions"),
                      ].map((h) => (
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
                        <Table.Td>{user.email}</Table.Td>
                        <Table.Td>{licenceLabel(t, user.licence)}</Table.Td>
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
                            aria-label={t("admin.row.editNamed", { action: t("admin.row.edit"), name: user.name })}
                            onClick={() => setEdit({ user })}
                          >
                            {t("admin.row.edit")}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
            </Paper>
          )
        }
      </QueryView>
      {users.hasNextPage && (
        <Group>
          <Button variant="default" onClick={() => users.fetchNextPage()} loading={users.isFetchingNextPage}>
            {t("admin.users.loadMore")}
          </Button>
        </Group>
      )}
      <UserModal edit={edit} onClose={() => setEdit(null)} />
    </Stack>
  );
}
