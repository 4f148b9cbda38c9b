import type { UserActor } from "../../core/actor.ts";
import type { AppContext } from "../../core/context.ts";
import { AppError } from "../../core/errors.ts";
import { now } from "../../db/engine.ts";
import { recordDeletion } from "../../export/tombstones.ts";
import { removeUploadFiles } from "../../tickets/attachments/standalone-uploads.ts";
import { loadErasableUser, removeReachAndAccess } from "../guards.ts";

/**
 * Removes an account that no ticket needs: nobody's request names them as requester, and they never acted on
 * a ticket or attached a file. Anyone else is refused with `conflict`: deleting them would rewrite tickets'
 * history, so they are anonymised instead (their tickets kept, their name and address gone). The incremental
 * export gets a tombstone for the account.
 */
export async function deleteUser(
  { db, config }: Pick<AppContext, "db" | "config">,
  admin: UserActor,
  userId: string,
): Promise<void> {
  const uploads = await db.transaction().execute(async (trx) => {
    const user = await loadErasableUser(trx, admin, userId, "delete");
    const [requested, acted, attached] = await Promise.all([
      trx.selectFrom("tickets").select("id").where("requester_id", "=", user.id).limit(1).executeTakeFirst(),
      trx.selectFrom("ticket_events").select("id").where("actor_id", "=", user.id).limit(1).executeTakeFirst(),
      trx.selectFrom("attachments").select("id").where("uploaded_by_id", "=", user.id).limit(1).executeTakeFirst(),
    ]);
    if (requested || acted || attached) {
      throw new AppError(
        "conflict",
        "This person has tickets or took part in them, so deleting them would rewrite those tickets. Anonymise them instead: their tickets stay, their name and address go.",
      );
    }
    const at = now();
    await removeReachAndAccess(trx, user, at);
    // Their waiting uploads go with the account (the rows by cascade); the files once it is committed.
    const waiting = await trx.selectFrom("uploads").select("id").where("uploader_id", "=", user.id).execute();
    await trx.deleteFrom("users").where("id", "=", user.id).execute();
    await recordDeletion(trx, "users", user.id, at);
    return waiting.map((u) => u.id);
  });
  await removeUploadFiles(config, uploads);
}
