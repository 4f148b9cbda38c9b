/** Admins define triggers and time rules; changes apply to what happens next, never retroactively. */
import type { Kysely } from "kysely";
import type { AutomationRuleInput } from "../../../common/automation.ts";
import { AppError, notFound } from "../../core/errors.ts";
import { encodeJson, now } from "../../db/engine.ts";
import { newId } from "../../db/ids.ts";
import type { Database } from "../../db/schema.ts";

async function check(db: Kysely<Database>, input: AutomationRuleInput): Promise<void> {
  if (input.actions.groupId) {
    const group = await db.selectFrom("groups").select("id").where("id", "=", input.actions.groupId).executeTakeFirst();
    if (!group)
      throw new AppError("validation_failed", "Some fields need attention.", {
        "actions.groupId": "Choose a group from the list.",
      });
  }
}

function values(input: AutomationRuleInput) {
  const timed = input.kind === "time_rule";
  return {
    name: input.name,
    kind: input.kind,
    active: input.active ? 1 : 0,
    position: input.position,
    conditions: encodeJson(input.conditions),
    status_category: timed ? input.statusCategory : null,
    after_business_days: timed ? input.afterBusinessDays : null,
    actions: encodeJson(input.actions),
  };
}

export async function createRule(db: Kysely<Database>, input: AutomationRuleInput): Promise<string> {
  await check(db, input);
  const id = newId();
  const at = now();
  await db
    .insertInto("automation_rules")
    .values({ id, ...values(input), created_at: at, updated_at: at })
    .execute();
  return id;
}

export async function updateRule(db: Kysely<Database>, id: string, input: AutomationRuleInput): Promise<void> {
  await check(db, input);
  const result = await db
    .updateTable("automation_rules")
    .set({ ...values(input), updated_at: now() })
    .where("id", "=", id)
    .executeTakeFirst();
  if (!Number(result.numUpdatedRows)) throw notFound("That rule");
}

/** Its log entries go with it; what it did to tickets stays in their events. */
export async function deleteRule(db: Kysely<Database>, id: string): Promise<void> {
  const result = await db.deleteFrom("automation_rules").where("id", "=", id).executeTakeFirst();
  if (!Number(result.numDeletedRows)) throw notFound("That rule");
}
