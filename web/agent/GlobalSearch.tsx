import { Anchor, Box, Group, Kbd, Loader, Paper, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { type FocusEvent, type KeyboardEvent, useRef, useState } from "react";
import { Link, useNavigate } from "react-router";
import { useSearch } from "../api/search.ts";
import { useT } from "../i18n/use-t.ts";
import { ownDirection } from "../ui/own-direction.ts";
import { Snippet } from "../ui/Snippet.tsx";
import { StatusBadge } from "../ui/TicketBadges.tsx";
import { useShortcuts } from "../ui/use-shortcuts.ts";

/** Every ticket result of the dropdown; the arrow keys move between them. */
const resultSelector = "[data-search-result]";

/**
 * The workspace's search over every ticket the agent may work: "/" from
 * anywhere focuses it, results come as one types (best first, with the words
 * that matched), Enter opens the full list of matches, Escape closes.
 */
export function GlobalSearch() {
  const t = useT();
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [debounced] = useDebouncedValue(text.trim(), 150);
  const results = useSearch(debounced);
  const panel = useRef<HTMLDivElement>(null);
  useShortcuts([["/", () => input.current?.focus()]]);

  const showAll = () => {
    if (!text.trim()) return;
    setOpen(false);
    navigate(`/agent/tickets?${new URLSearchParams({ queue: "all", q: text.trim() })}`);
  };
  const moveFocus = (event: KeyboardEvent, step: number) => {
    const items = [...(panel.current?.querySelectorAll<HTMLElement>(resultSelector) ?? [])];
    if (items.length === 0) return;
    event.preventDefault();
    const at = items.indexOf(document.activeElement as HTMLElement);
    const next = at === -1 ? (step > 0 ? 0 : items.length - 1) : at + step;
    if (next < 0) input.current?.focus();
    else items[Math.min(next, items.length - 1)]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "ArrowDown") moveFocus(event, 1);
    else if (event.key === "ArrowUp") moveFocus(event, -1);
    else if (event.key === "Escape") {
      setOpen(false);
      input.current?.focus();
    }
  };
  // Focus moving out of the search (a click elsewhere, Tab past the results) closes the results.
  const closeWhenLeft = (event: FocusEvent) => {
    if (!(event.relatedTarget instanceof Node && panel.current?.contains(event.relatedTarget))) setOpen(false);
  };
  const hits = results.data?.hits ?? [];
  const showing = open && debounced.length > 0;

  return (
    <Box ref={panel} pos="relative" w={{ base: "100%", sm: 420 }} onKeyDown={onKeyDown} onBlur={closeWhenLeft}>
      <search>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            showAll();
          }}
        >
          <TextInput
            ref={input}
            type="search"
            aria-label={t("agent.common.searchAll")}
            aria-keyshortcuts="/"
            placeholder={t("agent.common.searchAll")}
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
              setOpen(true);
            }}
            onFocus={() => setOpen(true)}
            rightSection={results.isFetching ? <Loader size="xs" aria-hidden /> : <Kbd size="xs">/</Kbd>}
          />
        </form>
      </search>
      {showing && (
        <Paper
          withBorder
          shadow="md"
          p="xs"
          pos="absolute"
          top="calc(100% + 4px)"
          left={0}
          right={0}
          style={{ zIndex: 300 }}
          aria-label={t("agent.search.results")}
          component="section"
        >
          <Text size="xs" c="dimmed" role="status" px={4} pb={4}>
            {results.isError
              ? results.error.message
              : results.isPending
                ? t("agent.common.searching")
                : hits.length === 0
                  ? t("agent.search.noMatch")
                  : results.data?.more
                    ? t("agent.search.countMore", { count: hits.length })
                    : t("agent.search.count", { count: hits.length })}
          </Text>
          <Stack gap={2} component="ul" style={{ listStyle: "none", margin: 0, padding: 0 }}>
            {hits.map((hit) => (
              <li key={hit.ticket.id}>
                <Anchor
                  component={Link}
                  to={`/agent/tickets/${hit.ticket.number}`}
                  data-search-result
                  underline="never"
                  c="inherit"
                  display="block"
                  p={6}
                  className="search-result"
                  onClick={() => setOpen(false)}
                >
                  <Group gap="xs" wrap="nowrap" justify="space-between">
                    <Group gap={4} wrap="nowrap" miw={0}>
                      <Text size="sm" fw={600} style={{ whiteSpace: "nowrap" }}>
                        #{hit.ticket.number}
                      </Text>
                      <Text size="sm" fw={600} truncate {...ownDirection}>
                        {hit.ticket.subject}
                      </Text>
                    </Group>
                    <StatusBadge label={hit.ticket.status.agentLabel} category={hit.ticket.status.category} />
                  </Group>
                  <Snippet parts={hit.snippet} />
                  {hit.internalSnippet && <Snippet parts={hit.internalSnippet} label={t("agent.search.internal")} />}
                </Anchor>
              </li>
            ))}
          </Stack>
          {hits.length > 0 && (
            <Anchor component="button" type="button" size="sm" p={6} onClick={showAll} data-search-result>
              {t("agent.search.showAll")}
            </Anchor>
          )}
        </Paper>
      )}
    </Box>
  );
}
