import { Badge, Group, Text } from "@mantine/core";
import { useT } from "../i18n/use-t.ts";
import { formatDateTime, formatShortDateTime } from "../ui/format.ts";

/**
 * A service-level due time with its state in words (colour only repeats it).
 * "Overdue" comes from the server, whose clock decides, not the browser's.
 * `compact` is for table cells: a shorter date, and the badge wraps below it rather than being squeezed.
 */
export function DueTime({
  dueAt,
  overdue,
  compact = false,
}: {
  dueAt: string | null;
  overdue: boolean;
  compact?: boolean;
}) {
  const t = useT();
  if (!dueAt) return <Text size="sm">{t("agent.common.none")}</Text>;
  return (
    <Group gap={4} wrap="wrap">
      <Text
        size="sm"
        component="time"
        dateTime={dueAt}
        title={compact ? formatDateTime(dueAt) : undefined}
        style={{ whiteSpace: "nowrap" }}
      >
        {compact ? formatShortDateTime(dueAt) : formatDateTime(dueAt)}
      </Text>
      {overdue && (
        // A badge shrinks to a dot when its row runs out of room: it keeps its own width and wraps instead.
        <Badge color="red.9" variant="filled" c="white" style={{ flexShrink: 0, overflow: "visible" }}>
          {t("agent.common.overdue")}
        </Badge>
      )}
    </Group>
  );
}
