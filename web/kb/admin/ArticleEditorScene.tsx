import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  MultiSelect,
  Paper,
  Select,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import type { KbArticleInput, KbEditorArticle, KbVisibility } from "../../../common/kb.ts";
import { useOrganizations, useRoles } from "../../api/admin.ts";
import { ApiError } from "../../api/client.ts";
import { useEditorArticle, useKbCategories, useSaveArticle, useSetStatus } from "../../api/kb.ts";
import { useT } from "../../i18n/use-t.ts";
import { Form } from "../../ui/Form.tsx";
import { QueryView } from "../../ui/QueryView.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { ArticleBodyEditor } from "./ArticleBodyEditor.tsx";
import { ArticleTranslations } from "./ArticleTranslations.tsx";
import { RevisionHistory } from "./RevisionHistory.tsx";
import { useStatusLabels } from "./status-labels.ts";

function useVisibilityOptions(): { value: KbVisibility; label: string }[] {
  const t = useT();
  return [
    { value: "public", label: t("kbadmin.visibility.public") },
    { value: "customers", label: t("kbadmin.visibility.customers") },
    { value: "restricted", label: t("kbadmin.visibility.restricted") },
    { value: "internal", label: t("kbadmin.visibility.internal") },
  ];
}

export function slugOf(title: string): string {
  return title
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
}

const blank: KbArticleInput = {
  title: "",
  slug: "",
  summary: "",
  body: "",
  tags: [],
  categoryId: null,
  ownerId: null,
  visibility: "public",
  organizationIds: [],
  roleIds: [],
};

function ArticleForm({ article }: { article: KbEditorArticle | null }) {
  const t = useT();
  const statusLabels = useStatusLabels();
  const visibilityOptions = useVisibilityOptions();
  const navigate = useNavigate();
  const [values, setValues] = useState<KbArticleInput>(article ?? blank);
  const [slugTouched, setSlugTouched] = useState(article !== null);
  const [saved, setSaved] = useState(false);
  const save = useSaveArticle(article?.id ?? null);
  const status = useSetStatus(article?.id ?? "");
  const categories = useKbCategories();
  // Only administrators may list organizations and roles; other editors see the choices already made.
  const organizations = useOrganizations();
  const roles = useRoles();
  const errors = save.error instanceof ApiError ? save.error.fields : {};
  const set = <K extends keyof KbArticleInput>(key: K, value: KbArticleInput[K]) => {
    setSaved(false);
    setValues((v) => ({ ...v, [key]: value }));
  };
  const byId = new Map((categories.data?.categories ?? []).map((c) => [c.id, c]));
  const categoryOptions = (categories.data?.categories ?? []).map((c) => ({
    value: c.id,
    label: c.parentId ? `${byId.get(c.parentId)?.name ?? "…"} › ${c.name}` : c.name,
  }));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Anchor component={Link} to="/admin/kb" size="sm">
            {t("kbadmin.editor.back")}
          </Anchor>
          <Title order={1}>{article ? article.title : t("kbadmin.editor.newArticle")}</Title>
          {article && (
            <Group gap="xs">
              <Badge
                variant="dot"
                c="dark.9"
                color={article.status === "published" ? "green" : article.status === "draft" ? "yellow" : "gray"}
              >
                {statusLabels[article.status]}
              </Badge>
              {article.outdated && (
                <Badge variant="dot" c="dark.9" color="orange">
                  {t("kbadmin.editor.flaggedOutdated")}
                </Badge>
              )}
              {article.status === "published" && (
                <Anchor component={Link} to={`/help/articles/${article.slug}`} size="sm">
                  {t("kbadmin.editor.viewInHelpCentre")}
                </Anchor>
              )}
            </Group>
          )}
        </Stack>
        {article && (
          <Group gap="xs">
            {article.status !== "published" && (
              <Button loading={status.isPending} onClick={() => status.mutate("published")}>
                {t("kbadmin.editor.publish")}
              </Button>
            )}
            {article.status === "published" && (
              <Button variant="default" onClick={() => status.mutate("draft")}>
                {t("kbadmin.editor.unpublish")}
              </Button>
            )}
            {article.status !== "archived" && (
              <Button variant="default" color="red" onClick={() => status.mutate("archived")}>
                {t("kbadmin.editor.archive")}
              </Button>
            )}
          </Group>
        )}
      </Group>
      {article?.outdated && article.outdatedNote && (
        <Alert color="orange" title={t("kbadmin.editor.flaggedTitle")}>
          {article.outdatedNote} {t("kbadmin.editor.savingClears")}
        </Alert>
      )}
      <Paper withBorder radius="md" p="md">
        <Form
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate(values, {
              onSuccess: (id) => {
                setSaved(true);
                if (!article) void navigate(`/admin/kb/articles/${id}`, { replace: true });
              },
            });
          }}
        >
          <Stack gap="sm">
            <TextInput
              label={t("kbadmin.editor.title")}
              value={values.title}
              error={errors.title}
              onChange={(e) => {
                const title = e.currentTarget.value;
                setValues((v) => ({ ...v, title, ...(slugTouched ? {} : { slug: slugOf(title) }) }));
              }}
            />
            <TextInput
              label={t("kbadmin.editor.webAddress")}
              description={`/help/articles/${values.slug || "…"}`}
              value={values.slug}
              error={errors.slug}
              onChange={(e) => {
                setSlugTouched(true);
                set("slug", e.currentTarget.value);
              }}
            />
            <Textarea
              label={t("kbadmin.editor.summary")}
              description={t("kbadmin.editor.summaryHint")}
              value={values.summary}
              error={errors.summary}
              autosize
              minRows={2}
              onChange={(e) => set("summary", e.currentTarget.value)}
            />
            <Group grow align="flex-start">
              <Select
                label={t("kbadmin.editor.category")}
                placeholder={t("kbadmin.editor.noCategory")}
                data={categoryOptions}
                value={values.categoryId}
                clearable
                error={errors.categoryId}
                onChange={(value) => set("categoryId", value)}
              />
              <Select
                label={t("kbadmin.editor.whoMayRead")}
                data={visibilityOptions}
                value={values.visibility}
                allowDeselect={false}
                error={errors.visibility}
                onChange={(value) => value && set("visibility", value as KbVisibility)}
              />
            </Group>
            {values.visibility === "restricted" && (
              <Group grow align="flex-start">
                <MultiSelect
                  label={t("kbadmin.editor.organizations")}
                  data={(organizations.data?.organizations ?? []).map((o) => ({ value: o.id, label: o.name }))}
                  value={values.organizationIds}
                  onChange={(ids) => set("organizationIds", ids)}
                  error={errors.organizationIds}
                />
                <MultiSelect
                  label={t("kbadmin.editor.roles")}
                  data={(roles.data?.roles ?? []).map((r) => ({ value: r.id, label: r.name }))}
                  value={values.roleIds}
                  onChange={(ids) => set("roleIds", ids)}
                  error={errors.roleIds}
                />
              </Group>
            )}
            <TagsInput
              label={t("kbadmin.editor.tags")}
              value={values.tags}
              onChange={(tags) => set("tags", tags)}
              error={errors.tags}
            />
            {article && (
              <Text size="sm" c="dimmed">
                {t("kbadmin.editor.owner", { name: article.ownerName ?? t("kbadmin.editor.nobody") })}
              </Text>
            )}
            <ArticleBodyEditor initialContent={values.body} onChange={(body) => set("body", body)} />
            {save.isError && !Object.keys(errors).length && <Alert color="red">{save.error.message}</Alert>}
            {save.isError && Object.keys(errors).length > 0 && (
              <Alert color="red">{Object.values(errors).join(" ")}</Alert>
            )}
            <Group>
              <Button type="submit" loading={save.isPending}>
                {article ? t("kbadmin.editor.save") : t("kbadmin.editor.createDraft")}
              </Button>
              {saved && <Text role="status">{t("kbadmin.editor.saved")}</Text>}
            </Group>
          </Stack>
        </Form>
      </Paper>
      {article && <ArticleTranslations article={article} />}
      {article && <RevisionHistory articleId={article.id} />}
    </Stack>
  );
}

export function ArticleEditorScene() {
  const t = useT();
  const { id } = useParams();
  const article = useEditorArticle(id ?? null);
  useDocumentTitle(id ? (article.data?.title ?? t("kbadmin.editor.article")) : t("kbadmin.editor.newArticle"));
  if (!id) return <ArticleForm article={null} />;
  return (
    <QueryView query={article} loading={t("kbadmin.editor.loading")}>
      {(data) => <ArticleForm key={`${data.id}-${data.updatedAt}`} article={data} />}
    </QueryView>
  );
}
