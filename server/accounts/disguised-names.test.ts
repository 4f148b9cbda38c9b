/**
 * Names people read (their own, a requester's, an organization's, a status label) are one visible line: a
 * right-to-left override shows "Robin\u202Enimda" as "Robin admin", a zero-width space makes a second "Admin"
 * that looks like the first, and a line break puts a paragraph of the writer's choosing into every mail that
 * greets them. Forms refuse such a name with a sentence; a mail's From name, which cannot be refused, loses them.
 */
import { beforeAll, expect, it } from "vitest";
import type { App } from "../http/types.ts";
import { processInbound } from "../mail/inbound/router.ts";
import { storeInbound } from "../mail/inbound/store.ts";
import { ensureMailbox, supportAddress } from "../mail/inbound/test-support.ts";
import { describeEachEngine } from "../test/engines.ts";
import {
  buildAdmin,
  buildSubmission,
  buildTestApp,
  countRows,
  injectAs,
  type SignedInClient,
  signInAs,
  testConfig,
} from "../test/factories.ts";

const disguised = ["Robin\u202Enimda", "Ad\u200Bmin", "Robin\n\nYour account is locked. Call +1 555 0100"];
const refusal = "Write the name on one line, without invisible characters.";

describeEachEngine("names that disguise themselves", ({ db, engine }) => {
  let app: App;
  let admin: SignedInClient;
  beforeAll(async () => {
    app = await buildTestApp(db(), engine);
    admin = await signInAs(app, await buildAdmin(db()));
  });

  it("refuses them when registering and on the request form, and stores nothing", async () => {
    const users = await countRows(db(), "users");
    const tickets = await countRows(db(), "tickets");
    for (const name of disguised) {
      const registered = await app.inject({
        method: "POST",
        url: "/api/v1/accounts",
        payload: { name, email: "new.person@example.com", password: "a long enough password" },
      });
      expect(registered.statusCode).toBe(400);
      expect(registered.json().error.fields).toEqual({ name: refusal });
      const submitted = await app.inject({
        method: "POST",
        url: "/api/v1/tickets",
        payload: await buildSubmission(db(), { name }),
      });
      expect(submitted.statusCode).toBe(400);
      expect(submitted.json().error.fields).toEqual({ name: refusal });
    }
    expect(await countRows(db(), "users")).toBe(users);
    expect(await countRows(db(), "tickets")).toBe(tickets);
  });

  it("refuses them for a person or an organization an admin names", async () => {
    const person = await injectAs(app, admin, "POST", "/api/v1/admin/users", {
      name: "Robin\u202Enimda",
      email: "robin.admin@example.com",
      licence: "customer",
    });
    expect(person.statusCode).toBe(400);
    expect(person.json().error.fields).toEqual({ name: refusal });
    const organization = await injectAs(app, admin, "POST", "/api/v1/admin/organizations", {
      name: "Acme\u2066 Support",
    });
    expect(organization.statusCode).toBe(400);
    expect(organization.json().error.fields).toEqual({ name: refusal });
  });

  it("keeps names whose joiners and marks a script needs", async () => {
    const submitted = await app.inject({
      method: "POST",
      url: "/api/v1/tickets",
      payload: await buildSubmission(db(), { name: "\u0645\u062D\u0645\u062F \u200F(Mo)\u200D" }),
    });
    expect(submitted.statusCode).toBe(201);
  });

  it("drops them from the name a mail's From gives its requester", async () => {
    const mailboxId = await ensureMailbox(db());
    const raw = Buffer.from(
      `From: =?utf-8?B?${Buffer.from("Robin\u202Enimda").toString("base64")}?= <robin.mail@example.com>\r\nTo: ${supportAddress}\r\nSubject: Printer\r\nMessage-ID: <disguised-name@example.com>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nThe printer is jammed.\r\n`,
    );
    const { id } = await storeInbound(db(), { mailboxId, raw, source: "smtp", envelopeFrom: null });
    await processInbound({ db: db(), config: testConfig() }, id);
    const ticket = await db()
      .selectFrom("tickets")
      .select("requester_name")
      .where("requester_email", "=", "robin.mail@example.com")
      .executeTakeFirstOrThrow();
    expect(ticket.requester_name).toBe("Robinnimda");
  });

  it("keeps a subject to one visible line, on the form and from mail, where a hidden character cannot be seen to remove", async () => {
    // "Invoice \u202Efdp.exe" shows as "Invoice exe.pdf": the override goes, the words stay, the line is one.
    const submitted = await app.inject({
      method: "POST",
      url: "/api/v1/tickets",
      payload: await buildSubmission(db(), { subject: "Invoice \u202Efdp.exe\nsecond\u200B line" }),
    });
    expect(submitted.statusCode).toBe(201);
    const fromForm = await db()
      .selectFrom("tickets")
      .select("subject")
      .where("number", "=", submitted.json().number)
      .executeTakeFirstOrThrow();
    expect(fromForm.subject).toBe("Invoice fdp.exe second line");

    const mailboxId = await ensureMailbox(db());
    const subject = Buffer.from("Invoice \u202Efdp.exe").toString("base64");
    const raw = Buffer.from(
      `From: Sam <sam.subject@example.com>\r\nTo: ${supportAddress}\r\nSubject: =?utf-8?B?${subject}?=\r\nMessage-ID: <disguised-subject@example.com>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nSee attached.\r\n`,
    );
    const { id } = await storeInbound(db(), { mailboxId, raw, source: "smtp", envelopeFrom: null });
    await processInbound({ db: db(), config: testConfig() }, id);
    const fromMail = await db()
      .selectFrom("tickets")
      .select("subject")
      .where("requester_email", "=", "sam.subject@example.com")
      .executeTakeFirstOrThrow();
    expect(fromMail.subject).toBe("Invoice fdp.exe");
  });
});
