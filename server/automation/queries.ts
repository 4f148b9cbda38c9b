import type { Kysely } from "kysely";
import {
  type AutomationRule,
  type AutomationRun,
  automationActionsSchema,
  automationOutcomeListSchema,
} from "../../common/automation.ts";
import { slaConditionsSchema } from "../../common/service-levels.ts";
import { decodeJson } from "../db/engine.ts";
import type { Database } from "../db/schema.ts";

export async function listRules(db: Kysely<Database>): Promise<AutomationRule[]> {
  const rows = await db
    .selectFrom("automation_rules")
    .selectAll()
    .orderBy("kind")
    .orderBy("position")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    active: r.active === 1,
    position: r.position,
    conditions: slaConditionsSchema.parse(decodeJson(r.conditions)),
    statusCategory: r.status_category,
    afterBusinessDays: r.after_business_days,
    actions: automationActionsSchema.parse(decodeJson(r.actions)),
  }));
}

/** The address a rule mails what happened to, as stored ("" for none or no such rule). */
export async function ruleNotifyEmail(db: Kysely<Database>, id: string): Promise<string> {
  const row = await db.selectFrom("automation_rules").select("actions").where("id", "=", id).executeTakeFirst();
  if (!row) return "";
  return automationActionsSchema.safeParse(decodeJson(row.actions)).data?.notifyEmail ?? "";
}

/** The newest 100 entries of the automation log. */
export async function listRuns(db: Kysely<Database>): Promise<AutomationRun[]> {
  const rows = await db
    .selectFrom("automation_runs")
    .innerJoin("automation_rules", "automation_rules.id", "automation_runs.rule_id")
    .innerJoin("tickets", "tickets.id", "automation_runs.ticket_id")
    .select([
      "automation_runs.id",
      "automation_rules.name",
      "tickets.number",
      "automation_runs.summary",
      "automation_runs.outcome",
      "automation_runs.ran_at",
    ])
    .orderBy("automation_runs.ran_at", "desc")
    .orderBy("automation_runs.id", "desc")
    .limit(100)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    rule: r.name,
    ticketNumber: r.number,
    summary: r.summary,
    // Runs logged before issue 20 have only their English summary.
    outcome: r.outcome === null ? null : automationOutcomeListSchema.parse(decodeJson(r.outcome)),
    ranAt: r.ran_at,
  }));
}
