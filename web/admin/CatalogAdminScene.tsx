import { Badge, Button, Group, Stack, Title } from "@mantine/core";
import { categoriesCollection, servicesCollection } from "../../common/admin-collections.ts";
import type { ServiceVisibility } from "../../common/catalog.ts";
import { useAdminCategories } from "../api/catalog-admin.ts";
import { useT } from "../i18n/use-t.ts";
import { ServiceIcon } from "../ui/ServiceIcon.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { AdminCollectionSection } from "./AdminCollectionPage.tsx";
import { NameForm } from "./NameForm.tsx";
import { ServiceForm } from "./ServiceForm.tsx";
import { TranslationsButton } from "./TranslationsDialog.tsx";

export function CatalogAdminScene() {
  const t = useT();
  useDocumentTitle(t("admin.catalog.title"));
  const visibilityLabels: Record<ServiceVisibility, string> = {
    public: t("admin.catalog.visibility.public"),
    customers: t("admin.catalog.visibility.customers"),
    restricted: t("admin.catalog.visibility.restricted"),
  };
  const all = useAdminCategories().data?.categories ?? [];
  const nameOf = (id: string | null) => all.find((c) => c.id === id)?.name ?? "—";

  return (
    <Stack gap="lg">
      <Title order={1}>{t("admin.catalog.title")}</Title>
      <AdminCollectionSection
        collection={categoriesCollection}
        newPreset={{ parentId: null }}
        columns={[
          { header: t("admin.form.name"), cell: (c) => c.name },
          { header: t("admin.catalog.under"), cell: (c) => (c.parentId ? nameOf(c.parentId) : "—") },
        ]}
        name={(c) => c.name}
        editLabel={t("admin.row.rename")}
        moreActions={(c, controls) => (
          <>
            {c.parentId === null && (
              <Button
                size="xs"
                variant="default"
                onClick={() =>
                  controls.create(t("admin.catalog.addSubcategoryTo", { name: c.name }), { parentId: c.id })
                }
              >
                {t("admin.catalog.addSubcategory")}
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
          title: (c) => t("admin.catalog.deleteCategoryTitle", { name: c.name }),
          body: t("admin.catalog.deleteCategoryBody"),
        }}
      />
      <AdminCollectionSection
        collection={servicesCollection}
        empty={t("admin.catalog.noServices")}
        minWidth={720}
        columns={[
          {
            header: t("admin.form.name"),
            cell: (s) => (
              <Group gap="xs" wrap="nowrap">
                <ServiceIcon name={s.icon} size={18} />
                {s.name}
              </Group>
            ),
          },
          { header: t("admin.statuses.category"), cell: (s) => nameOf(s.categoryId) },
          { header: t("admin.services.whoMayRequest"), cell: (s) => visibilityLabels[s.visibility] },
          {
            header: t("admin.users.status"),
            cell: (s) => (
              <Badge variant="dot" color={s.active ? "green" : "gray"} c="dark.9">
                {s.active ? t("admin.users.status.active") : t("admin.catalog.off")}
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
        confirmDelete={{ title: (s) => t("admin.catalog.deleteServiceTitle", { name: s.name }), body: "" }}
      />
    </Stack>
  );
}
