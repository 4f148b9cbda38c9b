import type { Kysely } from "kysely";
import { type ApiTokenScope, apiTokenScopes } from "../../../common/admin.ts";
import { AppError, notFound } from "../../core/errors.ts";
import { now } from "../../db/engine.ts";
import { newId } from "../../db/ids.ts";
import type { Database } from "../../db/schema.ts";
import { hashToken, newToken } from "../tokens.ts";

/** A bearer token that acts as `userId`; returned once, stored only as its hash. */
export async function createApiToken(
  db: Kysely<Database>,
  input: { name: string; userId: string; scopes: readonly ApiTokenScope[]; expiresInDays: number | null },
): Promise<{ id: string; token: string }> {
  const user = await db
    .selectFrom("users")
    .select(["id", "disabled_at"])
    .where("id", "=", input.userId)
    .executeTakeFirst();
  if (!user || user.disabled_at) {
    throw new AppError("validation_failed", "Some fields need attention.", { userId: "Choose an active user." });
  }
  const id = newId();
  const at = now();
  const token = `sb_${newToken()}`;
  await db
    .insertInto("api_tokens")
    .values({
      id,
      token_hash: hashToken(token),
      user_id: user.id,
      name: input.name,
      created_at: at,
      last_used_at: null,
      revoked_at: null,
      scopes: apiTokenScopes.filter((scope) => input.scopes.includes(scope)).join(" "),
      expires_at:
        input.expiresInDays === null
          ? null
          : new Date(Date.parse(at) + input.expiresInDays * 24 * 60 * 60 * 1000).toISOString(),
    })
    .execute();
  return { id, token };
}

export async function revokeApiToken(db: Kysely<Database>, id: string): Promise<void> {
  const result = await db
    .updateTable("api_tokens")
    .set({ revoked_at: now() })
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (!result.numUpdatedRows) throw notFound("That token");
}
