import type { Kysely } from "kysely";
import type { z } from "zod";
import type { InboundMessage, Mailbox, mailboxInputSchema } from "../../../common/mailboxes.ts";
import { AppError, notFound } from "../../core/errors.ts";
import { isUniqueViolation, now } from "../../db/engine.ts";
import { newId } from "../../db/ids.ts";
import type { Database, InboundStatus, Mailbox as MailboxRow } from "../../db/schema.ts";
import type { SecretBox } from "./oauth/secret-box.ts";

type ParsedInput = z.output<typeof mailboxInputSchema>;
type ParsedImap = NonNullable<ParsedInput["imap"]>;
/** The list of accepted automatic senders and the OAuth2 settings may be left out (none: a password). */
type Input = Omit<ParsedInput, "acceptAutoFrom" | "imap"> & {
  acceptAutoFrom?: string[];
  imap: (Omit<ParsedImap, "oauth"> & { oauth?: ParsedImap["oauth"] }) | null;
};

function taken(): AppError {
  return new AppError("validation_failed", "Some fields need attention.", {
    address: "Another mailbox already uses this address.",
  });
}

type OAuthSettings = NonNullable<NonNullable<Input["imap"]>["oauth"]>;

/** The OAuth2 columns for these settings; tokens are not touched here (connecting sets them). */
function oauthColumns(oauth: OAuthSettings | null | undefined, box: SecretBox | undefined) {
  if (!oauth) {
    return {
      oauth_provider: null,
      oauth_tenant: null,
      oauth_client_id: null,
      oauth_client_secret: null,
      oauth_issuer: null,
      oauth_authorization_url: null,
      oauth_token_url: null,
      oauth_scopes: null,
      smtp_oauth: 0,
    };
  }
  if (oauth.clientSecret && !box) throw new Error("Storing a client secret needs the secret box.");
  return {
    oauth_provider: oauth.provider,
    oauth_tenant: oauth.provider === "microsoft" ? (oauth.tenant ?? null) : null,
    oauth_client_id: oauth.clientId,
    ...(oauth.clientSecret && box ? { oauth_client_secret: box.seal(oauth.clientSecret) } : {}),
    oauth_issuer: oauth.provider === "oidc" ? (oauth.issuer ?? null) : null,
    oauth_authorization_url: oauth.provider === "oidc" ? (oauth.authorizationUrl ?? null) : null,
    oauth_token_url: oauth.provider === "oidc" ? (oauth.tokenUrl ?? null) : null,
    oauth_scopes: oauth.scopes || null,
    smtp_oauth: oauth.smtp ? 1 : 0,
  };
}

const disconnected = {
  oauth_refresh_token: null,
  oauth_access_token: null,
  oauth_access_expires_at: null,
  oauth_connected_at: null,
};

/** Tokens belong to one account at one provider and client: changing any of them needs connecting again. */
function sameAccount(row: MailboxRow, input: Input): boolean {
  const oauth = input.imap?.oauth;
  if (!oauth || !row.oauth_provider) return false;
  const next = oauthColumns({ ...oauth, clientSecret: undefined }, undefined);
  return (
    row.imap_user === input.imap?.user &&
    row.oauth_provider === next.oauth_provider &&
    row.oauth_tenant === next.oauth_tenant &&
    row.oauth_client_id === next.oauth_client_id &&
    row.oauth_issuer === next.oauth_issuer &&
    row.oauth_authorization_url === next.oauth_authorization_url &&
    row.oauth_token_url === next.oauth_token_url &&
    !oauth.clientSecret
  );
}

export async function createMailbox(db: Kysely<Database>, input: Input, box?: SecretBox): Promise<string> {
  const id = newId();
  const at = now();
  try {
    await db
      .insertInto("mailboxes")
      .values({
        id,
        name: input.name,
        address: input.address,
        group_id: input.groupId,
        category_id: input.categoryId,
        active: input.active ? 1 : 0,
        accept_auto_from: acceptedSendersColumn(input.acceptAutoFrom ?? []),
        imap_host: input.imap?.host ?? null,
        imap_port: input.imap?.port ?? null,
        imap_tls: input.imap?.tls === false ? 0 : 1,
        imap_user: input.imap?.user ?? null,
        imap_password: input.imap?.password || null,
        imap_folder: input.imap?.folder ?? "INBOX",
        ...oauthColumns(input.imap?.oauth, box),
        last_polled_at: null,
        last_error: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
  return id;
}

export async function updateMailbox(db: Kysely<Database>, id: string, input: Input, box?: SecretBox): Promise<void> {
  const row = await db.selectFrom("mailboxes").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound("That mailbox");
  try {
    const result = await db
      .updateTable("mailboxes")
      .set({
        name: input.name,
        address: input.address,
        group_id: input.groupId,
        category_id: input.categoryId,
        active: input.active ? 1 : 0,
        accept_auto_from: acceptedSendersColumn(input.acceptAutoFrom ?? []),
        imap_host: input.imap?.host ?? null,
        imap_port: input.imap?.port ?? null,
        imap_tls: input.imap?.tls === false ? 0 : 1,
        imap_user: input.imap?.user ?? null,
        imap_folder: input.imap?.folder ?? "INBOX",
        // An empty password field keeps the stored one; removing IMAP removes it.
        ...(input.imap === null
          ? { imap_password: null }
          : input.imap.password
            ? { imap_password: input.imap.password }
            : {}),
        ...oauthColumns(input.imap?.oauth, box),
        ...(sameAccount(row, input) ? {} : disconnected),
        updated_at: now(),
      })
      .where("id", "=", id)
      .executeTakeFirst();
    if (!result.numUpdatedRows) throw notFound("That mailbox");
  } catch (error) {
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
}

/** Stored one per line; null when there are none. */
function acceptedSendersColumn(senders: string[]): string | null {
  const unique = [...new Set(senders)];
  return unique.length ? unique.join("\n") : null;
}

/** The senders whose automatic mail this mailbox files as requests (addresses, or `@domain`). */
export function acceptedSenders(mailbox: { accept_auto_from: string | null }): string[] {
  return (mailbox.accept_auto_from ?? "").split("\n").filter(Boolean);
}

/** A sender on the mailbox's list, by address or by domain. */
export function acceptsAutomaticMailFrom(mailbox: { accept_auto_from: string | null }, address: string): boolean {
  const domain = address.slice(address.lastIndexOf("@"));
  return acceptedSenders(mailbox).some((entry) => entry === address || entry === domain);
}

/** A mailbox that has received mail keeps it: deactivate it instead. */
export async function deleteMailbox(db: Kysely<Database>, id: string): Promise<void> {
  const used = await db.selectFrom("inbound_messages").select("id").where("mailbox_id", "=", id).executeTakeFirst();
  if (used) throw new AppError("conflict", "This mailbox has received mail. Turn it off instead of deleting it.");
  const result = await db.deleteFrom("mailboxes").where("id", "=", id).executeTakeFirst();
  if (!result.numDeletedRows) throw notFound("That mailbox");
}

export async function listMailboxes(db: Kysely<Database>): Promise<Mailbox[]> {
  const rows = await db.selectFrom("mailboxes").selectAll().orderBy("address").execute();
  return rows.map((m) => ({
    id: m.id,
    name: m.name,
    address: m.address,
    groupId: m.group_id,
    categoryId: m.category_id,
    active: m.active === 1,
    acceptAutoFrom: acceptedSenders(m),
    imap:
      m.imap_host && m.imap_user
        ? {
            host: m.imap_host,
            port: m.imap_port ?? 993,
            tls: m.imap_tls === 1,
            user: m.imap_user,
            folder: m.imap_folder,
            passwordSet: m.imap_password !== null,
            oauth: m.oauth_provider
              ? {
                  provider: m.oauth_provider,
                  tenant: m.oauth_tenant,
                  clientId: m.oauth_client_id ?? "",
                  clientSecretSet: m.oauth_client_secret !== null,
                  issuer: m.oauth_issuer,
                  authorizationUrl: m.oauth_authorization_url,
                  tokenUrl: m.oauth_token_url,
                  scopes: m.oauth_scopes,
                  smtp: m.smtp_oauth === 1,
                  connectedAt: m.oauth_refresh_token ? m.oauth_connected_at : null,
                }
              : null,
          }
        : null,
    lastPolledAt: m.last_polled_at,
    lastFetchedAt: m.last_fetched_at,
    lastError: m.last_error,
    failingSince: m.failing_since,
  }));
}

/** The active mailbox an address belongs to; a plus-tagged reply address belongs to its base address. */
export async function mailboxForRecipient(db: Kysely<Database>, address: string) {
  const base = address
    .trim()
    .toLowerCase()
    .replace(/\+[^@]*@/, "@");
  return db
    .selectFrom("mailboxes")
    .select(["id", "address"])
    .where("address", "=", base)
    .where("active", "=", 1)
    .executeTakeFirst();
}

export async function listInboundMessages(db: Kysely<Database>, status: InboundStatus): Promise<InboundMessage[]> {
  const rows = await db
    .selectFrom("inbound_messages")
    .innerJoin("mailboxes", "mailboxes.id", "inbound_messages.mailbox_id")
    // A duplicate shows the sender and subject its original was filed with, and the original's request.
    .leftJoin("inbound_messages as original", "original.id", "inbound_messages.duplicate_of")
    .leftJoin("tickets", (join) =>
      join.on((eb) => eb("tickets.id", "=", eb.fn.coalesce("inbound_messages.ticket_id", "original.ticket_id"))),
    )
    .select((eb) => [
      "inbound_messages.id",
      "mailboxes.address as mailbox",
      "inbound_messages.status",
      "inbound_messages.reason",
      "inbound_messages.detail",
      eb.fn.coalesce("inbound_messages.from_address", "original.from_address").as("from_address"),
      eb.fn.coalesce("inbound_messages.subject", "original.subject").as("subject"),
      "inbound_messages.message_id",
      "tickets.number",
      "inbound_messages.size",
      "inbound_messages.received_at",
      "inbound_messages.duplicate_of",
    ])
    .where("inbound_messages.status", "=", status)
    .orderBy("inbound_messages.received_at", "desc")
    .orderBy("inbound_messages.id", "desc")
    .limit(200)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    mailbox: r.mailbox,
    status: r.status,
    reason: r.reason,
    detail: r.detail,
    from: r.from_address,
    subject: r.subject,
    messageId: r.message_id,
    ticketNumber: r.number,
    size: r.size,
    receivedAt: r.received_at,
    duplicateOf: r.duplicate_of,
  }));
}

export async function rawInboundMessage(db: Kysely<Database>, id: string): Promise<Buffer> {
  const row = await db.selectFrom("inbound_messages").select("raw").where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound("That message");
  return Buffer.from(row.raw);
}
