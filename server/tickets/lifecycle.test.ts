import { expect, it } from "vitest";
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

describeEachEngine("the life of a ticket", ({ db, engine }) => {
  let app: App;
  let agent: SignedInClient;
  let customer: SignedInClient;
  const as = (client: SignedInClient, method: "GET" | "POST" | "DELETE", url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: { cookie: client.cookie, "x-csrf-token": client.csrfToken },
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });
  const statusId = async (key: string) =>
    (await db().selectFrom("statuses").select("id").where("key", "=", key).executeTakeFirstOrThrow()).id;
  const detail = async (client: SignedInClient, number: number) =>
    (await as(client, "GET", `/api/v1/tickets/${number}`)).json();
  const feed = async (client: SignedInClient, number: number) =>
    (await as(client, "GET", `/api/v1/tickets/${number}/feed`)).json().entries as Record<string, string | null>[];
  const newTicket = async (subject: string) =>
    (await as(customer, "POST", "/api/v1/tickets", await buildSubmission(db(), { subject }))).json().number as number;

  it("lets an agent move a ticket and tells the requester in the customer's words", async () => {
    app = await buildTestApp(db(), engine);
    agent = await signInAs(app, await buildAgent(db()));
    customer = await signInAs(app, await buildCustomer(db()));
    const number = await newTicket("Cannot print");
    const moved = await as(agent, "POST", `/api/v1/tickets/${number}/status`, {
      statusId: await statusId("waiting_for_customer"),
      comment: { body: "Which printer?" },
    });
    expect(moved.statusCode).toBe(204);
    expect((await latestMailTo(db(), customer.user.email))?.subject).toBe(
      `[#${number}] Awaiting your reply: Cannot print`,
    );
    const entries = await feed(customer, number);
    expect(entries.map((e) => e.type)).toEqual(["created", "comment", "status_changed"]);
    expect(entries[2]).toMatchObject({ from: "Open", to: "Awaiting your reply" });
    expect((await feed(agent, number))[2]).toMatchObject({ from: "New", to: "Waiting for Customer" });
    expect(
      (await as(customer, "POST", `/api/v1/tickets/${number}/status`, { statusId: await statusId("closed") }))
        .statusCode,
    ).toBe(403);
  });

  it("refuses a misspelt key in a status change's comment: a note meant for agents went out as a public reply", async () => {
    const number = await newTicket("Laptop fan loud");
    const before = (await feed(customer, number)).length;
    const waiting = await statusId("waiting_for_customer");
    for (const [path, body] of [
      ["status", { statusId: waiting, comment: { body: "Customer is on the watch list", kindd: "note" } }],
      ["solve", { comment: { body: "Customer is on the watch list", knd: "note" } }],
    ] as const) {
      const refused = await as(agent, "POST", `/api/v1/tickets/${number}/${path}`, body);
      expect(refused.statusCode, path).toBe(400);
      expect(Object.values(refused.json().error.fields)).toEqual([
        "This field is not known here: check its name in the API reference.",
      ]);
    }
    const entries = await feed(customer, number);
    expect(entries.length).toBe(before);
    expect(JSON.stringify(entries)).not.toContain("watch list");
  });

  it("lets the requester mark it solved, and reopens it when they write again inside the window", async () => {
    const number = await newTicket("Wifi slow");
    const solved = await as(customer, "POST", `/api/v1/tickets/${number}/solve`, {
      comment: { body: "Fixed after a reboot" },
    });
    expect(solved.statusCode).toBe(204);
    const after = await detail(customer, number);
    expect(after.status).toMatchObject({ customerLabel: "Resolved", category: "solved" });
    expect(after.reopenUntil).not.toBeNull();
    expect((await feed(customer, number)).map((e) => e.type)).toEqual(["created", "comment", "status_changed"]);

    const again = await as(customer, "POST", `/api/v1/tickets/${number}/comments`, { body: "It is slow again" });
    expect(again.statusCode).toBe(201);
    expect((await detail(customer, number)).status).toMatchObject({ customerLabel: "Open", category: "open" });
    expect((await as(customer, "POST", `/api/v1/tickets/${number}/solve`, {})).statusCode).toBe(204);
    expect((await as(customer, "POST", `/api/v1/tickets/${number}/solve`, {})).statusCode).toBe(409);
  });

  it("past the window, a solved ticket takes no reply, only a follow-up, and the two link to each other", async () => {
    const number = await newTicket("Laptop battery");
    await as(customer, "POST", `/api/v1/tickets/${number}/solve`, {});
    // Solved on a Monday two weeks ago: 3 business days are long gone.
    await db()
      .updateTable("tickets")
      .set({ solved_at: "2026-01-05T10:00:00.000Z", auto_close_at: "2026-01-08T10:00:00.000Z" })
      .where("number", "=", number)
      .execute();
    const late = await as(customer, "POST", `/api/v1/tickets/${number}/comments`, { body: "Dead again" });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toBe(
      "This request was solved more than 3 business days ago. Create a follow-up instead.",
    );

    const followUp = await as(customer, "POST", `/api/v1/tickets/${number}/follow-ups`, {
      subject: "Battery dead again",
      message: "Same laptop.",
    });
    expect(followUp.statusCode).toBe(201);
    const newNumber = followUp.json().number;
    expect((await detail(customer, newNumber)).followUpOf).toBe(number);
    expect((await detail(customer, number)).followUps).toEqual([newNumber]);
    expect((await feed(customer, number)).at(-1)).toMatchObject({
      type: "follow_up_created",
      detail: `Follow-up: #${newNumber}`,
      // The same line as a code and its values, for the reader's language.
      details: [{ code: "followUp", number: newNumber }],
    });
    const open = await as(customer, "POST", `/api/v1/tickets/${newNumber}/follow-ups`, { subject: "x", message: "y" });
    expect(open.statusCode).toBe(409);
  });

  it("withdraws with a reason that shows in the Feed, and then takes no comments", async () => {
    const number = await newTicket("Password reset");
    const reasons = (await as(customer, "GET", "/api/v1/withdraw-reasons")).json().reasons;
    const reason = reasons.find((r: { label: string }) => r.label === "I found the answer myself");
    const withdrawn = await as(customer, "POST", `/api/v1/tickets/${number}/withdraw`, {
      reasonId: reason.id,
      comment: { body: "Found the reset link" },
    });
    expect(withdrawn.statusCode).toBe(204);
    expect((await detail(customer, number)).status).toMatchObject({
      customerLabel: "Withdrawn",
      category: "cancelled",
    });
    expect((await feed(customer, number)).at(-1)).toMatchObject({
      type: "status_changed",
      to: "Withdrawn",
      detail: "Reason: I found the answer myself",
      details: [{ code: "reason", reason: "I found the answer myself" }],
    });
    // A reader of another language reads the reason in theirs (the shipped reasons come translated, 0089).
    for (const reader of [customer, agent]) {
      const german = await app.inject({
        method: "GET",
        url: `/api/v1/tickets/${number}/feed`,
        headers: { cookie: reader.cookie, "accept-language": "de" },
      });
      expect(german.json().entries.at(-1).details).toEqual([
        { code: "reason", reason: "Ich habe die Antwort selbst gefunden" },
      ]);
    }
    expect((await as(customer, "POST", `/api/v1/tickets/${number}/comments`, { body: "Oops" })).statusCode).toBe(409);
    const badReason = await as(customer, "POST", `/api/v1/tickets/${await newTicket("Other")}/withdraw`, {
      reasonId: agent.user.id,
    });
    expect(badReason.statusCode).toBe(400);
    expect(badReason.json().error.fields).toEqual({ reasonId: "Choose a reason from the list." });
  });

  it("'Mark as solved and send' writes the comment and solves in one step, or does neither", async () => {
    const number = await newTicket("Mouse lag");
    await as(agent, "POST", `/api/v1/tickets/${number}/status`, {
      statusId: await statusId("waiting_for_customer"),
      comment: { body: "Does a new battery help?" },
    });
    // Waiting for the customer: a plain reply would reopen it, so the last word must not undo the solve.
    const solved = await as(customer, "POST", `/api/v1/tickets/${number}/solve`, {
      comment: { body: "Yes, all good now" },
    });
    expect(solved.statusCode).toBe(204);
    expect((await detail(customer, number)).status.category).toBe("solved");
    const entries = await feed(agent, number);
    expect(entries.slice(-2).map((e) => [e.type, e.body ?? e.to])).toEqual([
      ["comment", "Yes, all good now"],
      ["status_changed", "Solved"],
    ]);

    // Someone copied may comment but not solve: the refused solve keeps their comment out too.
    const copied = await buildCustomer(db());
    const another = await newTicket("Keyboard sticky");
    await as(customer, "POST", `/api/v1/tickets/${another}/ccs`, { email: copied.email });
    const copiedSession = await signInAs(app, copied);
    const refused = await as(copiedSession, "POST", `/api/v1/tickets/${another}/solve`, {
      comment: { body: "Solved from my side" },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe(
      "Only the requester (or an agent working the ticket) can mark this request as solved.",
    );
    expect((await feed(agent, another)).map((e) => e.type)).toEqual(["created", "cc_added"]);
    expect((await detail(copiedSession, another)).abilities).toMatchObject({
      reply: true,
      solve: false,
      withdraw: false,
      removeCc: false,
      leaveCc: true,
      note: false,
    });
    expect((await detail(customer, another)).abilities).toMatchObject({ reply: true, solve: true, withdraw: true });
    // They may stop being copied themselves, but not remove anyone else.
    expect(
      (
        await as(copiedSession, "POST", `/api/v1/tickets/${another}/withdraw`, {
          reasonId: (await db().selectFrom("withdraw_reasons").select("id").executeTakeFirstOrThrow()).id,
        })
      ).statusCode,
    ).toBe(403);
    expect((await as(copiedSession, "DELETE", `/api/v1/tickets/${another}/ccs/${copied.email}`)).statusCode).toBe(204);
  });

  it("copies colleagues: they get public replies by mail and, with an account, see the ticket", async () => {
    const number = await newTicket("Shared drive full");
    const colleague = await buildCustomer(db());
    expect((await as(customer, "POST", `/api/v1/tickets/${number}/ccs`, { email: colleague.email })).statusCode).toBe(
      204,
    );
    expect(
      (await as(customer, "POST", `/api/v1/tickets/${number}/ccs`, { email: "outsider@example.com" })).statusCode,
    ).toBe(204);
    const self = await as(customer, "POST", `/api/v1/tickets/${number}/ccs`, { email: customer.user.email });
    expect(self.json().error.fields).toEqual({ email: "The requester already gets every reply." });
    expect((await detail(customer, number)).ccs).toEqual([colleague.email, "outsider@example.com"].sort());

    await as(agent, "POST", `/api/v1/tickets/${number}/comments`, { body: "We freed 20 GB" });
    expect((await latestMailTo(db(), "outsider@example.com"))?.subject).toBe(
      `[#${number}] New reply: Shared drive full`,
    );
    expect((await latestMailTo(db(), "outsider@example.com"))?.text_body).toContain("/access/");
    expect((await latestMailTo(db(), colleague.email))?.text_body).toContain(`/requests/${number}`);
    await as(agent, "POST", `/api/v1/tickets/${number}/comments`, { body: "Internal: ask finance", kind: "note" });
    expect((await latestMailTo(db(), "outsider@example.com"))?.text_body).not.toContain("finance");

    const colleagueSession = await signInAs(app, colleague);
    const list = (await as(colleagueSession, "GET", "/api/v1/tickets")).json().tickets;
    expect(list.map((t: { number: number }) => t.number)).toEqual([number]);

    // Notify only the colleague: the outsider, though copied, gets nothing; a stranger named in the list neither.
    const outsiderBefore = (
      await db().selectFrom("mail_messages").select("id").where("to_address", "=", "outsider@example.com").execute()
    ).length;
    await as(agent, "POST", `/api/v1/tickets/${number}/comments`, {
      body: "Just for you",
      notify: [colleague.email, "stranger@example.com"],
    });
    expect((await latestMailTo(db(), colleague.email))?.text_body).toContain("Just for you");
    expect(
      (await db().selectFrom("mail_messages").select("id").where("to_address", "=", "outsider@example.com").execute())
        .length,
    ).toBe(outsiderBefore);
    expect(await latestMailTo(db(), "stranger@example.com")).toBeUndefined();

    // The copied guest's access link opens the ticket for them, until they are no longer copied.
    const opened = await app.inject({
      method: "POST",
      url: "/api/v1/guest-sessions",
      payload: { token: linkToken((await latestMailTo(db(), "outsider@example.com"))?.text_body, "/access/") },
    });
    expect(opened.statusCode).toBe(200);
    const guest = {
      cookie: `sb_guest=${opened.cookies.find((c) => c.name === "sb_guest")?.value}`,
      csrfToken: opened.json().csrfToken as string,
    };
    const asGuest = (method: "GET" | "POST", url: string, payload?: object) =>
      app.inject({
        method,
        url,
        headers: { cookie: guest.cookie, "x-csrf-token": guest.csrfToken },
        ...(payload ? { payload: payload as Record<string, unknown> } : {}),
      });
    expect((await asGuest("GET", `/api/v1/tickets/${number}`)).json().subject).toBe("Shared drive full");
    expect(
      (await asGuest("POST", `/api/v1/tickets/${number}/comments`, { body: "Thanks from me too" })).statusCode,
    ).toBe(201);

    await as(customer, "DELETE", `/api/v1/tickets/${number}/ccs/outsider@example.com`);
    expect((await asGuest("GET", `/api/v1/tickets/${number}`)).statusCode).toBe(401);
    const before = (
      await db().selectFrom("mail_messages").select("id").where("to_address", "=", "outsider@example.com").execute()
    ).length;
    await as(agent, "POST", `/api/v1/tickets/${number}/comments`, { body: "Done" });
    const afterCount = (
      await db().selectFrom("mail_messages").select("id").where("to_address", "=", "outsider@example.com").execute()
    ).length;
    expect(afterCount).toBe(before);
  });
});
