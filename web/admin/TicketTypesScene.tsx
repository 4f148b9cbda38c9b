import { Button, Grid, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import type { TicketType } from "../../common/catalog.ts";
import { fieldTypeLabels } from "../../common/fields.ts";
import { useDeleteCatalogEntry, useSaveTicketType, useTicketTypes } from "../api/catalog-admin.ts";
import { CustomFieldInput } from "../catalog/CustomFieldInput.tsx";
import { QueryView } from "../ui/QueryView.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { ConfirmDelete } from "./ConfirmDelete.tsx";
import { type FieldEdit, FieldModal } from "./FieldModal.tsx";
import { type NameEdit, NameModal } from "./NameModal.tsx";
import { RowActions } from "./RowActions.tsx";

const accessShort = { edit: "Customer fills in", read: "Customer sees", none: "Agents only" } as const;

export function TicketTypesScene() {
  useDocumentTitle("Ticket types");
  const types = useTicketTypes();
  const removeField = useDeleteCatalogEntry("ticket-fields");
  const [fieldEdit, setFieldEdit] = useState<FieldEdit>(null);
  const [deleting, setDeleting] = useState<{ id: string; name: string } | null>(null);
  const removeType = useDeleteCatalogEntry("ticket-types");
  const [typeEdit, setTypeEdit] = useState<NameEdit>(null);
  const [deletingType, setDeletingType] = useState<{ id: string; name: string } | null>(null);
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1}>Ticket types</Title>
        <Button onClick={() => setTypeEdit({ title: "New ticket type", name: "" })}>New ticket type</Button>
      </Group>
      <Text>A service's ticket type decides the extra fields on its request form and on the agent's edit form.</Text>
      <QueryView query={types} loading="Loading ticket types">
        {(data) =>
          data.ticketTypes.map((type) => (
            <TicketTypeSection
              key={type.id}
              type={type}
              onAdd={() => setFieldEdit({ ticketTypeId: type.id, field: null })}
              onEdit={(field) => setFieldEdit({ ticketTypeId: type.id, field })}
              onDelete={(field) => setDeleting({ id: field.id, name: field.label })}
              onRename={() =>
                setTypeEdit({
                  title: `Rename ${type.name}`,
                  id: type.id,
                  name: type.name,
                  extra: { description: type.description },
                })
              }
              onDeleteType={() => setDeletingType({ id: type.id, name: type.name })}
            />
          ))
        }
      </QueryView>
      <FieldModal edit={fieldEdit} onClose={() => setFieldEdit(null)} />
      <NameModal useSave={useSaveTicketType} edit={typeEdit} onClose={() => setTypeEdit(null)} />
      <ConfirmDelete
        title={`Delete ticket type ${deletingType?.name ?? ""}?`}
        body="Its fields go with it. A type that services or tickets use, and the built-in ones, cannot be deleted."
        mutation={removeType}
        id={deletingType?.id ?? null}
        onClose={() => setDeletingType(null)}
      />
      <ConfirmDelete
        title={`Delete field ${deleting?.name ?? ""}?`}
        body="Fields that tickets already have values for cannot be deleted."
        mutation={removeField}
        id={deleting?.id ?? null}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}

function TicketTypeSection({
  type,
  onAdd,
  onEdit,
  onDelete,
  onRename,
  onDeleteType,
}: {
  type: TicketType;
  onAdd: () => void;
  onEdit: (field: TicketType["fields"][number]) => void;
  onDelete: (field: TicketType["fields"][number]) => void;
  onRename: () => void;
  onDeleteType: () => void;
}) {
  const customerFields = type.fields.filter((f) => f.customerAccess === "edit");
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-label={type.name}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3">
          {type.name}
        </Title>
        <Group gap="xs">
          <Button size="xs" onClick={onAdd} aria-label={`Add field to ${type.name}`}>
            Add field
          </Button>
          <RowActions
            name={`ticket type ${type.name}`}
            editLabel="Rename"
            onEdit={onRename}
            {...(type.builtin ? {} : { onDelete: onDeleteType })}
          />
        </Group>
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          {type.fields.length === 0 ? (
            <Text size="sm">No extra fields.</Text>
          ) : (
            <Table aria-label={`Fields of ${type.name}`} verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  {["Label", "Type", "Who sees it", "Actions"].map((h) => (
                    <Table.Th key={h} scope="col">
                      {h}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {type.fields.map((field) => (
                  <Table.Tr key={field.id}>
                    <Table.Td>
                      {field.label}
                      {field.required ? " *" : ""}
                    </Table.Td>
                    <Table.Td>{fieldTypeLabels[field.type]}</Table.Td>
                    <Table.Td>{accessShort[field.customerAccess]}</Table.Td>
                    <Table.Td>
                      <RowActions name={field.label} onEdit={() => onEdit(field)} onDelete={() => onDelete(field)} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="xs" aria-label={`Preview of the ${type.name} form`} component="section">
            <Title order={3} size="h5">
              Preview: what customers fill in
            </Title>
            {customerFields.length === 0 ? (
              <Text size="sm">Nothing beyond subject, priority and message.</Text>
            ) : (
              <fieldset disabled style={{ border: "none", padding: 0, margin: 0 }}>
                <Stack gap="xs">
                  {customerFields.map((field) => (
                    <CustomFieldInput key={field.id} field={field} value={undefined} onChange={() => undefined} />
                  ))}
                </Stack>
              </fieldset>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Paper>
  );
}
