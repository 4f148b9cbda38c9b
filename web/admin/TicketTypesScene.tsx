import { Button, Grid, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { ticketTypesCollection } from "../../common/admin-collections.ts";
import type { TicketType } from "../../common/catalog.ts";
import type { CustomerAccess } from "../../common/fields.ts";
import { useDeleteField } from "../api/catalog-admin.ts";
import { CustomFieldInput } from "../catalog/CustomFieldInput.tsx";
import { useT } from "../i18n/use-t.ts";
import { ScrollTable } from "../ui/ScrollTable.tsx";
import { AdminCollectionPage } from "./AdminCollectionPage.tsx";
import { ConfirmDelete } from "./ConfirmDelete.tsx";
import { type FieldEdit, FieldModal, fieldTypeLabel } from "./FieldModal.tsx";
import { NameForm } from "./NameForm.tsx";
import { RowActions } from "./RowActions.tsx";
import { TranslationsButton } from "./TranslationsDialog.tsx";

function accessShort(t: ReturnType<typeof useT>, access: CustomerAccess): string {
  const labels: Record<CustomerAccess, string> = {
    edit: t("admin.ticketTypes.access.edit"),
    read: t("admin.ticketTypes.access.read"),
    none: t("admin.ticketTypes.access.none"),
  };
  return labels[access];
}

export function TicketTypesScene() {
  const t = useT();
  const removeField = useDeleteField();
  const [fieldEdit, setFieldEdit] = useState<FieldEdit>(null);
  const [deleting, setDeleting] = useState<{ id: string; name: string } | null>(null);
  return (
    <AdminCollectionPage
      collection={ticketTypesCollection}
      intro={t("admin.ticketTypes.intro")}
      columns={[]}
      name={(type) => type.name}
      editLabel={t("admin.row.rename")}
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
        title: (type) => t("admin.ticketTypes.deleteTitle", { name: type.name }),
        body: t("admin.ticketTypes.deleteBody"),
      }}
    >
      <FieldModal edit={fieldEdit} onClose={() => setFieldEdit(null)} />
      <ConfirmDelete
        title={t("admin.fields.deleteTitle", { name: deleting?.name ?? "" })}
        body={t("admin.fields.deleteBody")}
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
  const t = useT();
  const customerFields = type.fields.filter((f) => f.customerAccess === "edit");
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-label={type.name}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3">
          {type.name}
        </Title>
        <Group gap="xs">
          <Button size="xs" onClick={onAdd} aria-label={t("admin.ticketTypes.addFieldTo", { name: type.name })}>
            {t("admin.ticketTypes.addField")}
          </Button>
          <TranslationsButton kind="ticket-type" id={type.id} name={type.name} defaults={type} />
          <RowActions
            name={t("admin.ticketTypes.named", { name: type.name })}
            editLabel={t("admin.row.rename")}
            onEdit={onRename}
            {...(type.builtin ? {} : { onDelete: onDeleteType })}
          />
        </Group>
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          {type.fields.length === 0 ? (
            <Text size="sm">{t("admin.ticketTypes.noFields")}</Text>
          ) : (
            // Scrolls sideways on a phone, by keyboard too (tabIndex), instead of widening the page.
            <ScrollTable minWidth={0} label={t("admin.ticketTypes.fieldsOf", { name: type.name })}>
              <Table aria-label={t("admin.ticketTypes.fieldsOf", { name: type.name })} verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    {[
                      t("admin.fields.label"),
                      t("admin.fields.type"),
                      t("admin.fields.whoSees"),
                      t("admin.table.actions"),
                    ].map((h) => (
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
                      <Table.Td>{fieldTypeLabel(t, field.type)}</Table.Td>
                      <Table.Td>{accessShort(t, field.customerAccess)}</Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <TranslationsButton kind="ticket-field" id={field.id} name={field.label} defaults={field} />
                          <RowActions
                            name={field.label}
                            onEdit={() => onEdit(field)}
                            onDelete={() => onDelete(field)}
                          />
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="xs" aria-label={t("admin.ticketTypes.previewOf", { name: type.name })} component="section">
            <Title order={3} size="h5">
              {t("admin.ticketTypes.preview")}
            </Title>
            {customerFields.length === 0 ? (
              <Text size="sm">{t("admin.ticketTypes.previewEmpty")}</Text>
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
