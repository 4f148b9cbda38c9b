/**
 * Text in whatever charset a mail claims, or does not claim. Real mail has
 * raw 8-bit headers without encoded words, bodies labelled ISO-2022-JP that
 * are Shift_JIS, labels no library knows (`iso-gb2312`), UTF-7 subjects and
 * 8-bit bodies with no Content-Type at all. Each is decoded with one chain:
 * the declared charset (when the bytes fit it) → a known alias → detection
 * (chardet) → UTF-8 → Windows-1252 (Latin-1), so nothing comes out as U+FFFD
 * when any reading of the bytes makes sense.
 */
import { Transform, type TransformCallback } from "node:stream";
import chardet from "chardet";
import iconv from "iconv-lite";
import { decode as libmimeDecode, normalizeCharset } from "libmime/lib/charset.js";

/** Labels seen in the wild that libmime and iconv-lite do not know, and what they mean. */
const aliases: Record<string, string> = {
  "iso-gb2312": "gbk",
  "gb-2312": "gbk",
  gb2312: "gbk",
  "x-gbk": "gbk",
  "x-gb18030": "gb18030",
  "x-euc-cn": "gbk",
  "euc-cn": "gbk",
  "x-big5": "big5",
  "big5-hkscs": "big5hkscs",
  "x-sjis": "shift_jis",
  "shift-jis": "shift_jis",
  "x-shift-jis": "shift_jis",
  ms_kanji: "shift_jis",
  "x-euc-jp": "euc-jp",
  ks_c_5601: "cp949",
  "ks_c_5601-1987": "cp949",
  "x-windows-949": "cp949",
  "x-unknown": "utf-8",
  unknown: "utf-8",
  "unicode-1-1-utf-7": "utf7",
  "utf-7": "utf7",
  "x-mac-roman": "macintosh",
  "x-user-defined": "windows-1252",
  "iso-8859-8-i": "iso-8859-8",
  "iso-8859-6-i": "iso-8859-6",
  ascii: "utf-8",
  "us-ascii": "utf-8",
};

const utf8 = new TextDecoder("utf-8", { fatal: true });

function strictUtf8(bytes: Buffer): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

const hasHighBytes = (bytes: Buffer) => bytes.some((b) => b >= 0x80);
const isJis = (name: string) => /^(iso-?2022-?jp|jis|csiso2022jp)/i.test(name);
const isUtf7 = (name: string) => /^(utf-?7|unicode-1-1-utf-7)$/i.test(name);
const singleByte = (name: string) => /^(iso-?8859|windows-12|cp12|latin|koi8|macintosh|cp8|ibm)/i.test(name);

/** The declared charset's reading of the bytes, when the bytes fit it. */
function asDeclared(bytes: Buffer, declared: string, allowUtf7: boolean): string | undefined {
  const label = declared
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, "");
  if (!label) return undefined;
  const name = aliases[label] ?? label;
  if (name === "utf-8" || name === "utf8") return strictUtf8(bytes);
  if (isUtf7(name) || name === "utf7") return allowUtf7 ? iconv.decode(bytes, "utf7") : undefined;
  // ISO-2022-JP is a 7-bit charset: 8-bit bytes mean the label is wrong (usually Shift_JIS).
  if (isJis(name)) return hasHighBytes(bytes) ? undefined : libmimeDecode(bytes, name);
  const known = iconv.encodingExists(name) || iconv.encodingExists(normalizeCharset(name));
  if (!known) return undefined;
  // A single-byte charset reads any bytes; valid multi-byte UTF-8 under that label is UTF-8 mislabelled.
  if (singleByte(name) && hasHighBytes(bytes)) {
    const asUtf8 = strictUtf8(bytes);
    if (asUtf8 !== undefined) return asUtf8;
  }
  const text = libmimeDecode(bytes, name);
  return text.includes("\ufffd") ? undefined : text;
}

/** What chardet thinks the bytes are, best guess first, when that reading is clean. */
function detected(bytes: Buffer): string | undefined {
  for (const match of chardet.analyse(bytes).slice(0, 4)) {
    if (match.confidence < 10) break;
    const name = match.name.toLowerCase();
    if (!iconv.encodingExists(name) && !isJis(name)) continue;
    const text = isJis(name) ? libmimeDecode(bytes, name) : iconv.decode(bytes, name);
    if (!text.includes("\ufffd")) return text;
  }
  return undefined;
}

/**
 * Bytes as text: declared charset → alias → detection → UTF-8 → Windows-1252.
 * UTF-7 is read only where `allowUtf7` says so (headers): in a body it can
 * carry markup past filters, so bodies never decode from it.
 */
export function decodeText(bytes: Buffer, declared = "", options: { allowUtf7?: boolean } = {}): string {
  if (!hasHighBytes(bytes) && !isJis(declared) && !isUtf7(aliases[declared.toLowerCase()] ?? declared)) {
    return bytes.toString("latin1");
  }
  return (
    asDeclared(bytes, declared, options.allowUtf7 ?? false) ??
    (hasHighBytes(bytes) ? (strictUtf8(bytes) ?? detected(bytes)) : undefined) ??
    iconv.decode(bytes, "windows-1252")
  );
}

/**
 * A header value as received (bytes as Latin-1 characters): raw 8-bit bytes
 * decoded with the chain (`hint`: the message's body charset, as the same
 * client wrote both), then any encoded words, UTF-7 ones included.
 */
export function decodeHeader(raw: string, hint = ""): string {
  const bytes = Buffer.from(raw, "latin1");
  const text = hasHighBytes(bytes) ? decodeText(bytes, hint) : raw;
  return text
    .replace(/(=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=)\s+(?==\?[^?\s]+\?[bBqQ]\?)/g, "$1")
    .replace(
      /=\?([^?\s*]+)(?:\*[^?\s]*)?\?([bBqQ])\?([^?\s]*)\?=/g,
      (_, charset: string, encoding: string, data: string) => {
        const payload =
          encoding.toUpperCase() === "B"
            ? Buffer.from(data, "base64")
            : Buffer.from(
                data
                  .replace(/_/g, " ")
                  .replace(/=([0-9a-fA-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
                "latin1",
              );
        return decodeText(payload, charset, { allowUtf7: true });
      },
    );
}

/**
 * A stand-in for node-iconv that mailparser calls for every body part with a
 * charset other than UTF-8/ASCII: it reads the whole part and decodes it with
 * the chain above instead of trusting the label.
 */
export class FallbackIconv extends Transform {
  private readonly chunks: Buffer[] = [];
  private readonly charset: string;
  constructor(charset: string, _to: string) {
    super();
    this.charset = charset;
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.chunks.push(chunk);
    done();
  }
  override _flush(done: TransformCallback): void {
    done(null, Buffer.from(decodeText(Buffer.concat(this.chunks), this.charset), "utf8"));
  }
}
