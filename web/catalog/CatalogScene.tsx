import { Anchor, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { Link } from "react-router";
import type { Catalog, ServiceSummary } from "../../common/catalog.ts";
import { useCatalog } from "../api/catalog.ts";
import { useMaySubmit } from "../api/session.ts";
import { useT } from "../i18n/use-t.ts";
import { categoryTree } from "../ui/category-tree.ts";
import { ownDirection } from "../ui/own-direction.ts";
import { QueryView } from "../ui/QueryView.tsx";
import { ServiceIcon } from "../ui/ServiceIcon.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";

function ServiceCard({ service }: { service: ServiceSummary }) {
  return (
    <Paper withBorder radius="md" p="md" component="article">
      <Stack gap={4}>
        <Group gap="xs" wrap="nowrap" align="center">
          <ServiceIcon name={service.icon} />
          <Anchor component={Link} to={`/services/${service.slug}`} fw={600} {...ownDirection}>
            {service.name}
          </Anchor>
        </Group>
        <Text size="sm" {...ownDirection}>
          {service.summary}
        </Text>
      </Stack>
    </Paper>
  );
}

type Section = {
  name: string;
  services: ServiceSummary[];
  subsections: { name: string; services: ServiceSummary[] }[];
};

/**
 * Top-level categories with their own services first, then a part for each sub-category that has services;
 * services without a category come last.
 */
function byCategory(catalog: Catalog, otherServices: string): Section[] {
  const inCategory = (id: string) => catalog.services.filter((s) => s.categoryId === id);
  const sections = categoryTree(catalog.categories)
    .map((category) => ({
      name: category.name,
      services: inCategory(category.id),
      subsections: category.children
        .map((child) => ({ name: child.name, services: inCategory(child.id) }))
        .filter((sub) => sub.services.length > 0),
    }))
    .filter((section) => section.services.length > 0 || section.subsections.length > 0);
  const known = new Set(catalog.categories.map((c) => c.id));
  const other = catalog.services.filter((s) => s.categoryId === null || !known.has(s.categoryId));
  return other.length ? [...sections, { name: otherServices, services: other, subsections: [] }] : sections;
}

function ServiceGrid({ services }: { services: ServiceSummary[] }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
      {services.map((service) => (
        <ServiceCard key={service.id} service={service} />
      ))}
    </SimpleGrid>
  );
}

export function CatalogScene() {
  const t = useT();
  useDocumentTitle(t("catalog.title"));
  const maySubmit = useMaySubmit();
  const [search, setSearch] = useState("");
  const [order, setOrder] = useState("categories");
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const catalog = useCatalog(debounced);
  return (
    <Stack gap="md">
      <Title order={1}>{t("catalog.title")}</Title>
      <Text>{maySubmit === false ? t("portal.maySubmitNot") : t("catalog.intro")}</Text>
      <Group align="flex-end" gap="md">
        <TextInput
          label={t("catalog.search")}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={320}
        />
        <SegmentedControl
          aria-label={t("catalog.order.label")}
          value={order}
          onChange={setOrder}
          data={[
            { value: "categories", label: t("catalog.order.categories") },
            { value: "az", label: t("catalog.order.az") },
          ]}
        />
      </Group>
      <QueryView query={catalog} loading={t("catalog.loading")}>
        {(data) =>
          data.services.length === 0 ? (
            <Text>
              {t("catalog.noMatch")}{" "}
              {maySubmit !== false && (
                <Anchor component={Link} to="/requests/new" underline="always">
                  {t("catalog.generalRequest")}
                </Anchor>
              )}
            </Text>
          ) : order === "az" ? (
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} aria-label={t("catalog.azLabel")} component="section">
              {[...data.services]
                .sort((a, b) => a.name.localeCompare(b.name))
                .map((service) => (
                  <ServiceCard key={service.id} service={service} />
                ))}
            </SimpleGrid>
          ) : (
            byCategory(data, t("catalog.other")).map((section) => (
              <Stack key={section.name} gap="xs" component="section" aria-label={section.name}>
                <Title order={2} size="h3">
                  {section.name}
                </Title>
                {section.services.length > 0 && <ServiceGrid services={section.services} />}
                {section.subsections.map((sub) => (
                  <Stack
                    key={sub.name}
                    gap="xs"
                    component="section"
                    aria-label={`${section.name} › ${sub.name}`}
                    mt="xs"
                  >
                    <Title order={3} size="h4">
                      {sub.name}
                    </Title>
                    <ServiceGrid services={sub.services} />
                  </Stack>
                ))}
              </Stack>
            ))
          )
        }
      </QueryView>
    </Stack>
  );
}
