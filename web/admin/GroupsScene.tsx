import { Button, Group, Select, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import type { z } from "zod";
import type { groupSchema } from "../../common/admin.ts";
import { groupsCollection } from "../../common/admin-collections.ts";
import { useDirectory } from "../api/workspace.ts";
import { useT } from "../i18n/use-t.ts";
import { Form } from "../ui/Form.tsx";
import { FormAlert } from "../ui/FormAlert.tsx";
import { AdminCollectionPage, type CollectionFormProps } from "./AdminCollectionPage.tsx";

type AdminGroup = z.infer<typeof groupSchema>;

export function GroupsScene() {
  const t = useT();
  return (
    <AdminCollectionPage
      collection={groupsCollection}
      intro={t("admin.groups.intro")}
      empty={t("admin.groups.empty")}
      spacing="sm"
      columns={[
        { header: t("admin.form.name"), cell: (g) => g.name },
        { header: t("admin.groups.members"), cell: (g) => g.memberCount },
        { header: t("admin.groups.lead"), cell: (g) => g.lead?.name ?? t("admin.groups.noLeadCell") },
      ]}
      name={(g) => g.name}
      form={(p) => <GroupForm {...p} />}
      confirmDelete={{
        title: (g) => t("admin.groups.deleteTitle", { name: g.name }),
        body: t("admin.groups.deleteBody"),
      }}
    />
  );
}

/** The name, and the lead chosen from the group's agents (a new group has none yet). */
function GroupForm({
  item: group,
  submit,
  error,
  pending,
}: CollectionFormProps<typeof groupsCollection.input, AdminGroup>) {
  const t = useT();
  const directory = useDirectory({ fresh: true });
  const agents = group ? (directory.data?.agents ?? []).filter((a) => a.groupIds.includes(group.id)) : [];
  const form = useForm({ initialValues: { name: group?.name ?? "", leadId: group?.lead?.id ?? null } });
  return (
    <Form
      noValidate
      onSubmit={form.onSubmit((values) => submit(group ? values : { name: values.name }, form.setErrors))}
    >
      <Stack gap="md">
        <TextInput label={t("admin.form.name")} data-autofocus {...form.getInputProps("name")} />
        <Select
          label={t("admin.groups.lead")}
          placeholder={t("admin.groups.noLead")}
          description={group && agents.length > 0 ? t("admin.groups.leadHint") : t("admin.groups.leadFirst")}
          clearable
          disabled={!group || agents.length === 0}
          data={agents.map((a) => ({ value: a.id, label: a.name }))}
          {...form.getInputProps("leadId")}
        />
        <FormAlert error={error} shown={["name", "leadId"]} />
        <Group justify="flex-end">
          <Button type="submit" loading={pending}>
            {t("admin.form.save")}
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}
