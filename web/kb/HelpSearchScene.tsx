import { Anchor, Stack, Text, Title } from "@mantine/core";
import { Link, useSearchParams } from "react-router";
import { useHelpSearch } from "../api/kb.ts";
import { useT } from "../i18n/use-t.ts";
import { ownDirection } from "../ui/own-direction.ts";
import { QueryView } from "../ui/QueryView.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { HelpBreadcrumbs, HelpSearchForm, Snippet, StillNeedHelp } from "./parts.tsx";

export function HelpSearchScene() {
  const [params] = useSearchParams();
  const q = params.get("q")?.trim() ?? "";
  const t = useT();
  useDocumentTitle(q ? t("helpcentre.results.tabTitle", { query: q }) : t("helpcentre.results.tabTitleEmpty"));
  const results = useHelpSearch(q);
  return (
    <Stack gap="lg" maw={800} mx="auto">
      <HelpBreadcrumbs trail={[]} />
      <Title order={1}>{t("helpcentre.results.title")}</Title>
      {/* Remounted per query so the box shows what was searched after going back. */}
      <HelpSearchForm key={q} initial={q} />
      {q && (
        <QueryView query={results} loading={t("helpcentre.results.searching")}>
          {(data) =>
            data.articles.length === 0 ? (
              <Text role="status">{t("helpcentre.results.none", { query: q })}</Text>
            ) : (
              <Stack gap="xs">
                <Text role="status" size="sm" c="dimmed">
                  {t("helpcentre.results.found", { count: data.articles.length })}
                </Text>
                <Stack
                  gap="md"
                  component="ol"
                  style={{ listStyle: "none", padding: 0 }}
                  aria-label={t("helpcentre.results.list")}
                >
                  {data.articles.map((article) => (
                    <li key={article.id}>
                      <Anchor component={Link} to={`/help/articles/${article.slug}`} fw={600} {...ownDirection}>
                        {article.title}
                      </Anchor>
                      {article.category && (
                        <Text size="sm" c="dimmed" {...ownDirection}>
                          {article.category.name}
                        </Text>
                      )}
                      <Snippet text={article.snippet || article.summary} />
                    </li>
                  ))}
                </Stack>
              </Stack>
            )
          }
        </QueryView>
      )}
      <StillNeedHelp />
    </Stack>
  );
}
