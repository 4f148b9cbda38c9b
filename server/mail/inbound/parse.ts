import { type AddressObject, type Attachment, simpleParser } from "mailparser";
import { htmlToPlain } from "./body.ts";
import { headerBlock, headerLines } from "./raw-message.ts";

export type MailAddress = { address: string; name: string };

export type InboundAttachment = {
  fileName: string;
  contentType: string;
  content: Buffer;
  /** The Content-ID (without angle brackets, lower case) an HTML body refers to with `cid:`. */
  contentId: string | undefined;
};

/** What the router needs from a message, in plain values. */
export type InboundMail = {
  messageId: string | undefined;
  from: MailAddress | undefined;
  to: MailAddress[];
  cc: MailAddress[];
  subject: string;
  /** The text parts, or the HTML made into text when the message has no text part. */
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

const extensions: Record<string, string> = {
  "text/html": "html",
  "text/plain": "txt",
  "text/calendar": "ics",
  "text/csv": "csv",
  "text/xml": "xml",
  "application/xml": "xml",
  "application/json": "json",
  "application/pdf": "pdf",
  "application/zip": "zip",
  "application/ms-tnef": "dat",
  "application/vnd.ms-tnef": "dat",
  "application/pkcs7-signature": "p7s",
  "application/x-pkcs7-signature": "p7s",
  "application/pkcs7-mime": "p7m",
  "application/msword": "doc",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.ms-excel": "xls",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  "message/rfc822": "eml",
  "message/delivery-status": "txt",
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/jpg": "jpg",
  "image/pjpeg": "jpg",
  "image/gif": "gif",
  "image/webp": "webp",
  "image/bmp": "bmp",
  "image/tiff": "tif",
  "image/heic": "heic",
  "image/svg+xml": "svg",
  "audio/mpeg": "mp3",
  "video/mp4": "mp4",
};

/**
 * A name for a part that has none, from its content type: `image-1.png`,
 * `part-2.html`, `forwarded-message.eml`, so it downloads as what it is.
 */
function nameFor(part: Attachment, counters: { image: number; part: number }): string {
  if (part.filename?.trim()) return part.filename;
  const type = (part.contentType || "application/octet-stream").toLowerCase();
  if (type === "message/rfc822") return "forwarded-message.eml";
  const extension = extensions[type] ?? (/^[a-z]+\/(?:x-)?([a-z0-9]{1,8})$/.exec(type)?.[1] || "bin");
  if (type.startsWith("image/")) {
    counters.image += 1;
    return `image-${counters.image}.${extension}`;
  }
  counters.part += 1;
  return `part-${counters.part}.${extension}`;
}

/** Parses a raw message with mailparser. Throws UnreadableMail when there is no mail in it to read. */
export async function parseInbound(raw: Buffer): Promise<InboundMail> {
  const lines = headerLines(headerBlock(raw));
  if (lines.length === 0) throw new UnreadableMail("The message has no header lines: it is not an email.");
  // cid: links stay as they are (the router points them at stored attachments), and the text comes only from
  // text parts: an HTML-only message is made into text below, with its block structure kept.
  const parsed = await simpleParser(raw, { skipImageLinks: true, keepCidLinks: true, skipHtmlToText: true });
  const headers = new Map<string, string[]>();
  for (const [name, value] of lines) headers.set(name, [...(headers.get(name) ?? []), value]);
  const html = typeof parsed.html === "string" && parsed.html.trim() ? parsed.html : undefined;
  const partText = parsed.text?.trim() ? parsed.text : "";
  const counters = { image: 0, part: 0 };
  return {
    messageId: parsed.messageId ? messageIds(parsed.messageId)[0] : undefined,
    from: addresses(parsed.from)[0],
    to: addresses(parsed.to),
    cc: addresses(parsed.cc),
    subject: parsed.subject?.trim() ?? "",
    text: partText || (html ? htmlToPlain(html) : ""),
    html,
    inReplyTo: messageIds(parsed.inReplyTo),
    references: messageIds(parsed.references),
    headers,
    contentType: headers.get("content-type")?.[0]?.toLowerCase() ?? "text/plain",
    // Every part is kept, inline images included (shown in the request where the HTML refers to them).
    attachments: parsed.attachments.map((a) => ({
      fileName: nameFor(a, counters),
      contentType: a.contentType || "application/octet-stream",
      content: a.content,
      contentId: a.cid?.toLowerCase(),
    })),
  };
}

export function header(mail: InboundMail, name: string): string | undefined {
  return mail.headers.get(name)?.[0];
}
