import { afterAll, beforeAll, expect, it } from "vitest";
import { serviceInputSchema } from "../../common/catalog.ts";
import { type Report, reportQuerySchema } from "../../common/reports.ts";
import { createGroup, createOrganization, createRole } from "../accounts/commands/manage-directory.ts";
import { createService } from "../catalog/commands/manage-catalog.ts";
import { anonymous } from "../core/actor.ts";
import type { App } from "../http/types.ts";
import { describeEachEngine } from "../test/engines.ts";
import {
  actorOf,
  buildAdmin,
  buildAgent,
  buildCustomer,
  buildSubmission,
  buildTestApp,
  type SignedInClient,
  signInAs,
  testConfig,
} from "../test/factories.ts";
import { changeStatus } from "../tickets/commands/lifecycle-actions.ts";
import { submitTicket } from "../tickets/commands/submit-ticket.ts";
import { updateTicket } from "../tickets/commands/update-ticket.ts";

describeEachEngine("reports", ({ db, engine }) => {
  const config = testConfig();
  let app: App;
  let admin: SignedInClient;
  let groupAgent: SignedInClient;
  let customer: SignedInClient;
  let support: string;
  let billing: string;
  const today = new Date().toISOString().slice(0, 10);
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    app = await buildTestApp(db(), engine, config);
    support = await createGroup(db(), { name: "Support" });
    billing = await createGroup(db(), { name: "Billing" });
    const adminUser = await buildAdmin(db());
    // A group agent: works tickets and sees reports, but only for Support.
    const narrow = await buildAgent(db());
    const role = await createRole(db(), {
      name: "Support lead",
      permissions: ["tickets.work", "tickets.submit", "reports.view"],
    });
    await db().deleteFrom("user_roles").where("user_id", "=", narrow.id).execute();
    await db().insertInto("user_roles").values({ user_id: narrow.id, role_id: role }).execute();
    await db().insertInto("group_members").values({ user_id: narrow.id, group_id: support }).execute();
    const customerUser = await buildCustomer(db());

    const ctx = { db: db(), engine, config };
    const asAdmin = await actorOf(db(), adminUser);
    const solvedId = (
      await db().selectFrom("statuses").select("id").where("category", "=", "solved").executeTakeFirstOrThrow()
    ).id;
    // Support gets two tickets (one solved), Billing one.
    for (const [group, priority, solve] of [
      [support, "high", true],
      [support, "low", false],
      [billing, "urgent", false],
    ] as const) {
      const { number } = await submitTicket(
        ctx,
        await actorOf(db(), customerUser),
        await buildSubmission(db(), { priority }),
      );
      await updateTicket(ctx, asAdmin, number, { groupId: group });
      if (solve) await changeStatus(ctx, asAdmin, number, solvedId);
    }
    admin = await signInAs(app, adminUser);
    groupAgent = await signInAs(app, narrow);
    customer = await signInAs(app, customerUser);
  });
  afterAll(async () => {
    await app.close();
  });

  const get = (client: SignedInClient | null, path: string) =>
    app.inject({ method: "GET", url: path, headers: client ? { cookie: client.cookie } : {} });
  const overviewReport = async (client: SignedInClient, extra = "") => {
    const response = await get(client, `/api/v1/reports/overview?from=${today}&to=${today}${extra}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Report;
  };
  const overview = async (client: SignedInClient, extra = "") =>
    Object.fromEntries((await overviewReport(client, extra)).figures.map((f) => [f.key, f.value]));

  it("counts every group's tickets for a manager", async () => {
    expect(await overview(admin)).toMatchObject({ created: 3, solved: 1, unsolved: 2 });
    expect(await overview(admin, `&groupId=${billing}`)).toMatchObject({ created: 1, solved: 0, unsolved: 1 });
    // An agent filter reads the metrics rows instead of the rollups: the same figures.
    expect(await overview(admin, "&priority=high")).toMatchObject({ created: 1, solved: 1, unsolved: 0 });
  });

  it("counts a past period's tickets only, and a zone half an hour off UTC counts the same", async () => {
    const figures = async (query: string) => {
      const response = await get(admin, `/api/v1/reports/overview?${query}`);
      expect(response.statusCode).toBe(200);
      const report = response.json<Report>();
      return Object.fromEntries(report.figures.map((f) => [f.key, f.value]));
    };
    // Yesterday's dashboard reads the hours up to now for its backlog; today's tickets are not yesterday's.
    expect(await figures(`from=${yesterday}&to=${yesterday}`)).toMatchObject({ created: 0, solved: 0, unsolved: 2 });
    expect(await figures(`from=${yesterday}&to=${tomorrow}&timeZone=Asia/Kolkata`)).toMatchObject({
      created: 3,
      solved: 1,
    });
  });

  it("shows a group agent only their groups' figures, even when they filter by another group", async () => {
    expect(await overview(groupAgent)).toMatchObject({ created: 2, solved: 1, unsolved: 1 });
    expect(await overview(groupAgent, `&groupId=${billing}`)).toMatchObject({ created: 0, solved: 0, unsolved: 0 });
    const volume = (await (await get(groupAgent, `/api/v1/reports/volume?from=${today}&to=${today}`)).json()) as Report;
    const byGroup = volume.tables.find((t) => t.key === "by_group");
    expect(byGroup?.rows.map((r) => r.cells.name)).toEqual(["Support"]);
  });

  it("refuses customers and visitors every report, and explains a bad period", async () => {
    for (const kind of ["overview", "volume", "efficiency", "sla", "agents", "satisfaction"]) {
      const path = `/api/v1/reports/${kind}?from=${today}&to=${today}`;
      expect((await get(customer, path)).statusCode).toBe(403);
      expect((await get(null, path)).statusCode).toBe(401);
      expect((await get(admin, path)).statusCode).toBe(200);
    }
    const backwards = await get(admin, "/api/v1/reports/overview?from=2026-02-01&to=2026-01-01");
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.code).toBe("validation_failed");
    const zone = await get(admin, `/api/v1/reports/overview?from=${today}&to=${today}&timeZone=Mars/Olympus`);
    expect(zone.statusCode).toBe(400);
  });

  it("refuses a period past the year 2999 at once (walking its days never ended and held the server)", async () => {
    // Checked on the schema first: without the bound, the request below loops for ever on the server's thread.
    expect(reportQuerySchema.safeParse({ from: "9999-12-30", to: "9999-12-31" }).success).toBe(false);
    for (const kind of ["overview", "volume", "agents"]) {
      const late = await get(admin, `/api/v1/reports/${kind}?from=9999-12-30&to=9999-12-31`);
      expect(late.statusCode).toBe(400);
      expect(late.json().error.fields).toEqual({
        from: "Choose a date between 1970 and 2999.",
        to: "Choose a date between 1970 and 2999.",
      });
    }
    const early = await get(admin, "/api/v1/reports/overview?from=0001-01-01&to=0001-01-02");
    expect(early.statusCode).toBe(400);

    expect((await get(admin, "/api/v1/reports/overview?from=2999-12-30&to=2999-12-31")).statusCode).toBe(200);
  });

  it("draws the busiest hours in the viewer's time zone", async () => {
    const hoursIn = async (timeZone: string) => {
      const report = (
        await get(admin, `/api/v1/reports/volume?from=${yesterday}&to=${tomorrow}&timeZone=${timeZone}`)
      ).json() as Report;
      const table = report.tables.find((t) => t.key === "busiest_hours");
      return (table?.rows ?? []).flatMap((r) =>
        Object.entries(r.cells).flatMap(([k, v]) => (k.startsWith("h") && Number(v) > 0 ? [Number(k.slice(1))] : [])),
      );
    };
    const utc = await hoursIn("UTC");
    const tokyo = await hoursIn("Asia/Tokyo");
    expect(utc.length).toBeGreaterThan(0);
    // Tokyo is nine hours ahead all year.
    expect(tokyo.map((h) => (h - 9 + 24) % 24).sort()).toEqual(utc.sort());
  });

  it("gives the cells it words a stable code, so the web shows them in the viewer's language", async () => {
    const report = async (kind: string) =>
      (await get(admin, `/api/v1/reports/${kind}?from=${today}&to=${today}`)).json() as Report;
    const table = (r: Report, key: string) => r.tables.find((t) => t.key === key);
    const volume = await report("volume");
    // The English words stay where they were (what a BI tool reads); the code sits beside them.
    const byPriority = table(volume, "by_priority")?.rows ?? [];
    expect(byPriority.map((r) => [r.cells.name, r.codes?.name])).toEqual(
      expect.arrayContaining([
        ["High", "priority.high"],
        ["Urgent", "priority.urgent"],
      ]),
    );
    expect(table(volume, "by_channel")?.rows.map((r) => r.codes?.name)).toEqual(["channel.web"]);
    expect(table(volume, "by_service")?.rows.map((r) => [r.cells.name, r.codes?.name])).toEqual([
      ["No service", "none.service"],
    ]);
    // A name people gave has no code: it is shown as it is.
    const named = table(volume, "by_group")?.rows.filter((r) => ["Support", "Billing"].includes(String(r.cells.name)));
    expect(named?.map((r) => r.codes)).toEqual([undefined, undefined]);
    expect(table(volume, "busiest_hours")?.rows.map((r) => [r.cells.weekday, r.codes?.weekday])).toEqual([
      ["Monday", "weekday.1"],
      ["Tuesday", "weekday.2"],
      ["Wednesday", "weekday.3"],
      ["Thursday", "weekday.4"],
      ["Friday", "weekday.5"],
      ["Saturday", "weekday.6"],
      ["Sunday", "weekday.7"],
    ]);
    const efficiency = await report("efficiency");
    expect(table(efficiency, "distribution")?.rows.map((r) => r.codes?.bucket)).toEqual([
      "bucket.under_1h",
      "bucket.1_8h",
      "bucket.8_24h",
      "bucket.over_24h",
    ]);
    const agents = await report("agents");
    expect(table(agents, "agents")?.rows.map((r) => [r.cells.name, r.codes?.name])).toEqual([
      ["Unassigned", "none.assignee"],
    ]);
  });

  // Last: it adds tickets the counts above do not expect.
  it("filters by service, organization, channel and agent, and the figure's link lists the same tickets", async () => {
    const ctx = { db: db(), engine, config };
    const generalType = await db()
      .selectFrom("ticket_types")
      .select("id")
      .where("key", "=", "general")
      .executeTakeFirstOrThrow();
    const serviceId = await createService(
      db(),
      serviceInputSchema.parse({
        name: "Laptop repair",
        slug: `laptop-repair-${engine}`,
        categoryId: null,
        summary: "Broken laptops",
        ticketTypeId: generalType.id,
        defaultPriority: "medium",
        visibility: "public",
      }),
    );
    const organizationId = await createOrganization(db(), { name: "Acme", parentId: null });
    const member = await buildCustomer(db());
    await db()
      .insertInto("organization_members")
      .values({ user_id: member.id, organization_id: organizationId })
      .execute();
    const adminUser = await db()
      .selectFrom("users")
      .selectAll()
      .where("licence", "=", "admin")
      .executeTakeFirstOrThrow();

    // One ticket through the service (a guest), one from Acme's member, assigned to the admin, one by email.
    const serviced = await submitTicket(
      ctx,
      anonymous,
      await buildSubmission(db(), { serviceId, categoryId: undefined }),
    );
    const fromAcme = await submitTicket(ctx, await actorOf(db(), member), await buildSubmission(db()));
    await updateTicket(ctx, await actorOf(db(), adminUser), fromAcme.number, { assigneeId: adminUser.id });
    await submitTicket(ctx, anonymous, await buildSubmission(db(), { email: "mailer@example.com" }), [], undefined, {
      channel: "email",
    });

    expect(await overview(admin, `&serviceId=${serviceId}`)).toMatchObject({ created: 1, unsolved: 1 });
    expect(await overview(admin, `&organizationId=${organizationId}`)).toMatchObject({ created: 1, unsolved: 1 });
    expect(await overview(admin, `&assigneeId=${adminUser.id}`)).toMatchObject({ created: 1, unsolved: 1 });
    expect(await overview(admin, "&channel=email")).toMatchObject({ created: 1, unsolved: 1 });
    expect(await overview(admin, `&organizationId=${organizationId}&serviceId=${serviceId}`)).toMatchObject({
      created: 0,
    });
    // A group agent sees none of them: none is in Support.
    expect(await overview(groupAgent, `&serviceId=${serviceId}`)).toMatchObject({ created: 0 });

    // "Tickets created" links to the agent queue with the same filters; the queue lists exactly that ticket.
    const listed = async (filter: string) => {
      const figure = (await overviewReport(admin, filter)).figures.find((f) => f.key === "created");
      const response = await get(admin, `/api/v1/agent/tickets?${figure?.tickets}`);
      expect(response.statusCode, response.body).toBe(200);
      return (response.json() as { tickets: { number: number }[] }).tickets.map((t) => t.number);
    };
    expect(await listed(`&serviceId=${serviceId}`)).toEqual([serviced.number]);
    expect(await listed(`&organizationId=${organizationId}`)).toEqual([fromAcme.number]);
  });

  it("offers the services and organizations to filter by, to report viewers only", async () => {
    const options = await get(groupAgent, "/api/v1/reports/options");
    expect(options.statusCode).toBe(200);
    const departmentId = await createOrganization(db(), {
      name: "Sales",
      parentId: (
        await db().selectFrom("organizations").select("id").where("name", "=", "Acme").executeTakeFirstOrThrow()
      ).id,
    });
    const body = (await get(admin, "/api/v1/reports/options")).json() as {
      services: { name: string }[];
      organizations: { id: string; name: string }[];
    };
    expect(body.services.map((s) => s.name)).toContain("Laptop repair");
    expect(body.organizations).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: departmentId, name: "Acme / Sales" })]),
    );
    expect((await get(customer, "/api/v1/reports/options")).statusCode).toBe(403);
    expect((await get(null, "/api/v1/reports/options")).statusCode).toBe(401);
  });
});
