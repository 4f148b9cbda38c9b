/**
 * How our mail about a ticket threads, and how a reply finds its way back:
 * deterministic Message-IDs per ticket, a References chain rooted in the
 * ticket, and a reply address whose tag names the ticket and carries an HMAC
 * so nobody can forge an address that files mail into someone else's ticket.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

const secretName = "reply_address";

/** The key that signs reply addresses: generated once, shared by every app instance through the database. */
export async function replyAddressSecret(db: Db): Promise<string> {
  const existing = await db
    .selectFrom("mail_secrets")
    .select("value")
    .where("name", "=", secretName)
    .executeTakeFirst();
  if (existing) return existing.value;
  await db
    .insertInto("mail_secrets")
    .values({ name: secretName, value: randomBytes(32).toString("base64url"), created_at: new Date().toISOString() })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
  const row = await db
    .selectFrom("mail_secrets")
    .select("value")
    .where("name", "=", secretName)
    .executeTakeFirstOrThrow();
  return row.value;
}

/**
 * The tag's HMAC. Mail to one of our agents is signed for that agent's address
 * too: the customer sees the ticket's address, so only a signature bound to the
 * agent proves that a reply comes from the agent's own mailbox.
 */
function signature(secret: string, ticketId: string, recipient?: string): string {
  const signed = recipient ? `reply:${ticketId}:${recipient.toLowerCase()}` : `reply:${ticketId}`;
  // 80 bits: far beyond guessing, short enough for an address (lower case survives servers that fold case).
  return createHmac("sha256", secret).update(signed).digest("hex").slice(0, 20);
}

/** `help@example.com` → `help+t42-<signature>@example.com` for ticket 42 (signed for one recipient, if given). */
export function replyAddress(
  mailboxAddress: string,
  ticket: { id: string; number: number },
  secret: string,
  recipient?: string,
): string {
  const at = mailboxAddress.lastIndexOf("@");
  const local = mailboxAddress.slice(0, at).split("+")[0];
  return `${local}+t${ticket.number}-${signature(secret, ticket.id, recipient)}${mailboxAddress.slice(at)}`;
}

/** The ticket number and signature in a reply address's tag, if it has one. */
export function parseReplyAddress(address: string): { number: number; signature: string } | undefined {
  const match = /\+t(\d{1,12})-([0-9a-f]{20})@/i.exec(address);
  if (!match?.[1] || !match[2]) return undefined;
  return { number: Number(match[1]), signature: match[2].toLowerCase() };
}

/** Whether the signature is the ticket's (or, with `recipient`, the one made for that recipient alone). */
export function verifyReplySignature(secret: string, ticketId: string, candidate: string, recipient?: string): boolean {
  const expected = Buffer.from(signature(secret, ticketId, recipient));
  const given = Buffer.from(candidate.toLowerCase());
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Inbound mail without a Message-ID is stored under one made from its bytes, on this domain; never referenced. */
export const syntheticMessageIdDomain = "missing-message-id.invalid";

/** Every message about a ticket names this id in References, so mail clients group them in one thread. */
export function ticketThreadRoot(ticketId: string, domain: string): string {
  return `<ticket-${ticketId}@${domain}>`;
}

export function ticketMessageId(ticketId: string, mailId: string, domain: string): string {
  return `<ticket-${ticketId}.${mailId}@${domain}>`;
}

/** The ticket id inside one of our ticket Message-IDs (root or per message) on our own domain. */
export function ticketIdInMessageId(messageId: string, domain: string): string | undefined {
  const match = /^<ticket-([0-9a-f-]{36})(?:\.[0-9a-f-]{36})?@([^>]+)>$/i.exec(messageId.trim());
  if (!match?.[1] || match[2]?.toLowerCase() !== domain.toLowerCase()) return undefined;
  return match[1].toLowerCase();
}

/** The address part of `Name <address>` (or the whole value when it is a bare address). */
export function addressOf(mailbox: string): string {
  const match = /<([^>]+)>/.exec(mailbox);
  return (match?.[1] ?? mailbox).trim().toLowerCase();
}

/**
 * The address replies to this ticket should go to: the mailbox the ticket's
 * mail came in through, else the one for its group, else the first active
 * mailbox. None when no mailbox is set up (then there is no inbound channel).
 */
export async function mailboxAddressForTicket(
  db: Db,
  ticket: { id: string; group_id: string | null },
): Promise<string | undefined> {
  const viaMail = await db
    .selectFrom("inbound_messages")
    .innerJoin("mailboxes", "mailboxes.id", "inbound_messages.mailbox_id")
    .select("mailboxes.address")
    .where("inbound_messages.ticket_id", "=", ticket.id)
    .where("mailboxes.active", "=", 1)
    .orderBy("inbound_messages.received_at", "desc")
    .executeTakeFirst();
  if (viaMail) return viaMail.address;
  const candidates = await db
    .selectFrom("mailboxes")
    .select(["address", "group_id"])
    .where("active", "=", 1)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return (candidates.find((m) => ticket.group_id !== null && m.group_id === ticket.group_id) ?? candidates[0])?.address;
}

/**
 * Headers for a message about a ticket: In-Reply-To the customer's latest
 * mail (or the thread root), References from their first mail through the
 * root, and the signed reply address when there is a mailbox to receive it.
 */
export async function ticketMailHeaders(
  trx: Transaction<Database>,
  ticketId: string,
  domain: string,
  recipient?: string,
): Promise<Record<string, string>> {
  const ticket = await trx
    .selectFrom("tickets")
    .select(["id", "number", "group_id"])
    .where("id", "=", ticketId)
    .executeTakeFirstOrThrow();
  const inbound = await trx
    .selectFrom("inbound_messages")
    .select("message_id")
    .where("ticket_id", "=", ticketId)
    .where("status", "=", "processed")
    .where("message_id", "not like", `%@${syntheticMessageIdDomain}>`)
    .orderBy("received_at")
    .orderBy("id")
    .execute();
  const root = ticketThreadRoot(ticketId, domain);
  const first = inbound[0]?.message_id;
  const latest = inbound.at(-1)?.message_id;
  const headers: Record<string, string> = {
    "In-Reply-To": latest ?? root,
    References: [...new Set([first, latest, root].filter((id): id is string => Boolean(id)))].join(" "),
  };
  const mailbox = await mailboxAddressForTicket(trx, ticket);
  if (mailbox) {
    const address = recipient ? addressOf(recipient) : undefined;
    const staff = address ? await isStaffAddress(trx, address) : false;
    headers["Reply-To"] = replyAddress(mailbox, ticket, await replyAddressSecret(trx), staff ? address : undefined);
  }
  return headers;
}

/** An enabled agent's or admin's address: mail claiming to come from it must prove it (see `signature`). */
export async function isStaffAddress(db: Db, email: string): Promise<boolean> {
  const user = await db
    .selectFrom("users")
    .select("id")
    .where("email", "=", email.toLowerCase())
    .where("licence", "in", ["agent", "admin"])
    .where("disabled_at", "is", null)
    .executeTakeFirst();
  return user !== undefined;
}
