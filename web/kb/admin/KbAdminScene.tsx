import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import type { KbStatus } from "../../../common/kb.ts";
import { serviceIconNames } from "../../../common/service-icons.ts";
import { ApiError } from "../../api/client.ts";
import {
  type EditorFilters,
  useBulkArticles,
  useDeleteCategory,
  useEditorArticles,
  useKbCategories,
  useKbStats,
  useSaveCategory,
} from "../../api/kb.ts";
import { QueryView } from "../../ui/QueryView.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { slugOf } from "./ArticleEditorScene.tsx";

const percent = (yes: number, total: number) => (total ? `${Math.round((yes / total) * 100)}% of ${total}` : "—");

function useCategoryOptions() {
  const categories = useKbCategories().data?.categories ?? [];
  const byId = new Map(categories.map((c) => [c.id, c]));
  return categories.map((c) => ({
    value: c.id,
    label: c.parentId ? `${byId.get(c.parentId)?.name ?? "…"} › ${c.name}` : c.name,
  }));
}

function ArticleList() {
  const [filters, setFilters] = useState<EditorFilters>({});
  const [selected, setSelected] = useState<string[]>([]);
  const [moveTo, setMoveTo] = useState<string | null>(null);
  const articles = useEditorArticles(filters);
  const bulk = useBulkArticles();
  const categoryOptions = useCategoryOptions();
  const list = articles.data?.articles ?? [];
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  const done = { onSuccess: () => setSelected([]) };
  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm">
        <Select
          label="Status"
          placeholder="Any"
          clearable
          data={["draft", "published", "archived"]}
          value={filters.status ?? null}
          onChange={(v) => setFilters((f) => ({ ...f, status: (v as KbStatus | null) ?? undefined }))}
        />
        <Select
          label="Category"
          placeholder="Any"
          clearable
          data={categoryOptions}
          value={filters.categoryId ?? null}
          onChange={(v) => setFilters((f) => ({ ...f, categoryId: v ?? undefined }))}
        />
        <Select
          label="Owner"
          placeholder="Anyone"
          clearable
          data={[...new Map(list.filter((a) => a.ownerId).map((a) => [a.ownerId, a.ownerName ?? "…"]))].map(
            ([value, label]) => ({ value: value ?? "", label }),
          )}
          value={filters.ownerId ?? null}
          onChange={(v) => setFilters((f) => ({ ...f, ownerId: v ?? undefined }))}
        />
        <Select
          label="Order"
          data={[
            { value: "updated", label: "Recently updated" },
            { value: "least_helpful", label: "Least helpful" },
          ]}
          value={filters.sort ?? "updated"}
          allowDeselect={false}
          onChange={(v) => setFilters((f) => ({ ...f, sort: v === "least_helpful" ? "least_helpful" : "updated" }))}
        />
        <Checkbox
          label="Flagged outdated"
          checked={filters.outdated ?? false}
          onChange={(e) => setFilters((f) => ({ ...f, outdated: e.currentTarget.checked }))}
        />
        <Button component={Link} to="/admin/kb/articles/new" ml="auto">
          New article
        </Button>
      </Group>
      {selected.length > 0 && (
        <Paper withBorder p="xs" radius="sm">
          <Group gap="sm" align="flex-end">
            <Text size="sm">{selected.length} selected</Text>
            <Select
              label="Move to"
              placeholder="No category"
              clearable
              data={categoryOptions}
              value={moveTo}
              onChange={setMoveTo}
              size="xs"
            />
            <Button size="xs" onClick={() => bulk.mutate({ action: "move", ids: selected, categoryId: moveTo }, done)}>
              Move
            </Button>
            <Button
              size="xs"
              color="red"
              variant="light"
              onClick={() => bulk.mutate({ action: "archive", ids: selected }, done)}
            >
              Archive
            </Button>
          </Group>
        </Paper>
      )}
      {bulk.isError && <Alert color="red">{bulk.error.message}</Alert>}
      <QueryView query={articles} loading="Loading articles…">
        {() =>
          list.length === 0 ? (
            <Text c="dimmed">No articles match.</Text>
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>
                      <Checkbox
                        aria-label="Select all"
                        checked={selected.length === list.length}
                        onChange={(e) => setSelected(e.currentTarget.checked ? list.map((a) => a.id) : [])}
                      />
                    </Table.Th>
                    <Table.Th>Title</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>Owner</Table.Th>
                    <Table.Th>Views</Table.Th>
                    <Table.Th>Helpful</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((a) => (
                    <Table.Tr key={a.id}>
                      <Table.Td>
                        <Checkbox
                          aria-label={`Select ${a.title}`}
                          checked={selected.includes(a.id)}
                          onChange={() => toggle(a.id)}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/admin/kb/articles/${a.id}`}>
                          {a.title}
                        </Anchor>
                        {a.outdated && (
                          <Badge ml="xs" variant="dot" c="dark.9" color="orange" size="sm">
                            Outdated
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>{a.status}</Table.Td>
                      <Table.Td>{a.ownerName ?? "—"}</Table.Td>
                      <Table.Td>{a.views}</Table.Td>
                      <Table.Td>{percent(a.helpfulYes, a.helpfulTotal)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryView>
    </Stack>
  );
}

function Categories() {
  const categories = useKbCategories();
  const [editing, setEditing] = useState<string | null>(null);
  const save = useSaveCategory(editing);
  const remove = useDeleteCategory();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [icon, setIcon] = useState<string | null>(null);
  const [parentId, setParentId] = useState<string | null>(null);
  const [position, setPosition] = useState(0);
  const options = useCategoryOptions();
  const list = categories.data?.categories ?? [];
  const errors = save.error instanceof ApiError ? save.error.fields : {};
  const reset = () => {
    setEditing(null);
    setName("");
    setDescription("");
    setIcon(null);
    setParentId(null);
    setPosition(0);
  };
  return (
    <Stack gap="sm">
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Inside</Table.Th>
            <Table.Th>Order</Table.Th>
            <Table.Th>Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>{c.name}</Table.Td>
              <Table.Td>{list.find((p) => p.id === c.parentId)?.name ?? "—"}</Table.Td>
              <Table.Td>{c.position}</Table.Td>
              <Table.Td>
                <Group gap="xs">
                  <Button
                    size="compact-xs"
                    variant="default"
                    onClick={() => {
                      setEditing(c.id);
                      setName(c.name);
                      setDescription(c.description);
                      setIcon(c.icon);
                      setParentId(c.parentId);
                      setPosition(c.position);
                    }}
                  >
                    Edit {c.name}
                  </Button>
                  <Button size="compact-xs" variant="default" onClick={() => remove.mutate(c.id)}>
                    Delete {c.name}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Paper withBorder p="md" radius="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(
              {
                name,
                slug: slugOf(name),
                description,
                icon: (icon as (typeof serviceIconNames)[number] | null) ?? null,
                parentId,
                position,
              },
              { onSuccess: reset },
            );
          }}
        >
          <Stack gap="xs">
            <Title order={2} size="h5">
              {editing ? "Change category" : "New category or section"}
            </Title>
            <Group grow align="flex-start">
              <TextInput
                label="Name"
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                error={errors.name ?? errors.slug}
              />
              <Select
                label="Inside (makes it a section)"
                clearable
                data={options.filter((o) => o.value !== editing)}
                value={parentId}
                onChange={setParentId}
              />
            </Group>
            <Group grow align="flex-start">
              <TextInput
                label="Description"
                value={description}
                onChange={(e) => setDescription(e.currentTarget.value)}
              />
              <Select label="Icon" clearable searchable data={[...serviceIconNames]} value={icon} onChange={setIcon} />
              <TextInput
                label="Order"
                type="number"
                value={String(position)}
                onChange={(e) => setPosition(Number(e.currentTarget.value) || 0)}
              />
            </Group>
            {save.isError && !Object.keys(errors).length && <Alert color="red">{save.error.message}</Alert>}
            <Group>
              <Button type="submit" loading={save.isPending}>
                {editing ? "Save category" : "Add category"}
              </Button>
              {editing && (
                <Button variant="default" onClick={reset}>
                  Cancel
                </Button>
              )}
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}

function Reports() {
  const stats = useKbStats();
  return (
    <QueryView query={stats} loading="Loading reports…">
      {(data) => (
        <Stack gap="lg">
          <section aria-labelledby="kb-report-articles">
            <Title order={2} size="h4" id="kb-report-articles" mb="xs">
              Articles
            </Title>
            <Table.ScrollContainer minWidth={560}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Article</Table.Th>
                    <Table.Th>Views</Table.Th>
                    <Table.Th>Helpful</Table.Th>
                    <Table.Th>Deflections</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.articles.map((a) => (
                    <Table.Tr key={a.id}>
                      <Table.Td>{a.title}</Table.Td>
                      <Table.Td>{a.views}</Table.Td>
                      <Table.Td>{percent(a.helpfulYes, a.helpfulTotal)}</Table.Td>
                      <Table.Td>{a.deflections}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </section>
          <section aria-labelledby="kb-report-unanswered">
            <Title order={2} size="h4" id="kb-report-unanswered" mb="xs">
              Searches that found nothing
            </Title>
            {data.unanswered.length === 0 ? (
              <Text c="dimmed">None yet.</Text>
            ) : (
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Search</Table.Th>
                    <Table.Th>Times</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.unanswered.map((u) => (
                    <Table.Tr key={u.query}>
                      <Table.Td>{u.query}</Table.Td>
                      <Table.Td>{u.count}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </section>
          <section aria-labelledby="kb-report-feedback">
            <Title order={2} size="h4" id="kb-report-feedback" mb="xs">
              What readers said was missing
            </Title>
            {data.feedback.length === 0 ? (
              <Text c="dimmed">No comments yet.</Text>
            ) : (
              <Stack gap="xs">
                {data.feedback.map((f) => (
                  <Text key={`${f.at}-${f.articleTitle}`} size="sm">
                    <strong>{f.articleTitle}:</strong> {f.comment}
                  </Text>
                ))}
              </Stack>
            )}
          </section>
        </Stack>
      )}
    </QueryView>
  );
}

/** The editors' page: articles (filters, bulk move and archive), categories and sections, and reports. */
export function KbAdminScene() {
  useDocumentTitle("Knowledge base");
  return (
    <Stack gap="md">
      <Title order={1}>Knowledge base</Title>
      <Tabs defaultValue="articles">
        <Tabs.List>
          <Tabs.Tab value="articles">Articles</Tabs.Tab>
          <Tabs.Tab value="categories">Categories</Tabs.Tab>
          <Tabs.Tab value="reports">Reports</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="articles" pt="md">
          <ArticleList />
        </Tabs.Panel>
        <Tabs.Panel value="categories" pt="md">
          <Categories />
        </Tabs.Panel>
        <Tabs.Panel value="reports" pt="md">
          <Reports />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
