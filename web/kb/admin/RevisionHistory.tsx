import { Button, Group, Paper, Select, Stack, Table, Text, Title, VisuallyHidden } from "@mantine/core";
import { diffWords } from "diff";
import { useState } from "react";
import type { KbRevision } from "../../../common/kb.ts";
import { useRestoreRevision, useRevisions } from "../../api/kb.ts";
import { useT } from "../../i18n/use-t.ts";
import { formatShortDateTime } from "../../ui/format.ts";

/** The words of a revision, for comparing: its title, summary and body without markup, and its tags (`tagsLine`). */
function wordsOf(revision: KbRevision, tagsLine: (tags: string) => string): string {
  // A line break after each block, so words of two paragraphs never run together in the comparison.
  const html = revision.body.replace(/<\/(p|li|h[1-6]|div|pre|blockquote|tr)>/gi, "$&\n");
  const body = new DOMParser().parseFromString(html, "text/html").body.textContent ?? "";
  return `${revision.title}\n\n${revision.summary}\n\n${body}\n\n${tagsLine(revision.tags.join(", "))}`;
}

/** A note the help desk wrote, in the reader's language; any other note as it was stored. */
function useNoteText() {
  const t = useT();
  return (revision: KbRevision): string | null => {
    const note = revision.noteCode;
    if (note?.code === "restored") return t("kbadmin.revisions.note.restored", { number: String(note.number) });
    if (note?.code === "fromTicket") return t("kbadmin.revisions.note.fromTicket");
    return revision.note;
  };
}

function Diff({ from, to }: { from: KbRevision; to: KbRevision }) {
  const t = useT();
  const tagsLine = (tags: string) => t("kbadmin.revisions.tags", { tags });
  const parts = diffWords(wordsOf(from, tagsLine), wordsOf(to, tagsLine));
  return (
    <Paper
      withBorder
      p="sm"
      radius="sm"
      style={{ whiteSpace: "pre-wrap" }}
      aria-label={t("kbadmin.revisions.differences")}
    >
      {parts.map((part, i) =>
        part.added ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one computed diff, never reordered
          <ins key={i} style={{ background: "var(--mantine-color-green-1)" }}>
            {part.value}
          </ins>
        ) : part.removed ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above
          <del key={i} style={{ background: "var(--mantine-color-red-1)" }}>
            {part.value}
          </del>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above
          <span key={i}>{part.value}</span>
        ),
      )}
    </Paper>
  );
}

/** Who changed the article and when, the difference between any two revisions, and restoring an old one. */
export function RevisionHistory({ articleId }: { articleId: string }) {
  const t = useT();
  const noteText = useNoteText();
  const revisions = useRevisions(articleId);
  const restore = useRestoreRevision(articleId);
  const list = revisions.data?.revisions ?? [];
  const [fromNumber, setFrom] = useState<string | null>(null);
  const [toNumber, setTo] = useState<string | null>(null);
  // Revision numbers are passed as text, so they read as they are numbered (no digit grouping).
  const options = list.map((r) => ({
    value: String(r.number),
    label: t("kbadmin.revisions.option", { number: String(r.number) }),
  }));
  const from = list.find((r) => String(r.number) === (fromNumber ?? String(list[1]?.number)));
  const to = list.find((r) => String(r.number) === (toNumber ?? String(list[0]?.number)));
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="revisions-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="revisions-title">
          {t("kbadmin.revisions.title")}
        </Title>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("kbadmin.revisions.revision")}</Table.Th>
              <Table.Th>{t("kbadmin.revisions.by")}</Table.Th>
              <Table.Th>{t("kbadmin.revisions.when")}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t("kbadmin.revisions.actions")}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((r, i) => (
              <Table.Tr key={r.number}>
                <Table.Td>
                  {r.number}
                  {r.note && (
                    <Text span size="xs" c="dimmed">
                      {" "}
                      · {noteText(r)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{r.authorName}</Table.Td>
                <Table.Td>{formatShortDateTime(r.createdAt)}</Table.Td>
                <Table.Td>
                  {i > 0 && (
                    <Button size="compact-xs" variant="default" onClick={() => restore.mutate(r.number)}>
                      {t("kbadmin.revisions.restore", { number: String(r.number) })}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {list.length > 1 && (
          <>
            <Group grow>
              <Select
                label={t("kbadmin.revisions.compare")}
                data={options}
                value={from ? String(from.number) : null}
                onChange={setFrom}
              />
              <Select
                label={t("kbadmin.revisions.with")}
                data={options}
                value={to ? String(to.number) : null}
                onChange={setTo}
              />
            </Group>
            {from && to && <Diff from={from} to={to} />}
          </>
        )}
      </Stack>
    </Paper>
  );
}
