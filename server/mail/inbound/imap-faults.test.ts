/**
 * The IMAP poller when the network between it and the server fails: a real Dovecot behind a small proxy
 * that resets the connection, or stops forwarding, the moment the poller asks for a message.
 */
import { randomBytes } from "node:crypto";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureCategories } from "../../bootstrap.ts";
import { createJobRunner } from "../../jobs/runner.ts";
import { describeEachEngine } from "../../test/engines.ts";
import { testConfig } from "../../test/factories.ts";
import { inboundMailHandler } from "./handler.ts";
import { createImapPoller } from "./imap-poller.ts";
import { secretBoxFromKey } from "./oauth/secret-box.ts";
import {
  appendToInbox,
  createTestMailbox,
  dovecotBinary,
  startTestImapServer,
  type TestImapServer,
} from "./test-dovecot.ts";

const binary = dovecotBinary();

type Fault = "none" | "reset" | "silence";

/** Forwards to the IMAP server; on a FETCH it resets the connection or swallows the command, as `fault` says. */
async function startFaultyProxy(target: { host: string; port: number }) {
  const state: { fault: Fault } = { fault: "none" };
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    sockets.add(client).add(upstream);
    upstream.on("data", (chunk) => client.write(chunk));
    client.on("data", (chunk) => {
      if (state.fault !== "none" && /\bFETCH\b/i.test(chunk.toString("latin1"))) {
        if (state.fault === "reset") {
          client.resetAndDestroy();
          upstream.destroy();
        }
        return;
      }
      upstream.write(chunk);
    });
    for (const socket of [client, upstream]) {
      socket.on("error", () => {});
      socket.on("close", () => {
        sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  return {
    port: typeof address === "object" && address ? address.port : 0,
    state,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe.skipIf(binary === undefined && process.env.CI !== "true")("IMAP polling through a failing network", () => {
  describeEachEngine("the IMAP poller under faults", ({ db, engine }) => {
    const config = testConfig();
    let imap: TestImapServer;
    let proxy: Awaited<ReturnType<typeof startFaultyProxy>>;
    let mailboxId = "";

    beforeAll(async () => {
      if (!binary) throw new Error("Dovecot is not installed: apt-get install dovecot-imapd");
      imap = await startTestImapServer(binary);
      proxy = await startFaultyProxy(imap);
      await ensureCategories(db());
      mailboxId = await createTestMailbox(db(), imap, proxy.port);
    });
    afterAll(async () => {
      await proxy?.stop();
      await imap?.stop();
    });

    const mailbox = () =>
      db()
        .selectFrom("mailboxes")
        .select(["last_error", "last_polled_at"])
        .where("id", "=", mailboxId)
        .executeTakeFirstOrThrow();
    const poller = () =>
      createImapPoller(db(), {
        intervalMs: 60_000,
        maxBytes: 100 * 1024,
        box: secretBoxFromKey(randomBytes(32)),
        baseUrl: config.baseUrl,
        socketTimeoutMs: 500,
      });
    async function deliver(from: string, subject: string): Promise<void> {
      // Straight to Dovecot: only the poller's connection goes through the faulty proxy.
      const id = `<fault-${engine}-${randomBytes(4).toString("hex")}@example.com>`;
      await appendToInbox(
        imap,
        `From: ${from}\r\nTo: help@support.example\r\nSubject: ${subject}\r\nMessage-ID: ${id}\r\n\r\nPlease help.\r\n`,
      );
    }
    const ticketsFrom = (email: string) =>
      db().selectFrom("tickets").select("id").where("requester_email", "=", email).execute();
    const fileStored = () =>
      createJobRunner({
        db: db(),
        engine,
        handlers: { "mail.inbound": inboundMailHandler({ db: db(), config }) },
      }).runDue();

    // Before, the reset reached imapflow's 'error' event, which nobody listened for: it was thrown and ended the process.
    it.each([
      ["resets the connection", "reset", /ECONNRESET/],
      ["stops answering", "silence", /timeout/i],
    ] as const)(
      "records it on the mailbox when the network %s mid-fetch, and fetches the mail on the next poll",
      async (_, fault, error) => {
        const from = `${fault}@example.com`;
        await deliver(from, `Network ${fault}`);
        proxy.state.fault = fault;
        await poller().pollAll();
        expect((await mailbox()).last_error).toMatch(error);
        expect(await ticketsFrom(from)).toHaveLength(0);

        proxy.state.fault = "none";
        await poller().pollAll();
        expect((await mailbox()).last_error).toBeNull();
        await fileStored();
        expect(await ticketsFrom(from)).toHaveLength(1);
      },
    );
  });
});
