import { Button, Grid, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { ticketTypesCollection } from "../../common/admin-collections.ts";
import type { TicketType } from "../../common/catalog.ts";
import { fieldTypeLabels } from "../../common/fields.ts";
import { useDeleteField } from "../api/catalog-admin.ts";
import { CustomFieldInput } from "../catalog/CustomFieldInput.tsx";
import { AdminCollectionPage } from "./AdminCollectionPage.tsx";
import { ConfirmDelete } from "./ConfirmDelete.tsx";
import { type FieldEdit, FieldModal } from "./FieldModal.tsx";
import { NameForm } from "./NameForm.tsx";
import { RowActions } from "./RowActions.tsx";
import { TranslationsButton } from "./TranslationsDialog.tsx";

const accessShort = { edit: "Customer fills in", read: "Customer sees", none: "Agents only" } as const;

export function TicketTypesScene() {
  const removeField = useDeleteField();
  const [fieldEdit, setFieldEdit] = useState<FieldEdit>(null);
  const [deleting, setDeleting] = useState<{ id: string; name: string } | null>(null);
  return (
    <AdminCollectionPage
      collection={ticketTypesCollection}
      intro="A service's ticket type decides the extra fields on its request form and on the agent's edit form."
      columns={[]}
      name={(type) => type.name}
      editLabel="Rename"
      body={(types, controls) =>
        types.map((type) => (
          <TicketTypeSection
            key={type.id}
            type={type}
            onAdd={() => setFieldEdit({ ticketTypeId: type.id, field: null })}
            onEdit={(field) => setFieldEdit({ ticketTypeId: type.id, field })}
            onDelete={(field) => setDeleting({ id: field.id, name: field.label })}
            onRename={() => controls.edit(type)}
            onDeleteType={() => controls.remove(type)}
          />
        ))
      }
      form={(p) => (
        <NameForm
          {...p}
          initial={p.item?.name ?? ""}
          toInput={(name) => ({ name, description: p.item?.description ?? null })}
        />
      )}
      confirmDelete={{
        title: (type) => `Delete ticket type ${type.name}?`,
        body: "Its fields go with it. A type that services or tickets use, and the built-in ones, cannot be deleted.",
      }}
    >
      <FieldModal edit={fieldEdit} onClose={() => setFieldEdit(null)} />
      <ConfirmDelete
        title={`Delete field ${deleting?.name ?? ""}?`}
        body="Fields that tickets already have values for cannot be deleted."
        mutation={removeField}
        id={deleting?.id ?? null}
        onClose={() => setDeleting(null)}
      />
    </AdminCollectionPage>
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
          <TranslationsButton kind="ticket-type" id={type.id} name={type.name} defaults={type} />
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
                      <Group gap="xs" wrap="nowrap">
                        <TranslationsButton kind="ticket-field" id={field.id} name={field.label} defaults={field} />
                        <RowActions name={field.label} onEdit={() => onEdit(field)} onDelete={() => onDelete(field)} />
                      </Group>
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
