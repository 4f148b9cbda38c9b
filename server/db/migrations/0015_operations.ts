import type { Kysely } from "kysely";
import { type Engine, timestampColumnType } from "../engine.ts";

/**
 * Deployment safety and fault handling: API tokens get scopes and an expiry; a running job records which
 * runner holds it (so only that runner extends or finishes it); a one-row table lets /readyz prove writes work.
 */
export function operations(engine: Engine) {
  const ts = timestampColumnType(engine);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      // Tokens made before scopes existed could do everything their user can; they keep that.
      await db.schema
        .alterTable("api_tokens")
        .addColumn("scopes", "text", (c) => c.notNull().defaultTo("read write admin"))
        .execute();
      await db.schema.alterTable("api_tokens").addColumn("expires_at", ts).execute();
      await db.schema.alterTable("jobs").addColumn("locked_by", "text").execute();
      await db.schema
        .createTable("write_checks")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("checked_at", ts, (c) => c.notNull())
        .execute();
    },
  };
}
