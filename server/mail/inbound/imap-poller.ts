import type { FastifyBaseLogger } from "fastify";
import { ImapFlow } from "imapflow";
import type { Kysely } from "kysely";
import { type Clock, systemClock } from "../../clock.ts";
import type { Database, Mailbox } from "../../db/schema.ts";
import { recordPollOutcome } from "./mailbox-health.ts";
import type { SecretBox } from "./oauth/secret-box.ts";
import { accessTokenFor } from "./oauth/tokens.ts";
import { type Received, storeInbound } from "./store.ts";
import { forgetStoreFailure, rawHash, recordStoreFailure, storeAttempts, storeFailures } from "./store-failures.ts";

/** Set on a message once it is stored; the poller only fetches messages without it. */
export const storedKeyword = "$SwitchboardStored";

export type PollResult = {
  stored: number;
  duplicates: number;
  tooLarge: number;
  /** The errors of messages that could not be stored this time; they are tried again on the next poll. */
  notStored: string[];
  /** Messages that could not be stored at their last try, kept as quarantined inbound messages. */
  quarantined: number;
};

export type PollOptions = {
  maxBytes: number;
  /** For a mailbox that signs in with OAuth2: the current access token (XOAUTH2 / OAUTHBEARER). */
  accessToken?: string;
  /** Called between storing a message and flagging it (tests use it to crash there). */
  afterStore?: (uid: number) => Promise<void>;
  /** How long the server may stay silent while we wait for an answer (tests shorten it). */
  socketTimeoutMs?: number;
};

/**
 * imapflow waits 90 s for a connection and 5 minutes of silence on it by default; polls run one mailbox
 * after another, so a hung server would hold up every other mailbox that long.
 */
export const imapTimeouts = { connectionMs: 20_000, greetingMs: 16_000, socketMs: 60_000 };

/** The Return-Path, for recognising bounces: `<>` is the null sender every bounce uses. */
function returnPath(raw: Buffer): string | null {
  const head = raw.subarray(0, 64 * 1024).toString("latin1");
  const end = head.search(/\r?\n\r?\n/);
  const match = /^return-path:\s*<([^>]*)>/im.exec(end >= 0 ? head.slice(0, end) : head);
  return match ? (match[1] ?? "") : null;
}

/**
 * One pass over a mailbox's folder. Each message without our keyword is
 * stored (the commit is the acknowledgement) and only then flagged; a crash
 * in between leaves it unflagged, and the next pass finds it already stored
 * (same Message-ID) and just flags it. Two pollers at once store it once.
 * Messages over the size limit are never downloaded: their headers are
 * stored so the sender is told once, and they stay (unread) in the folder.
 * A message that cannot be stored is passed over, tried again on the next
 * polls and then quarantined (store-failures.ts); a connection that fails
 * ends the poll, with nothing marked.
 */
export async function pollMailbox(db: Kysely<Database>, mailbox: Mailbox, options: PollOptions): Promise<PollResult> {
  if (!mailbox.imap_host || !mailbox.imap_user) throw new Error("This mailbox has no IMAP account.");
  const client = new ImapFlow({
    host: mailbox.imap_host,
    port: mailbox.imap_port ?? (mailbox.imap_tls ? 993 : 143),
    secure: mailbox.imap_tls === 1,
    auth: options.accessToken
      ? { user: mailbox.imap_user, accessToken: options.accessToken }
      : { user: mailbox.imap_user, pass: mailbox.imap_password ?? "" },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: imapTimeouts.connectionMs,
    greetingTimeout: imapTimeouts.greetingMs,
    socketTimeout: options.socketTimeoutMs ?? imapTimeouts.socketMs,
  });
  // After connecting, imapflow reports a lost connection (a reset, a server going silent) as an 'error' event,
  // and an event nobody listens for is thrown: it took the whole server down. The command waiting on the
  // connection fails too; the event keeps the cause, which says more than "Connection not available".
  let connectionError: Error | undefined;
  client.on("error", (error: Error) => {
    connectionError ??= error;
  });
  const result: PollResult = { stored: 0, duplicates: 0, tooLarge: 0, notStored: [], quarantined: 0 };
  await client.connect();
  try {
    const lock = await client.getMailboxLock(mailbox.imap_folder);
    try {
      const failures = await storeFailures(db, mailbox.id);
      /**
       * Stores one message, then flags it. Storing touches only the database, so whatever it throws is this
       * message's fault, not the connection's: the poll goes past it (see store-failures.ts). Only a message
       * that is stored, or quarantined after its last try, is flagged; one still being tried stays unflagged.
       */
      const keep = async (uid: number, received: Received, flags: string[]): Promise<"stored" | "duplicate" | null> => {
        const hash = rawHash(received.raw);
        const failed = failures.get(hash);
        // Quarantined, but the flag was lost (a crash between the two): it is kept already, never twice.
        if (failed?.quarantinedId) {
          await client.messageFlagsAdd(String(uid), [storedKeyword], { uid: true });
          return null;
        }
        let stored: Awaited<ReturnType<typeof storeInbound>>;
        try {
          stored = await storeInbound(db, received);
        } catch (error) {
          const failure = await recordStoreFailure(db, received, hash, error).catch(() => {
            // The database refuses even to count the try (it is down, the disk is full): not this message's fault.
            throw error;
          });
          if (!failure.quarantinedId) {
            result.notStored.push(error instanceof Error ? error.message : String(error));
            return null;
          }
          result.quarantined += 1;
          // Left unread in the folder: it was not filed.
          await client.messageFlagsAdd(String(uid), [storedKeyword], { uid: true });
          return null;
        }
        if (failed) await forgetStoreFailure(db, mailbox.id, hash);
        await options.afterStore?.(uid);
        await client.messageFlagsAdd(String(uid), flags, { uid: true });
        return stored.duplicate ? "duplicate" : "stored";
      };
      const uids = (await client.search({ unKeyword: storedKeyword }, { uid: true })) || [];
      for (const uid of uids) {
        const sized = await client.fetchOne(String(uid), { size: true }, { uid: true });
        if (!sized) continue;
        if ((sized.size ?? 0) > options.maxBytes) {
          // Only the headers come down: enough to tell the sender, once. The message stays in the folder.
          const head = await client.fetchOne(String(uid), { headers: true }, { uid: true });
          const headers = head ? head.headers : undefined;
          if (!headers) continue;
          const kept = await keep(
            uid,
            {
              mailboxId: mailbox.id,
              raw: headers,
              source: "imap",
              envelopeFrom: returnPath(headers),
              tooLarge: { size: sized.size ?? 0 },
            },
            [storedKeyword],
          );
          if (kept) result.tooLarge += 1;
          continue;
        }
        const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
        const raw = message ? message.source : undefined;
        if (!raw) continue;
        const kept = await keep(uid, { mailboxId: mailbox.id, raw, source: "imap", envelopeFrom: returnPath(raw) }, [
          storedKeyword,
          "\\Seen",
        ]);
        if (kept === "duplicate") result.duplicates += 1;
        else if (kept === "stored") result.stored += 1;
      }
    } finally {
      lock.release();
    }
  } catch (error) {
    throw connectionError ?? error;
  } finally {
    await client.logout().catch(() => client.close());
  }
  return result;
}

export type ImapPoller = { pollAll(): Promise<void>; start(): void; stop(): Promise<void> };

/**
 * Polls every active mailbox with an IMAP account, one after another, every `intervalMs`. An OAuth2 mailbox
 * gets a current access token first (refreshed before it expires). Each outcome is recorded: the last
 * successful fetch, the last error, and the start of a failure episode, when admins are told.
 */
export function createImapPoller(
  db: Kysely<Database>,
  options: {
    intervalMs: number;
    maxBytes: number;
    box: SecretBox;
    baseUrl: string;
    clock?: Clock;
    logger?: FastifyBaseLogger | undefined;
    socketTimeoutMs?: number;
  },
): ImapPoller {
  const clock = options.clock ?? systemClock;
  const connection = {
    maxBytes: options.maxBytes,
    ...(options.socketTimeoutMs ? { socketTimeoutMs: options.socketTimeoutMs } : {}),
  };
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  /**
   * An OAuth2 mailbox signs in with a current access token. When the server refuses one that has not expired
   * (revoked early, rights changed), a fresh one is fetched once: a refusal then names the provider's reason.
   */
  async function pollOnce(mailbox: Mailbox): Promise<PollResult> {
    if (!mailbox.oauth_provider) return pollMailbox(db, mailbox, connection);
    const accessToken = await accessTokenFor(db, options.box, mailbox, clock);
    try {
      return await pollMailbox(db, mailbox, { ...connection, accessToken });
    } catch (error) {
      if (!(error as ImapFlowError).authenticationFailed) throw error;
      const fresh = await accessTokenFor(db, options.box, mailbox, clock, { force: true });
      return pollMailbox(db, mailbox, { ...connection, accessToken: fresh });
    }
  }

  async function pollAll(): Promise<void> {
    const mailboxes = await db
      .selectFrom("mailboxes")
      .selectAll()
      .where("active", "=", 1)
      .where("imap_host", "is not", null)
      .execute();
    for (const mailbox of mailboxes) {
      // Not connected yet, or its grant was refused: nothing to try until an admin connects it, and the
      // refusal's reason stays on the mailbox.
      if (mailbox.oauth_provider && !mailbox.oauth_refresh_token) continue;
      let outcome: Parameters<typeof recordPollOutcome>[2];
      try {
        const result = await pollOnce(mailbox);
        outcome = { ok: true, note: pollNote(result, mailbox.imap_folder) };
      } catch (error) {
        outcome = { ok: false, error: describeFailure(error) };
        options.logger?.warn({ err: error, mailbox: mailbox.address }, "IMAP poll failed");
      }
      await recordPollOutcome(db, mailbox.id, outcome, { baseUrl: options.baseUrl, at: clock().toISOString() });
    }
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      running = pollAll()
        .catch((error: unknown) => options.logger?.error({ err: error }, "IMAP polling failed"))
        .finally(() => {
          running = undefined;
          schedule();
        });
    }, options.intervalMs);
  }

  return {
    pollAll,
    start() {
      stopped = false;
      schedule();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

/**
 * What an admin should know after a poll that worked: shown on the mailbox (Admin → Mailboxes) until the next
 * poll. Mail that could not be stored is named here while it is tried again, and where it went after that.
 */
function pollNote(result: PollResult, folder: string): string | null {
  const notes: string[] = [];
  if (result.tooLarge > 0) {
    notes.push(`${result.tooLarge} message(s) larger than the limit were left in ${folder}; their senders were told.`);
  }
  if (result.notStored.length > 0) {
    notes.push(
      `${result.notStored.length} message(s) in ${folder} could not be stored and will be tried again (after ${storeAttempts} tries they are quarantined): ${result.notStored[0]}`,
    );
  }
  if (result.quarantined > 0) {
    notes.push(
      `${result.quarantined} message(s) in ${folder} could not be stored after ${storeAttempts} tries; they are quarantined under Inbound mail.`,
    );
  }
  return notes.length > 0 ? notes.join(" ") : null;
}

type ImapFlowError = Error & { authenticationFailed?: boolean; responseText?: string };

/** A sentence an admin can act on: imapflow says only "Command failed" when the sign-in is refused. */
function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const imap: ImapFlowError = error;
  if (!imap.authenticationFailed) return error.message;
  return `The IMAP server refused the sign-in${imap.responseText ? `: ${imap.responseText}` : ""}.`;
}
