import { Box, Button, Group, Stack, Text } from "@mantine/core";
import { organizationsCollection } from "../../common/admin-collections.ts";
import { AccountCard, type Organization } from "./AccountCard.tsx";
import { AdminCollectionPage, type Controls } from "./AdminCollectionPage.tsx";
import { NameForm } from "./NameForm.tsx";
import { RowActions } from "./RowActions.tsx";

type OrganizationControls = Controls<typeof organizationsCollection.input, Organization>;

function actions(o: Organization, controls: OrganizationControls) {
  return (
    <Group gap="xs">
      {o.parentId === null && (
        <Button
          size="xs"
          variant="default"
          aria-label={`Add department to ${o.name}`}
          onClick={() => controls.create(`Add department to ${o.name}`, { parentId: o.id })}
        >
          Add department
        </Button>
      )}
      <RowActions
        name={o.name}
        editLabel="Rename"
        onEdit={() => controls.edit(o)}
        onDelete={() => controls.remove(o)}
      />
    </Group>
  );
}

/** Accounts (top-level organizations) with their departments listed under each. */
export function OrganizationsScene() {
  return (
    <AdminCollectionPage
      collection={organizationsCollection}
      intro="Customers belong to accounts and their departments. With the Department viewer role they see their colleagues' requests."
      columns={[]}
      name={(o) => o.name}
      editLabel="Rename"
      body={(all, controls) => {
        const accounts = all.filter((o) => o.parentId === null);
        return accounts.length === 0 ? (
          <Text>No organizations yet.</Text>
        ) : (
          <Stack component="ul" gap="md" p={0} m={0} style={{ listStyle: "none" }} aria-label="Organizations">
            {accounts.map((account) => (
              <Box component="li" key={account.id}>
                <AccountCard
                  account={account}
                  departments={all.filter((d) => d.parentId === account.id)}
                  actions={(o) => actions(o, controls)}
                />
              </Box>
            ))}
          </Stack>
        );
      }}
      form={(p) => (
        <NameForm
          {...p}
          initial={p.item?.name ?? ""}
          toInput={(name) => ({ name, parentId: p.item ? p.item.parentId : (p.preset.parentId ?? null) })}
        />
      )}
      confirmDelete={{
        title: (o) => `Delete ${o.name}?`,
        body: "Its members stay, and its requests stay with their requesters.",
      }}
    />
  );
}
