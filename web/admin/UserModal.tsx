import { Button, Group, MultiSelect, Select, Stack, Switch, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import type { Licence } from "../../common/accounts.ts";
import { type AdminUser, inviteUserSchema, updateUserSchema } from "../../common/admin.ts";
import { useGroups, useInviteUser, useOrganizations, useRoles, useUpdateUser } from "../api/admin.ts";
import { useT } from "../i18n/use-t.ts";
import { Dialog } from "../ui/Dialog.tsx";
import { Form } from "../ui/Form.tsx";
import { FormAlert } from "../ui/FormAlert.tsx";
import { fieldErrors, fieldProblems } from "../ui/form-errors.ts";
import { UserErasure } from "./UserErasure.tsx";

export type UserEdit = { user: AdminUser | null } | null;

/** A licence's name in the reader's language (the users list shows it too). */
export function licenceLabel(t: ReturnType<typeof useT>, licence: Licence): string {
  const labels: Record<Licence, string> = {
    customer: t("admin.users.licence.customer"),
    agent: t("admin.users.licence.agent"),
    admin: t("admin.users.licence.admin"),
  };
  return labels[licence];
}

const licences: Licence[] = ["customer", "agent", "admin"];

export function UserModal({ edit, onClose }: { edit: UserEdit; onClose: () => void }) {
  const t = useT();
  return (
    <Dialog
      opened={edit !== null}
      onClose={onClose}
      title={
        edit?.user
          ? t("admin.row.editNamed", { action: t("admin.row.edit"), name: edit.user.name })
          : t("admin.users.invite")
      }
      size="lg"
    >
      {edit && <UserForm key={edit.user?.id ?? "new"} user={edit.user} onDone={onClose} />}
      {edit?.user && <UserErasure key={edit.user.id} user={edit.user} onDone={onClose} />}
    </Dialog>
  );
}

const shownFields = ["name", "email", "licence", "roleIds", "organizationIds", "groupIds", "disabled"];

type Values = {
  name: string;
  email: string;
  licence: Licence;
  roleIds: string[];
  organizationIds: string[];
  groupIds: string[];
  disabled: boolean;
};

function UserForm({ user, onDone }: { user: AdminUser | null; onDone: () => void }) {
  const t = useT();
  const invite = useInviteUser();
  const update = useUpdateUser();
  const roles = useRoles().data?.roles ?? [];
  const organizations = useOrganizations().data?.organizations ?? [];
  const groups = useGroups().data?.groups ?? [];
  const form = useForm<Values>({
    initialValues: {
      name: user?.name ?? "",
      email: user?.email ?? "",
      licence: user?.licence ?? "customer",
      roleIds: user?.roles.map((r) => r.id) ?? [],
      organizationIds: user?.organizations.map((o) => o.id) ?? [],
      groupIds: user?.groups.map((g) => g.id) ?? [],
      disabled: user?.disabled ?? false,
    },
    validate: (values) => fieldErrors(user ? updateUserSchema : inviteUserSchema, values),
  });
  const mutation = user ? update : invite;
  const onError = (error: Error) => form.setErrors(fieldProblems(error));
  const submit = form.onSubmit(({ email, disabled, roleIds, ...values }) => {
    if (user) {
      update.mutate({ id: user.id, ...values, roleIds, disabled }, { onSuccess: onDone, onError });
    } else {
      // No roles chosen: the server gives the licence's default role.
      invite.mutate({ ...values, email, ...(roleIds.length ? { roleIds } : {}) }, { onSuccess: onDone, onError });
    }
  });
  const organizationOptions = organizations.map((o) => ({
    value: o.id,
    label: o.parentId ? `${organizations.find((p) => p.id === o.parentId)?.name ?? ""} › ${o.name}` : o.name,
  }));

  return (
    <Form noValidate onSubmit={submit}>
      <Stack gap="md">
        <TextInput label={t("admin.form.name")} data-autofocus {...form.getInputProps("name")} />
        {!user && <TextInput label={t("admin.users.email")} type="email" {...form.getInputProps("email")} />}
        <Select
          label={t("admin.users.licence")}
          data={licences.map((l) => ({ value: l, label: licenceLabel(t, l) }))}
          allowDeselect={false}
          {...form.getInputProps("licence")}
        />
        <MultiSelect
          label={t("admin.users.roles")}
          description={user ? undefined : t("admin.users.rolesHint")}
          data={roles.map((r) => ({ value: r.id, label: r.name }))}
          searchable
          {...form.getInputProps("roleIds")}
        />
        <MultiSelect
          label={t("admin.users.organizations")}
          data={organizationOptions}
          searchable
          {...form.getInputProps("organizationIds")}
        />
        <MultiSelect
          label={t("admin.users.groups")}
          data={groups.map((g) => ({ value: g.id, label: g.name }))}
          searchable
          {...form.getInputProps("groupIds")}
        />
        {user && (
          <Switch
            label={t("admin.users.disabled")}
            description={t("admin.users.disabledHint")}
            {...form.getInputProps("disabled", { type: "checkbox" })}
          />
        )}
        <FormAlert error={mutation.error} shown={shownFields} />
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>
            {user ? t("admin.users.saveChanges") : t("admin.users.sendInvitation")}
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}
