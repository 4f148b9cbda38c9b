import { type AddressObject, simpleParser } from "mailparser";
import { headerBlock, headerLines } from "./raw-message.ts";

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
