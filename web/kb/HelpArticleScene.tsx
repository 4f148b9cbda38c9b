import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title, Typography } from "@mantine/core";
import { useMemo } from "react";
import { useParams } from "react-router";
import type { KbArticle } from "../../common/kb.ts";
import { useHelpArticle } from "../api/kb.ts";
import { useT } from "../i18n/use-t.ts";
import { formatShortDateTime } from "../ui/format.ts";
import { QueryView } from "../ui/QueryView.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { HelpfulVote } from "./HelpfulVote.tsx";
import { ArticleLinks, HelpBreadcrumbs, StillNeedHelp, useMetaDescription } from "./parts.tsx";
import { withHeadingIds } from "./table-of-contents.ts";

function ArticleView({ article }: { article: KbArticle }) {
  const t = useT();
  const { html, headings } = useMemo(() => withHeadingIds(article.body), [article.body]);
  return (
    <Stack gap="lg">
      <HelpBreadcrumbs trail={article.breadcrumbs.map((c) => ({ name: c.name, to: `/help/categories/${c.slug}` }))} />
      <Stack gap={4}>
        <Title order={1}>{article.title}</Title>
        {article.summary && <Text size="lg">{article.summary}</Text>}
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t("helpcentre.article.updated", { date: formatShortDateTime(article.updatedAt) })}
          </Text>
          {article.visibility === "internal" && (
            <Badge variant="dot" c="dark.9" color="grape">
              {t("helpcentre.article.internal")}
            </Badge>
          )}
        </Group>
      </Stack>
      {headings.length > 1 && (
        <Paper withBorder radius="md" p="md" component="nav" aria-labelledby="toc-title">
          <Title order={2} size="h5" id="toc-title" mb="xs">
            {t("helpcentre.article.contents")}
          </Title>
          <Stack gap={4} component="ol" style={{ margin: 0, paddingInlineStart: "1.25rem" }}>
            {headings.map((h) => (
              <li key={h.id} style={{ marginInlineStart: h.level === 3 ? "1rem" : 0 }}>
                <Anchor href={`#${h.id}`} size="sm">
                  {h.text}
                </Anchor>
              </li>
            ))}
          </Stack>
        </Paper>
      )}
      <Typography className="message-body kb-article-body">
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on the server with an allow-list (server/kb/article-html.ts) */}
        <div style={{ overflowWrap: "anywhere" }} dangerouslySetInnerHTML={{ __html: html }} />
      </Typography>
      {article.tags.length > 0 && (
        <Group gap="xs" aria-label={t("helpcentre.article.tags")}>
          {article.tags.map((tag) => (
            <Badge key={tag} variant="light" color="gray">
              {tag}
            </Badge>
          ))}
        </Group>
      )}
      <Paper withBorder radius="md" p="md">
        <HelpfulVote slug={article.slug} helpful={article.helpful} />
      </Paper>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        {article.related.length > 0 && (
          <section aria-labelledby="related-title">
            <Title order={2} size="h4" id="related-title" mb="xs">
              {t("helpcentre.article.related")}
            </Title>
            <ArticleLinks articles={article.related} />
          </section>
        )}
        <StillNeedHelp />
      </SimpleGrid>
    </Stack>
  );
}

export function HelpArticleScene() {
  const { slug = "" } = useParams();
  const t = useT();
  const article = useHelpArticle(slug);
  useDocumentTitle(article.data ? t("helpcentre.tabTitle", { name: article.data.title }) : t("helpcentre.name"));
  useMetaDescription(article.data?.summary || undefined);
  return (
    <Stack maw={800} mx="auto">
      <QueryView query={article} loading={t("helpcentre.article.loading")}>
        {(data) => <ArticleView article={data} />}
      </QueryView>
    </Stack>
  );
}
