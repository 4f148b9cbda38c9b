import { expect, it } from "vitest";
import { createGroup, createOrganization } from "../../accounts/commands/manage-directory.ts";
import type { User } from "../../db/schema.ts";
import type { App } from "../../http/types.ts";
import { serverCatalog } from "../../i18n/catalogs.ts";
import { translator } from "../../i18n/translator.ts";
import { describeEachEngine } from "../../test/engines.ts";
import {
  buildAgent,
  buildCustomer,
  buildSubmission,
  buildTestApp,
  buildUser,
  latestMailTo,
  type SignedInClient,
  signInAs,
} from "../../test/factories.ts";

type Listed = { number: number; assignee: { name: string } | null; group: { name: string } | null; priority: string };

describeEachEngine("the agent workspace", ({ db, engine }) => {
  let app: App;
  let lead: SignedInClient; // an agent who sees every ticket
  let restricted: SignedInClient; // a group agent in Network only
  let customer: SignedInClient;
  let networkId: string;
  let printersId: string;
  const tickets = { vpn: 0, printer: 0, laptop: 0 };

  const call = (
    client: SignedInClient,
    method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
    url: string,
    payload?: object,
  ) =>
    app.inject({
      method,
      url,
      headers: { cookie: client.cookie, "x-csrf-token": client.csrfToken },
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });
  const list = async (client: SignedInClient, query: string) => {
    const response = await call(client, "GET", `/api/v1/agent/tickets?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { tickets: Listed[]; nextCursor: string | null };
  };
  const numbers = async (client: SignedInClient, query: string) =>
    (await list(client, query)).tickets.map((t) => t.number).sort((a, b) => a - b);
  const counts = async (client: SignedInClient) =>
    Object.fromEntries(
      ((await call(client, "GET", "/api/v1/agent/queues")).json().queues as { key: string; count: number }[]).map(
        (q) => [q.key, q.count],
      ),
    );
  const statusId = async (key: string) =>
    (await db().selectFrom("statuses").select("id").where("key", "=", key).executeTakeFirstOrThrow()).id;
  const submit = async (subject: string, priority: "low" | "medium" | "high" | "urgent") =>
    (await call(customer, "POST", "/api/v1/tickets", await buildSubmission(db(), { subject, priority }))).json()
      .number as number;
  const groupAgent = async (): Promise<User> => {
    const user = await buildUser(db(), "agent");
    const role = await db().selectFrom("roles").select("id").where("key", "=", "group_agent").executeTakeFirstOrThrow();
    await db().deleteFrom("user_roles").where("user_id", "=", user.id).execute();
    await db().insertInto("user_roles").values({ user_id: user.id, role_id: role.id }).execute();
    return user;
  };

  it("shows a group agent only their groups' tickets and those assigned to them", async () => {
    app = await buildTestApp(db(), engine);
    lead = await signInAs(app, await buildAgent(db()));
    customer = await signInAs(app, await buildCustomer(db()));
    networkId = await createGroup(db(), { name: "Network" });
    printersId = await createGroup(db(), { name: "Printers" });
    const member = await groupAgent();
    await db().insertInto("group_members").values({ user_id: member.id, group_id: networkId }).execute();
    await db().insertInto("group_members").values({ user_id: lead.user.id, group_id: printersId }).execute();
    restricted = await signInAs(app, member);

    tickets.vpn = await submit("VPN down", "urgent");
    tickets.printer = await submit("Printer jams", "low");
    tickets.laptop = await submit("Laptop slow", "medium");
    await db().updateTable("tickets").set({ group_id: networkId }).where("number", "=", tickets.vpn).execute();
    await db().updateTable("tickets").set({ group_id: printersId }).where("number", "=", tickets.printer).execute();

    expect(await numbers(restricted, "queue=all")).toEqual([tickets.vpn]);
    expect((await call(restricted, "GET", `/api/v1/tickets/${tickets.printer}`)).statusCode).toBe(404);
    expect(
      (await call(restricted, "POST", `/api/v1/tickets/${tickets.printer}/comments`, { body: "Mine now" })).statusCode,
    ).toBe(404);
    expect(
      (await call(restricted, "PATCH", `/api/v1/tickets/${tickets.printer}`, { priority: "high" })).statusCode,
    ).toBe(404);

    // Assigned to them personally, outside their groups: now they see it.
    const assigned = await call(lead, "PATCH", `/api/v1/tickets/${tickets.laptop}`, { assigneeId: restricted.user.id });
    expect(assigned.statusCode, assigned.body).toBe(204);
    expect(await numbers(restricted, "queue=all")).toEqual([tickets.vpn, tickets.laptop].sort((a, b) => a - b));
    expect(await numbers(lead, "queue=all")).toEqual(Object.values(tickets).sort((a, b) => a - b));
  });

  it("refuses the workspace to customers and visitors", async () => {
    expect((await call(customer, "GET", "/api/v1/agent/tickets")).statusCode).toBe(403);
    expect((await call(customer, "GET", "/api/v1/agent/queues")).statusCode).toBe(403);
    expect((await call(customer, "PATCH", `/api/v1/tickets/${tickets.vpn}`, { priority: "low" })).statusCode).toBe(403);
    expect((await app.inject({ method: "GET", url: "/api/v1/agent/tickets" })).statusCode).toBe(401);
  });

  it("fills each queue and counts it", async () => {
    await call(lead, "PATCH", `/api/v1/tickets/${tickets.printer}`, {
      assigneeId: lead.user.id,
      statusId: await statusId("waiting_for_customer"),
    });
    const byLead = await counts(lead);
    expect(byLead).toMatchObject({ new: 2, unassigned: 1, mine: 1, my_groups: 1, waiting: 1, all: 3 });
    expect(await numbers(lead, "queue=new")).toEqual([tickets.vpn, tickets.laptop].sort((a, b) => a - b));
    expect(await numbers(lead, "queue=unassigned")).toEqual([tickets.vpn]);
    expect(await numbers(lead, "queue=mine")).toEqual([tickets.printer]);
    expect(await numbers(lead, "queue=my_groups")).toEqual([tickets.printer]);
    expect(await numbers(lead, "queue=waiting")).toEqual([tickets.printer]);
    expect(await counts(restricted)).toMatchObject({ all: 2, mine: 1, my_groups: 1 });

    await call(lead, "PATCH", `/api/v1/tickets/${tickets.printer}`, { statusId: await statusId("solved") });
    expect(await numbers(lead, "queue=recently_solved")).toEqual([tickets.printer]);
    expect((await counts(lead)).mine).toBe(0);
  });

  it("filters and sorts by any column, page by page", async () => {
    expect(await numbers(lead, "priority=urgent&priority=low")).toEqual(
      [tickets.vpn, tickets.printer].sort((a, b) => a - b),
    );
    expect(await numbers(lead, "assigneeId=none")).toEqual([tickets.vpn]);
    expect(await numbers(restricted, "assigneeId=me")).toEqual([tickets.laptop]);
    expect(await numbers(lead, `groupId=none`)).toEqual([tickets.laptop]);
    expect(await numbers(lead, `groupId=${networkId}`)).toEqual([tickets.vpn]);
    expect(await numbers(lead, "q=jams")).toEqual([tickets.printer]);
    // Read by id first on PostgreSQL (few match): still only within the agent's scope, and nothing for no match.
    expect(await numbers(restricted, "q=jams")).toEqual([]);
    expect(await numbers(lead, "q=zzqx")).toEqual([]);
    expect(await numbers(lead, `q=%23${tickets.laptop}`)).toEqual([tickets.laptop]);
    expect(await numbers(lead, `requester=${encodeURIComponent(customer.user.email.slice(0, 8))}`)).toHaveLength(3);
    expect(await numbers(lead, "createdFrom=2000-01-01&createdTo=2000-12-31")).toEqual([]);
    const bad = await call(lead, "GET", "/api/v1/agent/tickets?priority=critical&createdFrom=yesterday");
    expect(bad.statusCode).toBe(400);

    const byPriority = await list(lead, "sort=priority&direction=desc&limit=1");
    expect(byPriority.tickets.map((t) => t.priority)).toEqual(["urgent"]);
    const seen = [...byPriority.tickets.map((t) => t.priority)];
    let cursor = byPriority.nextCursor;
    while (cursor) {
      const page = await list(lead, `sort=priority&direction=desc&limit=1&cursor=${cursor}`);
      seen.push(...page.tickets.map((t) => t.priority));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(["urgent", "medium", "low"]);
    const ascending = await list(lead, "sort=number&direction=asc&limit=2");
    const rest = await list(lead, `sort=number&direction=asc&limit=2&cursor=${ascending.nextCursor}`);
    expect([...ascending.tickets, ...rest.tickets].map((t) => t.number)).toEqual(
      Object.values(tickets).sort((a, b) => a - b),
    );
  });

  it("edits type-specific fields with validation and records each change in the Feed", async () => {
    const domainType = await db()
      .selectFrom("ticket_types")
      .select("id")
      .where("key", "=", "domain_approval")
      .executeTakeFirstOrThrow();
    const missing = await call(lead, "PATCH", `/api/v1/tickets/${tickets.vpn}`, { typeId: domainType.id, fields: {} });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields).toEqual({ "fields.domain": "Enter Domain." });
    const badChoice = await call(lead, "PATCH", `/api/v1/tickets/${tickets.vpn}`, {
      typeId: domainType.id,
      fields: { domain: "acme.com", domain_approved: "Maybe" },
    });
    expect(badChoice.statusCode).toBe(400);

    const saved = await call(lead, "PATCH", `/api/v1/tickets/${tickets.vpn}`, {
      typeId: domainType.id,
      priority: "high",
      fields: { domain: "acme.com", domain_approved: "Cleared" },
    });
    expect(saved.statusCode, saved.body).toBe(204);
    const detail = (await call(lead, "GET", `/api/v1/tickets/${tickets.vpn}`)).json();
    expect(detail.ticketType.name).toBe("Domain approval");
    expect(detail.priority).toBe("high");
    expect(detail.fields.map((f: { key: string; value: unknown }) => [f.key, f.value])).toEqual([
      ["domain", "acme.com"],
      ["domain_approved", "Cleared"],
    ]);

    type Entry = { type: string; detail: string | null; details: unknown[]; visibility: string };
    const agentFeed = (await call(lead, "GET", `/api/v1/tickets/${tickets.vpn}/feed`)).json().entries as Entry[];
    const edits = agentFeed.filter((e) => e.type === "edited");
    expect(edits.find((e) => e.visibility === "public")?.detail).toBe(
      "Priority: Urgent → High; Domain: (none) → acme.com",
    );
    // The ticket's own fields by name and the priority by its code, so each reader words them; custom fields by label.
    expect(edits.find((e) => e.visibility === "public")?.details).toEqual([
      { code: "change", field: "priority", label: "Priority", from: "urgent", to: "high" },
      { code: "change", field: null, label: "Domain", from: null, to: "acme.com" },
    ]);
    expect(edits.find((e) => e.visibility === "internal")?.detail).toBe(
      "Type: General request → Domain approval; Domain Approved: (none) → Cleared",
    );
    const customerFeed = (await call(customer, "GET", `/api/v1/tickets/${tickets.vpn}/feed`)).json().entries as Entry[];
    expect(customerFeed.filter((e) => e.type === "edited").map((e) => e.detail)).toEqual([
      "Priority: Urgent → High; Domain: (none) → acme.com",
    ]);
  });

  it("mails the assignee, except when agents assign themselves, and keeps assignees inside the group", async () => {
    const outsider = await call(lead, "PATCH", `/api/v1/tickets/${tickets.vpn}`, { assigneeId: lead.user.id });
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json().error.fields.assigneeId).toBe(`${lead.user.name} is not in the Network group.`);
    const toCustomer = await call(lead, "PATCH", `/api/v1/tickets/${tickets.vpn}`, { assigneeId: customer.user.id });
    expect(toCustomer.json().error.fields.assigneeId).toBe("Choose an agent from the list.");

    expect(
      (await call(lead, "PATCH", `/api/v1/tickets/${tickets.vpn}`, { assigneeId: restricted.user.id })).statusCode,
    ).toBe(204);
    const mail = await latestMailTo(db(), restricted.user.email);
    expect(mail?.subject).toBe(`[#${tickets.vpn}] Assigned to you: VPN down`);
    expect(mail?.text_body).toContain(`${lead.user.name} assigned ticket #${tickets.vpn} to you.`);
    expect(mail?.text_body).toContain(`/agent/tickets/${tickets.vpn}`);

    const before = await latestMailTo(db(), lead.user.email);
    await call(lead, "PATCH", `/api/v1/tickets/${tickets.laptop}`, { assigneeId: lead.user.id });
    expect((await latestMailTo(db(), lead.user.email))?.id).toBe(before?.id);
  });

  it("refuses a date filter outside the years 1970-2999 (PostgreSQL answered 500, and a view saved with one broke the sidebar)", async () => {
    for (const query of ["createdTo=9999-12-31", "createdFrom=0000-01-01", "updatedTo=9999-12-31"]) {
      const refused = await call(lead, "GET", `/api/v1/agent/tickets?${query}`);
      expect(refused.statusCode, query).toBe(400);
      expect(Object.values(refused.json().error.fields)).toEqual(["Choose a date between 1970 and 2999."]);
    }
    const view = await call(lead, "POST", "/api/v1/agent/views", { name: "Far", filters: { createdTo: "9999-12-31" } });
    expect(view.statusCode).toBe(400);
    expect((await call(lead, "GET", "/api/v1/agent/queues")).statusCode).toBe(200);
    expect((await call(lead, "GET", "/api/v1/agent/tickets?createdTo=2999-12-31")).statusCode).toBe(200);
  });

  it("adds a bulk note to no closed ticket, as a note from the ticket page is refused there", async () => {
    const number = await submit("Old printer question", "low");
    const closed = await db()
      .selectFrom("statuses")
      .select("id")
      .where("category", "=", "closed")
      .executeTakeFirstOrThrow();
    await db().updateTable("tickets").set({ status_id: closed.id }).where("number", "=", number).execute();
    const single = await call(lead, "POST", `/api/v1/tickets/${number}/comments`, { body: "Late note", kind: "note" });
    expect(single.statusCode).toBe(409);

    const bulk = await call(lead, "POST", "/api/v1/agent/tickets/bulk", { numbers: [number], note: "Late note" });
    expect(bulk.statusCode).toBe(200);
    expect(bulk.json().updated).toEqual([]);
    expect(bulk.json().failed).toEqual([
      {
        number,
        code: "conflict",
        reason: "This request is closed and takes no more comments. Create a follow-up instead.",
      },
    ]);
    const entries = (await call(lead, "GET", `/api/v1/tickets/${number}/feed`)).json().entries as { body?: string }[];
    expect(entries.filter((e) => e.body === "Late note")).toEqual([]);
  });

  it("bulk-edits each ticket the agent may change and reports the rest", async () => {
    const result = await call(restricted, "POST", "/api/v1/agent/tickets/bulk", {
      numbers: [tickets.vpn, tickets.printer, 999999],
      priority: "low",
      note: "Batch triage",
    });
    expect(result.statusCode, result.body).toBe(200);
    expect(result.json().updated).toEqual([tickets.vpn]);
    expect(result.json().failed.map((f: { number: number }) => f.number)).toEqual([tickets.printer, 999999]);
    expect((await call(lead, "GET", `/api/v1/tickets/${tickets.printer}`)).json().priority).toBe("low");
    expect((await call(lead, "GET", `/api/v1/tickets/${tickets.vpn}`)).json().priority).toBe("low");
    const notes = (
      (await call(lead, "GET", `/api/v1/tickets/${tickets.printer}/feed`)).json().entries as {
        body: string | null;
      }[]
    ).filter((e) => e.body === "Batch triage");
    expect(notes).toEqual([]);

    const nothing = await call(lead, "POST", "/api/v1/agent/tickets/bulk", { numbers: [tickets.vpn] });
    expect(nothing.statusCode).toBe(400);
    // A number past the database's integers is refused whole, nothing changed (PostgreSQL answered 500).
    const priorityOfVpn = async () =>
      (await db().selectFrom("tickets").select("priority").where("number", "=", tickets.vpn).executeTakeFirst())
        ?.priority;
    const before = await priorityOfVpn();
    const huge = await call(lead, "POST", "/api/v1/agent/tickets/bulk", {
      numbers: [tickets.vpn, 2 ** 31],
      priority: before === "medium" ? "high" : "medium",
    });
    expect(huge.statusCode).toBe(400);
    expect(huge.json().error.fields).toEqual({ "numbers.1": "There is no ticket with that number." });
    expect(await priorityOfVpn()).toBe(before);
    expect(
      (await call(customer, "POST", "/api/v1/agent/tickets/bulk", { numbers: [tickets.vpn], priority: "high" }))
        .statusCode,
    ).toBe(403);
  });

  it("moves the SLA targets with the priority and lists tickets past their due time as Overdue", async () => {
    const laptop = async () => (await call(lead, "GET", `/api/v1/tickets/${tickets.laptop}`)).json();
    const before = (await laptop()).serviceLevel;
    expect((await call(lead, "PATCH", `/api/v1/tickets/${tickets.laptop}`, { priority: "urgent" })).statusCode).toBe(
      204,
    );
    const after = (await laptop()).serviceLevel;
    expect(after.policy).not.toBe(before.policy);
    expect(Date.parse(after.firstResponseDueAt)).toBeLessThan(Date.parse(before.firstResponseDueAt));

    expect(await numbers(lead, "queue=overdue")).toEqual([]);
    const past = new Date(Date.now() - 60_000).toISOString();
    await db().updateTable("tickets").set({ due_at: past }).where("number", "=", tickets.laptop).execute();
    expect(await numbers(lead, "queue=overdue")).toEqual([tickets.laptop]);
    expect((await counts(lead)).overdue).toBe(1);
    expect((await list(lead, "queue=overdue")).tickets[0]).toMatchObject({ overdue: true, dueAt: past });
  });

  it("tells agents, not customers, which organization a ticket came from, and finds its other tickets", async () => {
    const acme = await createOrganization(db(), { name: "Acme Corp" });
    const member = await signInAs(app, await buildCustomer(db()));
    await db().insertInto("organization_members").values({ user_id: member.user.id, organization_id: acme }).execute();
    const number = (await call(member, "POST", "/api/v1/tickets", await buildSubmission(db()))).json().number as number;
    expect((await call(lead, "GET", `/api/v1/tickets/${number}`)).json().organization).toEqual({
      id: acme,
      name: "Acme Corp",
    });
    expect((await call(member, "GET", `/api/v1/tickets/${number}`)).json().organization).toBeNull();
    expect(await numbers(lead, `organizationId=${acme}`)).toEqual([number]);
  });

  it("saves personal views with counts that only their owner can change", async () => {
    const created = await call(lead, "POST", "/api/v1/agent/views", {
      name: "Urgent network",
      filters: { groupId: [networkId], priority: ["low", "urgent"] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const duplicate = await call(lead, "POST", "/api/v1/agent/views", { name: "Urgent network", filters: {} });
    expect(duplicate.json().error.fields.name).toBe("You already have a view with this name.");
    const overviewResponse = await call(lead, "GET", "/api/v1/agent/queues");
    expect(overviewResponse.statusCode, overviewResponse.body).toBe(200);
    const overview = overviewResponse.json();
    expect(overview.views).toEqual([
      {
        id: created.json().id,
        name: "Urgent network",
        filters: { groupId: [networkId], priority: ["low", "urgent"] },
        count: 1,
        more: false,
      },
    ]);
    expect((await call(restricted, "GET", "/api/v1/agent/queues")).json().views).toEqual([]);
    expect((await call(restricted, "DELETE", `/api/v1/agent/views/${created.json().id}`)).statusCode).toBe(404);
    expect((await call(lead, "DELETE", `/api/v1/agent/views/${created.json().id}`)).statusCode).toBe(204);

    // A misspelt filter is refused, as in the list's query string: it was dropped, and "Urgent only" listed every ticket.
    const misspelt = await call(lead, "POST", "/api/v1/agent/views", {
      name: "Urgent only",
      filters: { priorty: ["urgent"] },
    });
    expect(misspelt.statusCode).toBe(400);
    expect(misspelt.json().error.fields).toEqual({
      "filters.priorty": "This field is not known here: check its name in the API reference.",
    });
    expect((await call(lead, "GET", "/api/v1/agent/queues")).json().views).toEqual([]);
    const kept = await call(lead, "POST", "/api/v1/agent/views", { name: "Urgent", filters: { priority: ["urgent"] } });
    const renamed = await call(lead, "PUT", `/api/v1/agent/views/${kept.json().id}`, {
      name: "Urgent",
      filters: { priority: ["urgent"], statusCategry: ["open"] },
    });
    expect(renamed.statusCode).toBe(400);
    expect((await call(lead, "GET", "/api/v1/agent/queues")).json().views[0].filters).toEqual({ priority: ["urgent"] });
    expect((await call(lead, "DELETE", `/api/v1/agent/views/${kept.json().id}`)).statusCode).toBe(204);
  });

  it("says why each ticket of a bulk edit was left unchanged, in the agent's language, and applies the rest", async () => {
    const german = (client: SignedInClient, payload: object) =>
      app.inject({
        method: "POST",
        url: "/api/v1/agent/tickets/bulk",
        headers: { cookie: client.cookie, "x-csrf-token": client.csrfToken, "accept-language": "de" },
        payload: payload as Record<string, unknown>,
      });
    const de = serverCatalog("de");
    const vpn = await submit("Bulk: VPN again", "low");
    const printer = await submit("Bulk: printer again", "low");
    const spare = await submit("Bulk: spare", "low");
    await db().updateTable("tickets").set({ group_id: networkId }).where("number", "=", spare).execute();
    await db().updateTable("tickets").set({ group_id: networkId }).where("number", "=", vpn).execute();
    await db().updateTable("tickets").set({ group_id: printersId }).where("number", "=", printer).execute();

    // The restricted agent is in Network only: assigning them fits one ticket, not the other; one does not exist.
    const assigned = await german(lead, { numbers: [vpn, printer, 999999], assigneeId: restricted.user.id });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toEqual({
      updated: [vpn],
      failed: [
        {
          number: printer,
          code: "validation_failed",
          reason: `${restricted.user.name} ist nicht in der Gruppe Printers.`,
        },
        { number: 999999, code: "not_found", reason: de["errors.code.not_found"] },
      ],
    });
    expect((await call(lead, "GET", `/api/v1/tickets/${vpn}`)).json().assignee.id).toBe(restricted.user.id);
    expect((await call(lead, "GET", `/api/v1/tickets/${printer}`)).json().assignee).toBeNull();

    // A group agent moving a ticket out of their sight without confirming it; a ticket they cannot see.
    const moved = await german(restricted, { numbers: [spare, printer], groupId: printersId, priority: "high" });
    expect(moved.json().updated).toEqual([]);
    expect(moved.json().failed).toEqual([
      {
        number: spare,
        code: "conflict",
        reason: `Nach dieser Änderung könnten Sie #${spare} nicht mehr sehen: Es würde Ihre Gruppen verlassen und ist Ihnen nicht zugewiesen. Bestätigen Sie, um trotzdem fortzufahren.`,
      },
      { number: printer, code: "not_found", reason: de["errors.code.not_found"] },
    ]);
    // A status that does not exist (removed while the form was open).
    const status = await german(lead, { numbers: [vpn], statusId: "00000000-0000-4000-8000-000000000000" });
    expect(status.json().failed).toEqual([
      { number: vpn, code: "validation_failed", reason: de["validation.chooseStatus"] },
    ]);
    expect(status.json().failed[0].reason).not.toBe("Choose a status from the list.");
  });

  it("has every reason a bulk edit can give in the catalogs, not a name put where words go", () => {
    const de = translator("de");
    // Without a group's name the sentence is its own, translated whole (it used to be "the chosen group" built in English).
    expect(de.sentence("Ann Agent is not in the chosen group.", "validation_failed")).toBe(
      "Ann Agent ist nicht in der gewählten Gruppe.",
    );
    expect(de.sentence("You may not assign tickets.", "forbidden")).toBe("Sie dürfen keine Tickets zuweisen.");
    expect(de.sentence("Only agents working the ticket can change it.", "forbidden")).toBe(
      "Nur Agenten, die das Ticket bearbeiten, können es ändern.",
    );
  });
});
