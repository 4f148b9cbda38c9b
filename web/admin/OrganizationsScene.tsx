import { Box, Button, Group, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useDeleteDirectoryEntry, useOrganizations, useSaveOrganization } from "../api/admin.ts";
import { QueryView } from "../ui/QueryView.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { AccountCard, type Organization } from "./AccountCard.tsx";
import { ConfirmDelete } from "./ConfirmDelete.tsx";
import { type NameEdit, NameModal } from "./NameModal.tsx";
import { RowActions } from "./RowActions.tsx";

/** Accounts (top-level organizations) with their departments listed under each. */
export function OrganizationsScene() {
  useDocumentTitle("Organizations");
  const organizations = useOrganizations();
  const remove = useDeleteDirectoryEntry("organizations");
  const [edit, setEdit] = useState<NameEdit>(null);
  const [deleting, setDeleting] = useState<Organization | null>(null);
  const all = organizations.data?.organizations ?? [];
  const accounts = all.filter((o) => o.parentId === null);

  const actions = (o: Organization) => (
    <Group gap="xs">
      {o.parentId === null && (
        <Button
          size="xs"
          variant="default"
          aria-label={`Add department to ${o.name}`}
          onClick={() => setEdit({ title: `Add department to ${o.name}`, name: "", extra: { parentId: o.id } })}
        >
          Add department
        </Button>
      )}
      <RowActions
        name={o.name}
        editLabel="Rename"
        onEdit={() => setEdit({ title: `Rename ${o.name}`, id: o.id, name: o.name, extra: { parentId: o.parentId } })}
        onDelete={() => setDeleting(o)}
      />
    </Group>
  );

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>Organizations</Title>
        <Button onClick={() => setEdit({ title: "New account", name: "" })}>New account</Button>
      </Group>
      <Text>
        Customers belong to accounts and their departments. With the Department viewer role they see their colleagues'
        requests.
      </Text>
      <QueryView query={organizations} loading="Loading organizations">
        {() =>
          accounts.length === 0 ? (
            <Text>No organizations yet.</Text>
          ) : (
            <Stack component="ul" gap="md" p={0} m={0} style={{ listStyle: "none" }} aria-label="Organizations">
              {accounts.map((account) => (
                <Box component="li" key={account.id}>
                  <AccountCard
                    account={account}
                    departments={all.filter((d) => d.parentId === account.id)}
                    actions={actions}
                  />
                </Box>
              ))}
            </Stack>
          )
        }
      </QueryView>
      <NameModal useSave={useSaveOrganization} edit={edit} onClose={() => setEdit(null)} />
      <ConfirmDelete
        title={`Delete ${deleting?.name ?? ""}?`}
        body="Its members stay, and its requests stay with their requesters."
        mutation={remove}
        id={deleting?.id ?? null}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}
