import net from "node:net";
import { expect, it, vi } from "vitest";
import { describeEachEngine } from "./test/engines.ts";
import { freePort } from "./test/ports.ts";
import { blankServerData, startServer, stopServer } from "./test/server-process.ts";

// The real server starts on a blank database it migrates first (see first-start.test.ts).
vi.setConfig({ testTimeout: 120_000 });

/** A sending mail server that has said hello and keeps its session open for more mail, as MTAs do. */
async function openSmtpSession(port: number): Promise<{ said: () => string }> {
  const socket = net.connect(port, "127.0.0.1");
  let said = "";
  socket.on("data", (chunk) => {
    said += chunk.toString();
  });
  socket.on("error", () => {});
  // waitFor's default second was too short for the greeting of a server just started on a loaded machine (a
  // full suite beside a benchmark): it failed with nothing said yet. Polled, so a quick answer is not slowed.
  const answer = { timeout: 15_000, interval: 20 };
  await vi.waitFor(() => expect(said).toMatch(/^220 /), answer);
  socket.write("EHLO relay.example\r\n");
  await vi.waitFor(() => expect(said).toMatch(/^250 /m), answer);
  return { said: () => said };
}

describeEachEngine("stopping the server", ({ engine }) => {
  const blank = blankServerData(engine, "switchboard-shutdown-");

  // Before, the receiver waited 30 s for such a session, past twice the deadline: the process was killed (exit 1)
  // with its job runners never told to stop.
  it("stops cleanly within its deadline while a mail server holds a session open with the SMTP receiver", async () => {
    const smtpPort = await freePort();
    const { child } = await startServer({
      ...blank.env(),
      DEMO_DATA: "false",
      INBOUND_SMTP_PORT: String(smtpPort),
      INBOUND_SMTP_HOST: "127.0.0.1",
      SHUTDOWN_SECONDS: "1",
    });
    const session = await openSmtpSession(smtpPort);
    expect(await stopServer(child)).toBe(0);
    // The sending server was told to come back later, so it keeps the message it had not sent yet.
    expect(session.said()).toMatch(/^421 /m);
  });
});
