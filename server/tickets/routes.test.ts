import { expect, it } from "vitest";
import type { App } from "../http/types.ts";
import { describeEachEngine } from "../test/engines.ts";
import {
  buildAdmin,
  buildAgent,
  buildCustomer,
  buildSubmission,
  buildTestApp,
  countRows,
  signInAs,
} from "../test/factories.ts";

describeEachEngine("POST /api/v1/tickets", ({ db, engine }) => {
  let app: App;
  const submit = (payload: unknown) =>
    app.inject({ method: "POST", url: "/api/v1/tickets", payload: payload as Record<string, unknown> });

  it("lets a guest submit a request and answers with its number", async () => {
    app = await buildTestApp(db(), engine);
    const response = await submit(await buildSubmission(db()));
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({
      number: 1001,
      subject: "The VPN drops every ten minutes",
      email: "robin.guest@example.com",
    });
  });

  const badInputs: [string, Record<string, unknown>, Record<string, string>][] = [
    ["an empty subject", { subject: "   " }, { subject: "Enter a subject." }],
    ["a bad email", { email: "robin@" }, { email: "Enter a valid email address, like name@example.com." }],
    ["an unknown priority", { priority: "critical" }, { priority: "Choose a priority: Low, Medium, High or Urgent." }],
    ["a 1 MB subject", { subject: "x".repeat(1024 * 1024) }, { subject: "Keep the subject under 200 characters." }],
    ["a missing message", { message: undefined }, { message: "Describe what you need." }],
    [
      "a message of invisible characters",
      { message: "\u200b\u2060\u3164 \u200b" },
      { message: "Describe what you need." },
    ],
    ["a number for a name", { name: 42 }, { name: "Enter your name." }],
    ["a category that is not an id", { categoryId: "../etc" }, { categoryId: "Choose a category." }],
  ];
  for (const [what, change, fields] of badInputs) {
    it(`refuses ${what} with a field-level message and writes nothing`, async () => {
      const before = await countRows(db(), "tickets");
      const response = await submit({ ...(await buildSubmission(db())), ...change });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({
        error: { code: "validation_failed", message: "Some fields need attention.", fields },
      });
      expect(await countRows(db(), "tickets")).toBe(before);
    });
  }

  it("reports every bad field at once", async () => {
    const response = await submit({ subject: "", priority: "meh", categoryId: "", message: "", name: "", email: "" });
    expect(Object.keys(response.json().error.fields).sort()).toEqual(
      ["categoryId", "email", "message", "name", "priority", "subject"].sort(),
    );
  });

  it("refuses bodies that are not a JSON object", async () => {
    for (const payload of ["[]", "null", '"text"', "{not json"]) {
      const response = await app.inject({
        method: "POST",
        url: "/api/v1/tickets",
        headers: { "content-type": "application/json" },
        payload,
      });
      expect(response.statusCode, payload).toBe(400);
      expect(response.json().error.code).toBe("validation_failed");
    }
  });

  it("refuses a body larger than any real request", async () => {
    const before = await countRows(db(), "tickets");
    const response = await submit({ ...(await buildSubmission(db())), message: "x".repeat(3 * 1024 * 1024) });
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toEqual({ code: "payload_too_large", message: "The request is too large." });
    expect(await countRows(db(), "tickets")).toBe(before);
  });

  it("refuses a signed-in write without the session's CSRF token", async () => {
    const customer = await signInAs(app, await buildCustomer(db()));
    const before = await countRows(db(), "tickets");
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/tickets",
      headers: { cookie: customer.cookie },
      payload: await buildSubmission(db()),
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe("csrf_failed");
    expect(await countRows(db(), "tickets")).toBe(before);
  });

  it("refuses a write sent from another site", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/tickets",
      headers: { origin: "https://evil.example" },
      payload: await buildSubmission(db()),
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe("csrf_failed");
  });
});

describeEachEngine("GET /api/v1/tickets", ({ db, engine }) => {
  let app: App;
  const list = (headers: Record<string, string> = {}, query = "") =>
    app.inject({ method: "GET", url: `/api/v1/tickets${query}`, headers });

  it("shows an agent every ticket, newest first, with status and category", async () => {
    app = await buildTestApp(db(), engine);
    for (const subject of ["Oldest", "Middle", "Newest"]) {
      await app.inject({ method: "POST", url: "/api/v1/tickets", payload: await buildSubmission(db(), { subject }) });
    }
    const agent = await signInAs(app, await buildAgent(db()));
    const response = await list({ cookie: agent.cookie });
    expect(response.statusCode).toBe(200);
    const { tickets, nextCursor } = response.json();
    expect(tickets.map((t: { subject: string }) => t.subject)).toEqual(["Newest", "Middle", "Oldest"]);
    expect(tickets[0]).toMatchObject({
      number: 1003,
      priority: "high",
      status: { agentLabel: "New", customerLabel: "Open", category: "new" },
      category: { name: "Account & billing" },
      requester: { name: "Robin Guest", email: "robin.guest@example.com" },
    });
    expect(nextCursor).toBeNull();
  });

  it("pages through with a cursor without skipping or repeating tickets", async () => {
    for (let i = 0; i < 4; i += 1) {
      await app.inject({
        method: "POST",
        url: "/api/v1/tickets",
        payload: await buildSubmission(db(), { subject: `Batch ${i}` }),
      });
    }
    const admin = await signInAs(app, await buildAdmin(db()));
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `?limit=3${cursor ? `&cursor=${cursor}` : ""}`;
      const page = (await list({ cookie: admin.cookie }, query)).json();
      seen.push(...page.tickets.map((t: { number: number }) => t.number));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([1007, 1006, 1005, 1004, 1003, 1002, 1001]);
  });

  it("refuses a damaged cursor with a clear message", async () => {
    const admin = await signInAs(app, await buildAdmin(db()));
    const response = await list({ cookie: admin.cookie }, "?cursor=bm90LWpzb24");
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual({ cursor: "This cursor is not valid." });
  });

  it("refuses anonymous visitors and shows a customer none of other people's tickets", async () => {
    expect((await list()).statusCode).toBe(401);
    const customer = await signInAs(app, await buildCustomer(db()));
    const response = await list({ cookie: customer.cookie });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ tickets: [], nextCursor: null });
  });
});

describeEachEngine("GET /api/v1/tickets/:number", ({ db, engine }) => {
  let app: App;

  it("shows an agent the whole request", async () => {
    app = await buildTestApp(db(), engine);
    const submitted = await app.inject({
      method: "POST",
      url: "/api/v1/tickets",
      payload: await buildSubmission(db()),
    });
    const agent = await signInAs(app, await buildAgent(db()));
    const response = await app.inject({
      method: "GET",
      url: `/api/v1/tickets/${submitted.json().number}`,
      headers: { cookie: agent.cookie },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().message).toBe(
      "Since Monday my VPN connection drops every ten minutes.\nI have restarted twice.",
    );
  });

  it("answers 'not found' to a customer asking for someone else's ticket, as for a missing one", async () => {
    const customer = await signInAs(app, await buildCustomer(db()));
    const other = await app.inject({
      method: "GET",
      url: "/api/v1/tickets/1001",
      headers: { cookie: customer.cookie },
    });
    const missing = await app.inject({
      method: "GET",
      url: "/api/v1/tickets/999999",
      headers: { cookie: customer.cookie },
    });
    expect(other.statusCode).toBe(404);
    expect(other.json()).toEqual(missing.json());
    expect(other.json().error).toEqual({ code: "not_found", message: "That ticket could not be found." });
  });

  it("refuses anonymous visitors and answers 'not found' to a number that is not one", async () => {
    expect((await app.inject({ method: "GET", url: "/api/v1/tickets/1001" })).statusCode).toBe(401);
    const agent = await signInAs(app, await buildAgent(db()));
    for (const number of ["abc", "-1", "1e3", "99999999999", "1001.5"]) {
      const response = await app.inject({
        method: "GET",
        url: `/api/v1/tickets/${number}`,
        headers: { cookie: agent.cookie },
      });
      expect(response.statusCode, number).toBe(404);
    }
  });
});
