import { createHash } from "node:crypto";
import { type AddressObject, simpleParser } from "mailparser";
import { syntheticMessageIdDomain } from "../threading.ts";

export type MailAddress = { address: string; name: string };

export type InboundAttachment = { fileName: string; contentType: string; content: Buffer };

/** What the router needs from a message, in plain values. */
export type InboundMail = {
  messageId: string | undefined;
  from: MailAddress | undefined;
  to: MailAddress[];
  cc: MailAddress[];
  subject: string;
  text: string;
  html: string | undefined;
  inReplyTo: string[];
  references: string[];
  /** Header values by lower-case name, unfolded; several values when the header repeats. */
  headers: Map<string, string[]>;
  contentType: string;
  attachments: InboundAttachment[];
};

/** The message cannot be read as mail at all: it goes to quarantine, raw bytes kept. */
export class UnreadableMail extends Error {}

/** The header block: everything before the first empty line. */
function headerBlock(raw: Buffer): string {
  const text = raw.subarray(0, Math.min(raw.length, 256 * 1024)).toString("latin1");
  const end = text.search(/\r?\n\r?\n/);
  return end >= 0 ? text.slice(0, end) : text;
}

/** Header lines, unfolded, as [lower-case name, value]. Only lines shaped like headers count. */
function headerLines(block: string): [string, string][] {
  return block
    .replace(/\r?\n[ \t]+/g, " ")
    .split(/\r?\n/)
    .map((line) => /^([!-9;-~]+):[ \t]*(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [(m[1] ?? "").toLowerCase(), (m[2] ?? "").trim()]);
}

/**
 * The Message-ID the store is keyed on, read cheaply from the raw header
 * block at receive time. A message without one gets an id made from its
 * bytes, so a redelivery of the same bytes is still recognised.
 */
export function storageMessageId(raw: Buffer): string {
  const found = headerLines(headerBlock(raw)).find(([name]) => name === "message-id")?.[1];
  const id = found ? (/<[^<>\s]{1,900}>/.exec(found)?.[0] ?? `<${found.slice(0, 900)}>`) : undefined;
  return id ?? `<${createHash("sha256").update(raw).digest("hex")}@${syntheticMessageIdDomain}>`;
}

function messageIds(value: string | string[] | undefined): string[] {
  const joined = Array.isArray(value) ? value.join(" ") : (value ?? "");
  return joined.match(/<[^<>\s]+>/g) ?? [];
}

function addresses(value: AddressObject | AddressObject[] | undefined): MailAddress[] {
  const objects = Array.isArray(value) ? value : value ? [value] : [];
  return objects
    .flatMap((o) => o.value)
    .flatMap((a) => (a.group ? a.group : [a]))
    .filter((a) => typeof a.address === "string" && /^[^\s@]+@[^\s@]+$/.test(a.address))
    .map((a) => ({ address: (a.address ?? "").toLowerCase(), name: a.name.trim() }));
}

/** Parses a raw message with mailparser. Throws UnreadableMail when there is no mail in it to read. */
export async function parseInbound(raw: Buffer): Promise<InboundMail> {
  const lines = headerLines(headerBlock(raw));
  if (lines.length === 0) throw new UnreadableMail("The message has no header lines: it is not an email.");
  const parsed = await simpleParser(raw, { skipImageLinks: true });
  const headers = new Map<string, string[]>();
  for (const [name, value] of lines) headers.set(name, [...(headers.get(name) ?? []), value]);
  return {
    messageId: parsed.messageId ? messageIds(parsed.messageId)[0] : undefined,
    from: addresses(parsed.from)[0],
    to: addresses(parsed.to),
    cc: addresses(parsed.cc),
    subject: parsed.subject?.trim() ?? "",
    text: parsed.text ?? "",
    html: parsed.html === false ? undefined : parsed.html,
    inReplyTo: messageIds(parsed.inReplyTo),
    references: messageIds(parsed.references),
    headers,
    contentType: headers.get("content-type")?.[0]?.toLowerCase() ?? "text/plain",
    attachments: parsed.attachments
      .filter((a) => !(a.related && a.contentType.startsWith("image/") && a.contentDisposition !== "attachment"))
      .map((a) => ({
        fileName: a.filename ?? (a.contentType === "message/rfc822" ? "forwarded-message.eml" : "attachment"),
        contentType: a.contentType || "application/octet-stream",
        content: a.content,
      })),
  };
}

export function header(mail: InboundMail, name: string): string | undefined {
  return mail.headers.get(name)?.[0];
}
