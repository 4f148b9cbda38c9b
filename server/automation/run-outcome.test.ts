import { afterAll, beforeAll, expect, it } from "vitest";
import type { AutomationRun } from "../../common/automation.ts";
import type { FeedEntry } from "../../common/conversation.ts";
import { encodeJson } from "../db/engine.ts";
import { newId } from "../db/ids.ts";
import type { App } from "../http/types.ts";
import { describeEachEngine } from "../test/engines.ts";
import {
  buildAdmin,
  buildCustomer,
  buildNarrowAdmin,
  buildSubmission,
  buildTestApp,
  type SignedInClient,
  signInAs,
} from "../test/factories.ts";

/**
 * Issue 20: what a rule did is stored as codes, so the admin page's log and the ticket's Feed word it in the
 * reader's language; runs and events stored before as English sentences still read back, as those sentences.
 */
describeEachEngine("what an automation run did, as codes", ({ db, engine }) => {
  let app: App;
  let admin: SignedInClient;
  let customer: SignedInClient;
  const as = (client: SignedInClient | null, method: "GET" | "POST" | "PUT", url: string, body?: object) =>
    app.inject({
      method,
      url,
      headers: client ? { cookie: client.cookie, "x-csrf-token": client.csrfToken } : {},
      ...(body ? { payload: body as Record<string, unknown> } : {}),
    });
  const runsOf = async (number: number) =>
    ((await as(admin, "GET", "/api/v1/admin/automation-runs")).json().runs as AutomationRun[]).filter(
      (r) => r.ticketNumber === number,
    );
  const feedOf = async (client: SignedInClient, number: number) =>
    (await as(client, "GET", `/api/v1/tickets/${number}/feed`)).json().entries as FeedEntry[];

  beforeAll(async () => {
    app = await buildTestApp(db(), engine);
    admin = await signInAs(app, await buildAdmin(db()));
    customer = await signInAs(app, await buildCustomer(db()));
  });
  afterAll(async () => {
    await app.close();
  });

  it("logs a trigger's changes and mail as codes, in the runs API and in the agents' Feed", async () => {
    const group = (await as(admin, "POST", "/api/v1/admin/groups", { name: "On call" })).json().id as string;
    const rule = await as(admin, "POST", "/api/v1/admin/automation-rules", {
      name: "Urgent to on call",
      kind: "trigger",
      conditions: { priorities: ["urgent"], serviceIds: [], organizationIds: [], ticketTypeIds: [] },
      actions: {
        groupId: group,
        priority: "high",
        remindRequester: false,
        notifyEmail: "oncall@example.com",
        notifyGroupLead: true,
      },
    });
    expect(rule.statusCode, rule.body).toBe(201);
    const submitted = await as(
      customer,
      "POST",
      "/api/v1/tickets",
      await buildSubmission(db(), { priority: "urgent", subject: "Site down", email: customer.user.email }),
    );
    expect(submitted.statusCode, submitted.body).toBe(201);
    const number = submitted.json().number as number;

    const did = [
      { code: "assigned", group: "On call" },
      { code: "priority", priority: "high" },
      { code: "notified", email: "oncall@example.com" },
      // The new group has no lead: nobody is mailed, and the log says so.
      { code: "noGroupLead" },
    ];
    expect(await runsOf(number)).toEqual([
      expect.objectContaining({
        rule: "Urgent to on call",
        outcome: did,
        // Still in English for clients that predate `outcome`.
        summary: "assigned to On call, priority set to High, oncall@example.com notified, no group lead to notify",
      }),
    ]);

    const entry = (await feedOf(admin, number)).find((e) => e.type === "automation_applied");
    expect(entry).toMatchObject({
      actor: "Urgent to on call",
      visibility: "internal",
      details: did.map((d) => ({ code: "automation", did: d })),
    });
    // Agents only: the requester's Feed has no automation entry.
    expect((await feedOf(customer, number)).map((e) => e.type)).not.toContain("automation_applied");
  });

  it("still reads runs and events logged before, as the English sentence they were stored as", async () => {
    const submitted = await as(null, "POST", "/api/v1/tickets", await buildSubmission(db(), { subject: "Old one" }));
    const number = submitted.json().number as number;
    const ticket = await db().selectFrom("tickets").select("id").where("number", "=", number).executeTakeFirstOrThrow();
    const ruleId = newId();
    const at = new Date().toISOString();
    await db()
      .insertInto("automation_rules")
      .values({
        id: ruleId,
        name: "An old rule",
        kind: "trigger",
        active: 0,
        position: 0,
        conditions: encodeJson({ priorities: [], serviceIds: [], organizationIds: [], ticketTypeIds: [] }),
        status_category: null,
        after_business_days: null,
        actions: encodeJson({ groupId: null, priority: null, remindRequester: true }),
        created_at: at,
        updated_at: at,
      })
      .execute();
    // As the help desk wrote them before issue 20: a sentence, no codes.
    await db()
      .insertInto("automation_runs")
      .values({
        id: newId(),
        rule_id: ruleId,
        ticket_id: ticket.id,
        run_key: "created",
        summary: "reminder sent to the requester",
        ran_at: at,
      })
      .execute();
    await db()
      .insertInto("ticket_events")
      .values({
        id: newId(),
        ticket_id: ticket.id,
        type: "automation_applied",
        actor_id: null,
        actor_name: "Automation: An old rule",
        visibility: "internal",
        payload: encodeJson({ ruleId, rule: "An old rule", summary: "reminder sent to the requester" }),
        created_at: at,
      })
      .execute();

    expect(await runsOf(number)).toEqual([
      expect.objectContaining({ rule: "An old rule", outcome: null, summary: "reminder sent to the requester" }),
    ]);
    expect((await feedOf(admin, number)).find((e) => e.type === "automation_applied")).toMatchObject({
      actor: "An old rule",
      details: [{ code: "automationSummary", summary: "reminder sent to the requester" }],
    });
  });

  it("lets only someone who sees every ticket choose an address that rules mail tickets to", async () => {
    const settings = await signInAs(app, await buildNarrowAdmin(db(), ["admin.settings"]));
    const rule = (notifyEmail: string, name = "Mail the lead") => ({
      name,
      kind: "trigger",
      conditions: { priorities: ["urgent"], serviceIds: [], organizationIds: [], ticketTypeIds: [] },
      actions: { groupId: null, priority: "high", remindRequester: false, notifyEmail },
    });
    const rules = async () =>
      (await as(admin, "GET", "/api/v1/admin/automation-rules")).json().rules as {
        id: string;
        name: string;
        actions: { notifyEmail?: string | null };
      }[];
    const before = await rules();

    // Every new ticket's subject would go to their own address.
    const created = await as(settings, "POST", "/api/v1/admin/automation-rules", rule("me@attacker.example"));
    expect(created.statusCode).toBe(403);
    expect(await rules()).toEqual(before);
    // Rules that mail nobody new are theirs to make and change, an address an admin chose included.
    const plain = await as(settings, "POST", "/api/v1/admin/automation-rules", rule(""));
    expect(plain.statusCode, plain.body).toBe(201);
    const lead = await as(admin, "POST", "/api/v1/admin/automation-rules", rule("lead@example.com", "Lead"));
    const leadId = lead.json().id as string;
    const renamed = await as(settings, "PUT", `/api/v1/admin/automation-rules/${leadId}`, rule("lead@example.com"));
    expect(renamed.statusCode, renamed.body).toBe(204);
    const redirected = await as(
      settings,
      "PUT",
      `/api/v1/admin/automation-rules/${leadId}`,
      rule("me@attacker.example"),
    );
    expect(redirected.statusCode).toBe(403);
    expect((await rules()).find((r) => r.id === leadId)?.actions.notifyEmail).toBe("lead@example.com");
  });
});
