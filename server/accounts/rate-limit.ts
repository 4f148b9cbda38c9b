import { isIPv4, isIPv6 } from "node:net";
import type { Kysely } from "kysely";
import { type Actor, isStaff } from "../core/actor.ts";
import { AppError } from "../core/errors.ts";
import type { Database } from "../db/schema.ts";

export type Limit = { max: number; windowMs: number };

const hour = 60 * 60 * 1000;

/**
 * Per client address and per target address (the email being registered, reset or looked up). Signing in has
 * its own throttle that never locks the owner out (sign-in-throttle.ts).
 */
export const limits = {
  register: { perIp: { max: 10, windowMs: hour }, perTarget: { max: 3, windowMs: hour } },
  passwordReset: { perIp: { max: 10, windowMs: hour }, perTarget: { max: 3, windowMs: hour } },
  statusCheck: { perIp: { max: 20, windowMs: hour }, perTarget: { max: 5, windowMs: hour } },
  submitTicket: { perIp: { max: 30, windowMs: hour }, perTarget: { max: 10, windowMs: hour } },
  // Satisfaction survey links (server/satisfaction/): opening and answering, per client and per link.
  satisfaction: { perIp: { max: 30, windowMs: hour }, perTarget: { max: 10, windowMs: hour } },
} satisfies Record<string, { perIp: Limit; perTarget: Limit }>;

/**
 * The client address as the limits count it. An IPv6 client is given a whole /64 (one home or one cloud
 * machine usually gets at least that), so counting single IPv6 addresses would let one client take a fresh
 * address for every try and never meet a limit. IPv4 addresses count one by one; an IPv4 address written as
 * IPv6 (`::ffff:192.0.2.1`, as a dual-stack socket reports it) counts as that IPv4 address.
 */
export function clientAddressKey(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip)?.[1];
  if (mapped && isIPv4(mapped)) return mapped;
  if (!isIPv6(ip)) return ip;
  const [head = "", tail] = ip.toLowerCase().split("%")[0]?.split("::") ?? [];
  const groups = (part: string | undefined) => (part ? part.split(":") : []);
  // An IPv4 tail (`::1.2.3.4`) stands for the last two groups, which a /64 drops anyway.
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const full =
    tail === undefined ? left : [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  return `${full
    .slice(0, 4)
    .map((g) => Number.parseInt(g || "0", 16).toString(16))
    .join(":")}::/64`;
}

/**
 * Per client address only, for what visitors who need no account make the help desk keep: votes on articles,
 * and the views, searches and form suggestions the Help Centre's reports count. Without a bound, one script
 * adds a row (or a vote) per request for ever and writes the reports' figures itself.
 */
export const clientLimits = {
  kbVote: { max: 30, windowMs: hour },
  kbActivity: { max: 600, windowMs: hour },
} satisfies Record<string, Limit>;

/**
 * Counts one hit for the client address and says whether it is still within `action`'s limit; always true
 * with rate limiting off.
 */
export async function withinClientLimit(
  db: Kysely<Database>,
  action: keyof typeof clientLimits,
  ip: string,
  options: { enabled: boolean; at?: Date },
): Promise<boolean> {
  if (!options.enabled) return true;
  return hit(db, `${action}:ip:${clientAddressKey(ip)}`, clientLimits[action], options.at ?? new Date());
}

/**
 * Per person, for what customers write: requests and comments, each of which may carry ten files of 10 MB and
 * mails the people on the request. Anyone can make a customer account, so without a bound one account could
 * fill the queue and the disk. The help desk's own people are not limited, nor are API tokens (an admin issues
 * those, and each has its own limit per minute).
 */
export const customerLimits = {
  submitTicket: { max: 30, windowMs: hour },
  comment: { max: 120, windowMs: hour },
} satisfies Record<string, Limit>;

/** Throws `rate_limited` when a customer (by account) or a guest (by address) has written too much this hour. */
export async function enforceCustomerLimit(
  db: Kysely<Database>,
  action: keyof typeof customerLimits,
  writer: { actor: Actor; apiTokenId: string | null },
  options: { enabled: boolean; at?: Date },
): Promise<void> {
  const { actor } = writer;
  if (!options.enabled || writer.apiTokenId !== null || isStaff(actor)) return;
  const who = actor.kind === "user" ? `user:${actor.user.id}` : actor.kind === "guest" ? `guest:${actor.email}` : null;
  if (who === null) return;
  if (!(await hit(db, `${action}:${who}`, customerLimits[action], options.at ?? new Date()))) {
    throw new AppError(
      "rate_limited",
      action === "submitTicket"
        ? "You have sent many requests in the last hour. Please wait a while before sending more."
        : "You have written many comments in the last hour. Please wait a while before writing more.",
    );
  }
}

/**
 * Counts one hit against `key` in a fixed window and says whether it is still
 * within the limit. Kept in the database so every app instance shares it.
 */
export async function hit(db: Kysely<Database>, key: string, limit: Limit, at: Date): Promise<boolean> {
  return (await countHit(db, key, limit, at)) <= limit.max;
}

/** Hits on `key` in its current window, without counting one. */
export async function peekHits(db: Kysely<Database>, key: string, limit: Limit, at: Date): Promise<number> {
  const row = await db
    .selectFrom("rate_limits")
    .select("hits")
    .where("key", "=", key)
    .where("window_start", ">", new Date(at.getTime() - limit.windowMs).toISOString())
    .executeTakeFirst();
  return row?.hits ?? 0;
}

/** Takes back one hit, for an attempt that turned out to be no abuse (a correct password). */
export async function refundHit(db: Kysely<Database>, key: string): Promise<void> {
  await db
    .updateTable("rate_limits")
    .set((eb) => ({ hits: eb("hits", "-", 1) }))
    .where("key", "=", key)
    .where("hits", ">", 0)
    .execute();
}

export async function clearHits(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom("rate_limits").where("key", "=", key).execute();
}

/** Counts one hit against `key` in a fixed window and answers the hits in that window so far. */
export async function countHit(db: Kysely<Database>, key: string, limit: Limit, at: Date): Promise<number> {
  return (await countHitInWindow(db, key, limit, at)).hits;
}

/** Like countHit, and when the window ends, for callers that tell clients when to try again. */
export async function countHitInWindow(
  db: Kysely<Database>,
  key: string,
  limit: Limit,
  at: Date,
): Promise<{ hits: number; resetsAt: Date }> {
  const now = at.toISOString();
  const windowOpenedBefore = new Date(at.getTime() - limit.windowMs).toISOString();
  const row = await db
    .insertInto("rate_limits")
    .values({ key, window_start: now, hits: 1 })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet((eb) => {
        const expired = eb("rate_limits.window_start", "<=", windowOpenedBefore);
        return {
          hits: eb
            .case()
            .when(expired)
            .then(1)
            .else(eb("rate_limits.hits", "+", 1))
            .end(),
          window_start: eb.case().when(expired).then(now).else(eb.ref("rate_limits.window_start")).end(),
        };
      }),
    )
    .returning(["hits", "window_start"])
    .executeTakeFirstOrThrow();
  return { hits: row.hits, resetsAt: new Date(new Date(row.window_start).getTime() + limit.windowMs) };
}

/**
 * The mailbox an address delivers to, as the per-target limits count it. Most mail providers deliver
 * `name+anything@` to `name@` (sub-addressing), and Gmail ignores the dots in a name too, so counting each
 * spelling on its own let one mailbox be sent confirmation mails without end: a fresh `+tag` for every try.
 * A target that is not an address (a survey link's hash) counts as it is, without case.
 */
export function mailboxKey(target: string): string {
  const lowered = target.trim().toLowerCase();
  const at = lowered.lastIndexOf("@");
  if (at <= 0) return lowered;
  let local = lowered.slice(0, at);
  let domain = lowered.slice(at + 1);
  const plus = local.indexOf("+");
  if (plus > 0) local = local.slice(0, plus);
  if (domain === "gmail.com" || domain === "googlemail.com") {
    local = local.replaceAll(".", "");
    domain = "gmail.com";
  }
  return `${local}@${domain}`;
}

/** Throws `rate_limited` when either the client or the target has made too many attempts. */
export async function enforceLimit(
  db: Kysely<Database>,
  action: keyof typeof limits,
  client: { ip: string; target: string },
  options: { enabled: boolean; at?: Date },
): Promise<void> {
  if (!options.enabled) return;
  const at = options.at ?? new Date();
  const { perIp, perTarget } = limits[action];
  // Both counters advance on every attempt, so hammering one address from many clients is capped too.
  const ipOk = await hit(db, `${action}:ip:${clientAddressKey(client.ip)}`, perIp, at);
  const targetOk = await hit(db, `${action}:target:${mailboxKey(client.target)}`, perTarget, at);
  if (!ipOk || !targetOk) {
    throw new AppError("rate_limited", "Too many attempts. Please wait a few minutes and try again.");
  }
}
