import { Button, Group, Select, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import type { z } from "zod";
import type { groupSchema } from "../../common/admin.ts";
import { groupsCollection } from "../../common/admin-collections.ts";
import { useDirectory } from "../api/workspace.ts";
import { FormAlert } from "../ui/FormAlert.tsx";
import { AdminCollectionPage, type CollectionFormProps } from "./AdminCollectionPage.tsx";

type AdminGroup = z.infer<typeof groupSchema>;

export function GroupsScene() {
  return (
    <AdminCollectionPage
      collection={groupsCollection}
      intro="Groups gather agents who work together, such as a first-line team. Add people to a group on the Users page. A group's lead is one of its agents; a trigger can mail them."
      empty="No groups yet."
      spacing="sm"
      columns={[
        { header: "Name", cell: (g) => g.name },
        { header: "Members", cell: (g) => g.memberCount },
        { header: "Lead", cell: (g) => g.lead?.name ?? "None" },
      ]}
      name={(g) => g.name}
      form={(p) => <GroupForm {...p} />}
      confirmDelete={{ title: (g) => `Delete group ${g.name}?`, body: "Its agents stay; only the group goes." }}
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
  const directory = useDirectory({ fresh: true });
  const agents = group ? (directory.data?.agents ?? []).filter((a) => a.groupIds.includes(group.id)) : [];
  const form = useForm({ initialValues: { name: group?.name ?? "", leadId: group?.lead?.id ?? null } });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => submit(group ? values : { name: values.name }, form.setErrors))}
    >
      <Stack gap="md">
        <TextInput label="Name" data-autofocus {...form.getInputProps("name")} />
        <Select
          label="Lead"
          placeholder="No lead"
          description={
            group && agents.length > 0
              ? "Triggers that notify the group lead mail this agent."
              : "Add agents to the group on the Users page first; then choose its lead here."
          }
          clearable
          disabled={!group || agents.length === 0}
          data={agents.map((a) => ({ value: a.id, label: a.name }))}
          {...form.getInputProps("leadId")}
        />
        <FormAlert error={error} shown={["name", "leadId"]} />
        <Group justify="flex-end">
          <Button type="submit" loading={pending}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
