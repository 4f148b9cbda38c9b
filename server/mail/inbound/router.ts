/**
 * Decides what an inbound message becomes, in this order: dropped (loops,
 * auto-replies, bounces, lists), held for review (no sender, too many from
 * one sender, a stranger answering a ticket's thread), a reply appended to
 * its ticket, or a new ticket. A message that cannot be read or fails while
 * being filed is quarantined with the error, raw bytes kept, so it never
 * blocks the messages behind it and an admin can run it again.
 */
import { createHash, randomUUID } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Kysely, Transaction } from "kysely";
import { ccSchema, ticketCcLimit } from "../../../common/conversation.ts";
import { cleanStrings, cutText } from "../../../common/text.ts";
import { subjectMaxLength } from "../../../common/tickets.ts";
import { toSessionUser } from "../../accounts/queries.ts";
import { hit } from "../../accounts/rate-limit.ts";
import type { Actor } from "../../core/actor.ts";
import type { AppContext } from "../../core/context.ts";
import { AppError } from "../../core/errors.ts";
import { newId } from "../../db/ids.ts";
import type { Database, Mailbox } from "../../db/schema.ts";
import { mailHtmlBounded, roughTextOfHtml } from "../../html/bounded-html.ts";
import { recipientTranslator } from "../../i18n/recipient.ts";
import { cleanFileName } from "../../tickets/attachments/file-names.ts";
import type { UploadedFile } from "../../tickets/attachments/uploads.ts";
import { addComment } from "../../tickets/commands/add-comment.ts";
import { submitTicket, uploadTempDir } from "../../tickets/commands/submit-ticket.ts";
import { type ReactionContext, recordEvent } from "../../tickets/events.ts";
import { messageIdDomain, queueMail } from "../outbox.ts";
import { mailTooLarge } from "../templates/mail-too-large.ts";
import {
  addressOf,
  isStaffAddress,
  parseReplyAddress,
  replyAddressSecret,
  ticketIdInMessageId,
  verifyReplySignature,
} from "../threading.ts";
import type { InlinePart } from "./body.ts";
import { acceptsAutomaticMailFrom } from "./mailboxes.ts";
import { header, type InboundMail, parseInbound } from "./parse.ts";
import { acceptableAutomatic, classify, spamFlag } from "./protection.ts";
import { settleInbound } from "./store.ts";
import { newRequestSubject, ticketNumberInSubject, trimReply, trimSignature } from "./trim.ts";

type Context = Pick<AppContext, "db" | "config">;

/** How a message is being filed: `automatic` names the auto-generated marker of mail from an accepted sender. */
type Filing = { automatic: string | undefined };

/** How many "we received your request" mails one sender gets per hour; past that, requests are filed silently. */
export const confirmationLimit = { max: 5, windowMs: 60 * 60 * 1000 };

/** How many messages one sender may have filed per hour before the rest wait for review. */
export const inboundSenderLimit = { max: 20, windowMs: 60 * 60 * 1000 };

type TicketMatch = {
  ticket: {
    id: string;
    number: number;
    requester_email: string;
    requester_name: string;
    requester_id: string | null;
    merged_into_id: string | null;
  };
  /** A signed reply address or one of our Message-IDs is strong; a number in the subject is weak. */
  via: "reply_address" | "references" | "subject";
  /** The sender answered through a reply address signed for them alone: the only proof of an agent's identity. */
  senderVerified?: boolean;
};

const stripTag = (address: string) => address.replace(/\+[^@]*@/, "@");

async function ourAddresses(db: Kysely<Database>, mailFrom: string): Promise<string[]> {
  const mailboxes = await db.selectFrom("mailboxes").select("address").execute();
  return [...mailboxes.map((m) => m.address.toLowerCase()), addressOf(mailFrom)];
}

/**
 * A ticket by id or number, with no one's scope applied: mail is matched to its thread first, and only then
 * is the sender checked against the ticket (`isOnTicket`, then the comment command's own policy).
 */
async function findTicketUnscoped(db: Kysely<Database>, where: { id: string } | { number: number }) {
  // A deleted ticket has no thread any more: a reply to it is routed like new mail.
  let query = db
    .selectFrom("tickets")
    .select(["id", "number", "requester_email", "requester_name", "requester_id", "merged_into_id"])
    .where("deleted_at", "is", null);
  if ("id" in where) query = query.where("id", "=", where.id);
  else query = query.where("number", "=", where.number);
  return query.executeTakeFirst();
}

async function findThread(ctx: Context, mail: InboundMail): Promise<TicketMatch | undefined> {
  const { db, config } = ctx;
  // 1. The signed reply address we sent the ticket's mail with.
  const recipients = [
    ...mail.to.map((a) => a.address),
    ...mail.cc.map((a) => a.address),
    ...["delivered-to", "x-original-to"].flatMap((name) => mail.headers.get(name) ?? []).map(addressOf),
  ];
  const secret = await replyAddressSecret(db);
  for (const address of recipients) {
    const tag = parseReplyAddress(address);
    if (!tag) continue;
    const ticket = await findTicketUnscoped(db, { number: tag.number });
    if (!ticket) continue;
    if (verifyReplySignature(secret, ticket.id, tag.signature)) return { ticket, via: "reply_address" };
    const sender = mail.from?.address;
    if (sender && verifyReplySignature(secret, ticket.id, tag.signature, sender)) {
      return { ticket, via: "reply_address", senderVerified: true };
    }
  }
  // 2. In-Reply-To and References: our ticket Message-IDs, or earlier mail filed into a ticket. Nearest first
  // (In-Reply-To, then References from the newest): a chain can run through a closed request into its follow-up.
  const ids = [...new Set([...mail.inReplyTo, ...mail.references.toReversed()])].slice(0, 50);
  const domain = messageIdDomain(config.baseUrl);
  const filed = new Map<string, string>();
  if (ids.length > 0) {
    const sent = await db
      .selectFrom("mail_messages")
      .select(["message_id", "ticket_id"])
      .where("message_id", "in", ids)
      .where("ticket_id", "is not", null)
      .orderBy("created_at")
      .execute();
    const received = await db
      .selectFrom("inbound_messages")
      .select(["message_id", "ticket_id"])
      .where("message_id", "in", ids)
      .where("ticket_id", "is not", null)
      .orderBy("received_at")
      .execute();
    // Our own mail first; of a Message-ID filed more than once (mailers reuse them), the first filing.
    for (const r of [...sent, ...received]) {
      if (r.ticket_id && !filed.has(r.message_id)) filed.set(r.message_id, r.ticket_id);
    }
  }
  for (const id of ids) {
    const ticketId = ticketIdInMessageId(id, domain) ?? filed.get(id);
    const ticket = ticketId ? await findTicketUnscoped(db, { id: ticketId }) : undefined;
    if (ticket) return { ticket, via: "references" };
  }
  // 3. The ticket number in the subject.
  const number = ticketNumberInSubject(mail.subject);
  const ticket = number !== undefined ? await findTicketUnscoped(db, { number }) : undefined;
  return ticket ? { ticket, via: "subject" } : undefined;
}

/**
 * The request a merged one continues in, for a sender who is on it (the merge copied the duplicate's people
 * there, unless its CCs were full): a reply to the duplicate belongs there, not in a follow-up of it.
 */
async function followMerges(
  db: Kysely<Database>,
  ticket: TicketMatch["ticket"],
  sender: string,
): Promise<TicketMatch["ticket"]> {
  let current = ticket;
  // Merges can chain (a ticket merged into one that was merged on later), never loop; a few hops at most.
  for (let hop = 0; hop < 5 && current.merged_into_id; hop++) {
    const into = await findTicketUnscoped(db, { id: current.merged_into_id });
    if (!into || !(await isOnTicket(db, into, sender))) break;
    current = into;
  }
  return current;
}

/** The requester, someone copied on the ticket, or one of our agents. */
async function isOnTicket(db: Kysely<Database>, ticket: TicketMatch["ticket"], email: string): Promise<boolean> {
  if (ticket.requester_email.toLowerCase() === email) return true;
  const cc = await db
    .selectFrom("ticket_ccs")
    .select("email")
    .where("ticket_id", "=", ticket.id)
    .where("email", "=", email)
    .executeTakeFirst();
  if (cc) return true;
  const agent = await db
    .selectFrom("users")
    .select("id")
    .where("email", "=", email)
    .where("licence", "in", ["agent", "admin"])
    .where("disabled_at", "is", null)
    .executeTakeFirst();
  return agent !== undefined;
}

async function isDisabledAccount(db: Kysely<Database>, email: string): Promise<boolean> {
  const user = await db
    .selectFrom("users")
    .select("id")
    .where("email", "=", email)
    .where("disabled_at", "is not", null)
    .executeTakeFirst();
  return user !== undefined;
}

async function accountFor(db: Kysely<Database>, email: string) {
  const user = await db
    .selectFrom("users")
    .select(["id", "email", "name", "licence"])
    .where("email", "=", email)
    .where("disabled_at", "is", null)
    .where("email_confirmed_at", "is not", null)
    .executeTakeFirst();
  return user ? toSessionUser(db, user) : undefined;
}

/**
 * Attachment parts as temporary files, measured and hashed like browser
 * uploads. Parts with a Content-ID get their attachment id now, so the HTML
 * that shows them inline can point at it (`inline`: Content-ID → id).
 */
async function writeUploads(
  ctx: Context,
  mail: InboundMail,
): Promise<{ uploads: UploadedFile[]; inline: Map<string, InlinePart> }> {
  const dir = uploadTempDir(ctx.config);
  await mkdir(dir, { recursive: true });
  const uploads: UploadedFile[] = [];
  const inline = new Map<string, InlinePart>();
  for (const attachment of mail.attachments) {
    const tempFile = path.join(dir, `${randomUUID()}.upload`);
    // Synced before the ticket naming it is saved (storage.ts, renameDurably).
    await writeFile(tempFile, attachment.content, { flush: true });
    const id = newId();
    const fileName = cleanFileName(attachment.fileName);
    if (attachment.contentId && !inline.has(attachment.contentId)) inline.set(attachment.contentId, { id, fileName });
    uploads.push({
      id,
      tempFile,
      fileName,
      contentType: attachment.contentType,
      size: attachment.content.length,
      sha256: createHash("sha256").update(attachment.content).digest("hex"),
    });
  }
  return { uploads, inline };
}

type NewTicketMessage = {
  message: string;
  messageFormat: "text" | "html";
  /** Why the HTML was not kept (too large or too complex to sanitise within the budget), for the inbound queue. */
  htmlRefused?: string;
};

/**
 * The request as first shown: the mail's sanitised HTML (inline images
 * pointing at their attachments) when it has any, its text otherwise. No
 * character cap: the mail size limit bounds it, and a mail with content
 * never becomes an empty request. The HTML is sanitised off the event loop
 * within a size cap and time budget; refused HTML falls back to the text.
 */
async function newTicketMessage(mail: InboundMail, inline: ReadonlyMap<string, InlinePart>): Promise<NewTicketMessage> {
  let htmlRefused: string | undefined;
  let fallback = "";
  if (mail.html) {
    const sanitized = await mailHtmlBounded(mail.html, inline);
    if (!sanitized.ok) {
      htmlRefused = `${sanitized.message} It is shown as plain text.`;
      fallback = roughTextOfHtml(mail.html, mail.html.length);
    } else {
      const { html, text } = sanitized.value;
      if (text) return { message: html, messageFormat: "html" };
      if (html.includes("<img"))
        return { message: `<p>(The message has only images.)</p>${html}`, messageFormat: "html" };
    }
  }
  const text = trimSignature(mail.text) || fallback;
  return {
    message: text || "(The message has no text.)",
    messageFormat: "text",
    ...(htmlRefused ? { htmlRefused } : {}),
  };
}

async function createTicketFromMail(
  ctx: Context,
  inboundId: string,
  mail: InboundMail,
  mailbox: Mailbox,
  own: string[],
  filing: Filing,
  followUpOf?: { id: string; number: number },
): Promise<void> {
  const { db } = ctx;
  const from = mail.from;
  if (!from) throw new Error("A message without a sender cannot open a ticket.");
  // Machines are never answered; people get at most a few confirmations an hour (backscatter to forged senders).
  const confirm =
    filing.automatic === undefined && (await hit(db, `inbound-confirm:${from.address}`, confirmationLimit, new Date()));
  const notes = [
    followUpOf ? `#${followUpOf.number} was closed, so this opened a follow-up.` : undefined,
    filing.automatic ? `Automatic mail (${filing.automatic}) from an accepted sender.` : undefined,
    confirm ? undefined : "No confirmation was sent.",
  ].filter(Boolean);
  const account = await accountFor(db, from.address);
  const actor: Actor = account
    ? { kind: "user", user: account, sessionId: null, csrfToken: null }
    : { kind: "anonymous" };
  const category =
    mailbox.category_id ??
    (await db.selectFrom("categories").select("id").orderBy("position").executeTakeFirstOrThrow()).id;
  const { uploads, inline } = await writeUploads(ctx, mail);
  const { htmlRefused, ...message } = await newTicketMessage(mail, inline);
  if (htmlRefused) notes.push(htmlRefused);
  const others = [...new Set([...mail.to, ...mail.cc].map((a) => a.address))].filter(
    (a) => a !== from.address && !own.includes(stripTag(a)),
  );
  // Copied as the portal copies: valid addresses only (not an address literal such as x@[10.0.0.5]), at most 20.
  const ccs = others.filter((email) => ccSchema.safeParse({ email }).success).slice(0, ticketCcLimit);
  if (ccs.length < others.length) {
    notes.push(
      `${others.length - ccs.length} of the mail's other recipients were not copied: a ticket has at most ${ticketCcLimit} CCs, each a valid address.`,
    );
  }
  try {
    await submitTicket(
      ctx,
      actor,
      {
        subject: cutText(newRequestSubject(mail.subject) || "(no subject)", subjectMaxLength),
        priority: "medium",
        categoryId: category,
        ...message,
        name: cutText(from.name || from.address.split("@")[0] || from.address, 120),
        email: from.address,
        fields: {},
      },
      uploads,
      followUpOf,
      {
        channel: "email",
        confirm,
        // Before "created": triggers see the mailbox's group, and the confirmation threads under this message.
        within: async (trx, ticket) => {
          if (mailbox.group_id) {
            await trx.updateTable("tickets").set({ group_id: mailbox.group_id }).where("id", "=", ticket.id).execute();
          }
          await settleOrRollBack(trx, inboundId, {
            status: "processed",
            reason: followUpOf ? "follow_up" : "new_ticket",
            detail: notes.length ? notes.join(" ") : null,
            ticketId: ticket.id,
            from: from.address,
            subject: mail.subject,
          });
        },
        afterCreated: async (trx, ticket) => {
          for (const email of ccs) {
            await copyFromMail(trx, ctx, ticket.id, email, from.name || from.address);
          }
        },
      },
    );
  } finally {
    await Promise.all(uploads.map((u) => rm(u.tempFile, { force: true })));
  }
}

/** The mail's other recipients are copied on the ticket it opened (not `addCc`: no policy, the mail decided). */
async function copyFromMail(
  trx: Transaction<Database>,
  ctx: ReactionContext,
  ticketId: string,
  email: string,
  by: string,
): Promise<void> {
  const at = new Date().toISOString();
  await trx
    .insertInto("ticket_ccs")
    .values({ ticket_id: ticketId, email, added_by_name: by, created_at: at })
    .onConflict((oc) => oc.columns(["ticket_id", "email"]).doNothing())
    .execute();
  await recordEvent(trx, ctx, {
    ticketId,
    type: "cc_added",
    actor: { id: null, name: by },
    visibility: "public",
    payload: { email, channel: "email" },
    at,
  });
}

class AlreadySettled extends Error {}

async function settleOrRollBack(trx: Transaction<Database>, id: string, outcome: Parameters<typeof settleInbound>[2]) {
  // Another worker filed this message first: undo ours so it exists once.
  if (!(await settleInbound(trx, id, outcome))) throw new AlreadySettled();
}

async function appendReply(
  ctx: Context,
  inboundId: string,
  mail: InboundMail,
  match: TicketMatch,
  sender: string,
): Promise<void> {
  const { db } = ctx;
  const account = await accountFor(db, sender);
  const ownOrCopied =
    account &&
    (account.licence !== "customer" ||
      match.ticket.requester_id === account.id ||
      (await db
        .selectFrom("ticket_ccs")
        .select("email")
        .where("ticket_id", "=", match.ticket.id)
        .where("email", "=", sender)
        .executeTakeFirst()) !== undefined);
  // People without an account (or whose account does not reach this ticket) answer as the ticket's guest.
  const actor: Actor =
    account && ownOrCopied
      ? { kind: "user", user: account, sessionId: null, csrfToken: null }
      : {
          kind: "guest",
          ticketId: match.ticket.id,
          ticketNumber: match.ticket.number,
          email: sender,
          name: match.ticket.requester_email.toLowerCase() === sender ? match.ticket.requester_name : sender,
          sessionId: "",
          csrfToken: "",
        };
  const body = trimReply(mail.text) || "(The reply has no text.)";
  const { uploads } = await writeUploads(ctx, mail);
  try {
    // addComment stores the files with the reply (and removes them again if it fails).
    await addComment(ctx, actor, match.ticket.number, { kind: "public", format: "text", body }, uploads, {
      channel: "email",
      within: async (trx, ticket) => {
        await settleOrRollBack(trx, inboundId, {
          status: "processed",
          reason: "reply",
          detail: `Matched by ${match.via.replace("_", " ")}.`,
          ticketId: ticket.id,
          from: sender,
          subject: mail.subject,
        });
      },
    });
  } finally {
    await Promise.all(uploads.map((u) => rm(u.tempFile, { force: true })));
  }
}

/** route: the normal path; new_ticket: an admin decided; too_large: only the headers were taken, tell the sender. */
export type ProcessMode = "route" | "new_ticket" | "too_large";

/** Files one stored message. Idempotent: a message that is no longer "received" is left alone. */
export async function processInbound(ctx: Context, inboundId: string, mode: ProcessMode = "route"): Promise<void> {
  const { db, config } = ctx;
  const row = await db.selectFrom("inbound_messages").selectAll().where("id", "=", inboundId).executeTakeFirst();
  if (row?.status !== "received") return;
  let mailbox = await db.selectFrom("mailboxes").selectAll().where("id", "=", row.mailbox_id).executeTakeFirstOrThrow();

  let mail: InboundMail;
  try {
    // Header and body text can hold anything (a NUL in the Subject); normalised before it goes anywhere.
    mail = cleanStrings(await parseInbound(Buffer.from(row.raw)));
  } catch (error) {
    await settleInbound(db, row.id, { status: "quarantined", reason: "unreadable", detail: errorText(error) });
    return;
  }
  const from = mail.from?.address;
  const facts = { from: from ?? null, subject: mail.subject };

  try {
    const own = await ourAddresses(db, config.mailFrom);
    const ownMessageId =
      mail.messageId !== undefined &&
      (await db
        .selectFrom("mail_messages")
        .select("id")
        .where("message_id", "=", mail.messageId)
        .executeTakeFirst()) !== undefined;
    const verdict = classify(mail, {
      envelopeFrom: row.envelope_from,
      ownAddresses: own,
      ownMessageId,
    });
    // Automatic mail from a sender the mailbox accepts (a monitoring system) is filed, never answered: by
    // this mailbox, or by another the same message also came to that accepts it (its copy is a duplicate).
    const accepting =
      verdict && from && acceptableAutomatic.includes(verdict.reason)
        ? await mailboxAcceptingAutomatic(db, row, mailbox, from)
        : undefined;
    const automatic = accepting ? verdict : undefined;
    if (accepting) mailbox = accepting;
    if (verdict && !automatic) {
      await settleInbound(db, row.id, { status: "ignored", reason: verdict.reason, detail: verdict.detail, ...facts });
      return;
    }
    const spam = spamFlag(mail);
    if (spam && mode === "route") {
      await settleInbound(db, row.id, {
        status: "review",
        reason: "spam",
        detail: `The mail server marked it as spam (${spam}); nobody was answered.`,
        ...facts,
      });
      return;
    }
    if (mode === "too_large") {
      await refuseTooLarge(ctx, row.id, mail, mailbox, from);
      return;
    }
    if (mail.fromProblem) {
      await settleInbound(db, row.id, {
        status: "review",
        reason: "invalid_sender",
        detail: mail.fromProblem,
        ...facts,
        from: header(mail, "from")?.slice(0, 200) ?? null,
      });
      return;
    }
    if (!from) {
      await settleInbound(db, row.id, {
        status: "review",
        reason: "no_sender",
        detail: "The message has no sender address to answer.",
        ...facts,
      });
      return;
    }
    // The portal refuses a disabled account every write; its address must not go on writing by mail (as a
    // guest, since its account no longer counts). An admin may still file the message from the review queue.
    if (mode === "route" && (await isDisabledAccount(db, from))) {
      await settleInbound(db, row.id, {
        status: "review",
        reason: "sender_disabled",
        detail: `From ${from}, whose account an admin has disabled: nothing was filed and nobody was answered.`,
        ...facts,
      });
      return;
    }
    if (
      mode === "route" &&
      !automatic &&
      config.rateLimiting &&
      !(await hit(db, `inbound:${from}`, inboundSenderLimit, new Date()))
    ) {
      await settleInbound(db, row.id, {
        status: "review",
        reason: "rate_limited",
        detail: `More than ${inboundSenderLimit.max} messages from this sender in an hour.`,
        ...facts,
      });
      return;
    }
    const filing: Filing = { automatic: automatic?.detail };
    if (mode === "new_ticket") {
      await createTicketFromMail(ctx, row.id, mail, mailbox, own, filing);
      return;
    }
    const found = await findThread(ctx, mail);
    const match = found && { ...found, ticket: await followMerges(db, found.ticket, from) };
    // A From header is easy to forge: mail speaking as one of our agents must come through their own reply address.
    if (!match?.senderVerified && (await isStaffAddress(db, from))) {
      await settleInbound(db, row.id, {
        status: "review",
        reason: "staff_unverified",
        detail: `From the address of an agent (${from}), but not a reply to that agent's own signed reply address, so the sender is not proven.`,
        ...facts,
      });
      return;
    }
    if (match && (await isOnTicket(db, match.ticket, from))) {
      try {
        await appendReply(ctx, row.id, mail, match, from);
      } catch (error) {
        // Closed (or solved past the reopen window): the customer gets a follow-up ticket, as on the portal.
        if (!(error instanceof AppError && error.code === "conflict")) throw error;
        await createTicketFromMail(ctx, row.id, mail, mailbox, own, filing, match.ticket);
      }
      return;
    }
    if (match && match.via !== "subject") {
      await settleInbound(db, row.id, {
        status: "review",
        reason: "sender_not_on_ticket",
        detail: `Answers #${match.ticket.number}, but ${from} is not on that ticket.`,
        ...facts,
      });
      return;
    }
    // No thread, or only a number in the subject from someone who is not on that ticket: a new request.
    await createTicketFromMail(ctx, row.id, mail, mailbox, own, filing);
  } catch (error) {
    if (error instanceof AlreadySettled) return;
    await settleInbound(db, row.id, { status: "quarantined", reason: "failed", detail: errorText(error), ...facts });
  }
}

/** This mailbox when it accepts automatic mail from the sender, else another active one this message's copies came to. */
async function mailboxAcceptingAutomatic(
  db: Kysely<Database>,
  row: { id: string; mailbox_id: string },
  mailbox: Mailbox,
  from: string,
): Promise<Mailbox | undefined> {
  if (acceptsAutomaticMailFrom(mailbox, from)) return mailbox;
  const others = await db
    .selectFrom("mailboxes")
    .selectAll()
    .where("active", "=", 1)
    .where("id", "in", (eb) =>
      eb
        .selectFrom("inbound_messages")
        .select("mailbox_id")
        .where("duplicate_of", "=", row.id)
        .where("mailbox_id", "!=", row.mailbox_id),
    )
    .orderBy("address")
    .execute();
  return others.find((other) => acceptsAutomaticMailFrom(other, from));
}

/** Tells the sender their message was too large, in the same transaction that settles it (so once). */
async function refuseTooLarge(
  ctx: Context,
  inboundId: string,
  mail: InboundMail,
  mailbox: Mailbox,
  from: string | undefined,
): Promise<void> {
  const { db, config } = ctx;
  await db.transaction().execute(async (trx) => {
    await settleOrRollBack(trx, inboundId, {
      status: "ignored",
      reason: "too_large",
      detail: from
        ? `Larger than ${megabytes(config.inboundMaxBytes)} MB; the sender was told.`
        : "Larger than the limit.",
      from: from ?? null,
      subject: mail.subject,
    });
    if (!from) return;
    await queueMail(
      trx,
      {
        template: "mail-too-large",
        to: from,
        content: mailTooLarge(await recipientTranslator(trx, from), {
          subject: mail.subject,
          address: mailbox.address,
          maxMegabytes: megabytes(config.inboundMaxBytes),
        }),
        headers: mail.messageId ? { "In-Reply-To": mail.messageId, References: mail.messageId } : {},
      },
      { baseUrl: config.baseUrl, at: new Date().toISOString() },
    );
  });
}

const megabytes = (bytes: number) => Math.round(bytes / (1024 * 1024));

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 2000);
}
