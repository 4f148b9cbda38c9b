import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import type { FeedEntry } from "../../common/conversation.ts";
import { useDeleteComment, useEditComment } from "../api/ticket-housekeeping.ts";
import { Dialog } from "../ui/Dialog.tsx";
import { LazyRichTextField as RichTextField } from "../ui/LazyRichTextField.tsx";

/**
 * Edit and Delete on a comment or note in the agent's Feed (agents who may change the ticket). The words
 * before an edit stay in the Feed; a removed comment leaves "removed by" in its place.
 */
export function CommentActions({ number, entry }: { number: number; entry: FeedEntry }) {
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [words, setWords] = useState<{ html: string; text: string } | null>(null);
  const edit = useEditComment(number);
  const remove = useDeleteComment(number);
  if ((entry.type !== "comment" && entry.type !== "note") || entry.body === null) return null;
  const what = entry.type === "note" ? "note" : "comment";
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
          Edit {what}
        </Button>
        <Button size="compact-xs" variant="subtle" color="red" onClick={() => setRemoving(true)}>
          Delete {what}
        </Button>
      </Group>
      <Dialog opened={editing} onClose={closeEdit} title={`Edit ${what}`} size="lg">
        <Stack gap="md">
          <RichTextField
            label={entry.type === "note" ? "Note text" : "Comment text"}
            initialContent={initialContent}
            onChange={(html, text) => setWords({ html, text })}
          />
          <Text size="sm" c="dimmed">
            The words before your edit stay in the Feed for agents.
          </Text>
          {edit.isError && <Alert color="red">{edit.error.message}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={closeEdit}>
              Cancel
            </Button>
            <Button
              loading={edit.isPending}
              disabled={!words?.text.trim()}
              onClick={() =>
                words && edit.mutate({ id: entry.id, body: words.html, format: "html" }, { onSuccess: closeEdit })
              }
            >
              Save
            </Button>
          </Group>
        </Stack>
      </Dialog>
      <Dialog opened={removing} onClose={closeRemove} title={`Delete this ${what}?`}>
        <Stack gap="md">
          <Text>Its words leave the Feed for everyone; the Feed says you removed it.</Text>
          {remove.isError && <Alert color="red">{remove.error.message}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={closeRemove}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() => remove.mutate(entry.id, { onSuccess: closeRemove })}
            >
              Delete
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </>
  );
}
