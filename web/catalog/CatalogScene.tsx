import {
  Alert,
  Anchor,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { Link } from "react-router";
import type { Catalog, ServiceSummary } from "../../common/catalog.ts";
import { useCatalog } from "../api/catalog.ts";
import { LoadingState } from "../ui/LoadingState.tsx";
import { ServiceIcon } from "../ui/ServiceIcon.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";

function ServiceCard({ service }: { service: ServiceSummary }) {
  return (
    <Paper withBorder radius="md" p="md" component="article">
      <Stack gap={4}>
        <Group gap="xs" wrap="nowrap" align="center">
          <ServiceIcon name={service.icon} />
          <Anchor component={Link} to={`/services/${service.slug}`} fw={600}>
            {service.name}
          </Anchor>
        </Group>
        <Text size="sm">{service.summary}</Text>
      </Stack>
    </Paper>
  );
}

/** Top-level categories, each with the services of its sub-categories too; services without a category last. */
function byCategory(catalog: Catalog) {
  const top = catalog.categories.filter((c) => c.parentId === null);
  const topOf = (categoryId: string | null) => {
    const category = catalog.categories.find((c) => c.id === categoryId);
    return category?.parentId ?? category?.id ?? null;
  };
  const sections = top
    .map((category) => ({
      name: category.name,
      services: catalog.services.filter((s) => topOf(s.categoryId) === category.id),
    }))
    .filter((section) => section.services.length > 0);
  const other = catalog.services.filter((s) => topOf(s.categoryId) === null);
  return other.length ? [...sections, { name: "Other services", services: other }] : sections;
}

export function CatalogScene() {
  useDocumentTitle("Services");
  const [search, setSearch] = useState("");
  const [order, setOrder] = useState("categories");
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const catalog = useCatalog(debounced);
  return (
    <Stack gap="md">
      <Title order={1}>Services</Title>
      <Text>Choose what you need help with. Can't find it? Use the general form to submit a request.</Text>
      <Group align="flex-end" gap="md">
        <TextInput label="Search services" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={320} />
        <SegmentedControl
          aria-label="Order"
          value={order}
          onChange={setOrder}
          data={[
            { value: "categories", label: "By category" },
            { value: "az", label: "A–Z" },
          ]}
        />
      </Group>
      {catalog.isPending ? (
        <LoadingState label="Loading services" />
      ) : catalog.isError ? (
        <Alert color="red">{catalog.error.message}</Alert>
      ) : catalog.data.services.length === 0 ? (
        <Text>
          No services match.{" "}
          <Anchor component={Link} to="/requests/new" underline="always">
            Submit a general request
          </Anchor>
        </Text>
      ) : order === "az" ? (
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} aria-label="Services A to Z" component="section">
          {[...catalog.data.services]
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((service) => (
              <ServiceCard key={service.id} service={service} />
            ))}
        </SimpleGrid>
      ) : (
        byCategory(catalog.data).map((section) => (
          <Stack key={section.name} gap="xs" component="section" aria-label={section.name}>
            <Title order={2} size="h3">
              {section.name}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
              {section.services.map((service) => (
                <ServiceCard key={service.id} service={service} />
              ))}
            </SimpleGrid>
          </Stack>
        ))
      )}
    </Stack>
  );
}
