import type { Kysely } from "kysely";
import type { Licence } from "../../../common/accounts.ts";
import { AppError } from "../../core/errors.ts";
import { isUniqueViolation, now } from "../../db/engine.ts";
import { newId } from "../../db/ids.ts";
import type { Database, User } from "../../db/schema.ts";
import { revokeAccountTokens } from "../account-tokens.ts";
import { hashPassword } from "../passwords.ts";
import { normalizeEmail } from "../queries.ts";

export type CreateUserInput = {
  email: string;
  name: string;
  password: string | null;
  licence: Licence;
  /** People an operator creates are trusted; people who register confirm by mail first. */
  confirmed?: boolean;
};

export function emailTaken(): AppError {
  return new AppError("conflict", "An account with that email address already exists.", {
    email: "An account with that email address already exists.",
  });
}

/** Creates a user with the default role of their licence, in one transaction. */
export async function createUser(db: Kysely<Database>, input: CreateUserInput): Promise<User> {
  const timestamp = now();
  const user: User = {
    id: newId(),
    email: normalizeEmail(input.email),
    name: input.name.trim(),
    password_hash: input.password === null ? null : await hashPassword(input.password),
    licence: input.licence,
    created_at: timestamp,
    updated_at: timestamp,
    disabled_at: null,
    email_confirmed_at: input.confirmed === false ? null : timestamp,
    locale: null,
    time_zone: null,
    anonymised_at: null,
  };
  try {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto("users").values(user).execute();
      await trx
        .insertInto("user_roles")
        .columns(["user_id", "role_id"])
        .expression((eb) =>
          eb
            .selectFrom("roles")
            .select([eb.val(user.id).as("user_id"), "roles.id"])
            .where("default_for", "=", input.licence),
        )
        .execute();
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
  return user;
}

/** Sets a new password and ends the user's sessions (all of them, or all but the one that made the change). */
export async function setPassword(
  db: Kysely<Database>,
  userId: string,
  password: string,
  keepSessionId?: string,
): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("users")
      .set({ password_hash: passwordHash, updated_at: now() })
      .where("id", "=", userId)
      .execute();
    let ended = trx.deleteFrom("sessions").where("user_id", "=", userId);
    if (keepSessionId) ended = ended.where("id", "!=", keepSessionId);
    await ended.execute();
    // A reset link mailed before the change must not undo it (whoever holds that mail).
    await revokeAccountTokens(trx, userId, "reset_password", new Date());
  });
}
