import { beforeAll, expect, it } from "vitest";
import type { App } from "../http/types.ts";
import { describeEachEngine } from "../test/engines.ts";
import {
  buildAgent,
  buildCustomer,
  buildSubmission,
  buildTestApp,
  latestMailTo,
  linkToken,
  type SignedInClient,
  signInAs,
} from "../test/factories.ts";

/**
 * Anyone may copy any address on their request, so a request must not be a way to mail strangers chosen words:
 * an address that has never proven it is someone's hears that something happened, with the number and a link,
 * but not the customer's subject, words or name, until it has opened a link once.
 */
describeEachEngine("mail to addresses copied on a request", ({ db, engine }) => {
  let app: App;
  let customer: SignedInClient;
  let colleague: SignedInClient;
  let agent: SignedInClient;
  let number: number;
  const stranger = "stranger@elsewhere.example";
  const spam = "Cheap watches at spam.example";

  const send = (who: SignedInClient | { cookie: string; csrfToken: string }, url: string, payload: object) =>
    app.inject({
      method: "POST",
      url,
      headers: { cookie: who.cookie, "x-csrf-token": who.csrfToken },
      payload: payload as Record<string, unknown>,
    });
  const mailTo = async (to: string, template?: string) => {
    const mail = template
      ? await db()
          .selectFrom("mail_messages")
          .selectAll()
          .where("to_address", "=", to)
          .where("template", "=", template)
          .orderBy("created_at", "desc")
          .orderBy("id", "desc")
          .executeTakeFirst()
      : await latestMailTo(db(), to);
    if (!mail) throw new Error(`no mail to ${to}`);
    return mail;
  };
  const wordsOf = (mail: { subject: string; text_body: string; html_body: string }) =>
    `${mail.subject}\n${mail.text_body}\n${mail.html_body}`;

  beforeAll(async () => {
    app = await buildTestApp(db(), engine);
    const customerUser = await buildCustomer(db());
    await db().updateTable("users").set({ name: "Visit spam.example" }).where("id", "=", customerUser.id).execute();
    customer = await signInAs(app, customerUser);
    colleague = await signInAs(app, await buildCustomer(db()));
    agent = await signInAs(app, await buildAgent(db()));
    const submitted = await send(
      customer,
      "/api/v1/tickets",
      await buildSubmission(db(), { email: customerUser.email, subject: spam }),
    );
    expect(submitted.statusCode).toBe(201);
    number = submitted.json().number;
    for (const email of [stranger, colleague.user.email]) {
      expect((await send(customer, `/api/v1/tickets/${number}/ccs`, { email })).statusCode).toBe(204);
    }
  });

  it("tells an unproven address of a customer's reply without the customer's words", async () => {
    const reply = await send(customer, `/api/v1/tickets/${number}/comments`, {
      body: "BUY NOW at spam.example, 90% off",
      format: "text",
    });
    expect(reply.statusCode).toBe(201);
    const notice = await mailTo(stranger);
    expect(notice.template).toBe("comment-added");
    expect(notice.subject).toBe(`[#${number}] New reply`);
    expect(notice.text_body).toContain(`There is a new reply on request #${number}.`);
    expect(wordsOf(notice)).not.toContain("spam.example");
    // The link still opens the request.
    expect(linkToken(notice.text_body, "/access/")).toBeTruthy();
    // Someone with a confirmed account reads the reply itself.
    const full = await mailTo(colleague.user.email);
    expect(full.subject).toBe(`[#${number}] New reply: ${spam}`);
    expect(full.text_body).toContain("BUY NOW at spam.example, 90% off");
  });

  it("tells it of a status the customer set without the subject", async () => {
    expect((await send(customer, `/api/v1/tickets/${number}/solve`, {})).statusCode).toBe(204);
    const notice = await mailTo(stranger);
    expect(notice.template).toBe("status-changed");
    expect(notice.text_body).toContain(`Request #${number} is now:`);
    expect(wordsOf(notice)).not.toContain("spam.example");
    expect((await mailTo(colleague.user.email)).subject).toContain(spam);
  });

  it("sends agents' replies whole, and the customer's once the address has opened a link", async () => {
    const answered = await send(agent, `/api/v1/tickets/${number}/comments`, {
      body: "We are looking into it.",
      format: "text",
    });
    expect(answered.statusCode).toBe(201);
    const fromAgent = await mailTo(stranger);
    expect(fromAgent.text_body).toContain("We are looking into it.");

    const opened = await app.inject({
      method: "POST",
      url: "/api/v1/guest-sessions",
      payload: { token: linkToken(fromAgent.text_body, "/access/") },
    });
    expect(opened.statusCode).toBe(200);
    expect(
      (await send(customer, `/api/v1/tickets/${number}/comments`, { body: "Thanks!", format: "text" })).statusCode,
    ).toBe(201);
    // The reply reopens the solved request: its status mail follows the reply's.
    const whole = await mailTo(stranger, "comment-added");
    expect(whole.text_body).toContain("Thanks!");
    expect(whole.subject).toContain(spam);
  });
});
