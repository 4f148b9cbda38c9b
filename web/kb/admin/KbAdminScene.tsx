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
import { type KbStatus, kbStatuses } from "../../../common/kb.ts";
import { serviceIconNames } from "../../../common/service-icons.ts";
import { TranslationsButton } from "../../admin/TranslationsDialog.tsx";
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
import { useT } from "../../i18n/use-t.ts";
import { Form } from "../../ui/Form.tsx";
import { QueryView } from "../../ui/QueryView.tsx";
import { ScrollTable } from "../../ui/ScrollTable.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { slugOf } from "./ArticleEditorScene.tsx";
import { useStatusLabels } from "./status-labels.ts";

/** "75% of 12" found it helpful, or a dash before anyone voted. */
function useHelpfulShare() {
  const t = useT();
  return (yes: number, total: number) => (total ? t("kbadmin.helpfulShare", { share: yes / total, total }) : "—");
}

function useCategoryOptions() {
  const categories = useKbCategories().data?.categories ?? [];
  const byId = new Map(categories.map((c) => [c.id, c]));
  return categories.map((c) => ({
    value: c.id,
    label: c.parentId ? `${byId.get(c.parentId)?.name ?? "…"} › ${c.name}` : c.name,
  }));
}

function ArticleList() {
  const t = useT();
  const statusLabels = useStatusLabels();
  const percent = useHelpfulShare();
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
          label={t("kbadmin.list.status")}
          placeholder={t("kbadmin.list.any")}
          clearable
          data={kbStatuses.map((value) => ({ value, label: statusLabels[value] }))}
          value={filters.status ?? null}
          onChange={(v) => setFilters((f) => ({ ...f, status: (v as KbStatus | null) ?? undefined }))}
        />
        <Select
          label={t("kbadmin.list.category")}
          placeholder={t("kbadmin.list.any")}
          clearable
          data={categoryOptions}
          value={filters.categoryId ?? null}
          onChange={(v) => setFilters((f) => ({ ...f, categoryId: v ?? undefined }))}
        />
        <Select
          label={t("kbadmin.list.owner")}
          placeholder={t("kbadmin.list.anyone")}
          clearable
          data={[...new Map(list.filter((a) => a.ownerId).map((a) => [a.ownerId, a.ownerName ?? "…"]))].map(
            ([value, label]) => ({ value: value ?? "", label }),
          )}
          value={filters.ownerId ?? null}
          onChange={(v) => setFilters((f) => ({ ...f, ownerId: v ?? undefined }))}
        />
        <Select
          label={t("kbadmin.list.order")}
          data={[
            { value: "updated", label: t("kbadmin.list.recentlyUpdated") },
            { value: "least_helpful", label: t("kbadmin.list.leastHelpful") },
          ]}
          value={filters.sort ?? "updated"}
          allowDeselect={false}
          onChange={(v) => setFilters((f) => ({ ...f, sort: v === "least_helpful" ? "least_helpful" : "updated" }))}
        />
        <Checkbox
          label={t("kbadmin.list.flaggedOutdated")}
          checked={filters.outdated ?? false}
          onChange={(e) => setFilters((f) => ({ ...f, outdated: e.currentTarget.checked }))}
        />
        <Button component={Link} to="/admin/kb/articles/new" ml="auto">
          {t("kbadmin.list.newArticle")}
        </Button>
      </Group>
      {selected.length > 0 && (
        <Paper withBorder p="xs" radius="sm">
          <Group gap="sm" align="flex-end">
            <Text size="sm">{t("kbadmin.list.selected", { count: selected.length })}</Text>
            <Select
              label={t("kbadmin.list.moveTo")}
              placeholder={t("kbadmin.list.noCategory")}
              clearable
              data={categoryOptions}
              value={moveTo}
              onChange={setMoveTo}
              size="xs"
            />
            <Button size="xs" onClick={() => bulk.mutate({ action: "move", ids: selected, categoryId: moveTo }, done)}>
              {t("kbadmin.list.move")}
            </Button>
            <Button
              size="xs"
              color="red"
              variant="light"
              onClick={() => bulk.mutate({ action: "archive", ids: selected }, done)}
            >
              {t("kbadmin.list.archive")}
            </Button>
          </Group>
        </Paper>
      )}
      {bulk.isError && <Alert color="red">{bulk.error.message}</Alert>}
      <QueryView query={articles} loading={t("kbadmin.list.loading")}>
        {() =>
          list.length === 0 ? (
            <Text c="dimmed">{t("kbadmin.list.none")}</Text>
          ) : (
            <ScrollTable minWidth={640} label={t("kbadmin.reports.articles")}>
              <Table striped aria-label={t("kbadmin.reports.articles")}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>
                      <Checkbox
                        aria-label={t("kbadmin.list.selectAll")}
                        checked={selected.length === list.length}
                        onChange={(e) => setSelected(e.currentTarget.checked ? list.map((a) => a.id) : [])}
                      />
                    </Table.Th>
                    <Table.Th>{t("kbadmin.list.title")}</Table.Th>
                    <Table.Th>{t("kbadmin.list.status")}</Table.Th>
                    <Table.Th>{t("kbadmin.list.owner")}</Table.Th>
                    <Table.Th>{t("kbadmin.list.views")}</Table.Th>
                    <Table.Th>{t("kbadmin.list.helpful")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((a) => (
                    <Table.Tr key={a.id}>
                      <Table.Td>
                        <Checkbox
                          aria-label={t("kbadmin.list.selectOne", { title: a.title })}
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
                            {t("kbadmin.list.outdated")}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>{statusLabels[a.status]}</Table.Td>
                      <Table.Td>{a.ownerName ?? "—"}</Table.Td>
                      <Table.Td>{a.views}</Table.Td>
                      <Table.Td>{percent(a.helpfulYes, a.helpfulTotal)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )
        }
      </QueryView>
    </Stack>
  );
}

function Categories() {
  const t = useT();
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
            <Table.Th>{t("kbadmin.categories.name")}</Table.Th>
            <Table.Th>{t("kbadmin.categories.inside")}</Table.Th>
            <Table.Th>{t("kbadmin.categories.order")}</Table.Th>
            <Table.Th>{t("kbadmin.categories.actions")}</Table.Th>
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
                    {t("kbadmin.categories.edit", { name: c.name })}
                  </Button>
                  <TranslationsButton kind="kb-category" id={c.id} name={c.name} defaults={c} />
                  <Button size="compact-xs" variant="default" onClick={() => remove.mutate(c.id)}>
                    {t("kbadmin.categories.delete", { name: c.name })}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Paper withBorder p="md" radius="md">
        <Form
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
              {editing ? t("kbadmin.categories.change") : t("kbadmin.categories.new")}
            </Title>
            <Group grow align="flex-start">
              <TextInput
                label={t("kbadmin.categories.name")}
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                error={errors.name ?? errors.slug}
              />
              <Select
                label={t("kbadmin.categories.insideSection")}
                clearable
                data={options.filter((o) => o.value !== editing)}
                value={parentId}
                onChange={setParentId}
              />
            </Group>
            <Group grow align="flex-start">
              <TextInput
                label={t("kbadmin.categories.description")}
                value={description}
                onChange={(e) => setDescription(e.currentTarget.value)}
              />
              <Select
                label={t("kbadmin.categories.icon")}
                clearable
                searchable
                data={[...serviceIconNames]}
                value={icon}
                onChange={setIcon}
              />
              <TextInput
                label={t("kbadmin.categories.order")}
                type="number"
                value={String(position)}
                onChange={(e) => setPosition(Number(e.currentTarget.value) || 0)}
              />
            </Group>
            {save.isError && !Object.keys(errors).length && <Alert color="red">{save.error.message}</Alert>}
            <Group>
              <Button type="submit" loading={save.isPending}>
                {editing ? t("kbadmin.categories.save") : t("kbadmin.categories.add")}
              </Button>
              {editing && (
                <Button variant="default" onClick={reset}>
                  {t("kbadmin.categories.cancel")}
                </Button>
              )}
            </Group>
          </Stack>
        </Form>
      </Paper>
    </Stack>
  );
}

function Reports() {
  const t = useT();
  const percent = useHelpfulShare();
  const stats = useKbStats();
  return (
    <QueryView query={stats} loading={t("kbadmin.reports.loading")}>
      {(data) => (
        <Stack gap="lg">
          <section aria-labelledby="kb-report-articles">
            <Title order={2} size="h4" id="kb-report-articles" mb="xs">
              {t("kbadmin.reports.articles")}
            </Title>
            <ScrollTable minWidth={560} label={t("kbadmin.reports.articles")}>
              <Table striped aria-label={t("kbadmin.reports.articles")}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("kbadmin.reports.article")}</Table.Th>
                    <Table.Th>{t("kbadmin.list.views")}</Table.Th>
                    <Table.Th>{t("kbadmin.list.helpful")}</Table.Th>
                    <Table.Th>{t("kbadmin.reports.deflections")}</Table.Th>
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
            </ScrollTable>
          </section>
          <section aria-labelledby="kb-report-unanswered">
            <Title order={2} size="h4" id="kb-report-unanswered" mb="xs">
              {t("kbadmin.reports.unanswered")}
            </Title>
            {data.unanswered.length === 0 ? (
              <Text c="dimmed">{t("kbadmin.reports.noneYet")}</Text>
            ) : (
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("kbadmin.reports.search")}</Table.Th>
                    <Table.Th>{t("kbadmin.reports.times")}</Table.Th>
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
              {t("kbadmin.reports.feedback")}
            </Title>
            {data.feedback.length === 0 ? (
              <Text c="dimmed">{t("kbadmin.reports.noComments")}</Text>
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
  const t = useT();
  useDocumentTitle(t("kbadmin.title"));
  return (
    <Stack gap="md">
      <Title order={1}>{t("kbadmin.title")}</Title>
      <Tabs defaultValue="articles">
        <Tabs.List>
          <Tabs.Tab value="articles">{t("kbadmin.tabs.articles")}</Tabs.Tab>
          <Tabs.Tab value="categories">{t("kbadmin.tabs.categories")}</Tabs.Tab>
          <Tabs.Tab value="reports">{t("kbadmin.tabs.reports")}</Tabs.Tab>
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
