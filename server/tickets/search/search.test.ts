import { expect, it } from "vitest";
import { createGroup } from "../../accounts/commands/manage-directory.ts";
import { toSessionUser } from "../../accounts/queries.ts";
import type { Actor } from "../../core/actor.ts";
import type { App } from "../../http/types.ts";
import { describeEachEngine } from "../../test/engines.ts";
import {
  buildAgent,
  buildCustomer,
  buildSubmission,
  buildTestApp,
  buildUser,
  multipartForm,
  type SignedInClient,
  signInAs,
} from "../../test/factories.ts";
import { ticketScope } from "../policy.ts";
import { summaryQuery } from "../queries.ts";
import { listFilterConditions } from "../queues/filters.ts";
import { searchTickets } from "./queries.ts";

type Hit = {
  ticket: { number: number; subject: string };
  snippet: { text: string; match: boolean }[];
  internalSnippet: { text: string; match: boolean }[] | null;
};

describeEachEngine("full-text search", ({ db, engine }) => {
  let app: App;
  let agent: SignedInClient;
  let groupAgent: SignedInClient;
  let customer: SignedInClient;
  let otherCustomer: SignedInClient;
  const tickets = { printer: 0, vpn: 0, other: 0 };

  const send = (client: SignedInClient, method: "GET" | "POST", url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: { cookie: client.cookie, "x-csrf-token": client.csrfToken },
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });
  const search = async (client: SignedInClient, q: string): Promise<Hit[]> => {
    const response = await send(client, "GET", `/api/v1/search?q=${encodeURIComponent(q)}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().hits as Hit[];
  };
  const found = async (client: SignedInClient, q: string) =>
    (await search(client, q)).map((h) => h.ticket.number).sort((a, b) => a - b);
  const submit = async (client: SignedInClient, subject: string, message: string) =>
    (await send(client, "POST", "/api/v1/tickets", await buildSubmission(db(), { subject, message }))).json()
      .number as number;

  it("finds a customer's request by words of its subject, message and public replies, as prefixes while typing", async () => {
    app = await buildTestApp(db(), engine);
    agent = await signInAs(app, await buildAgent(db()));
    customer = await signInAs(app, await buildCustomer(db()));
    otherCustomer = await signInAs(app, await buildCustomer(db()));
    tickets.printer = await submit(customer, "Printer on fire", "The laser printer on floor 3 smells of smoke.");
    tickets.vpn = await submit(customer, "VPN drops", "My tunnel disconnects every ten minutes.");
    tickets.other = await submit(otherCustomer, "Printer paper jam", "The printer in room 12 jams.");
    const reply = await send(agent, "POST", `/api/v1/tickets/${tickets.printer}/comments`, {
      kind: "public",
      format: "html",
      body: "<p>We replaced the <strong>toner cartridge</strong>.</p>",
    });
    expect(reply.statusCode, reply.body).toBe(201);
    const note = await send(agent, "POST", `/api/v1/tickets/${tickets.printer}/comments`, {
      kind: "note",
      body: "Vendor ticket zebracode-7781, do not tell the customer.",
    });
    expect(note.statusCode, note.body).toBe(201);

    expect(await found(customer, "printer")).toEqual([tickets.printer]);
    expect(await found(customer, "print")).toEqual([tickets.printer]);
    expect(await found(customer, "toner cart")).toEqual([tickets.printer]);
    expect(await found(customer, "disconn")).toEqual([tickets.vpn]);
    expect(await found(customer, "zzqx")).toEqual([]);
    // Markup is not text: the tags of a rich-text reply are never matched.
    expect(await found(customer, "strong")).toEqual([]);
  });

  it("never matches internal notes for a customer, while an agent finds them and sees where", async () => {
    expect(await found(customer, "zebracode")).toEqual([]);
    expect(await found(customer, "vendor")).toEqual([]);
    expect(await found(customer, "printer zebracode")).toEqual([]);
    const [hit] = await search(agent, "zebracode");
    expect(hit?.ticket.number).toBe(tickets.printer);
    expect(hit?.internalSnippet?.filter((p) => p.match).map((p) => p.text.toLowerCase())).toEqual(["zebracode"]);
    // One word public, one internal: the agent's search reads the ticket as a whole.
    expect(await found(agent, "toner zebracode")).toEqual([tickets.printer]);
    const [publicHit] = await search(agent, "toner");
    expect(publicHit?.internalSnippet).toBeNull();
    // The agent workspace's queue search uses the same index.
    const queue = await send(agent, "GET", "/api/v1/agent/tickets?queue=all&q=zebracode");
    expect(queue.json().tickets.map((t: { number: number }) => t.number)).toEqual([tickets.printer]);
  });

  it("matches quoted phrases exactly, and marks the matched words in a snippet of plain text", async () => {
    expect(await found(customer, '"laser printer"')).toEqual([tickets.printer]);
    expect(await found(customer, '"printer laser"')).toEqual([]);
    const [hit] = await search(customer, "smoke");
    const marked = hit?.snippet.filter((p) => p.match).map((p) => p.text.toLowerCase());
    expect(marked).toEqual(["smoke"]);
    expect(hit?.snippet.map((p) => p.text).join("")).toContain("smells of");
    expect(hit?.internalSnippet).toBeNull();
  });

  it("ranks subject matches first", async () => {
    const other = await submit(customer, "Monitor flickers", "Unrelated to the printer, the monitor flickers.");
    expect((await search(customer, "printer")).map((h) => h.ticket.number)).toEqual([tickets.printer, other]);
  });

  it("filters by #number, requester email, priority, status and field, inside the same scope", async () => {
    expect(await found(customer, `#${tickets.vpn}`)).toEqual([tickets.vpn]);
    expect(await found(customer, `#${tickets.other}`)).toEqual([]);
    expect(await found(agent, `#${tickets.other} printer`)).toEqual([tickets.other]);
    expect(await found(agent, `${otherCustomer.user.email} printer`)).toEqual([tickets.other]);
    expect(await found(agent, `from:${otherCustomer.user.email}`)).toEqual([tickets.other]);
    expect(await found(agent, "priority:high vpn")).toEqual([tickets.vpn]);
    expect(await found(agent, "priority:low vpn")).toEqual([]);
    expect(await found(agent, "status:new vpn")).toEqual([tickets.vpn]);
    expect(await found(agent, "status:solved vpn")).toEqual([]);
    expect(await found(agent, "nosuchfield:x vpn")).toEqual([]);
  });

  it("reads a number past any ticket's as a word to find, in every search box (PostgreSQL answered 500)", async () => {
    const order = await submit(customer, "Refund for order 4155550123", "The order number is 4155550123.");
    expect(await found(customer, "4155550123")).toEqual([order]);
    expect(await found(customer, "#4155550123")).toEqual([order]);
    for (const path of ["/api/v1/tickets?q=4155550123", "/api/v1/tickets?q=%234155550123"]) {
      const listed = await send(customer, "GET", path);
      expect(listed.statusCode, path).toBe(200);
      expect(listed.json().tickets.map((t: { number: number }) => t.number)).toEqual([order]);
    }
    for (const path of ["/api/v1/agent/tickets?q=4155550123", "/api/v1/agent/tickets?q=%234155550123"]) {
      const listed = await send(agent, "GET", path);
      expect(listed.statusCode, path).toBe(200);
      expect(listed.json().tickets.map((t: { number: number }) => t.number)).toEqual([order]);
    }
  });

  it("shows a group agent only the tickets of their groups", async () => {
    const network = await createGroup(db(), { name: `Network ${engine}` });
    const member = await buildUser(db(), "agent");
    const role = await db().selectFrom("roles").select("id").where("key", "=", "group_agent").executeTakeFirstOrThrow();
    await db().deleteFrom("user_roles").where("user_id", "=", member.id).execute();
    await db().insertInto("user_roles").values({ user_id: member.id, role_id: role.id }).execute();
    await db().insertInto("group_members").values({ user_id: member.id, group_id: network }).execute();
    groupAgent = await signInAs(app, member);
    await db().updateTable("tickets").set({ group_id: network }).where("number", "=", tickets.vpn).execute();
    expect(await found(groupAgent, "printer")).toEqual([]);
    expect(await found(groupAgent, "zebracode")).toEqual([]);
    expect(await found(groupAgent, "vpn")).toEqual([tickets.vpn]);
  });

  it("keeps the index in step with edits, in the same transaction", async () => {
    await db().updateTable("tickets").set({ subject: "Scanner offline" }).where("number", "=", tickets.vpn).execute();
    expect(await found(customer, "scanner")).toEqual([tickets.vpn]);
    expect(await found(customer, "drops")).toEqual([]);
  });

  it("forgets the words of a removed reply and those an edit took out, with a removed reply's file names", async () => {
    const number = await submit(customer, "Mailbox quota", "My mailbox is full.");
    const form = multipartForm("comment", { body: "Your temporary password is hunter2wombat" }, [
      { name: "fernbrake-export.csv", content: "a,b" },
    ]);
    const leaked = await app.inject({
      method: "POST",
      url: `/api/v1/tickets/${number}/comments/with-attachments`,
      headers: { cookie: agent.cookie, "x-csrf-token": agent.csrfToken, ...form.headers },
      payload: form.payload,
    });
    expect(leaked.statusCode, leaked.body).toBe(201);
    const typo = (
      await send(agent, "POST", `/api/v1/tickets/${number}/comments`, { body: "Call extension 4471 quodlibet" })
    ).json().id as string;
    expect(await found(customer, "hunter2wombat")).toEqual([number]);
    expect(await found(customer, "fernbrake")).toEqual([number]);

    const removed = await app.inject({
      method: "DELETE",
      url: `/api/v1/tickets/${number}/comments/${leaked.json().id}`,
      headers: { cookie: agent.cookie, "x-csrf-token": agent.csrfToken },
    });
    expect(removed.statusCode).toBe(204);
    const edited = await app.inject({
      method: "PATCH",
      url: `/api/v1/tickets/${number}/comments/${typo}`,
      headers: { cookie: agent.cookie, "x-csrf-token": agent.csrfToken },
      payload: { body: "Call extension 4472 please" },
    });
    expect(edited.statusCode).toBe(204);

    // Gone from the Feed, gone from the search: neither the customer nor an agent finds the ticket by them.
    for (const reader of [customer, agent]) {
      expect(await found(reader, "hunter2wombat")).toEqual([]);
      expect(await found(reader, "quodlibet")).toEqual([]);
    }
    expect(await found(customer, "fernbrake")).toEqual([]);
    // The removed reply's file is the agents' now (comment-attachments.test.ts), and so is its name.
    expect(await found(agent, "fernbrake")).toEqual([number]);
    expect(await found(customer, "4472")).toEqual([number]);
  });

  it("indexes attachment names by their visibility, several rows in one statement, and forgets removed ones", async () => {
    const ticket = await db()
      .selectFrom("tickets")
      .select("id")
      .where("number", "=", tickets.printer)
      .executeTakeFirstOrThrow();
    const attachment = (id: string, file_name: string, visibility: "public" | "internal") => ({
      id,
      ticket_id: ticket.id,
      file_name,
      content_type: "application/pdf",
      size: 1,
      sha256: "0".repeat(64),
      storage_key: id,
      visibility,
      uploaded_by_id: null,
      uploaded_by_name: "Agent",
      created_at: new Date().toISOString(),
    });
    await db()
      .insertInto("attachments")
      .values([
        attachment(`a-public-${engine}`, "quarterly-budget.xlsx", "public"),
        attachment(`a-internal-${engine}`, "salaries-2026.pdf", "internal"),
      ])
      .execute();
    expect(await found(customer, "budget")).toEqual([tickets.printer]);
    expect(await found(customer, "salaries")).toEqual([]);
    expect(await found(agent, "salaries")).toEqual([tickets.printer]);
    await db().deleteFrom("attachments").where("id", "=", `a-internal-${engine}`).execute();
    expect(await found(agent, "salaries")).toEqual([]);
  });

  it("lists a word found in more tickets than it ranks: subject matches first, then newest first, on SQLite; the best of the newest on PostgreSQL", async () => {
    const inSubject = await submit(customer, "Quokka sighting", "Something odd in the server room.");
    // The best match of the rest by rank: the word three times.
    const mostOften = await submit(otherCustomer, "Badge reader 0", "A quokka, a quokka, and one more quokka.");
    const newer: number[] = [];
    for (let i = 1; i <= 3; i += 1) newer.push(await submit(otherCustomer, `Badge reader ${i}`, "Saw a quokka."));
    // In the group agent's group (set in the test above), as the VPN ticket is.
    const { group_id } = await db()
      .selectFrom("tickets")
      .select("group_id")
      .where("number", "=", tickets.vpn)
      .executeTakeFirstOrThrow();
    await db().updateTable("tickets").set({ group_id }).where("number", "=", mostOften).execute();
    const as = async (client: SignedInClient): Promise<Actor> => ({
      kind: "user",
      user: await toSessionUser(db(), client.user),
      sessionId: null,
      csrfToken: null,
    });
    const numbers = async (client: SignedInClient, rankAtMost: number) =>
      (await searchTickets(db(), engine, await as(client), { q: "quokka", limit: 8 }, new Date(), rankAtMost)).hits.map(
        (h) => h.ticket.number,
      );
    // Ranked while few match: the subject first, then the ticket saying it most often.
    expect((await numbers(agent, 1000)).slice(0, 2)).toEqual([inSubject, mostOften]);
    if (engine === "sqlite") {
      // More than 2 match, so 2 is too few to rank: the subject match, then the others newest first.
      expect(await numbers(agent, 2)).toEqual([inSubject, ...newer.toReversed(), mostOften]);
      expect(await numbers(otherCustomer, 2)).toEqual([...newer.toReversed(), mostOften]);
    } else {
      // PostgreSQL ranks the newest matches: here all of them, as few are new.
      expect((await numbers(agent, 2)).slice(0, 2)).toEqual([inSubject, mostOften]);
      // With room for only the two newest and a page of one, the best of those two (equal: last updated first).
      const newestTwo = await searchTickets(db(), engine, await as(agent), { q: "quokka", limit: 1 }, new Date(), 2, 2);
      expect(newestTwo.hits.map((h) => h.ticket.number)).toEqual([newer.at(-1)]);
      expect(newestTwo.more).toBe(true);
    }
    // Every scope still gets its own matches, and only those.
    expect(await numbers(customer, 2)).toEqual([inSubject]);
    expect(await numbers(groupAgent, 2)).toEqual([mostOften]);
    // The phrase and the two words alike, and nothing internal for a customer.
    expect(await found(customer, '"quokka sighting"')).toEqual([inSubject]);
  });

  it("a queue's words list the same tickets whether their matches are read by id first or walked", async () => {
    for (const client of [agent, groupAgent]) {
      const actor = {
        kind: "user" as const,
        user: await toSessionUser(db(), client.user),
        sessionId: null,
        csrfToken: null,
      };
      const listed = async (q: string, atMost: number) => {
        const conditions = await listFilterConditions(db(), { q }, actor, atMost);
        const rows = await summaryQuery(db(), ticketScope(actor))
          .where((eb) => eb.and(conditions.map((c) => c(eb))))
          .orderBy("tickets.number")
          .execute();
        return rows.map((r) => r.number);
      };
      for (const q of ["printer", "quokka", '"paper jam"', "zzqx"]) {
        // 0: more match than are read first, so the list walks; 1,000: they are read first, by id or number.
        expect(await listed(q, 1000), `${q} for ${client.user.email}`).toEqual(await listed(q, 0));
      }
      if (client === agent)
        expect(await listed("printer", 1000)).toEqual(expect.arrayContaining([tickets.printer, tickets.other]));
    }
  });

  it("refuses an empty or overlong search, and anyone not signed in", async () => {
    expect((await send(customer, "GET", "/api/v1/search?q=%20")).statusCode).toBe(400);
    expect((await send(customer, "GET", `/api/v1/search?q=${"a".repeat(201)}`)).statusCode).toBe(400);
    expect((await app.inject({ method: "GET", url: "/api/v1/search?q=printer" })).statusCode).toBe(401);
    // Nothing to search for but punctuation: no results rather than every ticket.
    expect(await found(agent, "!!! ???")).toEqual([]);
  });
});
