import { Anchor, Stack, Text, Title } from "@mantine/core";
import { Link, useSearchParams } from "react-router";
import { useHelpSearch } from "../api/kb.ts";
import { QueryView } from "../ui/QueryView.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { HelpBreadcrumbs, HelpSearchForm, Snippet, StillNeedHelp } from "./parts.tsx";

export function HelpSearchScene() {
  const [params] = useSearchParams();
  const q = params.get("q")?.trim() ?? "";
  useDocumentTitle(q ? `Search: ${q}` : "Search the Help Centre");
  const results = useHelpSearch(q);
  return (
    <Stack gap="lg" maw={800} mx="auto">
      <HelpBreadcrumbs trail={[]} />
      <Title order={1}>Search results</Title>
      {/* Remounted per query so the box shows what was searched after going back. */}
      <HelpSearchForm key={q} initial={q} />
      {q && (
        <QueryView query={results} loading="Searching…">
          {(data) =>
            data.articles.length === 0 ? (
              <Text role="status">No articles match “{q}”. Try other words, or submit a request below.</Text>
            ) : (
              <Stack gap="xs">
                <Text role="status" size="sm" c="dimmed">
                  {data.articles.length === 1 ? "1 article" : `${data.articles.length} articles`} found
                </Text>
                <Stack gap="md" component="ol" style={{ listStyle: "none", padding: 0 }} aria-label="Articles found">
                  {data.articles.map((article) => (
                    <li key={article.id}>
                      <Anchor component={Link} to={`/help/articles/${article.slug}`} fw={600}>
                        {article.title}
                      </Anchor>
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
