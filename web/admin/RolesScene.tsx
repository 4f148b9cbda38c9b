import { Button, Group, Text, Tooltip, VisuallyHidden } from "@mantine/core";
import { rolesCollection } from "../../common/admin-collections.ts";
import { useRoles } from "../api/admin.ts";
import { AdminCollectionPage } from "./AdminCollectionPage.tsx";
import { RoleForm } from "./RoleForm.tsx";

const builtinNote = "Built-in roles cannot be deleted; you can change their permissions.";

export function RolesScene() {
  const permissions = useRoles().data?.permissions ?? [];
  return (
    <AdminCollectionPage
      collection={rolesCollection}
      intro="A role is a set of permissions. What it grants is limited by each user's licence."
      spacing="sm"
      minWidth={640}
      columns={[
        { header: "Name", cell: (role) => role.name },
        { header: "Permissions", cell: (role) => <Text size="sm">{role.permissions.join(", ") || "None"}</Text> },
        { header: "Users", cell: (role) => role.userCount },
      ]}
      name={(role) => role.name}
      actions={(role, controls) => (
        <Group gap="xs" wrap="nowrap">
          <Button size="xs" variant="default" aria-label={`Edit ${role.name}`} onClick={() => controls.edit(role)}>
            Edit
          </Button>
          <Tooltip label={builtinNote} disabled={!role.builtin} events={{ hover: true, focus: true, touch: true }}>
            {/* Not `disabled`: a disabled button gets no hover or focus, so its tooltip would never show. */}
            <Button
              size="xs"
              variant="default"
              color="red"
              aria-label={`Delete ${role.name}`}
              aria-disabled={role.builtin || undefined}
              aria-describedby={role.builtin ? "builtin-role-note" : undefined}
              data-disabled={role.builtin || undefined}
              onClick={() => !role.builtin && controls.remove(role)}
            >
              Delete
            </Button>
          </Tooltip>
        </Group>
      )}
      dialogSize="lg"
      form={(p) => <RoleForm {...p} permissions={permissions} />}
      confirmDelete={{ title: (role) => `Delete role ${role.name}?`, body: "Users keep their other roles." }}
    >
      <VisuallyHidden id="builtin-role-note">{builtinNote}</VisuallyHidden>
    </AdminCollectionPage>
  );
}
