import { z } from "zod";

/** Seed 001's personal alerts. Due and overdue fire from service levels, tasks from the agent workspace. */
export const alertKinds = [
  "all_tasks_complete",
  "ticket_completed",
  "ticket_due",
  "ticket_in_process",
  "ticket_overdue",
] as const;
export type AlertKind = (typeof alertKinds)[number];

export const alertLabels: Record<AlertKind, string> = {
  all_tasks_complete: "All tasks complete",
  ticket_completed: "Ticket is completed",
  ticket_due: "Ticket is due",
  ticket_in_process: "Ticket is in process",
  ticket_overdue: "Ticket is overdue",
};

export const alertListSchema = z.object({ active: z.array(z.enum(alertKinds)) });
export const alertParamsSchema = z.object({
  number: z.string().max(20),
  kind: z.enum(alertKinds, { error: "That is not an alert." }),
});
