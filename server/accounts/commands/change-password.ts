import type { Kysely } from "kysely";
import type { UserActor } from "../../core/actor.ts";
import { AppError } from "../../core/errors.ts";
import type { Database } from "../../db/schema.ts";
import { verifyPassword } from "../passwords.ts";
import { setPassword } from "./create-user.ts";

/** Changes the signed-in user's password and ends their other sessions. */
export async function changePassword(
  db: Kysely<Database>,
  actor: UserActor,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await db
    .selectFrom("users")
    .select("password_hash")
    .where("id", "=", actor.user.id)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new AppError("validation_failed", "Some fields need attention.", {
      currentPassword: "That is not your current password.",
    });
  }
  await setPassword(db, actor.user.id, input.newPassword, actor.sessionId ?? undefined);
}
