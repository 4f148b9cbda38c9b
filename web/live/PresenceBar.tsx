import { Badge, Group } from "@mantine/core";
import type { PresenceNotice } from "../../common/live.ts";
import { useT } from "../i18n/use-t.ts";

/** "Ana is viewing", "Bo is typing…": who else has this ticket open. Announced politely to screen readers. */
export function PresenceBar({ others }: { others: PresenceNotice["people"] }) {
  const t = useT();
  return (
    <Group gap="xs" role="status" aria-label={t("agent.presence.label")} mih={22}>
      {others.map((person) => (
        <Badge key={person.userId} variant="light" color={person.state === "typing" ? "teal" : "blue"} tt="none">
          {person.state === "typing"
            ? t("agent.presence.typing", { name: person.name })
            : t("agent.presence.viewing", { name: person.name })}
        </Badge>
      ))}
    </Group>
  );
}
