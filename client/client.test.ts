/**
 * The typed client against the real server, over HTTP, on both engines: what an integration does, through
 * the types generated from the document. Every answer is also checked against the committed document
 * (client/openapi.json) on the client's side, and the server checks its own in test mode, so an answer that
 * differs from the contract fails this suite.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Middleware } from "openapi-fetch";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createApiToken } from "../server/accounts/commands/manage-api-tokens.ts";
import { createContractCheck } from "../server/http/response-contract.ts";
import type { App } from "../server/http/types.ts";
import { describeEachEngine } from "../server/test/engines.ts";
import { buildAdmin, buildAgent, buildTestApp } from "../server/test/factories.ts";
import {
  commentWithAttachments,
  createSwitchboardClient,
  downloadAttachment,
  paginate,
  type SwitchboardClient,
  SwitchboardError,
  submitTicketWithAttachments,
  unwrap,
  uploadFile,
} from "./index.ts";

const document = JSON.parse(readFileSync(path.join(import.meta.dirname, "openapi.json"), "utf8")) as Record<
  string,
  unknown
>;
const checkAnswer = createContractCheck(document);

/** Fails the call when an answer is not what the committed document says. */
const contract: Middleware = {
  async onResponse({ request, response, schemaPath }) {
    const contentType = (response.headers.get("content-type") ?? "").split(";")[0] ?? "";
    const body = contentType.includes("json") ? await response.clone().text() : undefined;
    const problem = checkAnswer({
      method: request.method,
      path: schemaPath,
      status: response.status,
      contentType,
      body,
      headers: Object.fromEntries(response.headers.entries()),
    });
    if (problem) throw new Error(`The server and client/openapi.json disagree: ${problem}`);
  },
};

describeEachEngine("the typed client", ({ db, engine }) => {
  let app: App;
  let baseUrl: string;
  let admin: SwitchboardClient;
  let agent: SwitchboardClient;
  let agentId: string;
  const client = (token?: string) => createSwitchboardClient({ baseUrl, token, middleware: [contract] });
  const tokenFor = async (userId: string) =>
    (await createApiToken(db(), { name: "Client suite", userId, scopes: ["read", "write", "admin"], expiresInDays: 1 }))
      .token;

  beforeAll(async () => {
    app = await buildTestApp(db(), engine);
    await app.listen({ port: 0, host: "127.0.0.1" });
    const address = app.server.address();
    baseUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    const adminUser = await buildAdmin(db());
    const agentUser = await buildAgent(db());
    agentId = agentUser.id;
    admin = client(await tokenFor(adminUser.id));
    agent = client(await tokenFor(agentUser.id));
  });
  afterAll(async () => {
    await app.close();
  });

  /** A ticket the agent opens for a customer who phoned in; its number. */
  async function phonedInTicket(subject: string): Promise<number> {
    const created = await unwrap(
      agent.POST("/api/v1/agent/tickets", {
        body: {
          requester: { name: "Ines Caller", email: "ines.caller@example.com" },
          channel: "phone",
          subject,
          message: "She called: the printer on floor 2 jams on every page.",
          priority: "low",
        },
      }),
    );
    return created.number;
  }

  it("serves the very document the client was generated from", async () => {
    const served = await fetch(`${baseUrl}/api/openapi.json`);
    expect(await served.json()).toEqual(document);
  });

  it("opens a ticket on a customer's behalf, comments, adds a note, and changes status, priority and assignee", async () => {
    const number = await phonedInTicket("Printer jams on floor 2");
    const ticket = await unwrap(agent.GET("/api/v1/tickets/{number}", { params: { path: { number } } }));
    expect(ticket).toMatchObject({ number, subject: "Printer jams on floor 2", channel: "phone", priority: "low" });
    expect(ticket.requester).toEqual({ name: "Ines Caller", email: "ines.caller@example.com" });

    await unwrap(
      agent.POST("/api/v1/tickets/{number}/comments", {
        params: { path: { number } },
        body: { body: "We are sending a technician this afternoon.", kind: "public" },
      }),
    );
    await unwrap(
      agent.POST("/api/v1/tickets/{number}/comments", {
        params: { path: { number } },
        body: { body: "Third jam this month: replace the roller.", kind: "note" },
      }),
    );
    await unwrap(
      agent.PATCH("/api/v1/tickets/{number}", {
        params: { path: { number } },
        body: { priority: "high", assigneeId: agentId },
      }),
    );
    const { statuses } = await unwrap(agent.GET("/api/v1/statuses"));
    const pending = statuses.find((status) => status.category === "pending");
    if (!pending) throw new Error("The seeded statuses have a pending one.");
    await unwrap(
      agent.POST("/api/v1/tickets/{number}/status", {
        params: { path: { number } },
        body: { statusId: pending.id },
      }),
    );

    const after = await unwrap(agent.GET("/api/v1/tickets/{number}", { params: { path: { number } } }));
    expect(after).toMatchObject({ priority: "high", assignee: { id: agentId }, status: { id: pending.id } });
    const { entries } = await unwrap(agent.GET("/api/v1/tickets/{number}/feed", { params: { path: { number } } }));
    expect(entries.map((entry) => [entry.visibility, entry.body])).toEqual(
      expect.arrayContaining([
        ["public", "We are sending a technician this afternoon."],
        ["internal", "Third jam this month: replace the roller."],
      ]),
    );
  });

  it("uploads files with a comment and with a new request, and downloads them byte for byte", async () => {
    const number = await phonedInTicket("Scanner output is striped");
    const scan = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff, 0x10]);
    await unwrap(
      commentWithAttachments(agent, number, { body: "The scan she sent.", kind: "private" }, [
        { name: "striped scan.pdf", content: scan, type: "application/pdf" },
      ]),
    );
    const { entries } = await unwrap(agent.GET("/api/v1/tickets/{number}/feed", { params: { path: { number } } }));
    const file = entries.flatMap((entry) => entry.attachments).find((a) => a.fileName === "striped scan.pdf");
    if (!file) throw new Error("The comment's file is in the Feed.");
    const download = await downloadAttachment(agent, file.id);
    expect(download.fileName).toBe("striped scan.pdf");
    expect([...download.bytes]).toEqual([...scan]);

    const visitor = client();
    const { statuses } = await unwrap(visitor.GET("/api/v1/statuses"));
    expect(statuses.length).toBeGreaterThan(0);
    const categories = await unwrap(visitor.GET("/api/v1/categories"));
    const submitted = await unwrap(
      submitTicketWithAttachments(
        visitor,
        {
          subject: "Badge does not open the car park",
          priority: "medium",
          categoryId: categories.categories[0]?.id ?? "",
          message: "My badge stopped opening the car park gate this morning.",
          name: "Omar Visitor",
          email: "omar.visitor@example.com",
        },
        [{ name: "badge.txt", content: "badge 4471" }],
      ),
    );
    const filed = await unwrap(
      agent.GET("/api/v1/tickets/{number}", { params: { path: { number: submitted.number } } }),
    );
    expect(filed.attachments.map((a) => a.fileName)).toEqual(["badge.txt"]);
    const badge = await downloadAttachment(agent, filed.attachments[0]?.id ?? "");
    expect(new TextDecoder().decode(badge.bytes)).toBe("badge 4471");
  });

  it("pages through the queue with the iterator, searches, and changes many tickets at once", async () => {
    const numbers: number[] = [];
    for (const n of [1, 2, 3, 4, 5]) numbers.push(await phonedInTicket(`Paging ticket ${n} quokka`));

    const seen: number[] = [];
    for await (const ticket of paginate(
      (cursor) => agent.GET("/api/v1/agent/tickets", { params: { query: { limit: 2, cursor } } }),
      (page) => page.tickets,
    )) {
      seen.push(ticket.number);
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(numbers));

    const results = await unwrap(agent.GET("/api/v1/search", { params: { query: { q: "quokka" } } }));
    expect(results.hits.map((hit) => hit.ticket.number).sort()).toEqual([...numbers].sort());

    const bulk = await unwrap(
      agent.POST("/api/v1/agent/tickets/bulk", { body: { numbers: numbers.slice(0, 3), priority: "urgent" } }),
    );
    expect(bulk).toEqual({ updated: numbers.slice(0, 3), failed: [] });
    const urgent = await unwrap(
      agent.GET("/api/v1/agent/tickets", { params: { query: { priority: ["urgent"], limit: 100 } } }),
    );
    expect(urgent.tickets.map((t) => t.number)).toEqual(expect.arrayContaining(numbers.slice(0, 3)));
    expect(urgent.tickets.map((t) => t.number)).not.toContain(numbers[3]);
  });

  it("manages organizations and people", async () => {
    const { id: organizationId } = await unwrap(
      admin.POST("/api/v1/admin/organizations", { body: { name: "Northwind Traders" } }),
    );
    await unwrap(
      admin.PUT("/api/v1/admin/organizations/{id}", {
        params: { path: { id: organizationId } },
        body: { name: "Northwind Trading" },
      }),
    );
    const invited = await unwrap(
      admin.POST("/api/v1/admin/users", {
        body: {
          name: "Nadia North",
          email: "nadia.north@example.com",
          licence: "customer",
          organizationIds: [organizationId],
        },
      }),
    );
    expect(invited.organizations).toEqual([{ id: organizationId, name: "Northwind Trading" }]);
    const renamed = await unwrap(
      admin.PATCH("/api/v1/admin/users/{id}", { params: { path: { id: invited.id } }, body: { name: "Nadia Nord" } }),
    );
    expect(renamed.name).toBe("Nadia Nord");

    const people: string[] = [];
    for await (const user of paginate(
      (cursor) => admin.GET("/api/v1/admin/users", { params: { query: { limit: 1, cursor } } }),
      (page) => page.users,
    )) {
      people.push(user.email);
    }
    expect(people).toEqual(expect.arrayContaining(["nadia.north@example.com"]));
    const { organizations } = await unwrap(admin.GET("/api/v1/admin/organizations"));
    expect(organizations).toContainEqual(expect.objectContaining({ name: "Northwind Trading", memberCount: 1 }));
  });

  it("corrects and removes a comment, tags a ticket and finds it by tag, deletes it and restores it", async () => {
    const number = await phonedInTicket("Badge reader at the side door");
    const path = { number };
    const reply = await unwrap(
      agent.POST("/api/v1/tickets/{number}/comments", {
        params: { path },
        body: { body: "The badge readr is replaced.", kind: "public" },
      }),
    );
    await unwrap(
      agent.PATCH("/api/v1/tickets/{number}/comments/{id}", {
        params: { path: { number, id: reply.id } },
        body: { body: "The badge reader is replaced." },
      }),
    );
    const comment = await unwrap(
      agent.GET("/api/v1/tickets/{number}/comments/{id}", { params: { path: { number, id: reply.id } } }),
    );
    expect(comment).toMatchObject({ body: "The badge reader is replaced.", kind: "public" });
    expect(comment.editedAt).not.toBeNull();
    const note = await unwrap(
      agent.POST("/api/v1/tickets/{number}/comments", {
        params: { path },
        body: { body: "Wrong ticket", kind: "note" },
      }),
    );
    await unwrap(agent.DELETE("/api/v1/tickets/{number}/comments/{id}", { params: { path: { number, id: note.id } } }));
    const { entries } = await unwrap(agent.GET("/api/v1/tickets/{number}/feed", { params: { path } }));
    expect(entries.map((entry) => entry.type)).toEqual(expect.arrayContaining(["comment_edited", "comment_deleted"]));
    expect(entries.some((entry) => entry.body === "Wrong ticket")).toBe(false);

    await unwrap(agent.PUT("/api/v1/tickets/{number}/tags/{tag}", { params: { path: { number, tag: "Facilities" } } }));
    expect(await unwrap(agent.GET("/api/v1/tickets/{number}/tags", { params: { path } }))).toEqual({
      tags: ["facilities"],
    });
    const tagged = await unwrap(agent.GET("/api/v1/agent/tickets", { params: { query: { tag: ["facilities"] } } }));
    expect(tagged.tickets.map((ticket) => ticket.number)).toEqual([number]);
    await unwrap(
      agent.DELETE("/api/v1/tickets/{number}/tags/{tag}", { params: { path: { number, tag: "facilities" } } }),
    );

    // Only admins delete; the agent is refused with a typed error.
    const refused = await unwrap(agent.DELETE("/api/v1/tickets/{number}", { params: { path } })).catch(
      (error: unknown) => error,
    );
    expect(refused).toMatchObject({ status: 403, code: "forbidden" });
    await unwrap(admin.DELETE("/api/v1/tickets/{number}", { params: { path } }));
    const gone = await unwrap(agent.GET("/api/v1/tickets/{number}", { params: { path } })).catch(
      (error: unknown) => error,
    );
    expect(gone).toMatchObject({ status: 404 });
    const { tickets: deleted } = await unwrap(admin.GET("/api/v1/admin/deleted-tickets"));
    expect(deleted.map((ticket) => ticket.number)).toContain(number);
    await unwrap(admin.POST("/api/v1/admin/deleted-tickets/{number}/restore", { params: { path } }));
    expect(await unwrap(agent.GET("/api/v1/tickets/{number}", { params: { path } }))).toMatchObject({ number });
  });

  it("uploads a file first and attaches it by token to a comment", async () => {
    const number = await phonedInTicket("Scanner shows E42");
    const upload = await unwrap(uploadFile(agent, { name: "e42.txt", content: "E42 paper jam", type: "text/plain" }));
    expect(upload).toMatchObject({ fileName: "e42.txt", size: 13 });
    await unwrap(
      agent.POST("/api/v1/tickets/{number}/comments", {
        params: { path: { number } },
        body: { body: "The scanner's log.", kind: "note", attachments: [upload.token] },
      }),
    );
    const { attachments } = await unwrap(agent.GET("/api/v1/tickets/{number}", { params: { path: { number } } }));
    const [attached] = attachments;
    expect(attached?.fileName).toBe("e42.txt");
    const file = await downloadAttachment(agent, attached?.id ?? "");
    expect(new TextDecoder().decode(file.bytes)).toBe("E42 paper jam");
    // Used once: a second attach is refused.
    const again = await unwrap(
      agent.POST("/api/v1/tickets/{number}/comments", {
        params: { path: { number } },
        body: { body: "Again", kind: "note", attachments: [upload.token] },
      }),
    ).catch((error: unknown) => error);
    expect(again).toMatchObject({ status: 400, code: "validation_failed" });
  });

  it("deletes a person no ticket needs, and anonymises one with tickets", async () => {
    const leaver = await unwrap(
      admin.POST("/api/v1/admin/users", {
        body: { name: "Lee Leaver", email: "lee.leaver@example.com", licence: "customer" },
      }),
    );
    await unwrap(admin.DELETE("/api/v1/admin/users/{id}", { params: { path: { id: leaver.id } } }));
    const gone = await unwrap(admin.GET("/api/v1/admin/users/{id}", { params: { path: { id: leaver.id } } })).catch(
      (error: unknown) => error,
    );
    expect(gone).toMatchObject({ status: 404 });

    const caller = await unwrap(
      admin.POST("/api/v1/admin/users", {
        body: { name: "Erin Erased", email: "erin.erased@example.com", licence: "customer" },
      }),
    );
    const { number } = await unwrap(
      agent.POST("/api/v1/agent/tickets", {
        body: { requester: { id: caller.id }, channel: "phone", subject: "Forget me", message: "GDPR request." },
      }),
    );
    const refused = await unwrap(
      admin.DELETE("/api/v1/admin/users/{id}", { params: { path: { id: caller.id } } }),
    ).catch((error: unknown) => error);
    expect(refused).toMatchObject({ status: 409, code: "conflict" });
    const erased = await unwrap(
      admin.POST("/api/v1/admin/users/{id}/anonymise", { params: { path: { id: caller.id } } }),
    );
    expect(erased).toMatchObject({ anonymised: true, disabled: true });
    expect(erased.email).toMatch(/@anonymised\.invalid$/);
    const ticket = await unwrap(agent.GET("/api/v1/tickets/{number}", { params: { path: { number } } }));
    expect(ticket.requester).toEqual({ name: erased.name, email: erased.email });
  });

  it("turns error answers into typed errors: a bad token, a missing ticket, a field that needs attention", async () => {
    const stranger = client("sb_not-a-real-token");
    const refused = await unwrap(stranger.GET("/api/v1/agent/tickets")).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SwitchboardError);
    expect(refused).toMatchObject({ status: 401, code: "unauthenticated" });

    const missing = await unwrap(agent.GET("/api/v1/tickets/{number}", { params: { path: { number: 987654 } } })).catch(
      (error: unknown) => error,
    );
    expect(missing).toMatchObject({ status: 404, code: "not_found" });

    const invalid = await unwrap(
      agent.POST("/api/v1/agent/tickets", {
        body: { requester: { name: "No Address" }, channel: "phone", subject: "", message: "x" },
      }),
    ).catch((error: unknown) => error);
    expect(invalid).toMatchObject({ status: 400, code: "validation_failed" });
    expect((invalid as SwitchboardError).fields).toHaveProperty("subject");
  });

  it("fails when an answer differs from the document", () => {
    const ticketPath = "/api/v1/tickets/{number}";
    const answer = { method: "GET", path: ticketPath, contentType: "application/json" };
    const sent = { "x-request-id": "r-1", etag: '"v1"' };
    // A status the operation does not list, and a ticket that lost a field the document promises.
    expect(checkAnswer({ ...answer, status: 418, body: "{}", headers: sent })).toMatch(/does not list/);
    const partial = JSON.stringify({ number: 1, subject: "Missing everything else" });
    expect(checkAnswer({ ...answer, status: 200, body: partial, headers: sent })).toMatch(/does not match its schema/);
    const wrongError = JSON.stringify({ error: { code: "teapot", message: "Short and stout" } });
    expect(checkAnswer({ ...answer, status: 404, body: wrongError, headers: sent })).toMatch(
      /does not match its schema/,
    );
    // Headers the document promises: a request id on every answer, a ticket's ETag, the challenge on 401.
    const refusal = JSON.stringify({ error: { code: "unauthenticated", message: "Sign in." } });
    expect(checkAnswer({ ...answer, status: 404, body: wrongError, headers: {} })).toMatch(/without X-Request-Id/);
    expect(checkAnswer({ ...answer, status: 200, body: partial, headers: { "x-request-id": "r-1" } })).toMatch(
      /without ETag/,
    );
    expect(checkAnswer({ ...answer, status: 401, body: refusal, headers: { "x-request-id": "r-1" } })).toMatch(
      /without WWW-Authenticate/,
    );
    expect(
      checkAnswer({
        ...answer,
        status: 401,
        body: refusal,
        headers: { "x-request-id": "r-1", "www-authenticate": 'Bearer realm="Switchboard"' },
      }),
    ).toBeUndefined();
  });
});
