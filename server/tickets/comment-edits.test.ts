import { expect, it } from "vitest";
import type { App } from "../http/types.ts";
import { buildNarrowAgent } from "../test/agent-tools-helpers.ts";
import { describeEachEngine } from "../test/engines.ts";
import {
  buildAgent,
  buildCustomer,
  buildSubmission,
  buildTestApp,
  type SignedInClient,
  signInAs,
} from "../test/factories.ts";

describeEachEngine("editing and removing comments", ({ db, engine }) => {
  let app: App;
  const as = (client: SignedInClient, method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: { cookie: client.cookie, "x-csrf-token": client.csrfToken },
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });

  it("keeps the words before an edit in the agents' Feed and shows the customer the comment marked edited", async () => {
    app = await buildTestApp(db(), engine);
    const agent = await signInAs(app, await buildAgent(db()));
    const customer = await signInAs(app, await buildCustomer(db()));
    const number = (await as(customer, "POST", "/api/v1/tickets", await buildSubmission(db()))).json().number;
    const reply = (
      await as(agent, "POST", `/api/v1/tickets/${number}/comments`, { body: "Restart the rooter" })
    ).json();

    const edited = await as(agent, "PATCH", `/api/v1/tickets/${number}/comments/${reply.id}`, {
      body: "Restart the router",
    });
    expect(edited.statusCode).toBe(204);

    const one = (await as(agent, "GET", `/api/v1/tickets/${number}/comments/${reply.id}`)).json();
    expect(one).toMatchObject({ id: reply.id, kind: "public", body: "Restart the router", format: "text" });
    expect(one.editedAt).not.toBeNull();

    const agentFeed = (await as(agent, "GET", `/api/v1/tickets/${number}/feed`)).json().entries;
    expect(agentFeed.find((e: { id: string }) => e.id === reply.id)).toMatchObject({
      body: "Restart the router",
      edited: true,
    });
    expect(agentFeed.find((e: { type: string }) => e.type === "comment_edited")).toMatchObject({
      body: "Restart the rooter",
      actor: agent.user.name,
    });

    const customerFeed = (await as(customer, "GET", `/api/v1/tickets/${number}/feed`)).json().entries;
    expect(customerFeed.find((e: { id: string }) => e.id === reply.id)).toMatchObject({
      body: "Restart the router",
      edited: true,
    });
    // The words before are the agents' to read.
    expect(JSON.stringify(customerFeed)).not.toContain("rooter");
    // The customer reads the comment itself too.
    const theirs = await as(customer, "GET", `/api/v1/tickets/${number}/comments/${reply.id}`);
    expect(theirs.json().body).toBe("Restart the router");
  });

  it("removes a comment from everyone's Feed, leaving who removed it", async () => {
    const agent = await signInAs(app, await buildAgent(db()));
    const customer = await signInAs(app, await buildCustomer(db()));
    const number = (await as(customer, "POST", "/api/v1/tickets", await buildSubmission(db()))).json().number;
    const reply = (
      await as(agent, "POST", `/api/v1/tickets/${number}/comments`, { body: "Your password is hunter2" })
    ).json();

    expect((await as(agent, "DELETE", `/api/v1/tickets/${number}/comments/${reply.id}`)).statusCode).toBe(204);

    for (const reader of [agent, customer]) {
      const entries = (await as(reader, "GET", `/api/v1/tickets/${number}/feed`)).json().entries;
      expect(JSON.stringify(entries)).not.toContain("hunter2");
      expect(entries.find((e: { type: string }) => e.type === "comment_deleted")).toMatchObject({
        actor: agent.user.name,
        detail: `A comment by ${agent.user.name}`,
      });
    }
    expect((await as(agent, "GET", `/api/v1/tickets/${number}/comments/${reply.id}`)).statusCode).toBe(404);
    expect((await as(agent, "PATCH", `/api/v1/tickets/${number}/comments/${reply.id}`, { body: "x" })).statusCode).toBe(
      404,
    );
  });

  it("refuses customers, agents who cannot work the ticket, and keeps internal notes from customers", async () => {
    const agent = await signInAs(app, await buildAgent(db()));
    const customer = await signInAs(app, await buildCustomer(db()));
    const narrow = await signInAs(app, await buildNarrowAgent(db()));
    const number = (await as(customer, "POST", "/api/v1/tickets", await buildSubmission(db()))).json().number;
    const own = (
      await as(customer, "POST", `/api/v1/tickets/${number}/comments`, { body: "It is still broken" })
    ).json();
    const note = (await as(agent, "POST", `/api/v1/tickets/${number}/comments`, { body: "VIP", kind: "note" })).json();

    // Customers never edit or remove, not even their own words.
    const refused = await as(customer, "PATCH", `/api/v1/tickets/${number}/comments/${own.id}`, { body: "Fixed" });
    expect(refused.statusCode).toBe(403);
    expect((await as(customer, "DELETE", `/api/v1/tickets/${number}/comments/${own.id}`)).statusCode).toBe(403);
    // An agent outside the ticket's groups does not see it.
    expect(
      (await as(narrow, "PATCH", `/api/v1/tickets/${number}/comments/${own.id}`, { body: "Fixed" })).statusCode,
    ).toBe(404);
    // The note is not there for the customer; the agent reads it.
    expect((await as(customer, "GET", `/api/v1/tickets/${number}/comments/${note.id}`)).statusCode).toBe(404);
    expect((await as(agent, "GET", `/api/v1/tickets/${number}/comments/${note.id}`)).json().kind).toBe("note");
    // A note's edit stays internal, like the note.
    await as(agent, "PATCH", `/api/v1/tickets/${number}/comments/${note.id}`, { body: "VIP customer" });
    const customerFeed = (await as(customer, "GET", `/api/v1/tickets/${number}/feed`)).json().entries;
    expect(customerFeed.some((e: { type: string }) => e.type === "comment_edited")).toBe(false);
    // Not a comment of this ticket: the ticket's first event is its creation.
    const created = (await as(agent, "GET", `/api/v1/tickets/${number}/feed`)).json().entries[0];
    expect((await as(agent, "GET", `/api/v1/tickets/${number}/comments/${created.id}`)).statusCode).toBe(404);
    // Nothing changed hands: the customer's words are as they wrote them.
    expect((await as(agent, "GET", `/api/v1/tickets/${number}/comments/${own.id}`)).json().body).toBe(
      "It is still broken",
    );
  });
});
