import { Button, Checkbox, Popover, Stack, Text } from "@mantine/core";
import { IconColumns3 } from "@tabler/icons-react";
import { useT } from "../i18n/use-t.ts";
import { columnLabel } from "./agent-words.ts";
import { type ColumnKey, ticketColumns, type useColumnPreferences } from "./ticket-columns.ts";

/** Which of the ticket table's columns show; the choice and the widths are kept for this agent in this browser. */
export function ColumnChooser({ preferences }: { preferences: ReturnType<typeof useColumnPreferences> }) {
  const t = useT();
  const optional = ticketColumns.filter((c) => c.optional);
  const hidden = preferences.preferences.hidden;
  return (
    <Popover position="bottom-end" shadow="md" withinPortal trapFocus>
      <Popover.Target>
        <Button variant="subtle" size="xs" leftSection={<IconColumns3 size={16} aria-hidden="true" />}>
          {hidden.length ? t("agent.columns.buttonHidden", { count: hidden.length }) : t("agent.columns.button")}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="sm">
          <Checkbox.Group
            label={t("agent.columns.show")}
            value={optional.filter((c) => !hidden.includes(c.key)).map((c) => c.key)}
            onChange={(shown) =>
              preferences.setHidden(optional.filter((c) => !shown.includes(c.key)).map((c): ColumnKey => c.key))
            }
          >
            <Stack gap={6} mt={6}>
              {optional.map((column) => (
                <Checkbox key={column.key} value={column.key} label={columnLabel(t, column.key)} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Text size="xs" maw={220}>
            {t("agent.columns.hint")}
          </Text>
          <Button variant="default" size="xs" onClick={preferences.reset} disabled={!preferences.chosen}>
            {t("agent.columns.reset")}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
