import type { BulkResult, BulkUpdate } from "../../../common/queues.ts";
import { type Actor, hasPermission } from "../../core/actor.ts";
import type { AppContext } from "../../core/context.ts";
import { AppError } from "../../core/errors.ts";
import { now } from "../../db/engine.ts";
import type { Translator } from "../../i18n/translator.ts";
import { recordEvent } from "../events.ts";
import { actorName, loadTicket } from "../lifecycle.ts";
import { refuseClosedForComments } from "./add-comment.ts";
import { applyUpdate } from "./update-ticket.ts";

/**
 * Applies the same changes to each selected ticket, each in its own
 * transaction and through the same checks as the edit form, so a ticket the
 * agent may not see or change is refused on its own and the rest go ahead.
 * `say` gives each refusal's reason in the agent's language (English without it).
 */
export async function bulkUpdate(
  ctx: Pick<AppContext, "db" | "config">,
  actor: Actor,
  input: BulkUpdate,
  say?: Pick<Translator, "sentence" | "t">,
): Promise<BulkResult> {
  if (actor.kind !== "user" || !hasPermission(actor, "tickets.work")) {
    throw new AppError("forbidden", "Only agents can change tickets.");
  }
  const { numbers, note, ...changes } = input;
  const result: BulkResult = { updated: [], failed: [] };
  for (const number of [...new Set(numbers)]) {
    try {
      await ctx.db.transaction().execute(async (trx) => {
        const at = now();
        if (note) {
          const ticket = await loadTicket(trx, actor, number, "internal");
          refuseClosedForComments(ticket, false);
          await recordEvent(trx, ctx, {
            ticketId: ticket.id,
            type: "note",
            actor: actorName(actor),
            visibility: "internal",
            payload: { body: note, format: "text", kind: "note" },
            at,
          });
        }
        await applyUpdate(trx, ctx, actor, number, changes, at, say?.t);
      });
      result.updated.push(number);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      // A ticket outside the agent's reach reads as missing, exactly like opening it would.
      const english = Object.values(error.fields ?? {})[0] ?? error.message;
      result.failed.push({ number, code: error.code, reason: say ? say.sentence(english, error.code) : english });
    }
  }
  return result;
}
