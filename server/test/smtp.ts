import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { from: string; to: string[]; raw: string };

/** A real SMTP server on a free loopback port that keeps every message it accepts. */
export async function startSmtpServer(): Promise<{
  url: string;
  received: ReceivedMail[];
  /** Makes the server refuse the next `count` messages with a temporary failure. */
  refuseNext(count: number): void;
  /**
   * Makes the server keep the next `count` messages (they are in `received`) and never answer the end of their
   * DATA, as a server that takes minutes to scan and store a message does: the client times out waiting.
   */
  keepWithoutAnswer(count: number): void;
  /** Makes the server refuse this recipient for good (550), as for a mailbox that does not exist. */
  refuseRecipient(address: string): void;
  stop(): Promise<void>;
}> {
  const received: ReceivedMail[] = [];
  let refusals = 0;
  let silent = 0;
  const unknown = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!unknown.has(address.address.toLowerCase())) return callback();
      const error: Error & { responseCode?: number } = new Error("5.1.1 No such user here");
      error.responseCode = 550;
      callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (refusals > 0) {
          refusals -= 1;
          const error: Error & { responseCode?: number } = new Error("Try again later");
          error.responseCode = 451;
          callback(error);
          return;
        }
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        if (silent > 0) {
          silent -= 1;
          return;
        }
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuseNext(count) {
      refusals = count;
    },
    keepWithoutAnswer(count) {
      silent = count;
    },
    refuseRecipient(address) {
      unknown.add(address.toLowerCase());
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
