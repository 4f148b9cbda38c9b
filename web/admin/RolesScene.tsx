import { Button, Group, Text, Tooltip, VisuallyHidden } from "@mantine/core";
import { rolesCollection } from "../../common/admin-collections.ts";
import { useRoles } from "../api/admin.ts";
import { useT } from "../i18n/use-t.ts";
import { AdminCollectionPage } from "./AdminCollectionPage.tsx";
import { RoleForm } from "./RoleForm.tsx";

export function RolesScene() {
  const t = useT();
  const builtinNote = t("admin.roles.builtinNote");
  const permissions = useRoles().data?.permissions ?? [];
  return (
    <AdminCollectionPage
      collection={rolesCollection}
      intro={t("admin.roles.intro")}
      spacing="sm"
      minWidth={640}
      columns={[
        { header: t("admin.form.name"), cell: (role) => role.name },
        {
          header: t("admin.roles.permissions"),
          cell: (role) => <Text size="sm">{role.permissions.join(", ") || t("admin.roles.none")}</Text>,
        },
        { header: t("admin.roles.users"), cell: (role) => role.userCount },
      ]}
      name={(role) => role.name}
      actions={(role, controls) => (
        <Group gap="xs" wrap="nowrap">
          <Button
            size="xs"
            variant="default"
            aria-label={t("admin.row.editNamed", { action: t("admin.row.edit"), name: role.name })}
            onClick={() => controls.edit(role)}
          >
            {t("admin.row.edit")}
          </Button>
          <Tooltip label={builtinNote} disabled={!role.builtin} events={{ hover: true, focus: true, touch: true }}>
            {/* Not `disabled`: a disabled button gets no hover or focus, so its tooltip would never show. */}
            <Button
              size="xs"
              variant="default"
              color="red"
              aria-label={t("admin.row.deleteNamed", { name: role.name })}
              aria-disabled={role.builtin || undefined}
              aria-describedby={role.builtin ? "builtin-role-note" : undefined}
              data-disabled={role.builtin || undefined}
              onClick={() => !role.builtin && controls.remove(role)}
            >
              {t("admin.row.delete")}
            </Button>
          </Tooltip>
        </Group>
      )}
      dialogSize="lg"
      form={(p) => <RoleForm {...p} permissions={permissions} />}
      confirmDelete={{
        title: (role) => t("admin.roles.deleteTitle", { name: role.name }),
        body: t("admin.roles.deleteBody"),
      }}
    >
      <VisuallyHidden id="builtin-role-note">{builtinNote}</VisuallyHidden>
    </AdminCollectionPage>
  );
}
