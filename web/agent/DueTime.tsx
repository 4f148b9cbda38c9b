import { Badge, Group, Text } from "@mantine/core";
import { formatDateTime } from "../ui/format.ts";

/**
 * A service-level due time with its state in words (colour only repeats it).
 * "Overdue" comes from the server, whose clock decides, not the browser's.
 */
export function DueTime({ dueAt, overdue }: { dueAt: string | null; overdue: boolean }) {
  if (!dueAt) return <Text c="dimmed">None</Text>;
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" component="time" dateTime={dueAt} style={{ whiteSpace: "nowrap" }}>
        {formatDateTime(dueAt)}
      </Text>
      {overdue && (
        <Badge color="red.9" variant="filled" c="white">
          Overdue
        </Badge>
      )}
    </Group>
  );
}
