import {
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import type { z } from "zod";
import {
  type adminStatusSchema,
  type StatusInput,
  statusCategoryLabels,
  statusInputSchema,
} from "../../common/statuses.ts";
import { statusCategories } from "../../common/tickets.ts";
import { useAdminStatuses, useDeleteStatus, useSaveStatus } from "../api/catalog-admin.ts";
import { ApiError } from "../api/client.ts";
import { Dialog } from "../ui/Dialog.tsx";
import { fieldErrors } from "../ui/form-errors.ts";
import { QueryView } from "../ui/QueryView.tsx";
import { StatusBadge } from "../ui/TicketBadges.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { ConfirmDelete } from "./ConfirmDelete.tsx";
import { RowActions } from "./RowActions.tsx";

type Status = z.infer<typeof adminStatusSchema>;

export function StatusesScene() {
  useDocumentTitle("Statuses");
  const statuses = useAdminStatuses();
  const remove = useDeleteStatus();
  const [edit, setEdit] = useState<{ status: Status | null } | null>(null);
  const [deleting, setDeleting] = useState<Status | null>(null);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>Statuses</Title>
        <Button onClick={() => setEdit({ status: null })}>New status</Button>
      </Group>
      <Text>Agents see one label, customers another. What a status does depends on its category.</Text>
      <QueryView query={statuses} loading="Loading statuses">
        {(data) => (
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={720} type="native">
              <Table aria-label="Statuses" verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    {["Agents see", "Customers see", "Category", "Tickets", "Actions"].map((h) => (
                      <Table.Th key={h} scope="col">
                        {h}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.statuses.map((s) => (
                    <Table.Tr key={s.id}>
                      <Table.Td>
                        <StatusBadge label={s.agentLabel} category={s.category} />
                      </Table.Td>
                      <Table.Td>{s.customerLabel}</Table.Td>
                      <Table.Td>
                        {statusCategoryLabels[s.category]}
                        {s.customersMayReopen && (
                          <Text size="sm" c="dimmed">
                            Customers may reopen by replying
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {s.ticketCount}
                        {s.dependents.length > 0 && (
                          <Text size="sm" c="dimmed">
                            Needed by: {s.dependents.join("; ")}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <RowActions
                          name={s.agentLabel}
                          onEdit={() => setEdit({ status: s })}
                          onDelete={() => setDeleting(s)}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
      </QueryView>
      <Dialog
        opened={edit !== null}
        onClose={() => setEdit(null)}
        title={edit?.status ? `Edit ${edit.status.agentLabel}` : "New status"}
      >
        {edit && <StatusForm key={edit.status?.id ?? "new"} status={edit.status} onDone={() => setEdit(null)} />}
      </Dialog>
      <ConfirmDelete
        title={`Delete status ${deleting?.agentLabel ?? ""}?`}
        body={
          deleting?.dependents.length
            ? `This is the only status of its category. Without it, these stop working: ${deleting.dependents.join("; ")}. Only a status no ticket has can be deleted.`
            : "Only a status no ticket has can be deleted."
        }
        mutation={remove}
        id={deleting?.id ?? null}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}

function StatusForm({ status, onDone }: { status: Status | null; onDone: () => void }) {
  const save = useSaveStatus();
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
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        save.mutate(
          { ...(status ? { id: status.id } : {}), ...values },
          {
            onSuccess: onDone,
            onError: (error) => {
              if (error instanceof ApiError) form.setErrors(error.fields);
            },
          },
        ),
      )}
    >
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
        {save.isError && !(save.error instanceof ApiError && Object.keys(save.error.fields).length) && (
          <Alert color="red">{save.error.message}</Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            Save status
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
