import { expect, it } from "vitest";
import type { App } from "../http/types.ts";
import { describeEachEngine } from "../test/engines.ts";
import { buildSubmission, buildTestApp, latestMailTo, linkToken, testConfig } from "../test/factories.ts";

describeEachEngine("guest status check and access links", ({ db, engine }) => {
  let app: App;
  let ownNumber: number;
  let otherNumber: number;
  const post = (url: string, payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
    app.inject({ method: "POST", url, payload, headers });
  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: "GET", url, headers });

  /** Follows an access link the way the web app does and returns what the browser then holds. */
  async function openLink(token: string) {
    const response = await post("/api/v1/guest-sessions", { token });
    const cookie = response.cookies.find((c) => c.name === "sb_guest");
    return { response, cookie: cookie ? `sb_guest=${cookie.value}` : "", csrf: response.json().csrfToken as string };
  }

  it("mails a submitting guest an access link that opens their ticket and nothing else", async () => {
    app = await buildTestApp(db(), engine, testConfig({ devMailbox: "admins" }));
    ownNumber = (
      await post("/api/v1/tickets", await buildSubmission(db(), { email: "ana@example.com", subject: "Mine" }))
    ).json().number;
    otherNumber = (
      await post("/api/v1/tickets", await buildSubmission(db(), { email: "ben@example.com", subject: "Ben's" }))
    ).json().number;

    const mail = await latestMailTo(db(), "ana@example.com");
    // A first request from an unproven address gets a receipt without its text (no mail relay).
    expect(mail?.subject).toBe(`[#${ownNumber}] We received your request`);
    const guest = await openLink(linkToken(mail?.text_body, "/access/"));
    expect(guest.response.statusCode).toBe(200);
    expect(guest.response.json()).toMatchObject({
      user: null,
      guest: { email: "ana@example.com", ticketNumber: ownNumber },
    });

    expect((await get(`/api/v1/tickets/${ownNumber}`, { cookie: guest.cookie })).json().subject).toBe("Mine");
    const other = await get(`/api/v1/tickets/${otherNumber}`, { cookie: guest.cookie });
    expect(other.statusCode).toBe(404);
    const list = await get("/api/v1/tickets", { cookie: guest.cookie });
    expect(list.json().tickets.map((t: { number: number }) => t.number)).toEqual([ownNumber]);
    expect((await get("/api/v1/dev-mailbox", { cookie: guest.cookie })).statusCode).toBe(404);
  });

  it("answers a status check the same whether or not email and number match", async () => {
    const before = await db().selectFrom("mail_messages").select("id").execute();
    const match = await post("/api/v1/status-checks", { email: "ANA@example.com", number: ownNumber });
    const wrongEmail = await post("/api/v1/status-checks", { email: "ana@example.com", number: otherNumber });
    const noTicket = await post("/api/v1/status-checks", { email: "zed@example.com", number: 999999 });
    for (const response of [match, wrongEmail, noTicket]) {
      expect(response.statusCode).toBe(202);
      expect(response.json()).toEqual(match.json());
    }
    const after = await db().selectFrom("mail_messages").select(["id", "to_address", "subject"]).execute();
    const sent = after.filter((m) => !before.some((b) => b.id === m.id));
    expect(sent).toEqual([
      expect.objectContaining({ to_address: "ana@example.com", subject: expect.stringContaining(`#${ownNumber}`) }),
    ]);
  });

  it("makes every link single-use, and a newer link replaces older ones", async () => {
    await post("/api/v1/status-checks", { email: "ana@example.com", number: ownNumber });
    const older = linkToken((await latestMailTo(db(), "ana@example.com"))?.text_body, "/access/");
    await post("/api/v1/status-checks", { email: "ana@example.com", number: ownNumber });
    const newer = linkToken((await latestMailTo(db(), "ana@example.com"))?.text_body, "/access/");
    const replaced = await openLink(older);
    expect(replaced.response.statusCode).toBe(400);
    expect(replaced.response.json().error.message).toBe(
      "This access link is not valid any more. Ask for a new one on the status page.",
    );
    expect((await openLink(newer)).response.statusCode).toBe(200);
    expect((await openLink(newer)).response.statusCode).toBe(400);
  });

  it("refuses expired, empty, oversized and non-string tokens", async () => {
    await post("/api/v1/status-checks", { email: "ana@example.com", number: ownNumber });
    const token = linkToken((await latestMailTo(db(), "ana@example.com"))?.text_body, "/access/");
    await db()
      .updateTable("guest_links")
      .set({ expires_at: "2000-01-01T00:00:00.000Z" })
      .where("used_at", "is", null)
      .execute();
    expect((await openLink(token)).response.statusCode).toBe(400);
    for (const bad of ["", ["x".repeat(43)], { token: "x" }, "y".repeat(10_000), null]) {
      const response = await post("/api/v1/guest-sessions", { token: bad });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe("validation_failed");
    }
  });

  it("needs the guest session's CSRF token to write, and ends the session on sign-out", async () => {
    await post("/api/v1/status-checks", { email: "ana@example.com", number: ownNumber });
    const guest = await openLink(linkToken((await latestMailTo(db(), "ana@example.com"))?.text_body, "/access/"));
    const refused = await app.inject({ method: "DELETE", url: "/api/v1/session", headers: { cookie: guest.cookie } });
    expect(refused.statusCode).toBe(403);
    const out = await app.inject({
      method: "DELETE",
      url: "/api/v1/session",
      headers: { cookie: guest.cookie, "x-csrf-token": guest.csrf },
    });
    expect(out.statusCode).toBe(204);
    expect((await get(`/api/v1/tickets/${ownNumber}`, { cookie: guest.cookie })).statusCode).toBe(401);
  });

  it("names a requester answering through their link as they named themselves, and a copied guest by address", async () => {
    const number = (
      await post(
        "/api/v1/tickets",
        await buildSubmission(db(), { name: "Ana Alves", email: "ana.alves@example.com", subject: "Named" }),
      )
    ).json().number;
    const requester = await openLink(
      linkToken((await latestMailTo(db(), "ana.alves@example.com"))?.text_body, "/access/"),
    );
    const write = (guest: { cookie: string; csrf: string }, url: string, payload: Record<string, unknown>) =>
      post(url, payload, { cookie: guest.cookie, "x-csrf-token": guest.csrf });
    expect((await write(requester, `/api/v1/tickets/${number}/ccs`, { email: "cy@example.com" })).statusCode).toBe(204);
    expect((await write(requester, `/api/v1/tickets/${number}/comments`, { body: "From Ana." })).statusCode).toBe(201);
    await post("/api/v1/status-checks", { email: "cy@example.com", number });
    const copied = await openLink(linkToken((await latestMailTo(db(), "cy@example.com"))?.text_body, "/access/"));
    expect((await write(copied, `/api/v1/tickets/${number}/comments`, { body: "From Cy." })).statusCode).toBe(201);

    const feed = (await get(`/api/v1/tickets/${number}/feed`, { cookie: requester.cookie })).json() as {
      entries: { actor: string; type: string; comment?: { body: string } }[];
    };
    const authorOf = (body: string) => feed.entries.find((e) => JSON.stringify(e).includes(body))?.actor;
    expect(authorOf("From Ana.")).toBe("Ana Alves");
    expect(authorOf("From Cy.")).toBe("cy@example.com");
    expect((await write(requester, `/api/v1/tickets/${number}/views`, {})).statusCode).toBe(204);
    const readBy = (await get(`/api/v1/tickets/${number}/read-by`, { cookie: requester.cookie })).json();
    expect(JSON.stringify(readBy)).toContain("Ana Alves");
    expect(JSON.stringify(readBy)).not.toContain("ana.alves@example.com");
  });

  it("asks for a real ticket number", async () => {
    const response = await post("/api/v1/status-checks", { email: "ana@example.com", number: "abc" });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual({
      number: "Enter the ticket number from your confirmation, like 1001.",
    });
  });
});

describeEachEngine("links in mail", ({ db, engine }) => {
  it("are built from the configured base URL, never from the request's Host header", async () => {
    // Let the foreign name past the host check (server/http/security.ts), so this proves links do not use it.
    const app = await buildTestApp(
      db(),
      engine,
      testConfig({ baseUrl: "https://help.example.com", allowedHosts: ["evil.example"] }),
    );
    const headers = { host: "evil.example", "x-forwarded-host": "evil.example" };
    await app.inject({
      method: "POST",
      url: "/api/v1/tickets",
      headers,
      payload: await buildSubmission(db(), { email: "host@example.com" }),
    });
    await app.inject({
      method: "POST",
      url: "/api/v1/password-resets",
      headers,
      payload: { email: "host@example.com" },
    });
    await app.inject({
      method: "POST",
      url: "/api/v1/accounts",
      headers,
      payload: { name: "Host", email: "host2@example.com", password: "a long password" },
    });
    const mails = await db().selectFrom("mail_messages").select(["text_body", "html_body"]).execute();
    expect(mails.length).toBeGreaterThanOrEqual(2);
    for (const mail of mails) {
      expect(mail.text_body).toContain("https://help.example.com/");
      expect(`${mail.text_body}${mail.html_body}`).not.toContain("evil.example");
    }
  });
});
