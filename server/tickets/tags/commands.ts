/**
 * Tags on a ticket, for agents working it: adding and removing are idempotent (a tag already there, or
 * already gone, changes nothing and records nothing), and each change is a typed event in the Feed.
 */
import { normaliseTag, tagsPerTicket } from "../../../common/tags.ts";
import type { Actor } from "../../core/actor.ts";
import type { AppContext } from "../../core/context.ts";
import { AppError } from "../../core/errors.ts";
import { now } from "../../db/engine.ts";
import { recordEvent } from "../events.ts";
import { actorName, loadTicket } from "../lifecycle.ts";
import { requireWork } from "../work-access.ts";

type Ctx = Pick<AppContext, "db" | "config">;

function tagOf(raw: string): string {
  const tag = normaliseTag(raw);
  if (!tag) {
    throw new AppError("validation_failed", "Some fields need attention.", {
      tag: "Use up to 40 letters, digits, '-', '_' or '.', without spaces.",
    });
  }
  return tag;
}

export async function addTag({ db, config }: Ctx, actor: Actor, number: number, raw: string): Promise<void> {
  requireWork(actor);
  const tag = tagOf(raw);
  await db.transaction().execute(async (trx) => {
    const ticket = await loadTicket(trx, actor, number, "edit");
    const tags = await trx.selectFrom("ticket_tags").select("tag").where("ticket_id", "=", ticket.id).execute();
    if (tags.some((t) => t.tag === tag)) return;
    if (tags.length >= tagsPerTicket) {
      throw new AppError("conflict", `A ticket takes at most ${tagsPerTicket} tags. Remove one first.`);
    }
    const at = now();
    await trx
      .insertInto("ticket_tags")
      .values({ ticket_id: ticket.id, tag, created_at: at })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await recordEvent(
      trx,
      { config },
      { ticketId: ticket.id, type: "tag_added", actor: actorName(actor), visibility: "internal", payload: { tag }, at },
    );
    await trx.updateTable("tickets").set({ updated_at: at }).where("id", "=", ticket.id).execute();
  });
}

export async function removeTag({ db, config }: Ctx, actor: Actor, number: number, raw: string): Promise<void> {
  requireWork(actor);
  const tag = tagOf(raw);
  await db.transaction().execute(async (trx) => {
    const ticket = await loadTicket(trx, actor, number, "edit");
    const removed = await trx
      .deleteFrom("ticket_tags")
      .where("ticket_id", "=", ticket.id)
      .where("tag", "=", tag)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) return;
    const at = now();
    await recordEvent(
      trx,
      { config },
      {
        ticketId: ticket.id,
        type: "tag_removed",
        actor: actorName(actor),
        visibility: "internal",
        payload: { tag },
        at,
      },
    );
    await trx.updateTable("tickets").set({ updated_at: at }).where("id", "=", ticket.id).execute();
  });
}
