import type { Kysely } from "kysely";
import { type Engine, timestampColumnType } from "../engine.ts";

/**
 * Idempotency keys (server/http/idempotency.ts): the first answer to a create sent with an `Idempotency-Key`,
 * kept a day per caller (an API token, or a signed-in user), so a retry gets that answer and creates nothing.
 * The primary key is what makes concurrent retries safe: exactly one insert wins the claim.
 */
export function idempotencyKeys(engine: Engine) {
  const ts = timestampColumnType(engine);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("idempotency_keys")
        .addColumn("owner", "text", (c) => c.notNull())
        .addColumn("key", "text", (c) => c.notNull())
        .addColumn("fingerprint", "text", (c) => c.notNull())
        // Null while the first request is still running.
        .addColumn("status", "integer")
        .addColumn("content_type", "text")
        .addColumn("body", "text")
        .addColumn("created_at", ts, (c) => c.notNull())
        .addPrimaryKeyConstraint("idempotency_keys_pkey", ["owner", "key"])
        .execute();
      await db.schema.createIndex("idempotency_keys_created").on("idempotency_keys").column("created_at").execute();
    },
  };
}
