/**
 * Outlook's `winmail.dat` (TNEF, application/ms-tnef): Outlook wraps a message's attachments in it when it
 * sends in its "Rich Text" format, or to an address it believes is Outlook too. No mail client but Outlook
 * opens it, so a request whose files arrived that way showed the agent one file they could not open, and the
 * customer's PDF was nowhere. The files inside are taken out and kept as the request's attachments; the
 * original message, winmail.dat included, stays stored whole.
 *
 * The format (MS-OXTNEF): a signature, a key, then attributes, each `level (1) | id (4) | length (4) | data |
 * checksum (2)`, integers little-endian. An attachment begins with attAttachRenddata; its file name is
 * attAttachTitle (8.3, in the sender's code page) unless its MAPI properties (attAttachment) carry the long
 * name, and its bytes are attAttachData.
 */
import { decodeText } from "./charsets.ts";

const signature = 0x223e9f78;
const levelAttachment = 2;
const attAttachRenddata = 0x00069002;
const attAttachTitle = 0x00018010;
const attAttachData = 0x0006800f;
const attAttachment = 0x00069005;

const prAttachLongFilename = 0x3707;
const prAttachMimeTag = 0x370e;
const ptString8 = 0x001e;
const ptUnicode = 0x001f;
const ptBinary = 0x0102;
const ptObject = 0x000d;
const multiValued = 0x1000;
/** Bytes of each fixed-size MAPI property type; the variable ones (strings, binary, objects) carry a length. */
const fixedSizes: Record<number, number> = {
  1: 4, // PT_NULL
  2: 4, // PT_SHORT, padded
  3: 4, // PT_LONG
  4: 4, // PT_FLOAT
  5: 8, // PT_DOUBLE
  6: 8, // PT_CURRENCY
  7: 8, // PT_APPTIME
  10: 4, // PT_ERROR
  11: 4, // PT_BOOLEAN, padded
  20: 8, // PT_I8
  64: 8, // PT_SYSTIME
  72: 16, // PT_CLSID
};

export type TnefFile = { fileName: string; contentType: string | undefined; content: Buffer };

/** Whether an attachment is a TNEF container, by its type or Outlook's name for it. */
export function isTnef(contentType: string, fileName: string | undefined): boolean {
  return /^application\/(vnd\.)?ms-tnef$/i.test(contentType) || /^winmail\.dat$/i.test(fileName ?? "");
}

class Truncated extends Error {}

/** Reads forward through a buffer, refusing to go past its end. */
class Reader {
  offset = 0;
  readonly bytes: Buffer;
  constructor(bytes: Buffer) {
    this.bytes = bytes;
  }
  need(n: number): void {
    if (n < 0 || this.offset + n > this.bytes.length) throw new Truncated();
  }
  u8(): number {
    this.need(1);
    return this.bytes.readUInt8(this.offset++);
  }
  u16(): number {
    this.need(2);
    const value = this.bytes.readUInt16LE(this.offset);
    this.offset += 2;
    return value;
  }
  u32(): number {
    this.need(4);
    const value = this.bytes.readUInt32LE(this.offset);
    this.offset += 4;
    return value;
  }
  take(n: number): Buffer {
    this.need(n);
    const slice = this.bytes.subarray(this.offset, this.offset + n);
    this.offset += n;
    return slice;
  }
  skip(n: number): void {
    this.need(n);
    this.offset += n;
  }
  get done(): boolean {
    return this.offset >= this.bytes.length;
  }
}

const withoutNul = (text: string) => text.replace(/\0+$/, "").replace(/\0/g, "");

/** The long file name and MIME type among an attachment's MAPI properties, where present. */
function attachmentProperties(data: Buffer): { longName?: string; mimeTag?: string } {
  const found: { longName?: string; mimeTag?: string } = {};
  const reader = new Reader(data);
  try {
    const count = reader.u32();
    for (let i = 0; i < count && !reader.done; i++) {
      const type = reader.u16();
      const id = reader.u16();
      if (id >= 0x8000) {
        // A named property: a GUID, then a number or a name.
        reader.skip(16);
        const kind = reader.u32();
        if (kind === 0) reader.skip(4);
        else reader.skip(Math.ceil(reader.u32() / 4) * 4);
      }
      const base = type & ~multiValued;
      const variable = base === ptString8 || base === ptUnicode || base === ptBinary || base === ptObject;
      const values = type & multiValued || variable ? reader.u32() : 1;
      for (let v = 0; v < values; v++) {
        if (!variable) {
          const size = fixedSizes[base];
          if (size === undefined) return found; // a type we do not know the size of: stop reading, keep what we have
          reader.skip(size);
          continue;
        }
        const length = reader.u32();
        const value = reader.take(length);
        reader.skip((4 - (length % 4)) % 4);
        if (v > 0 || (id !== prAttachLongFilename && id !== prAttachMimeTag)) continue;
        const text = withoutNul(base === ptUnicode ? value.toString("utf16le") : decodeText(value, "windows-1252"));
        if (id === prAttachLongFilename) found.longName = text;
        else found.mimeTag = text;
      }
    }
  } catch (error) {
    if (!(error instanceof Truncated)) throw error;
  }
  return found;
}

/**
 * The files inside a TNEF container, in order; undefined when it is not one or cannot be read (it is then kept
 * as the file it is). Files without a name are named `attachment-N.bin`.
 */
export function tnefFiles(container: Buffer): TnefFile[] | undefined {
  const reader = new Reader(container);
  type Draft = { title?: string; props: { longName?: string; mimeTag?: string }; content?: Buffer };
  const drafts: Draft[] = [];
  try {
    if (reader.u32() !== signature) return undefined;
    reader.u16(); // the key, which nothing needs
    while (!reader.done) {
      const level = reader.u8();
      const id = reader.u32();
      const length = reader.u32();
      const data = reader.take(length);
      reader.u16(); // checksum: a damaged file fails its own parse soon enough
      if (level !== 1 && level !== levelAttachment) return undefined;
      if (level !== levelAttachment) continue;
      if (id === attAttachRenddata) {
        drafts.push({ props: {} });
        continue;
      }
      const current = drafts.at(-1);
      if (!current) continue;
      if (id === attAttachTitle) current.title = withoutNul(decodeText(data, "windows-1252"));
      else if (id === attAttachData) current.content = Buffer.from(data);
      else if (id === attAttachment) current.props = attachmentProperties(data);
    }
  } catch (error) {
    if (error instanceof Truncated) return undefined;
    throw error;
  }
  return drafts
    .filter((draft): draft is Draft & { content: Buffer } => draft.content !== undefined)
    .map((draft, i) => ({
      fileName: draft.props.longName || draft.title || `attachment-${i + 1}.bin`,
      contentType: draft.props.mimeTag || undefined,
      content: draft.content,
    }));
}
