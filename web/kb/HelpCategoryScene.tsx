import { Group, Stack, Text, Title } from "@mantine/core";
import { useParams } from "react-router";
import { useHelpCategory } from "../api/kb.ts";
import { useT } from "../i18n/use-t.ts";
import { ownDirection } from "../ui/own-direction.ts";
import { QueryView } from "../ui/QueryView.tsx";
import { ServiceIcon } from "../ui/ServiceIcon.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { ArticleLinks, HelpBreadcrumbs, HelpNotFound, isMissing, StillNeedHelp, useMetaDescription } from "./parts.tsx";

export function HelpCategoryScene() {
  const { slug = "" } = useParams();
  const t = useT();
  const page = useHelpCategory(slug);
  useDocumentTitle(
    page.data
      ? t("helpcentre.tabTitle", { name: page.data.category.name })
      : isMissing(page.error)
        ? t("helpcentre.tabTitle", { name: t("helpcentre.missing.category") })
        : t("helpcentre.name"),
  );
  useMetaDescription(page.data?.category.description || undefined);
  return (
    <Stack gap="lg" maw={800} mx="auto">
      {isMissing(page.error) ? (
        <HelpNotFound what="category" />
      ) : (
        <QueryView query={page} loading={t("helpcentre.category.loading")}>
          {({ category, breadcrumbs, sections, articles }) => (
            <>
              <HelpBreadcrumbs trail={breadcrumbs.map((c) => ({ name: c.name, to: `/help/categories/${c.slug}` }))} />
              <Group gap="sm" wrap="nowrap">
                <ServiceIcon name={category.icon} size={28} />
                <Title order={1}>{category.name}</Title>
              </Group>
              {category.description && <Text {...ownDirection}>{category.description}</Text>}
              {articles.length > 0 && <ArticleLinks articles={articles} />}
              {sections.map((section) => (
                <section key={section.id} aria-labelledby={`section-${section.id}`}>
                  <Title order={2} size="h3" id={`section-${section.id}`} mb="xs">
                    {section.name}
                  </Title>
                  {section.description && (
                    <Text size="sm" c="dimmed" mb="xs" {...ownDirection}>
                      {section.description}
                    </Text>
                  )}
                  <ArticleLinks articles={section.articles} empty={t("helpcentre.category.sectionEmpty")} />
                </section>
              ))}
              {articles.length === 0 && sections.length === 0 && (
                <Text c="dimmed">{t("helpcentre.category.empty")}</Text>
              )}
            </>
          )}
        </QueryView>
      )}
      <StillNeedHelp />
    </Stack>
  );
}
