import { Box, Button, Group, Stack, Text } from "@mantine/core";
import { organizationsCollection } from "../../common/admin-collections.ts";
import { useT } from "../i18n/use-t.ts";
import { AccountCard, type Organization } from "./AccountCard.tsx";
import { AdminCollectionPage, type Controls } from "./AdminCollectionPage.tsx";
import { NameForm } from "./NameForm.tsx";
import { RowActions } from "./RowActions.tsx";

type OrganizationControls = Controls<typeof organizationsCollection.input, Organization>;

function actions(t: ReturnType<typeof useT>, o: Organization, controls: OrganizationControls) {
  return (
    <Group gap="xs">
      {o.parentId === null && (
        <Button
          size="xs"
          variant="default"
          aria-label={t("admin.organizations.addDepartmentTo", { name: o.name })}
          onClick={() =>
            controls.create(t("admin.organizations.addDepartmentTo", { name: o.name }), { parentId: o.id })
          }
        >
          {t("admin.organizations.addDepartment")}
        </Button>
      )}
      <RowActions
        name={o.name}
        editLabel={t("admin.row.rename")}
        onEdit={() => controls.edit(o)}
        onDelete={() => controls.remove(o)}
      />
    </Group>
  );
}

/** Accounts (top-level organizations) with their departments listed under each. */
export function OrganizationsScene() {
  const t = useT();
  return (
    <AdminCollectionPage
      collection={organizationsCollection}
      intro={t("admin.organizations.intro")}
      columns={[]}
      name={(o) => o.name}
      editLabel={t("admin.row.rename")}
      body={(all, controls) => {
        const accounts = all.filter((o) => o.parentId === null);
        return accounts.length === 0 ? (
          <Text>{t("admin.organizations.empty")}</Text>
        ) : (
          <Stack
            component="ul"
            gap="md"
            p={0}
            m={0}
            style={{ listStyle: "none" }}
            aria-label={t("admin.organizations.title")}
          >
            {accounts.map((account) => (
              <Box component="li" key={account.id}>
                <AccountCard
                  account={account}
                  departments={all.filter((d) => d.parentId === account.id)}
                  actions={(o) => actions(t, o, controls)}
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
        title: (o) => t("admin.organizations.deleteTitle", { name: o.name }),
        body: t("admin.organizations.deleteBody"),
      }}
    />
  );
}
