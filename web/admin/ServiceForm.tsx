import { Button, Group, MultiSelect, Select, Stack, Switch, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import type { z } from "zod";
import { type adminServiceSchema, type ServiceInput, serviceInputSchema } from "../../common/catalog.ts";
import { isServiceIconName, serviceIconNames } from "../../common/service-icons.ts";
import { priorities, priorityLabels } from "../../common/tickets.ts";
import { useGroups, useOrganizations, useRoles } from "../api/admin.ts";
import { useAdminCategories, useTicketTypes } from "../api/catalog-admin.ts";
import { categoryOptions } from "../ui/category-tree.ts";
import { FormAlert } from "../ui/FormAlert.tsx";
import { fieldErrors } from "../ui/form-errors.ts";
import { ServiceIcon } from "../ui/ServiceIcon.tsx";
import type { CollectionFormProps } from "./AdminCollectionPage.tsx";

type AdminService = z.infer<typeof adminServiceSchema>;

const shownFields = Object.keys(serviceInputSchema.shape);

const visibilityOptions = [
  { value: "public", label: "Everyone, also without an account" },
  { value: "customers", label: "Signed-in customers who may view the catalog" },
  { value: "restricted", label: "Only chosen organizations or roles" },
];

export function ServiceForm({
  item: service,
  submit,
  error,
  pending,
}: CollectionFormProps<typeof serviceInputSchema, AdminService>) {
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
      ticketTypeId: service?.ticketTypeId ?? types.find((t) => t.builtin)?.id ?? "",
      groupId: service?.groupId ?? null,
      defaultPriority: service?.defaultPriority ?? "medium",
      visibility: service?.visibility ?? "customers",
      organizationIds: service?.organizationIds ?? [],
      roleIds: service?.roleIds ?? [],
      requestLabel: service?.requestLabel ?? "Request service",
      active: service?.active ?? true,
      position: service?.position ?? 0,
    },
    validate: (values) => fieldErrors(serviceInputSchema, values),
  });
  const onSubmit = form.onSubmit((values) => submit(serviceInputSchema.parse(values), form.setErrors));
  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="sm">
        <TextInput label="Name" data-autofocus {...form.getInputProps("name")} />
        <TextInput
          label="Address"
          description="Part of the page's address, like password-reset."
          {...form.getInputProps("slug")}
        />
        <Select label="Category" clearable data={categoryOptions(categories)} {...form.getInputProps("categoryId")} />
        <TextInput label="Short description" {...form.getInputProps("summary")} />
        <Textarea label="Description" autosize minRows={3} {...form.getInputProps("description")} />
        <Select
          label="Icon"
          description="Shown before the name in the catalog. Type to search by name."
          placeholder="No icon"
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
          label="Ticket type"
          description="Decides the request form's extra fields."
          allowDeselect={false}
          data={types.map((t) => ({ value: t.id, label: t.name }))}
          {...form.getInputProps("ticketTypeId")}
        />
        <Select
          label="Group"
          description="The agent group the requests go to."
          clearable
          data={groups.map((g) => ({ value: g.id, label: g.name }))}
          {...form.getInputProps("groupId")}
        />
        <Select
          label="Default priority"
          allowDeselect={false}
          data={priorities.map((p) => ({ value: p, label: priorityLabels[p] }))}
          {...form.getInputProps("defaultPriority")}
        />
        <Select
          label="Who may request it"
          allowDeselect={false}
          data={visibilityOptions}
          {...form.getInputProps("visibility")}
        />
        {form.values.visibility === "restricted" && (
          <>
            <MultiSelect
              label="Organizations"
              data={organizations.map((o) => ({ value: o.id, label: o.name }))}
              {...form.getInputProps("organizationIds")}
            />
            <MultiSelect
              label="Roles"
              data={roles.map((r) => ({ value: r.id, label: r.name }))}
              {...form.getInputProps("roleIds")}
            />
          </>
        )}
        <TextInput label="Button label" {...form.getInputProps("requestLabel")} />
        <Switch
          label="Active"
          description="Switched-off services are hidden from the catalog."
          {...form.getInputProps("active", { type: "checkbox" })}
        />
        <FormAlert error={error} shown={shownFields} />
        <Group justify="flex-end">
          <Button type="submit" loading={pending}>
            Save service
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
