import { Anchor, Grid, Paper, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import type { ReactNode } from "react";
import { useState } from "react";
import { markSuggestionOpened, useSuggestions } from "../api/kb.ts";
import { useT } from "../i18n/use-t.ts";
import { ownDirection } from "../ui/own-direction.ts";

/** A random v4 UUID; `crypto.randomUUID` exists only on secure pages, a help desk on plain http is not one. */
function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** One token per visit of a request form: it ties the articles offered, and opened, to the request if one is sent. */
export function useSuggestionToken(): string {
  const [token] = useState(randomToken);
  return token;
}

/**
 * A request form with the Help Centre's articles beside it: as the subject is typed, up to five that match
 * appear. They open in a new tab so nothing typed is lost; opening one is recorded for deflection.
 */
export function WithSuggestedArticles({
  token,
  subject,
  children,
}: {
  token: string;
  subject: string;
  children: ReactNode;
}) {
  const t = useT();
  const [settled] = useDebouncedValue(subject.trim(), 350);
  const suggestions = useSuggestions(token, settled);
  const articles = settled.length >= 3 ? (suggestions.data?.articles ?? []) : [];
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 8 }}>{children}</Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Paper withBorder radius="md" p="md" component="aside" aria-labelledby="suggested-title">
          <Stack gap="xs">
            <Title order={2} size="h5" id="suggested-title">
              {t("portal.suggest.title")}
            </Title>
            <div aria-live="polite">
              {articles.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {settled.length >= 3 ? t("portal.suggest.none") : t("portal.suggest.hint")}
                </Text>
              ) : (
                <Stack gap={6} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
                  {articles.map((article) => (
                    <li key={article.id}>
                      <Anchor
                        href={`/help/articles/${article.slug}`}
                        target="_blank"
                        rel="noopener"
                        size="sm"
                        fw={500}
                        {...ownDirection}
                        onClick={() => void markSuggestionOpened(token, article.id).catch(() => undefined)}
                      >
                        {article.title}
                        <VisuallyHidden>{t("portal.suggest.newTab")}</VisuallyHidden>
                      </Anchor>
                      {article.summary && (
                        <Text size="xs" c="dimmed" {...ownDirection}>
                          {article.summary}
                        </Text>
                      )}
                    </li>
                  ))}
                </Stack>
              )}
            </div>
          </Stack>
        </Paper>
      </Grid.Col>
    </Grid>
  );
}
