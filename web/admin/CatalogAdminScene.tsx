import { Badge, Button, Group, Stack, Title } from "@mantine/core";
import { categoriesCollection, servicesCollection } from "../../common/admin-collections.ts";
import { useAdminCategories } from "../api/catalog-admin.ts";
import { ServiceIcon } from "../ui/ServiceIcon.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { AdminCollectionSection } from "./AdminCollectionPage.tsx";
import { NameForm } from "./NameForm.tsx";
import { ServiceForm } from "./ServiceForm.tsx";
import { TranslationsButton } from "./TranslationsDialog.tsx";

const visibilityLabels = { public: "Everyone", customers: "Customers", restricted: "Restricted" } as const;

export function CatalogAdminScene() {
  useDocumentTitle("Catalog");
  const all = useAdminCategories().data?.categories ?? [];
  const nameOf = (id: string | null) => all.find((c) => c.id === id)?.name ?? "—";

  return (
    <Stack gap="lg">
      <Title order={1}>Catalog</Title>
      <AdminCollectionSection
        collection={categoriesCollection}
        newPreset={{ parentId: null }}
        columns={[
          { header: "Name", cell: (c) => c.name },
          { header: "Under", cell: (c) => (c.parentId ? nameOf(c.parentId) : "—") },
        ]}
        name={(c) => c.name}
        editLabel="Rename"
        moreActions={(c, controls) => (
          <>
            {c.parentId === null && (
              <Button
                size="xs"
                variant="default"
                onClick={() => controls.create(`Add sub-category to ${c.name}`, { parentId: c.id })}
              >
                Add sub-category
              </Button>
            )}
            <TranslationsButton kind="category" id={c.id} name={c.name} defaults={c} />
          </>
        )}
        form={(p) => (
          <NameForm
            {...p}
            initial={p.item?.name ?? ""}
            toInput={(name) => ({ name, parentId: p.item ? p.item.parentId : (p.preset.parentId ?? null) })}
          />
        )}
        confirmDelete={{
          title: (c) => `Delete category ${c.name}?`,
          body: "Services in it stay, without a category.",
        }}
      />
      <AdminCollectionSection
        collection={servicesCollection}
        empty="No services yet."
        minWidth={720}
        columns={[
          {
            header: "Name",
            cell: (s) => (
              <Group gap="xs" wrap="nowrap">
                <ServiceIcon name={s.icon} size={18} />
                {s.name}
              </Group>
            ),
          },
          { header: "Category", cell: (s) => nameOf(s.categoryId) },
          { header: "Who may request it", cell: (s) => visibilityLabels[s.visibility] },
          {
            header: "Status",
            cell: (s) => (
              <Badge variant="dot" color={s.active ? "green" : "gray"} c="dark.9">
                {s.active ? "Active" : "Off"}
              </Badge>
            ),
          },
        ]}
        name={(s) => s.name}
        moreActions={(s) => <TranslationsButton kind="service" id={s.id} name={s.name} defaults={s} />}
        // Services are switched off rather than deleted: tickets came through them.
        deletable={() => false}
        dialogSize="lg"
        form={(p) => <ServiceForm {...p} />}
        confirmDelete={{ title: (s) => `Delete service ${s.name}?`, body: "" }}
      />
    </Stack>
  );
}
