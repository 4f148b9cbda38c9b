import { Alert, Button, Checkbox, Group, Paper, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { type ReactNode, useState } from "react";
import type { CommentKind, FeedEntry } from "../../common/conversation.ts";
import type { TicketAbilities } from "../../common/tickets.ts";
import { closedCategories } from "../../common/tickets.ts";
import { ApiError } from "../api/client.ts";
import { useAddComment, useFeed, useReadBy, useRecordView } from "../api/conversation.ts";
import { useMarkSolved } from "../api/lifecycle.ts";
import { useSession } from "../api/session.ts";
import { AttachmentDropzone } from "./AttachmentDropzone.tsx";
import { formatDateTime } from "./format.ts";
import { LazyRichTextField as RichTextField } from "./LazyRichTextField.tsx";
import { MessageBody } from "./MessageBody.tsx";
import { QueryView } from "./QueryView.tsx";
import { FileLinks, FilePictures } from "./TicketExtras.tsx";
import { useOnce } from "./use-once.ts";

/** Closed and withdrawn tickets are read-only (the server says the same). */
export { closedCategories };

type Filter = "comments" | "edits" | "status" | "notes";
/** Comments (and the request itself), internal notes, edits, and everything else: status changes, CCs, follow-ups. */
const filterOf = (entry: FeedEntry): Filter => {
  if (entry.type === "note") return "notes";
  if (entry.type === "comment" || entry.type === "created") return "comments";
  if (editTypes.includes(entry.type)) return "edits";
  return "status";
};
/** Changes to the ticket's fields and its work (tasks, links) rather than to where it stands. */
const editTypes: FeedEntry["type"][] = [
  "edited",
  "priority_changed",
  "task_added",
  "task_edited",
  "task_completed",
  "task_reopened",
  "task_removed",
  "linked",
  "unlinked",
  "comment_edited",
  "comment_deleted",
  "tag_added",
  "tag_removed",
];

function summarize(entry: FeedEntry): string {
  switch (entry.type) {
    case "created":
      return `${entry.actor} submitted the request`;
    case "comment":
      return entry.visibility === "internal" ? `${entry.actor} wrote a private comment` : `${entry.actor} commented`;
    case "note":
      return `${entry.actor} added an internal note`;
    case "status_changed":
      return `${entry.actor} changed the status from ${entry.from ?? "?"} to ${entry.to ?? "?"}`;
    case "cc_added":
      return `${entry.actor} copied ${entry.detail ?? "someone"}`;
    case "cc_removed":
      return `${entry.actor} stopped copying ${entry.detail ?? "someone"}`;
    case "follow_up_created":
      return `${entry.actor} opened a follow-up`;
    case "edited":
      return entry.visibility === "internal"
        ? `${entry.actor} updated the ticket (agents only)`
        : `${entry.actor} edited the request`;
    case "task_added":
      return `${entry.actor} added a task`;
    case "task_edited":
      return `${entry.actor} changed a task`;
    case "task_completed":
      return `${entry.actor} completed a task`;
    case "task_reopened":
      return `${entry.actor} reopened a task`;
    case "task_removed":
      return `${entry.actor} removed a task`;
    case "merged_into":
      return `${entry.actor} merged this request into ${entry.detail ?? "another"}`;
    case "merged_from":
      return `${entry.actor} merged ${entry.detail ?? "a ticket"} into this ticket`;
    case "linked":
      return `${entry.actor} linked ${entry.detail ?? "a ticket"}`;
    case "unlinked":
      return `${entry.actor} unlinked ${entry.detail ?? "a ticket"}`;
    case "priority_changed":
      return `${entry.actor} changed the priority: ${entry.detail ?? "?"}`;
    case "satisfaction_rated":
      return `${entry.actor} rated the support (agents only)`;
    case "comment_edited":
      return `${entry.actor} edited a comment; the words before:`;
    case "comment_deleted":
      return `${entry.actor} removed a comment`;
    case "tag_added":
      return `${entry.actor} tagged the ticket: ${entry.detail ?? "?"}`;
    case "tag_removed":
      return `${entry.actor} removed the tag ${entry.detail ?? "?"}`;
    case "deleted":
      return `${entry.actor} deleted the ticket`;
    case "restored":
      return `${entry.actor} restored the ticket`;
    default: {
      // A new type of Feed entry fails to compile here until it has its own line.
      const unhandled: never = entry.type;
      return `${entry.actor}: ${unhandled}`;
    }
  }
}

/** Entries whose detail is already part of their summary line. */
const detailInSummary: FeedEntry["type"][] = [
  "cc_added",
  "cc_removed",
  "merged_into",
  "merged_from",
  "linked",
  "unlinked",
  "priority_changed",
  "tag_added",
  "tag_removed",
];

/** The Feed: everything that happened, oldest first, with checkboxes to show or hide kinds of entries. */
export function Feed({
  number,
  agent,
  entryActions,
}: {
  number: number;
  agent: boolean;
  /** What the page offers on an entry (the agent's Edit and Delete on a comment). */
  entryActions?: ((entry: FeedEntry) => ReactNode) | undefined;
}) {
  const feed = useFeed(number);
  const [shown, setShown] = useState<Filter[]>(["comments", "edits", "status", "notes"]);
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="feed-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="feed-heading">
          Feed
        </Title>
        <Checkbox.Group aria-label="Show in the Feed" value={shown} onChange={(v) => setShown(v as Filter[])}>
          <Group gap="md">
            <Checkbox value="comments" label="Comments" />
            <Checkbox value="edits" label="Edits" />
            <Checkbox value="status" label="Status changes" />
            {agent && <Checkbox value="notes" label="Internal notes" />}
          </Group>
        </Checkbox.Group>
      </Group>
      <QueryView query={feed} loading="Loading the Feed">
        {(data) => (
          <Stack gap="sm" component="ol" aria-label="Feed entries" style={{ listStyle: "none", padding: 0, margin: 0 }}>
            {data.entries
              .filter((e) => shown.includes(filterOf(e)))
              .map((entry) => (
                <Paper
                  key={entry.id}
                  component="li"
                  withBorder
                  radius="sm"
                  p="sm"
                  bg={entry.visibility === "internal" ? "yellow.0" : undefined}
                >
                  <Text size="sm" fw={600}>
                    {summarize(entry)}{" "}
                    <Text span size="sm" c="dimmed" fw={400}>
                      {formatDateTime(entry.at)}
                      {entry.edited && " · edited"}
                    </Text>
                  </Text>
                  {entry.detail && !detailInSummary.includes(entry.type) && <Text size="sm">{entry.detail}</Text>}
                  {entry.body !== null && entry.type !== "created" && (
                    <MessageBody message={entry.body} format={entry.format ?? "text"} />
                  )}
                  {entry.attachments.length > 0 && (
                    <>
                      <FilePictures files={entry.attachments} />
                      <FileLinks files={entry.attachments} label={`Files from ${entry.actor}`} />
                    </>
                  )}
                  {entryActions?.(entry)}
                </Paper>
              ))}
          </Stack>
        )}
      </QueryView>
    </Paper>
  );
}

const kindLabels: Record<CommentKind, string> = {
  public: "Public reply",
  private: "Private comment",
  note: "Internal note",
};

/** The kinds of comment the abilities allow, in the order the kind switch shows them. */
function allowedKinds(agent: boolean, abilities: TicketAbilities): CommentKind[] {
  return [
    ...(abilities.reply ? (["public"] as const) : []),
    ...(agent && abilities.note ? (["private", "note"] as const) : []),
  ];
}

/**
 * Write a comment; agents choose public, private or an internal note. What
 * is offered comes from the ticket's abilities (the server's policy); a
 * requester who may solve gets "Mark as solved and send", which sends the
 * typed comment and solves in one step instead of dropping it.
 */
export function CommentForm({
  number,
  agent,
  abilities,
  finished,
  people,
  kind: chosenKind,
  onKindChange,
  live,
  tools,
  withdrawn = false,
}: {
  number: number;
  agent: boolean;
  abilities: TicketAbilities;
  /** Closed or withdrawn: says so when no comment is possible. */
  finished: boolean;
  /** The requester and CCs: who may get the comment by mail. */
  people: string[];
  /** Set by the page when a shortcut picks the kind (r: reply, n: note); the form keeps its own otherwise. */
  kind?: CommentKind;
  onKindChange?: (kind: CommentKind) => void;
  /** Collision detection on the agent page (web/live): typing signals, and a warning that can hold a send. */
  live?: { onTyping: () => void; confirmSend: (send: () => void) => void; warning: ReactNode };
  /** Extra controls above the editor (the agent's macros), handed a way to add text to the comment. */
  tools?: (insert: (html: string) => void) => ReactNode;
  /** Closed because it was withdrawn: say so, and why, rather than just "closed". */
  withdrawn?: boolean;
}) {
  const add = useAddComment(number);
  const solve = useMarkSolved(number);
  const kinds = allowedKinds(agent, abilities);
  const [ownKind, setOwnKind] = useState<CommentKind>(kinds[0] ?? "public");
  const wanted = chosenKind ?? ownKind;
  const kind = kinds.includes(wanted) ? wanted : (kinds[0] ?? "public");
  const setKind = onKindChange ?? setOwnKind;
  // The writer never mails themselves; people added after the page loaded (a new CC) start ticked.
  const session = useSession();
  const writer = (session.data?.user?.email ?? session.data?.guest?.email ?? "").toLowerCase();
  const recipients = people.filter((email) => email.toLowerCase() !== writer);
  const [unticked, setUnticked] = useState<string[]>([]);
  const notify = recipients.filter((email) => !unticked.includes(email));
  const setNotify = (ticked: string[]) => setUnticked(recipients.filter((email) => !ticked.includes(email)));
  const [body, setBody] = useState({ html: "", text: "" });
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<string | undefined>();
  const [filesError, setFilesError] = useState<string | undefined>();
  const [editorKey, setEditorKey] = useState(0);
  const [initialContent, setInitialContent] = useState("");
  const insert = (html: string) => {
    // Added after what is already written; a fresh editor starts from the combined text.
    setInitialContent(`${body.html === "<p></p>" ? "" : body.html}${html}`);
    setEditorKey((k) => k + 1);
  };
  if (kinds.length === 0) {
    if (withdrawn) return <WithdrawnNotice number={number} />;
    return (
      <Alert color="gray">
        {finished
          ? "This request is closed and takes no more comments."
          : agent
            ? "Your role lets you read this ticket, not reply to it."
            : "You can read this request, but not comment on it."}
      </Alert>
    );
  }
  const reset = () => {
    setBody({ html: "", text: "" });
    setFiles([]);
    setInitialContent("");
    setError(undefined);
    setFilesError(undefined);
    setEditorKey((k) => k + 1); // a fresh, empty editor
  };
  const typed = body.text.trim() !== "";
  const solveAndSend = () =>
    solve.mutate(typed ? { body: body.html, format: "html", kind: "public", notify } : undefined, {
      onSuccess: reset,
      onError: (e) => setError(e instanceof ApiError ? (e.fields["comment.body"] ?? e.message) : e.message),
    });
  const submit = () => {
    if (!body.text.trim()) {
      setError("Write a comment.");
      return;
    }
    const send = () =>
      add.mutate(
        { body: body.html, format: "html", kind, files, ...(kind === "public" ? { notify } : {}) },
        {
          onSuccess: reset,
          onError: (e) => {
            const fields = e instanceof ApiError ? e.fields : {};
            setFilesError(fields.attachments);
            setError(fields.body ?? (fields.attachments ? undefined : e.message));
          },
        },
      );
    if (live) live.confirmSend(send);
    else send();
  };
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="comment-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="comment-heading">
          Add a comment
        </Title>
        {agent && kinds.length > 1 && (
          <SegmentedControl
            aria-label="Kind of comment"
            value={kind}
            onChange={(v) => setKind(v as CommentKind)}
            data={kinds.map((value) => ({ value, label: kindLabels[value] }))}
            w="fit-content"
          />
        )}
        {tools?.(insert)}
        <RichTextField
          key={editorKey}
          label="Comment"
          error={error}
          onChange={(html, text) => {
            setBody({ html, text });
            live?.onTyping();
          }}
          initialContent={initialContent}
        />
        <AttachmentDropzone
          label="Attach files"
          description="Up to 10 files, 10 MB each."
          files={files}
          onChange={setFiles}
          error={filesError}
        />
        {kind === "public" && recipients.length > 0 && (
          <Checkbox.Group label="Notify by email" value={notify} onChange={setNotify}>
            <Group gap="md" mt={4}>
              {recipients.map((email) => (
                <Checkbox key={email} value={email} label={email} />
              ))}
            </Group>
          </Checkbox.Group>
        )}
        {live?.warning}
        <Group>
          <Button onClick={submit} loading={add.isPending}>
            {agent ? `Send ${kindLabels[kind].toLowerCase()}` : "Send comment"}
          </Button>
          {!agent && abilities.solve && (
            <Button
              variant="default"
              onClick={solveAndSend}
              loading={solve.isPending}
              // Files go with a plain comment; solving takes words only.
              disabled={files.length > 0}
            >
              {typed ? "Mark as solved and send" : "Mark as solved"}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

/** Who withdrew the request, when, and the reason they gave (from its Feed, which the page has loaded already). */
function WithdrawnNotice({ number }: { number: number }) {
  const feed = useFeed(number);
  const withdrawal = feed.data?.entries.findLast((e) => e.type === "status_changed" && e.detail !== null);
  return (
    <Alert color="gray" title="This request was withdrawn">
      {withdrawal ? `${withdrawal.actor} withdrew it on ${formatDateTime(withdrawal.at)}. ${withdrawal.detail}. ` : ""}
      It takes no more comments.
    </Alert>
  );
}

/** Read By: who opened the request and when. Opening the page counts as a visit. */
export function ReadBy({ number }: { number: number }) {
  const record = useRecordView(number);
  useOnce(() => record.mutate());
  const readBy = useReadBy(number);
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="read-by-heading">
      <Title order={2} size="h4" id="read-by-heading" mb="sm">
        Read by
      </Title>
      <QueryView query={readBy} loading="Loading who read it">
        {(data) =>
          data.readers.length === 0 ? (
            <Text size="sm">Nobody yet.</Text>
          ) : (
            <Stack gap={4} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
              {data.readers.map((r) => (
                <Text key={r.name} component="li" size="sm">
                  {r.name} {r.role === "agent" ? "(support)" : ""} · {formatDateTime(r.at)}
                </Text>
              ))}
            </Stack>
          )
        }
      </QueryView>
    </Paper>
  );
}
