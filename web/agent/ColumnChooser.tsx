import { Button, Checkbox, Popover, Stack, Text } from "@mantine/core";
import { IconColumns3 } from "@tabler/icons-react";
import { type ColumnKey, ticketColumns, type useColumnPreferences } from "./ticket-columns.ts";

/** Which of the ticket table's columns show; the choice and the widths are kept for this agent in this browser. */
export function ColumnChooser({ preferences }: { preferences: ReturnType<typeof useColumnPreferences> }) {
  const optional = ticketColumns.filter((c) => c.optional);
  const hidden = preferences.preferences.hidden;
  return (
    <Popover position="bottom-end" shadow="md" withinPortal trapFocus>
      <Popover.Target>
        <Button variant="subtle" size="xs" leftSection={<IconColumns3 size={16} aria-hidden="true" />}>
          {hidden.length ? `Columns · ${hidden.length} hidden` : "Columns"}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="sm">
          <Checkbox.Group
            label="Show columns"
            value={optional.filter((c) => !hidden.includes(c.key)).map((c) => c.key)}
            onChange={(shown) =>
              preferences.setHidden(optional.filter((c) => !shown.includes(c.key)).map((c): ColumnKey => c.key))
            }
          >
            <Stack gap={6} mt={6}>
              {optional.map((column) => (
                <Checkbox key={column.key} value={column.key} label={column.label} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Text size="xs" maw={220}>
            Drag a column's right edge to change its width, or focus it and use the arrow keys.
          </Text>
          <Button variant="default" size="xs" onClick={preferences.reset} disabled={!preferences.chosen}>
            Reset columns
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
