import type { Kysely } from "kysely";
import { type Engine, jsonColumnType } from "../engine.ts";

/**
 * Issue 20: what an automation run did, as codes and values (common/automation.ts `automationOutcomeSchema`)
 * that each reader words in their own language. Runs logged before have none (null) and keep their English
 * `summary`, which the log shows for them.
 */
export function automationRunOutcome(engine: Engine) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable("automation_runs").addColumn("outcome", jsonColumnType(engine)).execute();
    },
  };
}
