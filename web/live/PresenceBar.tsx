import { Badge, Group } from "@mantine/core";
import type { PresenceNotice } from "../../common/live.ts";

/** "Ana is viewing", "Bo is typing…": who else has this ticket open. Announced politely to screen readers. */
export function PresenceBar({ others }: { others: PresenceNotice["people"] }) {
  return (
    <Group gap="xs" role="status" aria-label="Others on this ticket" mih={22}>
      {others.map((person) => (
        <Badge key={person.userId} variant="light" color={person.state === "typing" ? "teal" : "blue"} tt="none">
          {person.state === "typing" ? `${person.name} is typing…` : `${person.name} is viewing`}
        </Badge>
      ))}
    </Group>
  );
}
