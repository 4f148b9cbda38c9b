import { useState } from "react";
import { z } from "zod";
import type { QueueSort } from "../../common/queues.ts";

/**
 * The ticket table's columns after the selection box and the number, which always show. Subject always shows
 * too and takes the room the others leave; every other column can be hidden and resized. Their names are in
 * the reader's language (columnLabel, agent-words.ts).
 */
export const ticketColumns = [
  { key: "subject", sort: "subject", width: 200, optional: false },
  { key: "requester", sort: null, width: 150, optional: true },
  { key: "status", sort: null, width: 120, optional: true },
  { key: "priority", sort: "priority", width: 96, optional: true },
  { key: "due", sort: "due", width: 130, optional: true },
  { key: "assignee", sort: null, width: 120, optional: true },
  { key: "group", sort: null, width: 110, optional: true },
  { key: "updated", sort: "updated", width: 130, optional: true },
  { key: "created", sort: "created", width: 130, optional: true },
] as const satisfies readonly {
  key: string;
  sort: QueueSort | null;
  /** Default width in pixels; for Subject, the least it gets before the table scrolls sideways. */
  width: number;
  optional: boolean;
}[];
export type ColumnKey = (typeof ticketColumns)[number]["key"];
const columnKeys = ticketColumns.map((c) => c.key) as [ColumnKey, ...ColumnKey[]];

/** The selection box and the number, always shown at these widths. */
export const fixedColumnsWidth = 44 + 80;
export const minColumnWidth = 64;
export const maxColumnWidth = 640;

const preferencesSchema = z.object({
  hidden: z.array(z.enum(columnKeys)).catch([]),
  widths: z.partialRecord(z.enum(columnKeys), z.number().int().min(minColumnWidth).max(maxColumnWidth)).catch({}),
});
export type ColumnPreferences = z.infer<typeof preferencesSchema>;

/** Hidden first when a screen is too narrow for every column and the agent has not chosen yet. */
const hiddenWhenNarrow: ColumnKey[] = ["created", "group"];

export function tableWidth(preferences: ColumnPreferences): number {
  return ticketColumns
    .filter((c) => !preferences.hidden.includes(c.key))
    .reduce((sum, c) => sum + (preferences.widths[c.key] ?? c.width), fixedColumnsWidth);
}

/** Every column, less the ones that would push the table past `available` pixels (unknown: 0). */
function defaults(available: number): ColumnPreferences {
  const preferences: ColumnPreferences = { hidden: [], widths: {} };
  for (const key of hiddenWhenNarrow) {
    if (available === 0 || tableWidth(preferences) <= available) break;
    preferences.hidden.push(key);
  }
  return preferences;
}

function read(storageKey: string): ColumnPreferences | null {
  try {
    const stored = localStorage.getItem(storageKey);
    return stored ? preferencesSchema.parse(JSON.parse(stored)) : null;
  } catch {
    // Unreadable or from an older version: start from the defaults again.
    return null;
  }
}

/**
 * Which columns an agent shows and how wide, remembered in this browser per agent. Until the agent changes
 * something, the defaults follow the room there is (`available`, the table's box in pixels).
 */
export function useColumnPreferences(userId: string | undefined, available: number) {
  const storageKey = `switchboard.ticket-columns.${userId ?? "anonymous"}`;
  const [saved, setSaved] = useState(() => ({ storageKey, preferences: read(storageKey) }));
  const chosen = saved.storageKey === storageKey ? saved.preferences : read(storageKey);
  const preferences = chosen ?? defaults(available);
  const save = (next: ColumnPreferences | null) => {
    if (next) localStorage.setItem(storageKey, JSON.stringify(next));
    else localStorage.removeItem(storageKey);
    setSaved({ storageKey, preferences: next });
  };
  return {
    preferences,
    chosen: chosen !== null,
    setHidden: (hidden: ColumnKey[]) => save({ ...preferences, hidden }),
    setWidth: (key: ColumnKey, width: number) =>
      save({
        ...preferences,
        widths: { ...preferences.widths, [key]: Math.round(Math.min(maxColumnWidth, Math.max(minColumnWidth, width))) },
      }),
    reset: () => save(null),
  };
}
