import { expect, it } from "vitest";
import { anonymous } from "../core/actor.ts";
import { describeEachEngine } from "../test/engines.ts";
import {
  buildAdmin,
  buildNarrowAdmin,
  buildSubmission,
  buildTestApp,
  signInAs,
  testConfig,
} from "../test/factories.ts";
import { submitTicket } from "../tickets/commands/submit-ticket.ts";
import { ensureMailbox } from "./inbound/test-support.ts";
import { queueMail } from "./outbox.ts";
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

  it("finds a recipient's mail by address and a part of its subject, however much newer mail there is", async () => {
    const config = testConfig();
    const app = await buildTestApp(db(), engine, config);
    const admin = await signInAs(app, await buildAdmin(db()));
    const send = (to: string, subject: string, at: string) =>
      db()
        .transaction()
        .execute((trx) =>
          queueMail(
            trx,
            { template: "test", to, content: { subject, text: subject, html: `<p>${subject}</p>` } },
            { baseUrl: config.baseUrl, at },
          ),
        );
    const wanted = await send("Kim.Filter@example.com", "[#7] Alert: All tasks complete", "2026-03-02T10:00:00.000Z");
    await send("kim.filter@example.com", "[#7] Alert: Ticket due", "2026-03-02T10:00:01.000Z");
    // A hundred and one newer mails: stamped an hour later, as a moved test clock stamps them.
    for (let i = 0; i < 101; i++)
      await send(`other.${i}@example.com`, "[#7] Alert: All tasks complete", "2026-03-02T11:00:00.000Z");
    const list = async (query: string) =>
      (
        await app.inject({ method: "GET", url: `/api/v1/dev-mailbox${query}`, headers: { cookie: admin.cookie } })
      ).json().messages as { id: string; to: string; subject: string }[];

    expect((await list("")).map((m) => m.id)).not.toContain(wanted);
    expect(await list("?to=kim.filter%40example.com&subject=all%20tasks")).toEqual([
      expect.objectContaining({ id: wanted, to: "Kim.Filter@example.com", subject: "[#7] Alert: All tasks complete" }),
    ]);
    expect((await list("?to=KIM.FILTER%40example.com")).map((m) => m.subject)).toEqual([
      "[#7] Alert: Ticket due",
      "[#7] Alert: All tasks complete",
    ]);
    // % and _ in the searched part are themselves, not wildcards.
    expect(await list("?to=kim.filter%40example.com&subject=%25")).toEqual([]);
    const tooLong = await app.inject({
      method: "GET",
      url: `/api/v1/dev-mailbox?subject=${"x".repeat(201)}`,
      headers: { cookie: admin.cookie },
    });
    expect(tooLong.statusCode).toBe(400);
  });

  it("on a server, opens only to an admin who holds every permission: it holds everyone's reset links", async () => {
    const config = testConfig({ devMailbox: "admins" });
    const app = await buildTestApp(db(), engine, config);
    const owner = await buildAdmin(db());
    const settings = await signInAs(app, await buildNarrowAdmin(db(), ["admin.settings"]));
    const reset = await app.inject({
      method: "POST",
      url: "/api/v1/password-resets",
      payload: { email: owner.email },
    });
    expect(reset.statusCode).toBe(202);

    // With the owner's reset link an admin of settings alone would become the owner.
    const refused = await app.inject({ url: "/api/v1/dev-mailbox", headers: { cookie: settings.cookie } });
    expect(refused.statusCode).toBe(404);
    const full = await signInAs(app, await buildAdmin(db()));
    const list = await app.inject({ url: "/api/v1/dev-mailbox", headers: { cookie: full.cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.json().messages.map((m: { to: string }) => m.to)).toContain(owner.email);
  });
});
