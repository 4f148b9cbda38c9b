import { Badge, type BadgeProps } from "@mantine/core";
import type { Priority, StatusCategory } from "../../common/tickets.ts";
import { useT } from "../i18n/use-t.ts";

/**
 * Colour grows with urgency. Shades are picked for AA contrast: light badges
 * pair shade 1 with shade 9 text; filled ones carry text that reads on them.
 */
const priorityLooks: Record<Priority, BadgeProps> = {
  low: { color: "gray", variant: "light" },
  medium: { color: "blue", variant: "light" },
  high: { color: "orange.5", variant: "filled", c: "black" },
  urgent: { color: "red.9", variant: "filled", c: "white" },
};

export function PriorityBadge({ priority }: { priority: Priority }) {
  const t = useT();
  const labels: Record<Priority, string> = {
    low: t("requests.priority.low"),
    medium: t("requests.priority.medium"),
    high: t("requests.priority.high"),
    urgent: t("requests.priority.urgent"),
  };
  return (
    <Badge {...priorityLooks[priority]} maw="100%">
      {labels[priority]}
    </Badge>
  );
}

const statusColours: Record<StatusCategory, string> = {
  new: "blue",
  open: "teal",
  pending: "yellow",
  on_hold: "grape",
  solved: "green",
  closed: "gray",
  cancelled: "gray",
};

/** The status as agents call it; the dot's colour tells the category apart at a glance, the text carries it. */
export function StatusBadge({ label, category }: { label: string; category: StatusCategory }) {
  return (
    // In a narrow column the label is cut short; the title still says it whole.
    <Badge variant="dot" color={statusColours[category]} c="dark.9" maw="100%" title={label}>
      {label}
    </Badge>
  );
}
