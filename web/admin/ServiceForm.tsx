import { Button, Group, MultiSelect, Select, Stack, Switch, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import type { z } from "zod";
import { type adminServiceSchema, type ServiceInput, serviceInputSchema } from "../../common/catalog.ts";
import { isServiceIconName, serviceIconNames } from "../../common/service-icons.ts";
import { type Priority, priorities } from "../../common/tickets.ts";
import { useGroups, useOrganizations, useRoles } from "../api/admin.ts";
import { useAdminCategories, useTicketTypes } from "../api/catalog-admin.ts";
import { useT } from "../i18n/use-t.ts";
import { categoryOptions } from "../ui/category-tree.ts";
import { Form } from "../ui/Form.tsx";
import { FormAlert } from "../ui/FormAlert.tsx";
import { fieldErrors } from "../ui/form-errors.ts";
import { ServiceIcon } from "../ui/ServiceIcon.tsx";
import type { CollectionFormProps } from "./AdminCollectionPage.tsx";

type AdminService = z.infer<typeof adminServiceSchema>;

const shownFields = Object.keys(serviceInputSchema.shape);

export function ServiceForm({
  item: service,
  submit,
  error,
  pending,
}: CollectionFormProps<typeof serviceInputSchema, AdminService>) {
  const t = useT();
  const visibilityOptions = [
    { value: "public", label: t("admin.services.visibility.public") },
    { value: "customers", label: t("admin.services.visibility.customers") },
    { value: "restricted", label: t("admin.services.visibility.restricted") },
  ];
  const priorityLabels: Record<Priority, string> = {
    low: t("portal.priority.low"),
    medium: t("portal.priority.medium"),
    high: t("portal.priority.high"),
    urgent: t("portal.priority.urgent"),
  };
  const categories = useAdminCategories().data?.categories ?? [];
  const types = useTicketTypes().data?.ticketTypes ?? [];
  const groups = useGroups().data?.groups ?? [];
  const organizations = useOrganizations().data?.organizations ?? [];
  const roles = useRoles().data?.roles ?? [];
  const form = useForm<ServiceInput>({
    initialValues: {
      name: service?.name ?? "",
      slug: service?.slug ?? "",
      categoryId: service?.categoryId ?? null,
      summary: service?.summary ?? "",
      description: service?.description ?? "",
      icon: service?.icon ?? null,
      color: service?.color ?? null,
      ticketTypeId: service?.ticketTypeId ?? types.find((type) => type.builtin)?.id ?? "",
      groupId: service?.groupId ?? null,
      defaultPriority: service?.defaultPriority ?? "medium",
      visibility: service?.visibility ?? "customers",
      organizationIds: service?.organizationIds ?? [],
      roleIds: service?.roleIds ?? [],
      requestLabel: service?.requestLabel ?? t("admin.services.requestLabelDefault"),
      active: service?.active ?? true,
      position: service?.position ?? 0,
    },
    validate: (values) => fieldErrors(serviceInputSchema, values),
  });
  const onSubmit = form.onSubmit((values) => submit(serviceInputSchema.parse(values), form.setErrors));
  return (
    <Form noValidate onSubmit={onSubmit}>
      <Stack gap="sm">
        <TextInput label={t("admin.form.name")} data-autofocus {...form.getInputProps("name")} />
        <TextInput
          label={t("admin.services.slug")}
          description={t("admin.services.slugHint")}
          {...form.getInputProps("slug")}
        />
        <Select
          label={t("admin.statuses.category")}
          clearable
          data={categoryOptions(categories)}
          {...form.getInputProps("categoryId")}
        />
        <TextInput label={t("admin.services.summary")} {...form.getInputProps("summary")} />
        <Textarea label={t("admin.services.description")} autosize minRows={3} {...form.getInputProps("description")} />
        <Select
          label={t("admin.services.icon")}
          description={t("admin.services.iconHint")}
          placeholder={t("admin.services.noIcon")}
          searchable
          clearable
          data={[...serviceIconNames]}
          leftSection={<ServiceIcon name={form.values.icon ?? null} size={18} />}
          renderOption={({ option }) => (
            <Group gap="xs" wrap="nowrap">
              <ServiceIcon name={isServiceIconName(option.value) ? option.value : null} size={18} />
              {option.label}
            </Group>
          )}
          {...form.getInputProps("icon")}
        />
        <Select
          label={t("admin.services.ticketType")}
          description={t("admin.services.ticketTypeHint")}
          allowDeselect={false}
          data={types.map((type) => ({ value: type.id, label: type.name }))}
          {...form.getInputProps("ticketTypeId")}
        />
        <Select
          label={t("admin.services.group")}
          description={t("admin.services.groupHint")}
          clearable
          data={groups.map((g) => ({ value: g.id, label: g.name }))}
          {...form.getInputProps("groupId")}
        />
        <Select
          label={t("admin.services.defaultPriority")}
          allowDeselect={false}
          data={priorities.map((p) => ({ value: p, label: priorityLabels[p] }))}
          {...form.getInputProps("defaultPriority")}
        />
        <Select
          label={t("admin.services.whoMayRequest")}
          allowDeselect={false}
          data={visibilityOptions}
          {...form.getInputProps("visibility")}
        />
        {form.values.visibility === "restricted" && (
          <>
            <MultiSelect
              label={t("admin.users.organizations")}
              data={organizations.map((o) => ({ value: o.id, label: o.name }))}
              {...form.getInputProps("organizationIds")}
            />
            <MultiSelect
              label={t("admin.users.roles")}
              data={roles.map((r) => ({ value: r.id, label: r.name }))}
              {...form.getInputProps("roleIds")}
            />
          </>
        )}
        <TextInput label={t("admin.services.buttonLabel")} {...form.getInputProps("requestLabel")} />
        <Switch
          label={t("admin.services.active")}
          description={t("admin.services.activeHint")}
          {...form.getInputProps("active", { type: "checkbox" })}
        />
        <FormAlert error={error} shown={shownFields} />
        <Group justify="flex-end">
          <Button type="submit" loading={pending}>
            {t("admin.services.save")}
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}
