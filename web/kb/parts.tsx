import { Anchor, Breadcrumbs, Button, Paper, Stack, Text, TextInput, Title, useDirection } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { useEffect } from "react";
import { Link, useNavigate } from "react-router";
import { type KbArticleSummary, snippetEnd, snippetStart } from "../../common/kb.ts";
import { ApiError } from "../api/client.ts";
import { useT } from "../i18n/use-t.ts";
import { ownDirection } from "../ui/own-direction.ts";

/** The page's description for search engines and link previews; put back to the site's own on leaving. */
export function useMetaDescription(description: string | undefined): void {
  useEffect(() => {
    if (!description) return;
    let tag = document.querySelector<HTMLMetaElement>('meta[name="description"]');
    if (!tag) {
      tag = document.createElement("meta");
      tag.name = "description";
      document.head.append(tag);
    }
    const before = tag.content;
    tag.content = description;
    return () => {
      if (tag) tag.content = before;
    };
  }, [description]);
}

export function HelpBreadcrumbs({ trail }: { trail: { name: string; to: string }[] }) {
  const t = useT();
  // The trail reads from the start of the line: in a right-to-left language the arrow points left.
  const { dir } = useDirection();
  return (
    <nav aria-label={t("helpcentre.breadcrumbs")}>
      <Breadcrumbs separator={dir === "rtl" ? "‹" : "›"} styles={{ root: { flexWrap: "wrap" } }}>
        <Anchor component={Link} to="/help" size="sm">
          {t("helpcentre.name")}
        </Anchor>
        {trail.map((crumb) => (
          <Anchor key={crumb.to} component={Link} to={crumb.to} size="sm">
            {crumb.name}
          </Anchor>
        ))}
      </Breadcrumbs>
    </nav>
  );
}

export function ArticleLinks({ articles, empty }: { articles: KbArticleSummary[]; empty?: string }) {
  if (!articles.length) return empty ? <Text c="dimmed">{empty}</Text> : null;
  return (
    <Stack gap="xs" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
      {articles.map((article) => (
        <li key={article.id}>
          <Anchor component={Link} to={`/help/articles/${article.slug}`} fw={500} {...ownDirection}>
            {article.title}
          </Anchor>
          {article.summary && (
            <Text size="sm" c="dimmed" {...ownDirection}>
              {article.summary}
            </Text>
          )}
        </li>
      ))}
    </Stack>
  );
}

/** A search snippet: the server marks matches with control characters; the page draws them as <mark>. */
export function Snippet({ text }: { text: string }) {
  const parts = text.split(snippetStart);
  return (
    <Text size="sm" {...ownDirection}>
      {parts.map((part, i) => {
        if (i === 0) return part;
        const [marked = "", rest = ""] = part.split(snippetEnd);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string, never reordered
          <span key={i}>
            <mark>{marked}</mark>
            {rest}
          </span>
        );
      })}
    </Text>
  );
}

/**
 * An article or category that is not (or no longer) here, for a reader who followed an old link from a mail or a
 * bookmark: a page with its own heading and the search, instead of a red box alone under the header.
 */
export function HelpNotFound({ what }: { what: "article" | "category" }) {
  const t = useT();
  const title = what === "article" ? t("helpcentre.missing.article") : t("helpcentre.missing.category");
  return (
    <Stack gap="md">
      <HelpBreadcrumbs trail={[]} />
      <Title order={1}>{title}</Title>
      <Text>{t("helpcentre.missing.body")}</Text>
      <HelpSearchForm />
    </Stack>
  );
}

/** A query of the Help Centre's that failed because there is nothing at the address (not a broken connection). */
export function isMissing(error: unknown): boolean {
  return error instanceof ApiError && error.code === "not_found";
}

export function StillNeedHelp() {
  const t = useT();
  return (
    <Paper withBorder radius="md" p="md" component="aside" aria-labelledby="still-need-help">
      <Stack gap="xs" align="flex-start">
        <Title order={2} size="h4" id="still-need-help">
          {t("helpcentre.stillNeedHelp.title")}
        </Title>
        <Text size="sm">{t("helpcentre.stillNeedHelp.body")}</Text>
        <Button component={Link} to="/services">
          {t("helpcentre.stillNeedHelp.submit")}
        </Button>
      </Stack>
    </Paper>
  );
}

export function HelpSearchForm({ initial = "", size = "md" }: { initial?: string; size?: "md" | "lg" }) {
  const t = useT();
  return (
    <search aria-label={t("helpcentre.name")}>
      <SearchField initial={initial} size={size} />
    </search>
  );
}

function SearchField({ initial, size }: { initial: string; size: "md" | "lg" }) {
  const t = useT();
  const navigate = useNavigate();
  return (
    <TextInput
      name="q"
      type="search"
      size={size}
      label={t("helpcentre.search.label")}
      placeholder={t("helpcentre.search.placeholder")}
      defaultValue={initial}
      leftSection={<IconSearch size={18} aria-hidden />}
      onKeyDown={(event) => {
        if (event.key !== "Enter") return;
        event.preventDefault();
        const q = event.currentTarget.value.trim();
        if (q) navigate(`/help/search?q=${encodeURIComponent(q)}`);
      }}
    />
  );
}
