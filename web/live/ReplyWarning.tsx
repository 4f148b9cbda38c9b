import { Alert, Button, Group, Text } from "@mantine/core";

export type NewReply = { name: string; at: string };

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: "always" });

function ago(iso: string, now = Date.now()): string {
  const minutes = Math.floor((now - Date.parse(iso)) / 60_000);
  if (minutes < 1) return "less than a minute ago";
  if (minutes < 60) return relative.format(-minutes, "minute");
  return relative.format(-Math.floor(minutes / 60), "hour");
}

function names(replies: NewReply[]): string {
  const unique = [...new Set(replies.map((r) => r.name))];
  if (unique.length === 1) return unique[0] ?? "Someone";
  return `${unique.slice(0, -1).join(", ")} and ${unique.at(-1)}`;
}

/** Shown instead of sending when someone else commented after this page loaded. */
export function ReplyWarning({
  replies,
  onReview,
  onSendAnyway,
}: {
  replies: NewReply[];
  onReview: () => void;
  onSendAnyway: () => void;
}) {
  const latest = replies.at(-1);
  return (
    <Alert color="yellow" title="Someone else replied" role="alert">
      <Text size="sm" mb="sm">
        {names(replies)} replied {latest ? ago(latest.at) : "just now"} — review it or send anyway.
      </Text>
      <Group gap="sm">
        <Button variant="default" onClick={onReview}>
          Review it
        </Button>
        <Button onClick={onSendAnyway}>Send anyway</Button>
      </Group>
    </Alert>
  );
}
