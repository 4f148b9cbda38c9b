import { type AddressObject, type Attachment, simpleParser } from "mailparser";
import { groupBy } from "../../../common/group-by.ts";
import { visibleLine } from "../../../common/text.ts";
import { mailTextBounded, roughTextOfHtml } from "../../html/bounded-html.ts";
import { decodeHeader, decodeText, FallbackIconv } from "./charsets.ts";
import { headerBlock, headerLines } from "./raw-message.ts";
import { openedSignedMessage } from "./smime.ts";
import { isTnef, tnefFiles } from "./tnef.ts";
import { markUnnamedHtmlParts } from "./unnamed-parts.ts";

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
  /** Why the From header cannot be trusted as an address at all (the mail is held for review). */
  fromProblem: string | undefined;
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
  return (
    objects
      .flatMap((o) => o.value)
      .flatMap((a) => (a.group ? a.group : [a]))
      .filter((a) => typeof a.address === "string" && /^[^\s@]+@[^\s@]+$/.test(a.address))
      // A display name becomes a requester's or a CC's name: the characters that disguise a name are dropped here.
      .map((a) => ({ address: (a.address ?? "").toLowerCase(), name: visibleLine(a.name) }))
  );
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
  // Other parts by their place in the message (IMAP part number), as the sender's client would list them.
  counters.part += 1;
  return `part-${(part.partId ?? String(counters.part)).replace(/\./g, "-")}.${extension}`;
}

/** A header value that mailparser could not decode well: raw 8-bit bytes, a UTF-7 encoded word, or U+FFFD. */
function needsOwnDecoding(raw: string | undefined, decoded: string | undefined): raw is string {
  if (raw === undefined) return false;
  return /[\x80-\xff]/.test(raw) || /=\?(utf-?7|unicode-1-1-utf-7)\?/i.test(raw) || (decoded ?? "").includes("\ufffd");
}

function subjectOf(parsed: string | undefined, raw: string | undefined, hint: string): string {
  // A subject is one line people read: a bidi override in it could make "exe.pdf" of "fdp.exe" in every list.
  return visibleLine(needsOwnDecoding(raw, parsed) ? decodeHeader(raw, hint) : (parsed ?? "")).replace(/\s+/g, " ");
}

/** The sender with a display name decoded by the fallback chain when mailparser's reading of it was broken. */
function withDecodedName(
  from: MailAddress | undefined,
  raw: string | undefined,
  hint: string,
): MailAddress | undefined {
  if (!from || !needsOwnDecoding(raw, from.name)) return from;
  const decoded = decodeHeader(raw, hint);
  const name = /^\s*"?(.*?)"?\s*<[^<>]*>\s*$/.exec(decoded)?.[1] ?? /\(([^()]*)\)\s*$/.exec(decoded)?.[1] ?? "";
  return { address: from.address, name: visibleLine(name.replace(/\\(.)/g, "$1")) };
}

/**
 * RFC 2047 allows encoded words in a display name, never inside the address:
 * `=?utf-8?Q?agent?=@example.com` decodes to a staff address a mail client
 * would never show. Such a From is not an address at all.
 */
function encodedWordInAddress(raw: string): boolean {
  const angle = raw.lastIndexOf("<");
  const address = angle >= 0 ? raw.slice(angle) : raw.replace(/\([^()]*\)/g, "");
  return /=\?[^?]*\?[bBqQ]\?/.test(address);
}

/** The charset the message names first: the same client wrote its headers, so it is the best guess for raw 8-bit ones. */
function bodyCharset(raw: Buffer, headers: Map<string, string[]>): string {
  const top = /charset\s*=\s*"?([^";\s]+)/i.exec(headers.get("content-type")?.[0] ?? "")?.[1];
  if (top) return top;
  const head = raw.subarray(0, 64 * 1024).toString("latin1");
  return /charset\s*=\s*"?([^";\s]+)/i.exec(head)?.[1] ?? "";
}

/**
 * A single-part text message without a charset (or labelled ASCII/UTF-8)
 * whose 8-bit body is not UTF-8: mailparser would read it as UTF-8 and fill
 * it with U+FFFD, so its bytes go through the fallback chain instead.
 */
function unlabelledBody(raw: Buffer, headers: Map<string, string[]>): { text?: string; html?: string } | undefined {
  const type = headers.get("content-type")?.[0]?.toLowerCase() ?? "text/plain";
  if (!/^text\/(plain|html)\b/.test(type)) return undefined;
  const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(type)?.[1] ?? "";
  if (charset && !/^(us-?ascii|ascii|utf-?8)$/i.test(charset)) return undefined;
  const encoding = headers.get("content-transfer-encoding")?.[0]?.toLowerCase() ?? "7bit";
  if (!["7bit", "8bit", "binary"].includes(encoding)) return undefined;
  const text = raw.toString("latin1");
  const split = /\r?\n\r?\n/.exec(text);
  if (!split) return undefined;
  const body = raw.subarray(split.index + split[0].length);
  if (!body.some((b) => b >= 0x80)) return undefined;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(body);
    return undefined;
  } catch {
    const decoded = decodeText(body, "").replace(/\r\n?/g, "\n");
    return type.startsWith("text/html") ? { html: decoded } : { text: decoded };
  }
}

/**
 * The text of an HTML-only message, made off the event loop within the HTML budget (bounded-html.ts); HTML
 * refused as too large or too complex still gives its words, roughly.
 */
async function textOfHtml(html: string): Promise<string> {
  const text = await mailTextBounded(html);
  return text.ok ? text.value : roughTextOfHtml(html, html.length);
}

/** Parses a raw message with mailparser. Throws UnreadableMail when there is no mail in it to read. */
export async function parseInbound(raw: Buffer): Promise<InboundMail> {
  // Opaque-signed S/MIME: the message is inside smime.p7m. Read what it signs, and keep the p7m beside it.
  const opened = openedSignedMessage(raw);
  if (opened) {
    const mail = await parseInbound(opened.raw);
    const p7m = { fileName: "smime.p7m", contentType: "application/pkcs7-mime", contentId: undefined };
    return { ...mail, attachments: [...mail.attachments, { ...p7m, content: opened.p7m }] };
  }
  const lines = headerLines(headerBlock(raw));
  if (lines.length === 0) throw new UnreadableMail("The message has no header lines: it is not an email.");
  // cid: links stay as they are (the router points them at stored attachments), and the text comes only from
  // text parts: an HTML-only message is made into text below, with its block structure kept.
  // Body parts in a charset other than UTF-8 go through the fallback chain (charsets.ts), not just their label.
  const parsed = await simpleParser(await markUnnamedHtmlParts(raw), {
    skipImageLinks: true,
    keepCidLinks: true,
    skipHtmlToText: true,
    Iconv: FallbackIconv,
  });
  const headers = new Map([...groupBy(lines, ([name]) => name)].map(([name, all]) => [name, all.map(([, v]) => v)]));
  const unlabelled = unlabelledBody(raw, headers);
  const html = unlabelled?.html ?? (typeof parsed.html === "string" && parsed.html.trim() ? parsed.html : undefined);
  const partText = unlabelled?.text ?? (parsed.text?.trim() ? parsed.text : "");
  const hint = bodyCharset(raw, headers);
  const rawFrom = headers.get("from")?.[0];
  const fromProblem = rawFrom !== undefined && encodedWordInAddress(rawFrom);
  const from = fromProblem ? undefined : withDecodedName(addresses(parsed.from)[0], rawFrom, hint);
  const counters = { image: 0, part: 0 };
  return {
    messageId: parsed.messageId ? messageIds(parsed.messageId)[0] : undefined,
    from,
    fromProblem: fromProblem
      ? "The sender's address contains an encoded word (=?…?=), which RFC 2047 forbids inside an address: it could disguise who sent it."
      : undefined,
    to: addresses(parsed.to),
    cc: addresses(parsed.cc),
    subject: subjectOf(parsed.subject, headers.get("subject")?.[0], hint),
    text: partText || (html ? await textOfHtml(html) : ""),
    html,
    inReplyTo: messageIds(parsed.inReplyTo),
    references: messageIds(parsed.references),
    headers,
    contentType: headers.get("content-type")?.[0]?.toLowerCase() ?? "text/plain",
    // Every part is kept, inline images included (shown in the request where the HTML refers to them), and the
    // files inside Outlook's winmail.dat in its place.
    attachments: parsed.attachments.flatMap((a) => {
      const part: InboundAttachment = {
        fileName: nameFor(a, counters),
        contentType: a.contentType || "application/octet-stream",
        content: a.content,
        contentId: a.cid?.toLowerCase(),
      };
      return isTnef(part.contentType, a.filename) ? filesInTnef(part) : [part];
    }),
  };
}

/** The files inside a winmail.dat; the container itself when it holds none or cannot be read. */
function filesInTnef(container: InboundAttachment): InboundAttachment[] {
  const files = tnefFiles(container.content);
  if (!files?.length) return [container];
  return files.map((file) => ({
    fileName: file.fileName,
    contentType: file.contentType ?? typeOfName(file.fileName),
    content: file.content,
    contentId: undefined,
  }));
}

/** A content type for a file name, from the extensions above (the first type that has it). */
function typeOfName(fileName: string): string {
  const extension = /\.([a-z0-9]{1,8})$/i.exec(fileName)?.[1]?.toLowerCase();
  const found = Object.entries(extensions).find(([, ext]) => ext === extension);
  return found?.[0] ?? "application/octet-stream";
}

export function header(mail: InboundMail, name: string): string | undefined {
  return mail.headers.get(name)?.[0];
}
