/** Relating tickets: linking two, unlinking them, and merging a duplicate into another. Each one transaction. */

import type { Transaction } from "kysely";
import { isClosed } from "../../../common/tickets.ts";
import type { Actor } from "../../core/actor.ts";
import type { AppContext } from "../../core/context.ts";
import { AppError } from "../../core/errors.ts";
import { now } from "../../db/engine.ts";
import type { Database } from "../../db/schema.ts";
import { recordEvent } from "../events.ts";
import { actorName, firstStatusIn, type LoadedTicket } from "../lifecycle.ts";
import { ticketScope } from "../policy.ts";
import { loadWorkableTicket } from "../work-access.ts";

type Ctx = Pick<AppContext, "db" | "config">;

/** Same limit as adding a CC by hand (lifecycle-actions.ts). */
const maxCcs = 20;

function notItself(number: number, other: number, field: string, sentence: string): void {
  if (number === other) throw new AppError("validation_failed", "Some fields need attention.", { [field]: sentence });
}

/**
 * Both tickets through the actor's scope: a ticket the agent cannot see answers "not found" like a missing one.
 * Their rows are locked lower number first, so linking A to B beside B to A waits instead of deadlocking.
 */
async function loadPair(trx: Transaction<Database>, actor: Actor, number: number, other: number) {
  const [low, high] = number < other ? [number, other] : [other, number];
  const lower = await loadWorkableTicket(trx, actor, low);
  const higher = await loadWorkableTicket(trx, actor, high);
  return number < other ? ([lower, higher] as const) : ([higher, lower] as const);
}

export async function linkTickets(ctx: Ctx, actor: Actor, number: number, other: number): Promise<void> {
  notItself(number, other, "number", "Choose another ticket: a ticket cannot be linked to itself.");
  await ctx.db.transaction().execute(async (trx) => {
    const [ticket, linked] = await loadPair(trx, actor, number, other);
    const existing = await trx
      .selectFrom("ticket_links")
      .select("ticket_id")
      .where("ticket_id", "=", ticket.id)
      .where("linked_ticket_id", "=", linked.id)
      .executeTakeFirst();
    if (existing) return;
    const at = now();
    const by = actorName(actor);
    await trx
      .insertInto("ticket_links")
      .values([
        { ticket_id: ticket.id, linked_ticket_id: linked.id, created_by_name: by.name, created_at: at },
        { ticket_id: linked.id, linked_ticket_id: ticket.id, created_by_name: by.name, created_at: at },
      ])
      .execute();
    for (const [on, to] of [
      [ticket, linked],
      [linked, ticket],
    ] as const) {
      await recordEvent(trx, ctx, {
        ticketId: on.id,
        type: "linked",
        actor: by,
        visibility: "internal",
        payload: { number: to.number },
        at,
      });
    }
  });
}

export async function unlinkTickets(ctx: Ctx, actor: Actor, number: number, other: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const [ticket, linked] = await loadPair(trx, actor, number, other);
    const removed = await trx
      .deleteFrom("ticket_links")
      .where((eb) =>
        eb.or([
          eb.and([eb("ticket_id", "=", ticket.id), eb("linked_ticket_id", "=", linked.id)]),
          eb.and([eb("ticket_id", "=", linked.id), eb("linked_ticket_id", "=", ticket.id)]),
        ]),
      )
      .executeTakeFirst();
    if (!Number(removed.numDeletedRows)) return;
    const at = now();
    for (const [on, to] of [
      [ticket, linked],
      [linked, ticket],
    ] as const) {
      await recordEvent(trx, ctx, {
        ticketId: on.id,
        type: "unlinked",
        actor: actorName(actor),
        visibility: "internal",
        payload: { number: to.number },
        at,
      });
    }
  });
}

/** The ticket this one was merged into, if any; `named` when the actor may open it (its number is theirs to see). */
async function mergedInto(
  trx: Transaction<Database>,
  actor: Actor,
  ticketId: string,
): Promise<{ number: number; named: boolean } | null> {
  const row = await trx
    .selectFrom("tickets")
    .select(["merged_into_id"])
    .where("id", "=", ticketId)
    .executeTakeFirstOrThrow();
  if (!row.merged_into_id) return null;
  const into = await trx
    .selectFrom("tickets")
    .select("number")
    .where("id", "=", row.merged_into_id)
    .executeTakeFirstOrThrow();
  const visible = await trx
    .selectFrom("tickets")
    .select("tickets.id")
    .where("tickets.id", "=", row.merged_into_id)
    .where(ticketScope(actor))
    .executeTakeFirst();
  return { number: into.number, named: visible !== undefined };
}

type Merged = { number: number; named: boolean };

// Whole sentences, one for each case, so each is translated as a whole (web/i18n/sentences.ts).
const alreadyMerged = (number: number, into: Merged) =>
  into.named
    ? `#${number} was already merged into #${into.number}.`
    : `#${number} was already merged into another ticket.`;
const mergedOnward = (number: number, onward: Merged) =>
  onward.named
    ? `#${number} was itself merged into #${onward.number}: merge into that ticket instead.`
    : `#${number} was itself merged into another ticket: merge into that ticket instead.`;

/** The requester and CCs of the duplicate become CCs of the ticket it went into, up to the usual limit. */
async function copyPeople(
  trx: Transaction<Database>,
  ctx: Ctx,
  actor: Actor,
  from: LoadedTicket,
  into: LoadedTicket,
  at: string,
): Promise<void> {
  const [fromCcs, intoCcs] = await Promise.all(
    [from, into].map((t) => trx.selectFrom("ticket_ccs").select("email").where("ticket_id", "=", t.id).execute()),
  );
  const present = new Set([into.requester_email, ...(intoCcs ?? []).map((c) => c.email)]);
  let room = maxCcs - (intoCcs ?? []).length;
  for (const email of [from.requester_email, ...(fromCcs ?? []).map((c) => c.email)]) {
    if (present.has(email) || room <= 0) continue;
    present.add(email);
    room -= 1;
    await trx
      .insertInto("ticket_ccs")
      .values({ ticket_id: into.id, email, added_by_name: actorName(actor).name, created_at: at })
      .execute();
    await recordEvent(trx, ctx, {
      ticketId: into.id,
      type: "cc_added",
      actor: actorName(actor),
      visibility: "public",
      payload: { email, mergedFrom: from.number },
      at,
    });
  }
}

/**
 * Merges a duplicate into another ticket. The duplicate keeps its history
 * and stays readable (nothing is moved or rewritten): it is closed, points at
 * the ticket it went into and says so in its Feed. The other ticket records
 * the merge for agents, and copies the duplicate's requester and CCs. The
 * duplicate's requester gets a mail with a way into the ticket that continues
 * (notifications/reactions.ts).
 * A merged ticket can be neither merged again nor merged into, so merges never
 * chain and never loop.
 */
export async function mergeTicket(ctx: Ctx, actor: Actor, number: number, intoNumber: number): Promise<void> {
  notItself(number, intoNumber, "into", "Choose another ticket: a ticket cannot be merged into itself.");
  await ctx.db.transaction().execute(async (trx) => {
    const [duplicate, into] = await loadPair(trx, actor, number, intoNumber);
    const already = await mergedInto(trx, actor, duplicate.id);
    if (already !== null) throw new AppError("conflict", alreadyMerged(duplicate.number, already));
    const onward = await mergedInto(trx, actor, into.id);
    if (onward !== null) throw new AppError("conflict", mergedOnward(into.number, onward));
    if (isClosed(duplicate.category))
      throw new AppError("conflict", `#${duplicate.number} is already closed: link the two tickets instead.`);
    if (isClosed(into.category))
      throw new AppError("conflict", `#${into.number} is closed and takes nothing more: choose an open ticket.`);
    const closed = await firstStatusIn(trx, "closed");
    if (!closed) throw new AppError("conflict", "This help desk has no closed status; ask an administrator.");

    const at = now();
    const by = actorName(actor);
    await trx
      .updateTable("tickets")
      .set({ status_id: closed.id, merged_into_id: into.id, updated_at: at })
      .where("id", "=", duplicate.id)
      .execute();
    await recordEvent(trx, ctx, {
      ticketId: duplicate.id,
      type: "status_changed",
      actor: by,
      visibility: "public",
      payload: { from: duplicate.status_id, to: closed.id, reason: "merged" },
      at,
    });

    await recordEvent(trx, ctx, {
      ticketId: into.id,
      type: "merged_from",
      actor: by,
      visibility: "internal",
      payload: { number: duplicate.number, subject: duplicate.subject },
      at,
    });
    await copyPeople(trx, ctx, actor, duplicate, into, at);
    // Recorded once the people are copied: its reactions mail the duplicate's requester a way into the ticket
    // that continues, naming it only if they may open it now.
    await recordEvent(trx, ctx, {
      ticketId: duplicate.id,
      type: "merged_into",
      actor: by,
      visibility: "public",
      payload: { number: into.number },
      at,
    });
    await trx.updateTable("tickets").set({ updated_at: at }).where("id", "=", into.id).execute();
  });
}
