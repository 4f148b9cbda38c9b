import { expect, it } from "vitest";
import type { App } from "../http/types.ts";
import { describeEachEngine } from "../test/engines.ts";
import {
  buildAgent,
  buildSubmission,
  buildTestApp,
  latestMailTo,
  linkToken,
  type SignedInClient,
  signInAs,
} from "../test/factories.ts";

describeEachEngine("the conversation on a ticket", ({ db, engine }) => {
  let app: App;
  let agent: SignedInClient;
  let guest: { cookie: string; csrfToken: string };
  let number: number;
  const as = (client: { cookie: string; csrfToken: string }, method: "GET" | "POST", url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: { cookie: client.cookie, "x-csrf-token": client.csrfToken },
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });
  const feed = async (client: { cookie: string; csrfToken: string }) =>
    (await as(client, "GET", `/api/v1/tickets/${number}/feed`)).json().entries as {
      type: string;
      body: string | null;
      visibility: string;
      from: string | null;
      to: string | null;
    }[];

  it("lets the agent reply publicly and the guest read it by the mailed link", async () => {
    app = await buildTestApp(db(), engine);
    number = (
      await app.inject({
        method: "POST",
        url: "/api/v1/tickets",
        payload: await buildSubmission(db(), { email: "gail@example.com" }),
      })
    ).json().number;
    agent = await signInAs(app, await buildAgent(db()));
    const reply = await as(agent, "POST", `/api/v1/tickets/${number}/comments`, {
      body: "Have you tried turning it off and on?",
    });
    expect(reply.statusCode).toBe(201);

    const mail = await latestMailTo(db(), "gail@example.com");
    expect(mail?.subject).toBe(`[#${number}] New reply: The VPN drops every ten minutes`);
    expect(mail?.text_body).toContain("Have you tried turning it off and on?");
    const opened = await app.inject({
      method: "POST",
      url: "/api/v1/guest-sessions",
      payload: { token: linkToken(mail?.text_body, "/access/") },
    });
    guest = {
      cookie: `sb_guest=${opened.cookies.find((c) => c.name === "sb_guest")?.value}`,
      csrfToken: opened.json().csrfToken,
    };
    const entries = await feed(guest);
    expect(entries.map((e) => e.type)).toEqual(["created", "comment"]);
    expect(entries[1]?.body).toBe("Have you tried turning it off and on?");
  });

  it("keeps private comments and internal notes from the customer, everywhere", async () => {
    await as(agent, "POST", `/api/v1/tickets/${number}/comments`, {
      body: "Looks like the VPN concentrator",
      kind: "private",
    });
    await as(agent, "POST", `/api/v1/tickets/${number}/comments`, {
      body: "Secret: escalate to network team",
      kind: "note",
    });
    const forCustomer = await feed(guest);
    expect(JSON.stringify(forCustomer)).not.toContain("concentrator");
    expect(JSON.stringify(forCustomer)).not.toContain("Secret");
    const detail = await as(guest, "GET", `/api/v1/tickets/${number}`);
    expect(detail.body).not.toContain("Secret");
    const mails = await db().selectFrom("mail_messages").select(["text_body", "html_body"]).execute();
    expect(JSON.stringify(mails)).not.toContain("Secret");
    expect((await feed(agent)).map((e) => [e.type, e.visibility])).toEqual([
      ["created", "public"],
      ["comment", "public"],
      ["comment", "internal"],
      ["note", "internal"],
    ]);
  });

  it("refuses private comments and notes from customers", async () => {
    const response = await as(guest, "POST", `/api/v1/tickets/${number}/comments`, { body: "Let me in", kind: "note" });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toBe(
      "Only agents working the ticket can write private comments and internal notes.",
    );
  });

  it("moves a ticket waiting for the customer back to open when they reply", async () => {
    const waiting = await db()
      .selectFrom("statuses")
      .select("id")
      .where("key", "=", "waiting_for_customer")
      .executeTakeFirstOrThrow();
    await db().updateTable("tickets").set({ status_id: waiting.id }).where("number", "=", number).execute();
    const reply = await as(guest, "POST", `/api/v1/tickets/${number}/comments`, {
      body: "<p>It <em>works</em> now</p>",
      format: "html",
    });
    expect(reply.statusCode).toBe(201);
    const detail = (await as(guest, "GET", `/api/v1/tickets/${number}`)).json();
    expect(detail.status).toMatchObject({ customerLabel: "Open", category: "open" });
    const last = (await feed(guest)).slice(-2);
    expect(last[0]).toMatchObject({ type: "comment", body: "<p>It <em>works</em> now</p>" });
    expect(last[1]).toMatchObject({ type: "status_changed", from: "Awaiting your reply", to: "Open" });
    expect((await feed(agent)).at(-1)).toMatchObject({ from: "Waiting for Customer", to: "Open" });
  });

  it("takes no comments on a closed ticket", async () => {
    const closed = await db().selectFrom("statuses").select("id").where("key", "=", "closed").executeTakeFirstOrThrow();
    await db().updateTable("tickets").set({ status_id: closed.id }).where("number", "=", number).execute();
    const response = await as(guest, "POST", `/api/v1/tickets/${number}/comments`, { body: "One more thing" });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toBe(
      "This request is closed and takes no more comments. Create a follow-up instead.",
    );
  });

  it("lists who opened the ticket, each once with their latest visit", async () => {
    for (const client of [agent, guest, agent]) {
      expect((await as(client, "POST", `/api/v1/tickets/${number}/views`)).statusCode).toBe(204);
    }
    const readers = (await as(guest, "GET", `/api/v1/tickets/${number}/read-by`)).json().readers;
    expect(readers.map((r: { name: string; role: string }) => [r.name, r.role]).sort()).toEqual(
      [
        [agent.user.name, "agent"],
        // The guest is the requester: named as they named themselves when they submitted it.
        ["Robin Guest", "customer"],
      ].sort(),
    );
    const views = await db().selectFrom("ticket_events").select("id").where("type", "=", "viewed").execute();
    expect(views).toHaveLength(2);
  });
});
