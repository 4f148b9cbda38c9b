import { Alert, Button, Group, Text } from "@mantine/core";
import { type Translate, useT } from "../i18n/use-t.ts";

export type NewReply = { name: string; at: string };

/** "less than a minute ago", "3 minutes ago", "2 hours ago", in the reader's language. */
function ago(t: Translate, iso: string, now = Date.now()): string {
  const minutes = Math.floor((now - Date.parse(iso)) / 60_000);
  if (minutes < 1) return t("agent.replyWarning.lessThanMinute");
  if (minutes < 60) return t.intl.formatRelativeTime(-minutes, "minute", { numeric: "always" });
  return t.intl.formatRelativeTime(-Math.floor(minutes / 60), "hour", { numeric: "always" });
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
  const t = useT();
  const latest = replies.at(-1);
  const people = [...new Set(replies.map((r) => r.name))];
  return (
    <Alert color="yellow" title={t("agent.replyWarning.title")} role="alert">
      <Text size="sm" mb="sm">
        {t("agent.replyWarning.text", {
          // "Ana", "Ana and Bo", "Ana, Bo and Cy": the language's own list; the verb agrees with how many.
          names: people.length ? t.intl.formatList(people, { type: "conjunction" }) : t("agent.replyWarning.someone"),
          count: Math.max(people.length, 1),
          when: latest ? ago(t, latest.at) : t("agent.replyWarning.justNow"),
        })}
      </Text>
      <Group gap="sm">
        <Button variant="default" onClick={onReview}>
          {t("agent.replyWarning.review")}
        </Button>
        <Button onClick={onSendAnyway}>{t("agent.replyWarning.sendAnyway")}</Button>
      </Group>
    </Alert>
  );
}
