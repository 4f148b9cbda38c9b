import { expect, it } from "vitest";
import { anonymous } from "../core/actor.ts";
import { describeEachEngine } from "../test/engines.ts";
import { buildAdmin, buildSubmission, buildTestApp, signInAs, testConfig } from "../test/factories.ts";
import { submitTicket } from "../tickets/commands/submit-ticket.ts";
import { ensureMailbox } from "./inbound/test-support.ts";
import { parseReplyAddress } from "./threading.ts";

describeEachEngine("the dev mailbox", ({ db, engine }) => {
  it("shows a message's Reply-To, so a reply to it can be sent from a mail client", async () => {
    const config = testConfig();
    const app = await buildTestApp(db(), engine, config);
    const admin = await signInAs(app, await buildAdmin(db()));
    const read = async (to: string) => {
      const list = await app.inject({ method: "GET", url: "/api/v1/dev-mailbox", headers: { cookie: admin.cookie } });
      const summary = list.json().messages.find((m: { to: string }) => m.to === to);
      const one = await app.inject({
        method: "GET",
        url: `/api/v1/dev-mailbox/${summary.id}`,
        headers: { cookie: admin.cookie },
      });
      return one.json();
    };

    // No mailbox takes mail in yet: nothing to reply to.
    await submitTicket(
      { db: db(), config },
      anonymous,
      await buildSubmission(db(), { email: "ro.before@example.com" }),
    );
    expect((await read("ro.before@example.com")).replyTo).toBeNull();

    await ensureMailbox(db(), "help@support.example");
    const { number } = await submitTicket(
      { db: db(), config },
      anonymous,
      await buildSubmission(db(), { email: "ro.after@example.com" }),
    );
    const mail = await read("ro.after@example.com");
    expect(mail.replyTo).toMatch(/^help\+.+@support\.example$/);
    expect(parseReplyAddress(mail.replyTo)?.number).toBe(number);
  });
});
