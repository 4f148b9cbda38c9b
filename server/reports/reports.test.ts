import { afterAll, beforeAll, expect, it } from "vitest";
import type { Report } from "../../common/reports.ts";
import { createGroup, createRole } from "../accounts/commands/manage-directory.ts";
import { toSessionUser } from "../accounts/queries.ts";
import type { Actor } from "../core/actor.ts";
import type { User } from "../db/schema.ts";
import type { App } from "../http/types.ts";
import { describeEachEngine } from "../test/engines.ts";
import {
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

  const actorOf = async (user: User): Promise<Actor> => ({
    kind: "user",
    user: await toSessionUser(db(), user),
    sessionId: null,
    csrfToken: null,
  });

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
    const asAdmin = await actorOf(adminUser);
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
        await actorOf(customerUser),
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
  const overview = async (client: SignedInClient, extra = "") => {
    const response = await get(client, `/api/v1/reports/overview?from=${today}&to=${today}${extra}`);
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json() as Report;
    return Object.fromEntries(report.figures.map((f) => [f.key, f.value]));
  };

  it("counts every group's tickets for a manager", async () => {
    expect(await overview(admin)).toMatchObject({ created: 3, solved: 1, unsolved: 2 });
    expect(await overview(admin, `&groupId=${billing}`)).toMatchObject({ created: 1, solved: 0, unsolved: 1 });
    // An agent filter reads the metrics rows instead of the rollups: the same figures.
    expect(await overview(admin, "&priority=high")).toMatchObject({ created: 1, solved: 1, unsolved: 0 });
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
});
