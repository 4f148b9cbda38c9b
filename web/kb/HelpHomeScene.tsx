import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { useHelpHome } from "../api/kb.ts";
import { useT } from "../i18n/use-t.ts";
import { ownDirection } from "../ui/own-direction.ts";
import { QueryView } from "../ui/QueryView.tsx";
import { ServiceIcon } from "../ui/ServiceIcon.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { ArticleLinks, HelpSearchForm, StillNeedHelp, useMetaDescription } from "./parts.tsx";

/** The Help Centre's front page: the search box first, then categories, popular and recently updated articles. */
export function HelpHomeScene() {
  const t = useT();
  useDocumentTitle(t("helpcentre.name"));
  useMetaDescription(t("helpcentre.home.description"));
  const home = useHelpHome();
  return (
    <Stack gap="xl" maw={960} mx="auto">
      <Paper withBorder radius="lg" p={{ base: "md", sm: "xl" }}>
        <Stack gap="md">
          <Title order={1}>{t("helpcentre.name")}</Title>
          <HelpSearchForm size="lg" />
        </Stack>
      </Paper>
      <QueryView query={home} loading={t("helpcentre.home.loading")}>
        {(data) => (
          <>
            {data.categories.length > 0 && (
              <section aria-labelledby="help-categories">
                <Title order={2} id="help-categories" mb="sm">
                  {t("helpcentre.home.categories")}
                </Title>
                <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
                  {data.categories.map((category) => (
                    <Paper key={category.id} withBorder radius="md" p="md">
                      <Stack gap={4}>
                        <Group gap="xs" wrap="nowrap">
                          <ServiceIcon name={category.icon} />
                          <Anchor component={Link} to={`/help/categories/${category.slug}`} fw={600} {...ownDirection}>
                            {category.name}
                          </Anchor>
                        </Group>
                        {category.description && (
                          <Text size="sm" {...ownDirection}>
                            {category.description}
                          </Text>
                        )}
                        <Text size="xs" c="dimmed">
                          {t("helpcentre.articleCount", { count: category.articleCount })}
                        </Text>
                      </Stack>
                    </Paper>
                  ))}
                </SimpleGrid>
              </section>
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xl">
              <section aria-labelledby="help-popular">
                <Title order={2} id="help-popular" mb="sm">
                  {t("helpcentre.home.popular")}
                </Title>
                <ArticleLinks articles={data.popular} empty={t("helpcentre.home.noArticles")} />
              </section>
              <section aria-labelledby="help-recent">
                <Title order={2} id="help-recent" mb="sm">
                  {t("helpcentre.home.recent")}
                </Title>
                <ArticleLinks articles={data.recent} empty={t("helpcentre.home.noArticles")} />
              </section>
            </SimpleGrid>
          </>
        )}
      </QueryView>
      <StillNeedHelp />
    </Stack>
  );
}
