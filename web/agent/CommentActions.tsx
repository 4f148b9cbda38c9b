import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import type { FeedEntry } from "../../common/conversation.ts";
import { useDeleteComment, useEditComment } from "../api/ticket-housekeeping.ts";
import { useT } from "../i18n/use-t.ts";
import { Dialog } from "../ui/Dialog.tsx";
import { LazyRichTextField as RichTextField } from "../ui/LazyRichTextField.tsx";

/**
 * Edit and Delete on a comment or note in the agent's Feed (agents who may change the ticket). The words
 * before an edit stay in the Feed; a removed comment leaves "removed by" in its place.
 */
export function CommentActions({ number, entry }: { number: number; entry: FeedEntry }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [words, setWords] = useState<{ html: string; text: string } | null>(null);
  const edit = useEditComment(number);
  const remove = useDeleteComment(number);
  if ((entry.type !== "comment" && entry.type !== "note") || entry.body === null) return null;
  const note = entry.type === "note";
  const closeEdit = () => {
    edit.reset();
    setWords(null);
    setEditing(false);
  };
  const closeRemove = () => {
    remove.reset();
    setRemoving(false);
  };
  // Plain-text comments (mail, the API) open in the editor as one paragraph per line and are saved as HTML.
  const initialContent =
    entry.format === "html"
      ? entry.body
      : entry.body
          .split("\n")
          .map((line) => `<p>${line.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;")}</p>`)
          .join("");
  return (
    <>
      <Group gap="xs" mt={4}>
        <Button size="compact-xs" variant="subtle" onClick={() => setEditing(true)}>
          {note ? t("agent.comment.editNote") : t("agent.comment.editComment")}
        </Button>
        <Button size="compact-xs" variant="subtle" color="red" onClick={() => setRemoving(true)}>
          {note ? t("agent.comment.deleteNote") : t("agent.comment.deleteComment")}
        </Button>
      </Group>
      <Dialog
        opened={editing}
        onClose={closeEdit}
        title={note ? t("agent.comment.editNote") : t("agent.comment.editComment")}
        size="lg"
      >
        <Stack gap="md">
          <RichTextField
            label={note ? t("agent.comment.noteText") : t("agent.comment.commentText")}
            initialContent={initialContent}
            onChange={(html, text) => setWords({ html, text })}
          />
          <Text size="sm" c="dimmed">
            {t("agent.comment.editHint")}
          </Text>
          {edit.isError && <Alert color="red">{edit.error.message}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={closeEdit}>
              {t("agent.common.cancel")}
            </Button>
            <Button
              loading={edit.isPending}
              disabled={!words?.text.trim()}
              onClick={() =>
                words && edit.mutate({ id: entry.id, body: words.html, format: "html" }, { onSuccess: closeEdit })
              }
            >
              {t("agent.comment.save")}
            </Button>
          </Group>
        </Stack>
      </Dialog>
      <Dialog
        opened={removing}
        onClose={closeRemove}
        title={note ? t("agent.comment.deleteNoteTitle") : t("agent.comment.deleteCommentTitle")}
      >
        <Stack gap="md">
          <Text>{t("agent.comment.deleteBody")}</Text>
          {remove.isError && <Alert color="red">{remove.error.message}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={closeRemove}>
              {t("agent.common.cancel")}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() => remove.mutate(entry.id, { onSuccess: closeRemove })}
            >
              {t("agent.comment.delete")}
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </>
  );
}
