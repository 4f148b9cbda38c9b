/**
 * A message whose top-level multipart/mixed carries, after its body, a
 * text/html part without a name (a report, a receipt, a web page a mailer
 * attached without naming it) would have that HTML glued onto the body by
 * mailparser. Such parts are marked as attachments named from their place
 * (`part-2.html`) before parsing, so the body stays what the sender wrote and
 * the HTML is kept as a file. HTML under multipart/alternative or related
 * (Apple Mail continues a body around an inline picture that way) is body.
 */
import { Readable, Transform, type TransformCallback, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Joiner, Splitter } from "@zone-eu/mailsplit";

type Node = {
  type: "node";
  root: boolean;
  parentNode: Node | false;
  contentType: string | false;
  multipart: string | false;
  disposition: string | false;
  filename: string | false;
  headers: { update(key: string, value: string): void } | false;
  parseHeaders(): void;
};

const isNode = (chunk: unknown): chunk is Node =>
  typeof chunk === "object" && chunk !== null && (chunk as { type?: unknown }).type === "node";

const isBody = (node: Node) =>
  node.contentType === "text/plain" ||
  node.contentType === "text/html" ||
  node.multipart === "alternative" ||
  node.multipart === "related";

/** Only messages that can have the shape go through the splitter. */
export function mayHaveUnnamedHtmlParts(raw: Buffer): boolean {
  const head = raw.subarray(0, 1024 * 1024).toString("latin1");
  return /multipart\/mixed/i.test(head) && (head.match(/text\/html/gi)?.length ?? 0) > 0;
}

export async function markUnnamedHtmlParts(raw: Buffer): Promise<Buffer> {
  if (!mayHaveUnnamedHtmlParts(raw)) return raw;
  const children = new Map<Node, { count: number; bodySeen: boolean }>();
  let changed = false;
  const marker = new Transform({
    objectMode: true,
    transform(chunk: unknown, _encoding: BufferEncoding, done: TransformCallback) {
      if (isNode(chunk) && chunk.parentNode) {
        const parent = chunk.parentNode;
        const place = children.get(parent) ?? { count: 0, bodySeen: false };
        place.count += 1;
        children.set(parent, place);
        const topLevelMixed =
          parent.multipart === "mixed" && (!parent.parentNode || parent.parentNode.multipart === "mixed");
        if (topLevelMixed && isBody(chunk)) {
          const extraHtml =
            place.bodySeen &&
            chunk.contentType === "text/html" &&
            !chunk.filename &&
            chunk.disposition !== "attachment";
          if (extraHtml) {
            if (!chunk.headers) chunk.parseHeaders();
            if (chunk.headers) {
              chunk.headers.update("Content-Disposition", `attachment; filename="part-${place.count}.html"`);
              changed = true;
            }
          }
          place.bodySeen = true;
        }
      }
      done(null, chunk);
    },
  });
  const chunks: Buffer[] = [];
  const collect = new Writable({
    write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void) {
      chunks.push(chunk);
      done();
    },
  });
  await pipeline(Readable.from([raw]), new Splitter(), marker, new Joiner(), collect);
  return changed ? Buffer.concat(chunks) : raw;
}
