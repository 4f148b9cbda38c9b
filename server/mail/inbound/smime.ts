/**
 * Opaque-signed S/MIME (`application/pkcs7-mime; smime-type=signed-data`, a `smime.p7m`): the whole message,
 * text and files, sits inside the signature's CMS structure, so mail clients that do not speak S/MIME, and
 * before this Switchboard, showed nothing but the file: the request read "(The message has no text.)". The
 * signed content is an ordinary MIME entity; it is taken out and read as the message's body. The signature is
 * not verified (nothing here trusts it), and `smime.p7m` stays attached so whoever needs to can check it.
 * Encrypted mail (`enveloped-data`) cannot be read without the key and is left as it is.
 *
 * CMS (RFC 5652) is DER, or BER with indefinite lengths and the content in chunks when streamed (OpenSSL's
 * `-stream`, many mail clients): ContentInfo { signedData OID, [0] SignedData { version, digestAlgorithms,
 * EncapsulatedContentInfo { data OID, [0] OCTET STRING } … } }.
 */
import { headerBlock, headerLines } from "./raw-message.ts";

type Tlv = { tag: number; start: number; contentStart: number; contentEnd: number; end: number };

class Malformed extends Error {}

/** Reads one tag-length-value at `offset`; nested as deep as `depth` allows (indefinite lengths read their children). */
function tlvAt(bytes: Buffer, offset: number, depth = 0): Tlv {
  if (depth > 32 || offset + 2 > bytes.length) throw new Malformed();
  const tag = bytes[offset] as number;
  if ((tag & 0x1f) === 0x1f) throw new Malformed(); // multi-byte tags: not in the structures we read
  const first = bytes[offset + 1] as number;
  let contentStart = offset + 2;
  if (first === 0x80) {
    if (!(tag & 0x20)) throw new Malformed();
    let at = contentStart;
    while (!(bytes[at] === 0 && bytes[at + 1] === 0)) {
      if (at + 2 > bytes.length) throw new Malformed();
      at = tlvAt(bytes, at, depth + 1).end;
    }
    return { tag, start: offset, contentStart, contentEnd: at, end: at + 2 };
  }
  let length = first;
  if (first > 0x80) {
    const count = first & 0x7f;
    if (count > 4 || contentStart + count > bytes.length) throw new Malformed();
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (bytes[contentStart + i] as number);
    contentStart += count;
  }
  const contentEnd = contentStart + length;
  if (contentEnd > bytes.length) throw new Malformed();
  return { tag, start: offset, contentStart, contentEnd, end: contentEnd };
}

function childrenOf(bytes: Buffer, parent: Tlv, depth: number): Tlv[] {
  const found: Tlv[] = [];
  for (let at = parent.contentStart; at < parent.contentEnd; ) {
    const child = tlvAt(bytes, at, depth);
    found.push(child);
    at = child.end;
  }
  return found;
}

/** An OCTET STRING's bytes, primitive or in constructed chunks. */
function octets(bytes: Buffer, tlv: Tlv, depth: number): Buffer {
  if (tlv.tag === 0x04) return bytes.subarray(tlv.contentStart, tlv.contentEnd);
  if (tlv.tag !== 0x24 || depth > 32) throw new Malformed();
  return Buffer.concat(childrenOf(bytes, tlv, depth + 1).map((chunk) => octets(bytes, chunk, depth + 1)));
}

const signedDataOid = Buffer.from("2a864886f70d010702", "hex");
const dataOid = Buffer.from("2a864886f70d010701", "hex");

function isOid(bytes: Buffer, tlv: Tlv | undefined, oid: Buffer): boolean {
  return tlv?.tag === 0x06 && bytes.subarray(tlv.contentStart, tlv.contentEnd).equals(oid);
}

/** The signed content of a CMS SignedData, or undefined when it is not one (or carries no content). */
export function signedContent(cms: Buffer): Buffer | undefined {
  try {
    const contentInfo = tlvAt(cms, 0);
    const [type, explicit] = childrenOf(cms, contentInfo, 1);
    if (contentInfo.tag !== 0x30 || !isOid(cms, type, signedDataOid) || explicit?.tag !== 0xa0) return undefined;
    const signedData = childrenOf(cms, explicit, 2)[0];
    if (signedData?.tag !== 0x30) return undefined;
    const encapsulated = childrenOf(cms, signedData, 3)[2];
    if (encapsulated?.tag !== 0x30) return undefined;
    const [contentType, content] = childrenOf(cms, encapsulated, 4);
    if (!isOid(cms, contentType, dataOid) || content?.tag !== 0xa0) return undefined;
    const value = childrenOf(cms, content, 5)[0];
    return value ? octets(cms, value, 6) : undefined;
  } catch (error) {
    if (error instanceof Malformed) return undefined;
    throw error;
  }
}

/** Headers of the outer message that describe its body (the p7m), replaced by those of the signed entity. */
const bodyHeaders = new Set([
  "content-type",
  "content-transfer-encoding",
  "content-disposition",
  "content-description",
]);

/**
 * For an opaque-signed message: the message with its signed entity as the body (outer headers kept, those
 * describing the body taken from the entity), and the `smime.p7m` itself. Undefined for any other message.
 */
export function openedSignedMessage(raw: Buffer): { raw: Buffer; p7m: Buffer } | undefined {
  const block = headerBlock(raw);
  const lines = headerLines(block);
  const contentType = lines.find(([name]) => name === "content-type")?.[1] ?? "";
  if (!/^application\/(x-)?pkcs7-mime\b/i.test(contentType) || /smime-type\s*=\s*"?enveloped-data/i.test(contentType)) {
    return undefined;
  }
  const encoding = lines.find(([name]) => name === "content-transfer-encoding")?.[1]?.toLowerCase() ?? "";
  const separator = /\r?\n\r?\n/.exec(raw.toString("latin1"));
  if (!separator) return undefined;
  const body = raw.subarray(separator.index + separator[0].length);
  const p7m = encoding === "base64" ? Buffer.from(body.toString("latin1"), "base64") : body;
  const entity = signedContent(p7m);
  if (!entity) return undefined;
  // The outer header lines as received (folded lines stay with their header), less those about the body.
  const kept = block
    .split(/\r?\n(?![ \t])/)
    .filter((line) => !bodyHeaders.has((/^([!-9;-~]+):/.exec(line)?.[1] ?? "").toLowerCase()));
  return { raw: Buffer.concat([Buffer.from(`${kept.join("\r\n")}\r\n`, "latin1"), entity]), p7m };
}
