import { Table } from "@mantine/core";
import type { ReactNode } from "react";

/**
 * The frame of a table that may be wider than the screen: on a phone it scrolls sideways inside the frame. It is a
 * named region in the tab order, so keyboard users can reach and scroll it (a scrolling box nothing inside can
 * focus fails axe's scrollable-region-focusable; it did on the API tokens page once tokens filled it). Every table
 * frame goes through here, so no table can forget it.
 */
export function ScrollTable({ label, minWidth, children }: { label: string; minWidth: number; children: ReactNode }) {
  return (
    <Table.ScrollContainer minWidth={minWidth} type="native" tabIndex={0} role="region" aria-label={label}>
      {children}
    </Table.ScrollContainer>
  );
}
