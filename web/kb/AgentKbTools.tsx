import { Alert, Anchor, Button, Group, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import type { KbSearchResult } from "../../common/kb.ts";
import { fetchArticle, useArticleFromTicket, useFlagOutdated, useHelpSearch, useTicketSuggestions } from "../api/kb.ts";
import { useSession } from "../api/session.ts";
import { useT } from "../i18n/use-t.ts";
import { Dialog } from "../ui/Dialog.tsx";
import { ownDirection } from "../ui/own-direction.ts";
import { Snippet } from "./parts.tsx";

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

type Hit = KbSearchResult["articles"][number];

function FlagOutdated({ article, number }: { article: Hit; number: number }) {
  const t = useT();
  const flag = useFlagOutdated();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  if (flag.isSuccess) return <Text size="xs">{t("helpcentre.agent.flagged")}</Text>;
  if (!open) {
    return (
      <Button size="compact-xs" variant="default" onClick={() => setOpen(true)}>
        {t("helpcentre.agent.flag")}
      </Button>
    );
  }
  return (
    <Group gap="xs" align="flex-end">
      <TextInput
        size="xs"
        label={t("helpcentre.agent.flagNote", { title: article.title })}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      <Button size="compact-sm" onClick={() => flag.mutate({ id: article.id, note, ticketNumber: number })}>
        {t("helpcentre.agent.flagSend")}
      </Button>
    </Group>
  );
}

/** Beside the macros in the reply form: find an article and put a link to it, or its text, into the reply. */
export function KbInsertButton({ number, onInsert }: { number: number; onInsert: (html: string) => void }) {
  const t = useT();
  const [opened, setOpened] = useState(false);
  const [query, setQuery] = useState("");
  const [settled] = useDebouncedValue(query.trim(), 250);
  const results = useHelpSearch(settled);
  const [error, setError] = useState<string | null>(null);
  // Closed by an insertion, the dialog leaves the focus where the inserted words are (the editor takes it), so
  // the agent types on; closed without one, the focus goes back to the button.
  const [returnFocus, setReturnFocus] = useState(true);
  const open = () => {
    setReturnFocus(true);
    setOpened(true);
  };
  const close = () => {
    setOpened(false);
    setError(null);
  };
  const inserted = (html: string) => {
    setReturnFocus(false);
    onInsert(html);
    close();
  };
  const insertLink = (article: Hit) => {
    const url = `${window.location.origin}/help/articles/${article.slug}`;
    inserted(`<p><a href="${escapeHtml(url)}">${escapeHtml(article.title)}</a></p>`);
  };
  const insertText = async (article: Hit) => {
    try {
      const full = await fetchArticle(article.slug);
      inserted(full.body);
    } catch (e) {
      setError(e instanceof Error ? e.message : t("helpcentre.agent.loadFailed"));
    }
  };
  return (
    <>
      <Button variant="default" onClick={open}>
        {t("helpcentre.agent.insert")}
      </Button>
      <Dialog
        opened={opened}
        onClose={close}
        title={t("helpcentre.agent.dialogTitle")}
        size="lg"
        returnFocus={returnFocus}
      >
        <Stack gap="sm">
          <TextInput
            label={t("helpcentre.agent.searchLabel")}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
            data-autofocus
          />
          {error && <Alert color="red">{error}</Alert>}
          {settled && results.data?.articles.length === 0 && <Text size="sm">{t("helpcentre.agent.noMatch")}</Text>}
          <Stack
            gap="sm"
            component="ul"
            style={{ listStyle: "none", padding: 0, margin: 0 }}
            aria-label={t("helpcentre.agent.results")}
          >
            {(settled ? (results.data?.articles ?? []) : []).map((article) => (
              <li key={article.id}>
                <Paper withBorder p="xs" radius="sm">
                  <Stack gap={4}>
                    <Anchor
                      href={`/help/articles/${article.slug}`}
                      target="_blank"
                      rel="noopener"
                      fw={600}
                      {...ownDirection}
                    >
                      {article.title}
                    </Anchor>
                    <Snippet text={article.snippet || article.summary} />
                    <Group gap="xs">
                      <Button
                        size="compact-sm"
                        onClick={() => insertLink(article)}
                        aria-label={t("helpcentre.agent.insertLinkTo", { title: article.title })}
                      >
                        {t("helpcentre.agent.insertLink")}
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="default"
                        onClick={() => void insertText(article)}
                        aria-label={t("helpcentre.agent.insertTextOf", { title: article.title })}
                      >
                        {t("helpcentre.agent.insertText")}
                      </Button>
                      <FlagOutdated article={article} number={number} />
                    </Group>
                  </Stack>
                </Paper>
              </li>
            ))}
          </Stack>
        </Stack>
      </Dialog>
    </>
  );
}

/** On the ticket page: what the requester was offered while writing, and writing an article from the ticket. */
export function KbTicketPanel({ number }: { number: number }) {
  const t = useT();
  const suggestions = useTicketSuggestions(number);
  const mayEdit = useSession().data?.user?.permissions.includes("kb.edit") ?? false;
  const fromTicket = useArticleFromTicket(number);
  const navigate = useNavigate();
  const offered = suggestions.data?.articles ?? [];
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="kb-panel-title">
      <Stack gap="xs">
        <Title order={2} size="h5" id="kb-panel-title">
          {t("helpcentre.agent.panelTitle")}
        </Title>
        {offered.length > 0 ? (
          <>
            <Text size="sm">{t("helpcentre.agent.offered")}</Text>
            <Stack gap={4} component="ul" style={{ paddingInlineStart: "1rem", margin: 0 }}>
              {offered.map((article) => (
                <li key={article.id}>
                  <Anchor component={Link} to={`/help/articles/${article.slug}`} size="sm">
                    {article.title}
                  </Anchor>
                  <Text span size="xs" c="dimmed">
                    {` · ${article.opened ? t("helpcentre.agent.opened") : t("helpcentre.agent.notOpened")}`}
                  </Text>
                </li>
              ))}
            </Stack>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {t("helpcentre.agent.noneOffered")}
          </Text>
        )}
        {mayEdit && (
          <Button
            variant="default"
            size="compact-md"
            loading={fromTicket.isPending}
            onClick={() =>
              fromTicket.mutate(undefined, { onSuccess: ({ id }) => void navigate(`/admin/kb/articles/${id}`) })
            }
          >
            {t("helpcentre.agent.fromTicket")}
          </Button>
        )}
        {fromTicket.isError && <Alert color="red">{fromTicket.error.message}</Alert>}
      </Stack>
    </Paper>
  );
}
