import { Button, Checkbox, Group, NumberInput, Select, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import type { z } from "zod";
import { statusesCollection } from "../../common/admin-collections.ts";
import {
  type adminStatusSchema,
  type StatusInput,
  statusCategoryLabels,
  statusInputSchema,
} from "../../common/statuses.ts";
import { statusCategories } from "../../common/tickets.ts";
import { FormAlert } from "../ui/FormAlert.tsx";
import { fieldErrors } from "../ui/form-errors.ts";
import { StatusBadge } from "../ui/TicketBadges.tsx";
import { AdminCollectionPage, type CollectionFormProps } from "./AdminCollectionPage.tsx";
import { TranslationsButton } from "./TranslationsDialog.tsx";

type Status = z.infer<typeof adminStatusSchema>;

export function StatusesScene() {
  return (
    <AdminCollectionPage
      collection={statusesCollection}
      intro="Agents see one label, customers another. What a status does depends on its category."
      minWidth={720}
      columns={[
        { header: "Agents see", cell: (s) => <StatusBadge label={s.agentLabel} category={s.category} /> },
        { header: "Customers see", cell: (s) => s.customerLabel },
        {
          header: "Category",
          cell: (s) => (
            <>
              {statusCategoryLabels[s.category]}
              {s.customersMayReopen && (
                <Text size="sm" c="dimmed">
                  Customers may reopen by replying
                </Text>
              )}
            </>
          ),
        },
        {
          header: "Tickets",
          cell: (s) => (
            <>
              {s.ticketCount}
              {s.dependents.length > 0 && (
                <Text size="sm" c="dimmed">
                  Needed by: {s.dependents.join("; ")}
                </Text>
              )}
            </>
          ),
        },
      ]}
      name={(s) => s.agentLabel}
      moreActions={(s) => <TranslationsButton kind="status" id={s.id} name={s.agentLabel} defaults={s} />}
      form={(p) => <StatusForm {...p} />}
      confirmDelete={{
        title: (s) => `Delete status ${s.agentLabel}?`,
        body: (s) =>
          s.dependents.length
            ? `This is the only status of its category. Without it, these stop working: ${s.dependents.join("; ")}. Only a status no ticket has can be deleted.`
            : "Only a status no ticket has can be deleted.",
      }}
    />
  );
}

function StatusForm({ item: status, submit, error, pending }: CollectionFormProps<typeof statusInputSchema, Status>) {
  const form = useForm<StatusInput>({
    initialValues: {
      agentLabel: status?.agentLabel ?? "",
      customerLabel: status?.customerLabel ?? "",
      category: status?.category ?? "open",
      position: status?.position ?? 0,
      customersMayReopen: status?.customersMayReopen ?? false,
    },
    validate: (values) => fieldErrors(statusInputSchema, values),
  });
  return (
    <form noValidate onSubmit={form.onSubmit((values) => submit(values, form.setErrors))}>
      <Stack gap="sm">
        <TextInput label="Label for agents" data-autofocus {...form.getInputProps("agentLabel")} />
        <TextInput label="Label for customers" {...form.getInputProps("customerLabel")} />
        <Select
          label="Category"
          allowDeselect={false}
          data={statusCategories.map((c) => ({ value: c, label: statusCategoryLabels[c] }))}
          {...form.getInputProps("category")}
        />
        {form.values.category === "closed" && (
          <Checkbox
            label="Customers may reopen by replying"
            description="Otherwise a closed request is read-only and the customer opens a follow-up."
            {...form.getInputProps("customersMayReopen", { type: "checkbox" })}
          />
        )}
        <NumberInput label="Position" description="Lower comes first." min={0} {...form.getInputProps("position")} />
        <FormAlert error={error} shown={Object.keys(statusInputSchema.shape)} />
        <Group justify="flex-end">
          <Button type="submit" loading={pending}>
            Save status
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
