import type { Kysely } from "kysely";
import type { Licence } from "../../../common/accounts.ts";
import { isUniqueViolation, now } from "../../db/engine.ts";
import { newId } from "../../db/ids.ts";
import type { Database, User } from "../../db/schema.ts";
import { AppError } from "../../http/errors.ts";
import { hashPassword } from "../passwords.ts";
import { normalizeEmail } from "../queries.ts";

export type CreateUserInput = { email: string; name: string; password: string | null; licence: Licence };

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
  };
  try {
    await db.insertInto("users").values(user).execute();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("conflict", "An account with that email address already exists.", {
        email: "An account with that email address already exists.",
      });
    }
    throw error;
  }
  return user;
}

/** Sets a new password and ends every session of the user, so an old cookie cannot outlive a reset. */
export async function setPassword(db: Kysely<Database>, userId: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("users")
      .set({ password_hash: passwordHash, updated_at: now() })
      .where("id", "=", userId)
      .execute();
    await trx.deleteFrom("sessions").where("user_id", "=", userId).execute();
  });
}
