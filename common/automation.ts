import { z } from "zod";
import { slaConditionsSchema } from "./service-levels.ts";
import { priorities, statusCategories } from "./tickets.ts";

export const automationKinds = ["trigger", "time_rule", "satisfaction_bad"] as const;
export const automationKindLabels: Record<(typeof automationKinds)[number], string> = {
  trigger: "When a ticket is created",
  time_rule: "When a ticket has waited",
  satisfaction_bad: "When the requester rates the support Bad",
};

export const automationActionsSchema = z
  .object({
    /** Assign the ticket to this group. */
    groupId: z.uuid({ error: "Choose a group from the list." }).nullable().default(null),
    priority: z.enum(priorities).nullable().default(null),
    /** Mail the requester (and CCs) a reminder that we are waiting for them. */
    remindRequester: z.boolean().default(false),
    /** Mail this address (a group lead, a team list) what happened: the ticket and, for a rating, the answer. */
    notifyEmail: z
      .string()
      .trim()
      .toLowerCase()
      .max(254)
      .pipe(z.union([z.literal(""), z.email({ error: "Enter a valid email address, like lead@example.com." })]))
      // Optional, so rules saved before this action existed read as they were; "" means none.
      .nullish(),
    /** Mail the lead of the ticket's group (as the rule leaves it), whoever that is when the rule runs. */
    // Optional, like notifyEmail: rules saved before it existed read as they were.
    notifyGroupLead: z.boolean().optional(),
  })
  .refine(
    (a) => a.groupId !== null || a.priority !== null || a.remindRequester || !!a.notifyEmail || a.notifyGroupLead,
    {
      message: "Choose at least one thing to do.",
      path: ["groupId"],
    },
  );
export type AutomationActions = z.infer<typeof automationActionsSchema>;

const name = z
  .string({ error: "Enter a name." })
  .trim()
  .min(1, "Enter a name.")
  .max(120, "Keep the name under 120 characters.");

export const automationRuleInputSchema = z
  .object({
    name,
    kind: z.enum(automationKinds, { error: "Choose when the rule runs." }),
    active: z.boolean().default(true),
    position: z.number().int().min(0).max(1000).default(0),
    conditions: slaConditionsSchema,
    statusCategory: z.enum(statusCategories).nullable().default(null),
    afterBusinessDays: z.number().int().min(1, "Wait at least one business day.").max(365).nullable().default(null),
    actions: automationActionsSchema,
  })
  .refine((r) => r.kind !== "time_rule" || r.statusCategory !== null, {
    message: "Choose the status the ticket waits in.",
    path: ["statusCategory"],
  })
  .refine((r) => r.kind !== "time_rule" || r.afterBusinessDays !== null, {
    message: "Enter how many business days it waits.",
    path: ["afterBusinessDays"],
  });
export type AutomationRuleInput = z.infer<typeof automationRuleInputSchema>;

export const automationRuleSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(automationKinds),
  active: z.boolean(),
  position: z.number().int(),
  conditions: slaConditionsSchema,
  statusCategory: z.enum(statusCategories).nullable(),
  afterBusinessDays: z.number().int().nullable(),
  actions: z.object({
    groupId: z.string().nullable(),
    priority: z.enum(priorities).nullable(),
    remindRequester: z.boolean(),
    notifyEmail: z.string().nullish(),
    notifyGroupLead: z.boolean().optional(),
  }),
});
export type AutomationRule = z.infer<typeof automationRuleSchema>;
export const automationRuleListSchema = z.object({ rules: z.array(automationRuleSchema) });

export const automationRunSchema = z.object({
  id: z.string(),
  rule: z.string(),
  ticketNumber: z.number().int(),
  summary: z.string(),
  ranAt: z.iso.datetime(),
});
export const automationRunListSchema = z.object({ runs: z.array(automationRunSchema) });
