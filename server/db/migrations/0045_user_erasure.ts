import type { Kysely } from "kysely";
import { type Engine, timestampColumnType } from "../engine.ts";

/**
 * Issue 17: erasing a person (GDPR). Their row stays, so their tickets keep a requester, but holds a
 * placeholder name and address from `anonymised_at` on; the admin's list and the export say so.
 */
export function userErasure(engine: Engine) {
  const ts = timestampColumnType(engine);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable("users").addColumn("anonymised_at", ts).execute();
    },
  };
}
