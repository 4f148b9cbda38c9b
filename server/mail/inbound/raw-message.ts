/**
 * What the store reads from a message's raw bytes before any parsing: its
 * header lines, the Message-ID it is keyed on, and a hash of its content
 * that tells a true duplicate from a different message reusing a Message-ID.
 */
import { createHash } from "node:crypto";
import { syntheticMessageIdDomain } from "../threading.ts";

/** The header block: everything before the first empty line. */
export function headerBlock(raw: Buffer): string {
  const text = raw.subarray(0, Math.min(raw.length, 256 * 1024)).toString("latin1");
  const end = text.search(/\r?\n\r?\n/);
  return end >= 0 ? text.slice(0, end) : text;
}

/** Header lines, unfolded, as [lower-case name, value]. Only lines shaped like headers count. */
export function headerLines(block: string): [string, string][] {
  return block
    .replace(/\r?\n[ \t]+/g, " ")
    .split(/\r?\n/)
    .map((line) => /^([!-9;-~]+):[ \t]*(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [(m[1] ?? "").toLowerCase(), (m[2] ?? "").trim()]);
}

/**
 * The headers that say what a message is. Trace headers (Received,
 * Return-Path, Delivered-To, X-…) are left out: they differ between two
 * deliveries of the same message (a retried session, IMAP after SMTP).
 */
const identityHeaders = ["from", "sender", "to", "cc", "subject", "date", "message-id", "in-reply-to", "content-type"];

/**
 * A hash of what the message says: its identifying headers and its body,
 * with line endings and trailing blanks normalised. Two deliveries of one
 * message hash the same; a different message that reuses its Message-ID
 * (broken mailers and copies do) hashes differently.
 */
export function contentHash(raw: Buffer): string {
  const text = raw.toString("latin1");
  const split = /\r?\n\r?\n/.exec(text);
  const head = split ? text.slice(0, split.index) : text;
  const body = split ? text.slice(split.index + split[0].length) : "";
  const hash = createHash("sha256");
  const lines = headerLines(head);
  for (const name of identityHeaders) {
    for (const [, value] of lines.filter(([n]) => n === name)) hash.update(`${name}:${value.replace(/\s+/g, " ")}\n`);
  }
  hash.update("\n");
  hash.update(body.replace(/[ \t]*\r?\n/g, "\n").trimEnd(), "latin1");
  return hash.digest("hex");
}

/**
 * The Message-ID the store is keyed on, read cheaply from the raw header
 * block at receive time. A message without one gets an id made from its
 * content hash, so a redelivery of the same message is still recognised.
 */
export function storageMessageId(raw: Buffer, hash = contentHash(raw)): string {
  const found = headerLines(headerBlock(raw)).find(([name]) => name === "message-id")?.[1];
  const id = found ? (/<[^<>\s]{1,900}>/.exec(found)?.[0] ?? `<${found.slice(0, 900)}>`) : undefined;
  return id ?? `<${hash}@${syntheticMessageIdDomain}>`;
}
