import { Alert, Anchor, Button, Checkbox, Group, Paper, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { type ReactNode, useEffect, useRef, useState } from "react";
import type { CommentKind, FeedEntry } from "../../common/conversation.ts";
import type { TicketAbilities } from "../../common/tickets.ts";
import { closedCategories } from "../../common/tickets.ts";
import { attachmentLimits } from "../../common/uploads.ts";
import { ApiError } from "../api/client.ts";
import { useAddComment, useFeed, useReadBy, useRecordView } from "../api/conversation.ts";
import { useMarkSolved } from "../api/lifecycle.ts";
import { useSession } from "../api/session.ts";
import { type Translate, useT } from "../i18n/use-t.ts";
import { AttachmentDropzone } from "./AttachmentDropzone.tsx";
import { attachmentMegabytes, attachmentsProblem } from "./attachment-limits.ts";
import { draftKey, readDraft, removeDraft, writeDraft } from "./comment-drafts.ts";
import { feedDetailLine, feedDetailText } from "./feed-details.ts";
import { formatDateTime } from "./format.ts";
import { LazyRichTextField as RichTextField } from "./LazyRichTextField.tsx";
import { MessageBody } from "./MessageBody.tsx";
import { QueryView } from "./QueryView.tsx";
import { RelativeTime } from "./RelativeTime.tsx";
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
  // A rule's changes to the group or priority, and the mail it sent.
  "automation_applied",
];

function summarize(entry: FeedEntry, t: Translate): string {
  const actor = entry.actor;
  // The entries that name someone or something in their summary have it as their one detail part.
  const first = entry.details[0];
  const named = first ? feedDetailText(first, t) : null;
  const someone = named ?? t("requests.feed.someone");
  const aTicket = named ?? t("requests.feed.aTicket");
  switch (entry.type) {
    case "created":
      return t("requests.feed.created", { actor });
    case "comment":
      return entry.visibility === "internal"
        ? t("requests.feed.privateComment", { actor })
        : t("requests.feed.comment", { actor });
    case "note":
      return t("requests.feed.note", { actor });
    case "status_changed":
      return t("requests.feed.statusChanged", { actor, from: entry.from ?? "?", to: entry.to ?? "?" });
    case "cc_added":
      return t("requests.feed.ccAdded", { actor, person: someone });
    case "cc_removed":
      return t("requests.feed.ccRemoved", { actor, person: someone });
    case "follow_up_created":
      return t("requests.feed.followUpCreated", { actor });
    case "edited":
      return entry.visibility === "internal"
        ? t("requests.feed.editedInternal", { actor })
        : t("requests.feed.edited", { actor });
    case "task_added":
      return t("requests.feed.taskAdded", { actor });
    case "task_edited":
      return t("requests.feed.taskEdited", { actor });
    case "task_completed":
      return t("requests.feed.taskCompleted", { actor });
    case "task_reopened":
      return t("requests.feed.taskReopened", { actor });
    case "task_removed":
      return t("requests.feed.taskRemoved", { actor });
    case "merged_into":
      return t("requests.feed.mergedInto", { actor, ticket: named ?? t("requests.feed.another") });
    case "merged_from":
      return t("requests.feed.mergedFrom", { actor, ticket: aTicket });
    case "linked":
      return t("requests.feed.linked", { actor, ticket: aTicket });
    case "unlinked":
      return t("requests.feed.unlinked", { actor, ticket: aTicket });
    case "priority_changed":
      return t("requests.feed.priorityChanged", { actor, change: named ?? "?" });
    case "satisfaction_rated":
      return t("requests.feed.rated", { actor });
    case "comment_edited":
      return t("requests.feed.commentEdited", { actor });
    case "comment_deleted":
      return t("requests.feed.commentDeleted", { actor });
    case "tag_added":
      return t("requests.feed.tagAdded", { actor, tag: named ?? "?" });
    case "tag_removed":
      return t("requests.feed.tagRemoved", { actor, tag: named ?? "?" });
    case "deleted":
      return t("requests.feed.deleted", { actor });
    case "restored":
      return t("requests.feed.restored", { actor });
    case "automation_applied":
      // The actor of an automation entry is the rule, by its name.
      return t("requests.feed.automationApplied", { rule: actor });
    default: {
      // A new type of Feed entry fails to compile here until it has its own line.
      const unhandled: never = entry.type;
      return `${actor}: ${unhandled}`;
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

function DetailLine({ entry, t }: { entry: FeedEntry; t: Translate }) {
  const line = detailInSummary.includes(entry.type) ? null : feedDetailLine(entry.details, t);
  return line ? <Text size="sm">{line}</Text> : null;
}

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
  const t = useT();
  const feed = useFeed(number);
  const [shown, setShown] = useState<Filter[]>(["comments", "edits", "status", "notes"]);
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="feed-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="feed-heading">
          {t("requests.feed.title")}
        </Title>
        <Checkbox.Group aria-label={t("requests.feed.show")} value={shown} onChange={(v) => setShown(v as Filter[])}>
          <Group gap="md">
            <Checkbox value="comments" label={t("requests.feed.filter.comments")} />
            <Checkbox value="edits" label={t("requests.feed.filter.edits")} />
            <Checkbox value="status" label={t("requests.feed.filter.status")} />
            {agent && <Checkbox value="notes" label={t("requests.feed.filter.notes")} />}
          </Group>
        </Checkbox.Group>
      </Group>
      <QueryView query={feed} loading={t("requests.feed.loading")}>
        {(data) => (
          <Stack
            gap="sm"
            component="ol"
            aria-label={t("requests.feed.entries")}
            style={{ listStyle: "none", padding: 0, margin: 0 }}
          >
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
                    {summarize(entry, t)}{" "}
                    <Text span size="sm" c="dimmed" fw={400}>
                      <RelativeTime iso={entry.at} />
                      {entry.edited && t("requests.feed.editedMark")}
                    </Text>
                  </Text>
                  <DetailLine entry={entry} t={t} />
                  {entry.body !== null && entry.type !== "created" && (
                    <MessageBody message={entry.body} format={entry.format ?? "text"} />
                  )}
                  {entry.attachments.length > 0 && (
                    <>
                      <FilePictures files={entry.attachments} />
                      <FileLinks files={entry.attachments} label={t("requests.feed.files", { actor: entry.actor })} />
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

function kindLabels(t: Translate): Record<CommentKind, string> {
  return {
    public: t("requests.comment.kind.public"),
    private: t("requests.comment.kind.private"),
    note: t("requests.comment.kind.note"),
  };
}

/** "Send public reply", "Send internal note": the agent's send button names what it sends. */
function sendLabel(t: Translate, kind: CommentKind): string {
  if (kind === "private") return t("requests.comment.sendPrivate");
  if (kind === "note") return t("requests.comment.sendNote");
  return t("requests.comment.sendPublic");
}

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
  const t = useT();
  const add = useAddComment(number);
  const solve = useMarkSolved(number);
  const kinds = allowedKinds(agent, abilities);
  const narrow = useMediaQuery("(max-width: 36em)");
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
  // What the editor holds now, for a failed send's answer, which arrives after later typing.
  const latestBody = useRef(body);
  latestBody.current = body;
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<string | undefined>();
  const [filesError, setFilesError] = useState<string | undefined>();
  // The send was refused because the session ended: the comment is kept, and a new tab signs in again.
  const [signedOut, setSignedOut] = useState(false);
  const [editorKey, setEditorKey] = useState(0);
  // After a send the fresh editor takes the focus: the sent one, and the button pressed, are gone or disabled. So it
  // does after an insertion (a macro's or an article's words), with the caret after them, for the writer to go on.
  const [refocus, setRefocus] = useState(false);
  // Said once a comment is in (a live region, so a screen reader hears it); cleared by the next words typed.
  const [sent, setSent] = useState(false);
  const [initialContent, setInitialContent] = useState("");
  // The unsent comment survives a reload (web/ui/comment-drafts.ts): it is put back once the session says who is
  // writing, with its kind, so that an internal note never comes back as a public reply.
  const owner = session.data?.user?.id ?? (session.data?.guest ? `guest:${session.data.guest.email}` : undefined);
  const key = owner ? draftKey(owner, number) : undefined;
  const [draftFor, setDraftFor] = useState<string>();
  const [draftRestored, setDraftRestored] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: restores once per person and ticket, not on each kind change
  useEffect(() => {
    if (!key || draftFor === key) return;
    setDraftFor(key);
    const draft = readDraft(key);
    if (!draft) return;
    setBody({ html: draft.html, text: draft.text });
    setInitialContent(draft.html);
    setEditorKey((k) => k + 1);
    if (kinds.includes(draft.kind)) setKind(draft.kind);
    setDraftRestored(true);
  }, [key, draftFor]);
  useEffect(() => {
    // Only once the draft has been read: an empty editor written first would remove it.
    if (key && draftFor === key) writeDraft(key, body, kind);
  }, [key, draftFor, body, kind]);
  const discardDraft = () => {
    if (key) removeDraft(key);
    setDraftRestored(false);
    setBody({ html: "", text: "" });
    setInitialContent("");
    setEditorKey((k) => k + 1);
  };
  const insert = (html: string) => {
    // Added after what is already written; a fresh editor starts from the combined text.
    setInitialContent(`${body.html === "<p></p>" ? "" : body.html}${html}`);
    setRefocus(true);
    setEditorKey((k) => k + 1);
  };
  if (kinds.length === 0) {
    if (withdrawn) return <WithdrawnNotice number={number} />;
    return (
      <Alert color="gray">
        {finished
          ? t("requests.comment.closed")
          : agent
            ? t("requests.comment.agentReadOnly")
            : t("requests.comment.readOnly")}
      </Alert>
    );
  }
  const reset = () => {
    setDraftRestored(false);
    setBody({ html: "", text: "" });
    setFiles([]);
    setInitialContent("");
    setError(undefined);
    setFilesError(undefined);
    setRefocus(true);
    setEditorKey((k) => k + 1); // a fresh, empty editor
  };
  const typed = body.text.trim() !== "";
  const solveAndSend = () =>
    solve.mutate(typed ? { body: body.html, format: "html", kind: "public", notify } : undefined, {
      onSuccess: () => {
        reset();
        setSent(typed);
      },
      onError: (e) => setError(e instanceof ApiError ? (e.fields["comment.body"] ?? e.message) : e.message),
    });
  const submit = () => {
    if (!body.text.trim()) {
      setError(t("validation.writeComment"));
      return;
    }
    setSignedOut(false);
    setSent(false);
    const filesProblem = attachmentsProblem(files, t);
    setFilesError(filesProblem);
    if (filesProblem) return;
    // The editor empties as the comment is sent, not when the server answers: whatever the writer types in the
    // meantime (a slow answer on a busy server) is theirs and is never wiped by the answer. If sending fails, the
    // comment comes back, ahead of anything typed since, with the reason.
    const send = () => {
      const sent = { body, files };
      reset();
      add.mutate(
        { body: sent.body.html, format: "html", kind, files: sent.files, ...(kind === "public" ? { notify } : {}) },
        {
          onSuccess: () => setSent(true),
          onError: (e) => {
            const since = latestBody.current.html === "<p></p>" ? "" : latestBody.current.html;
            setBody({ html: `${sent.body.html}${since}`, text: `${sent.body.text}${latestBody.current.text}` });
            setInitialContent(`${sent.body.html}${since}`);
            setFiles(sent.files);
            setEditorKey((k) => k + 1);
            const fields = e instanceof ApiError ? e.fields : {};
            setSignedOut(e instanceof ApiError && e.code === "unauthenticated");
            setFilesError(fields.attachments);
            setError(fields.body ?? (fields.attachments ? undefined : e.message));
          },
        },
      );
    };
    if (live) live.confirmSend(send);
    else send();
  };
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="comment-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="comment-heading">
          {t("requests.comment.title")}
        </Title>
        {agent && kinds.length > 1 && (
          <SegmentedControl
            aria-label={t("requests.comment.kindLabel")}
            value={kind}
            onChange={(v) => setKind(v as CommentKind)}
            data={kinds.map((value) => ({ value, label: kindLabels(t)[value] }))}
            // A phone has no room for three labels side by side (longer still in German): they stack.
            orientation={narrow ? "vertical" : "horizontal"}
            w={narrow ? undefined : "fit-content"}
          />
        )}
        {tools?.(insert)}
        <RichTextField
          key={editorKey}
          label={t("requests.comment.label")}
          error={error}
          onChange={(html, text) => {
            setBody({ html, text });
            if (text.trim()) setSent(false);
            live?.onTyping();
          }}
          initialContent={initialContent}
          autoFocus={refocus}
        />
        {draftRestored && (
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {t("requests.comment.draftRestored")}
            </Text>
            <Anchor component="button" type="button" size="sm" onClick={discardDraft}>
              {t("requests.comment.discardDraft")}
            </Anchor>
          </Group>
        )}
        <AttachmentDropzone
          label={t("requests.comment.attach")}
          description={t("requests.comment.attachLimits", {
            files: attachmentLimits.maxFiles,
            size: attachmentMegabytes,
          })}
          files={files}
          onChange={setFiles}
          error={filesError}
        />
        {kind === "public" && recipients.length > 0 && (
          <Checkbox.Group label={t("requests.comment.notify")} value={notify} onChange={setNotify}>
            <Group gap="md" mt={4}>
              {recipients.map((email) => (
                <Checkbox key={email} value={email} label={email} />
              ))}
            </Group>
          </Checkbox.Group>
        )}
        {live?.warning}
        {signedOut && (
          <Alert color="yellow" role="status">
            {t("requests.comment.signedOut")}{" "}
            {/* A new tab, so this page and what is typed in it stay as they are; its cookie serves both. */}
            <Anchor href={agent ? "/agent" : "/sign-in"} target="_blank" rel="noopener">
              {t("requests.comment.signInNewTab")}
            </Anchor>
          </Alert>
        )}
        <Group>
          <Button onClick={submit} loading={add.isPending}>
            {agent ? sendLabel(t, kind) : t("requests.comment.send")}
          </Button>
          {!agent && abilities.solve && (
            <Button
              variant="default"
              onClick={solveAndSend}
              loading={solve.isPending}
              // Files go with a plain comment; solving takes words only.
              disabled={files.length > 0}
            >
              {typed ? t("requests.comment.solveAndSend") : t("requests.comment.solve")}
            </Button>
          )}
          <Text role="status" size="sm" c="dimmed">
            {sent ? t("requests.comment.sent") : ""}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Who withdrew the request, when, and the reason they gave (from its Feed, which the page has loaded already). */
function WithdrawnNotice({ number }: { number: number }) {
  const t = useT();
  const feed = useFeed(number);
  const withdrawal = feed.data?.entries.findLast((e) => e.type === "status_changed" && e.details.length > 0);
  const by = withdrawal
    ? t("requests.withdrawn.by", {
        actor: withdrawal.actor,
        date: formatDateTime(withdrawal.at),
        reason: feedDetailLine(withdrawal.details, t),
      })
    : null;
  return (
    <Alert color="gray" title={t("requests.withdrawn.title")}>
      {by ? `${by} ` : ""}
      {t("requests.withdrawn.noMore")}
    </Alert>
  );
}

/** Read By: who opened the request and when. Opening the page counts as a visit. */
export function ReadBy({ number }: { number: number }) {
  const t = useT();
  const record = useRecordView(number);
  useOnce(() => record.mutate());
  const readBy = useReadBy(number);
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="read-by-heading">
      <Title order={2} size="h4" id="read-by-heading" mb="sm">
        {t("requests.readBy.title")}
      </Title>
      <QueryView query={readBy} loading={t("requests.readBy.loading")}>
        {(data) =>
          data.readers.length === 0 ? (
            <Text size="sm">{t("requests.readBy.nobody")}</Text>
          ) : (
            <Stack gap={4} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
              {data.readers.map((r) => (
                <Text key={r.name} component="li" size="sm">
                  {r.role === "agent" ? t("requests.readBy.agent", { name: r.name }) : r.name} ·{" "}
                  <RelativeTime iso={r.at} />
                </Text>
              ))}
            </Stack>
          )
        }
      </QueryView>
    </Paper>
  );
}
