import { z } from "zod";
import { slaConditionsSchema } from "./service-levels.ts";
import { isVisibleLine, nameHiddenCharacters } from "./text.ts";
import { priorities, priorityLabels, statusCategories } from "./tickets.ts";

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
  .max(120, "Keep the name under 120 characters.")
  .refine(isVisibleLine, nameHiddenCharacters);

// The input's nested objects are strict (a misspelt condition was dropped and the rule ran on every ticket); the
// stored rules keep reading through the loose ones.
export const automationRuleInputSchema = z
  .object({
    name,
    kind: z.enum(automationKinds, { error: "Choose when the rule runs." }),
    active: z.boolean().default(true),
    position: z.number().int().min(0).max(1000).default(0),
    conditions: slaConditionsSchema.strict(),
    statusCategory: z.enum(statusCategories).nullable().default(null),
    afterBusinessDays: z.number().int().min(1, "Wait at least one business day.").max(365).nullable().default(null),
    actions: automationActionsSchema.strict(),
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

/**
 * One thing a rule did when it ran, as a code and its values, so each reader words it in their own language
 * (web/ui/automation-outcome.ts). Group and lead names and addresses are passed as they are.
 */
export const automationOutcomeSchema = z.discriminatedUnion("code", [
  /** The ticket was moved to this group (its name when the rule ran). */
  z.object({ code: z.literal("assigned"), group: z.string() }),
  z.object({ code: z.literal("priority"), priority: z.enum(priorities) }),
  /** The requester (and the people copied) were sent a reminder. */
  z.object({ code: z.literal("reminded") }),
  /** The rule's "Mail this address" was mailed. */
  z.object({ code: z.literal("notified"), email: z.string() }),
  /** The lead of the ticket's group was mailed (their name when the rule ran). */
  z.object({ code: z.literal("groupLeadNotified"), name: z.string() }),
  /** The rule would mail the group's lead, but the ticket's group has none (or no group): nobody was mailed. */
  z.object({ code: z.literal("noGroupLead") }),
]);
export type AutomationOutcome = z.infer<typeof automationOutcomeSchema>;
/** What a run did, in order; empty: the ticket already was as the rule would leave it. */
export const automationOutcomeListSchema = z.array(automationOutcomeSchema);

function englishOutcomePart(part: AutomationOutcome): string {
  switch (part.code) {
    case "assigned":
      return `assigned to ${part.group}`;
    case "priority":
      return `priority set to ${priorityLabels[part.priority]}`;
    case "reminded":
      return "reminder sent to the requester";
    case "notified":
      return `${part.email} notified`;
    case "groupLeadNotified":
      return `group lead ${part.name} notified`;
    case "noGroupLead":
      return "no group lead to notify";
  }
}

/** What a run did as the English sentence the log has always stored (`summary`, for clients that predate `outcome`). */
export function englishOutcome(outcome: AutomationOutcome[]): string {
  return outcome.length ? outcome.map(englishOutcomePart).join(", ") : "nothing to change";
}

export const automationRunSchema = z.object({
  id: z.string(),
  rule: z.string(),
  ticketNumber: z.number().int(),
  /**
   * What the run did, in English. Kept for older clients and for runs logged before `outcome` existed;
   * `outcome` says the same as codes and values, to be worded in the reader's language.
   */
  summary: z.string(),
  /** What the run did, as codes (empty: nothing to change); null for runs logged before it was recorded. */
  outcome: automationOutcomeListSchema.nullable(),
  ranAt: z.iso.datetime(),
});
export type AutomationRun = z.infer<typeof automationRunSchema>;
export const automationRunListSchema = z.object({ runs: z.array(automationRunSchema) });
