import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useAdminCategories, useAdminServices, useDeleteCatalogEntry, useSaveCategory } from "../api/catalog-admin.ts";
import { QueryView } from "../ui/QueryView.tsx";
import { ServiceIcon } from "../ui/ServiceIcon.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { ConfirmDelete } from "./ConfirmDelete.tsx";
import { type NameEdit, NameModal } from "./NameModal.tsx";
import { RowActions } from "./RowActions.tsx";
import { type ServiceEdit, ServiceModal } from "./ServiceModal.tsx";

const visibilityLabels = { public: "Everyone", customers: "Customers", restricted: "Restricted" } as const;

export function CatalogAdminScene() {
  useDocumentTitle("Catalog");
  const categories = useAdminCategories();
  const services = useAdminServices();
  const removeCategory = useDeleteCatalogEntry("categories");
  const [categoryEdit, setCategoryEdit] = useState<NameEdit>(null);
  const [serviceEdit, setServiceEdit] = useState<ServiceEdit>(null);
  const [deleting, setDeleting] = useState<{ id: string; name: string } | null>(null);
  const all = categories.data?.categories ?? [];
  const nameOf = (id: string | null) => all.find((c) => c.id === id)?.name ?? "—";

  return (
    <Stack gap="lg">
      <Title order={1}>Catalog</Title>
      <Stack gap="sm" component="section" aria-labelledby="catalog-categories">
        <Group justify="space-between">
          <Title order={2} size="h3" id="catalog-categories">
            Categories
          </Title>
          <Button onClick={() => setCategoryEdit({ title: "New category", name: "", extra: { parentId: null } })}>
            New category
          </Button>
        </Group>
        <QueryView query={categories} loading="Loading categories">
          {() => (
            <Paper withBorder radius="md">
              <Table aria-label="Categories" verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Name</Table.Th>
                    <Table.Th scope="col">Under</Table.Th>
                    <Table.Th scope="col">Actions</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {all.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td>{c.name}</Table.Td>
                      <Table.Td>{c.parentId ? nameOf(c.parentId) : "—"}</Table.Td>
                      <Table.Td>
                        <Group gap="xs">
                          {c.parentId === null && (
                            <Button
                              size="xs"
                              variant="default"
                              onClick={() =>
                                setCategoryEdit({
                                  title: `Add sub-category to ${c.name}`,
                                  name: "",
                                  extra: { parentId: c.id },
                                })
                              }
                            >
                              Add sub-category
                            </Button>
                          )}
                          <RowActions
                            name={c.name}
                            editLabel="Rename"
                            onEdit={() =>
                              setCategoryEdit({
                                title: `Rename ${c.name}`,
                                id: c.id,
                                name: c.name,
                                extra: { parentId: c.parentId },
                              })
                            }
                            onDelete={() => setDeleting(c)}
                          />
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          )}
        </QueryView>
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="catalog-services">
        <Group justify="space-between">
          <Title order={2} size="h3" id="catalog-services">
            Services
          </Title>
          <Button onClick={() => setServiceEdit({ service: null })}>New service</Button>
        </Group>
        <QueryView query={services} loading="Loading services">
          {(data) =>
            data.services.length === 0 ? (
              <Text>No services yet.</Text>
            ) : (
              <Paper withBorder radius="md">
                <Table.ScrollContainer minWidth={720} type="native">
                  <Table aria-label="Services" verticalSpacing="xs">
                    <Table.Thead>
                      <Table.Tr>
                        {["Name", "Category", "Who may request it", "Status", "Actions"].map((h) => (
                          <Table.Th key={h} scope="col">
                            {h}
                          </Table.Th>
                        ))}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.services.map((s) => (
                        <Table.Tr key={s.id}>
                          <Table.Td>
                            <Group gap="xs" wrap="nowrap">
                              <ServiceIcon name={s.icon} size={18} />
                              {s.name}
                            </Group>
                          </Table.Td>
                          <Table.Td>{nameOf(s.categoryId)}</Table.Td>
                          <Table.Td>{visibilityLabels[s.visibility]}</Table.Td>
                          <Table.Td>
                            <Badge variant="dot" color={s.active ? "green" : "gray"} c="dark.9">
                              {s.active ? "Active" : "Off"}
                            </Badge>
                          </Table.Td>
                          <Table.Td>
                            <Button
                              size="xs"
                              variant="default"
                              aria-label={`Edit ${s.name}`}
                              onClick={() => setServiceEdit({ service: s })}
                            >
                              Edit
                            </Button>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Paper>
            )
          }
        </QueryView>
      </Stack>
      <NameModal useSave={useSaveCategory} edit={categoryEdit} onClose={() => setCategoryEdit(null)} />
      <ServiceModal edit={serviceEdit} onClose={() => setServiceEdit(null)} />
      <ConfirmDelete
        title={`Delete category ${deleting?.name ?? ""}?`}
        body="Services in it stay, without a category."
        mutation={removeCategory}
        id={deleting?.id ?? null}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}
