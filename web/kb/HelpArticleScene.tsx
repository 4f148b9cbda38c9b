import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title, Typography } from "@mantine/core";
import { useMemo } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import type { KbArticle } from "../../common/kb.ts";
import { directionOf, isLocale, localeNames } from "../../common/locales.ts";
import { useHelpArticle } from "../api/kb.ts";
import { useT } from "../i18n/use-t.ts";
import { formatShortDateTime } from "../ui/format.ts";
import { QueryView } from "../ui/QueryView.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { HelpfulVote } from "./HelpfulVote.tsx";
import { ArticleLinks, HelpBreadcrumbs, HelpNotFound, isMissing, StillNeedHelp, useMetaDescription } from "./parts.tsx";
import { withHeadingIds } from "./table-of-contents.ts";

/** Links to the article in its other languages, each named in itself (and marked as being in it). */
function OtherLanguages({ article }: { article: KbArticle }) {
  const t = useT();
  const others = article.languages.filter((l) => l !== article.language);
  if (!others.length) return null;
  return (
    <Group gap="xs" component="nav" aria-label={t("helpcentre.article.otherLanguages")}>
      <Text size="sm" c="dimmed">
        {t("helpcentre.article.alsoIn")}
      </Text>
      {others.map((language) => (
        <Anchor
          key={language}
          component={Link}
          to={`/help/articles/${article.slug}?lang=${language}`}
          size="sm"
          lang={language}
          hrefLang={language}
          dir={directionOf(language)}
        >
          {isLocale(language) ? localeNames[language] : language}
        </Anchor>
      ))}
    </Group>
  );
}

function ArticleView({ article }: { article: KbArticle }) {
  const t = useT();
  const { html, headings } = useMemo(() => withHeadingIds(article.body), [article.body]);
  // The article's words may be in another language than the page's (no translation yet, or one chosen below).
  const language = { lang: article.language, dir: directionOf(article.language) } as const;
  return (
    <Stack gap="lg">
      <HelpBreadcrumbs trail={article.breadcrumbs.map((c) => ({ name: c.name, to: `/help/categories/${c.slug}` }))} />
      <OtherLanguages article={article} />
      <Stack gap={4}>
        <Title order={1} {...language}>
          {article.title}
        </Title>
        {article.summary && (
          <Text size="lg" {...language}>
            {article.summary}
          </Text>
        )}
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
          <Stack gap={4} component="ol" style={{ margin: 0, paddingInlineStart: "1.25rem" }} {...language}>
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
      <Typography className="message-body kb-article-body" {...language}>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on the server with an allow-list (server/kb/article-html.ts) */}
        <div dangerouslySetInnerHTML={{ __html: html }} />
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
  const [params] = useSearchParams();
  const t = useT();
  const article = useHelpArticle(slug, params.get("lang"));
  useDocumentTitle(
    article.data
      ? t("helpcentre.tabTitle", { name: article.data.title })
      : isMissing(article.error)
        ? t("helpcentre.tabTitle", { name: t("helpcentre.missing.article") })
        : t("helpcentre.name"),
  );
  useMetaDescription(article.data?.summary || undefined);
  return (
    <Stack maw={800} mx="auto">
      {isMissing(article.error) ? (
        <HelpNotFound what="article" />
      ) : (
        <QueryView query={article} loading={t("helpcentre.article.loading")}>
          {(data) => <ArticleView article={data} />}
        </QueryView>
      )}
    </Stack>
  );
}
