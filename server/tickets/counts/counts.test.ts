import { expect, it } from "vitest";
import { builtinQueues } from "../../../common/queues.ts";
import { createGroup, deleteGroup } from "../../accounts/commands/manage-directory.ts";
import type { User } from "../../db/schema.ts";
import type { App } from "../../http/types.ts";
import { describeEachEngine } from "../../test/engines.ts";
import {
  buildAdmin,
  buildCustomer,
  buildSubmission,
  buildTestApp,
  buildUser,
  type SignedInClient,
  signInAs,
} from "../../test/factories.ts";
import { counterDifferences, repairTicketCounts } from "./repair.ts";

type Sidebar = {
  queues: { key: string; count: number; more: boolean }[];
  views: { name: string; count: number; more: boolean }[];
};

describeEachEngine("the queue counters", ({ db, engine }) => {
  let app: App;
  let admin: SignedInClient;
  let member: SignedInClient; // a group agent in Network only
  let customer: SignedInClient;
  let networkId: string;
  let printersId: string;

  const call = (client: SignedInClient, method: "GET" | "POST" | "PATCH", url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: { cookie: client.cookie, "x-csrf-token": client.csrfToken },
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });
  const ok = async (client: SignedInClient, method: "POST" | "PATCH", url: string, payload: object) => {
    const response = await call(client, method, url, payload);
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response;
  };
  const submit = async (client: SignedInClient, subject: string) =>
    (await ok(client, "POST", "/api/v1/tickets", await buildSubmission(db(), { subject }))).json().number as number;
  const statusId = async (key: string) =>
    (await db().selectFrom("statuses").select("id").where("key", "=", key).executeTakeFirstOrThrow()).id;
  const sidebar = async (client: SignedInClient): Promise<Sidebar> => {
    const response = await call(client, "GET", "/api/v1/agent/queues");
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const counts = async (client: SignedInClient) =>
    Object.fromEntries((await sidebar(client)).queues.map((q) => [q.key, q.count]));
  /** What the agent's lists hold, page by page: what each count must say. */
  const listed = async (client: SignedInClient, query: string) => {
    let total = 0;
    let cursor: string | null = null;
    do {
      const page = await call(
        client,
        "GET",
        `/api/v1/agent/tickets?${query}&limit=100${cursor ? `&cursor=${cursor}` : ""}`,
      );
      expect(page.statusCode, page.body).toBe(200);
      const body = page.json() as { tickets: unknown[]; nextCursor: string | null };
      total += body.tickets.length;
      cursor = body.nextCursor;
    } while (cursor);
    return total;
  };
  const expectExact = async () => expect(await counterDifferences(db())).toEqual([]);
  const groupAgent = async (): Promise<User> => {
    const user = await buildUser(db(), "agent");
    const role = await db().selectFrom("roles").select("id").where("key", "=", "group_agent").executeTakeFirstOrThrow();
    await db().deleteFrom("user_roles").where("user_id", "=", user.id).execute();
    await db().insertInto("user_roles").values({ user_id: user.id, role_id: role.id }).execute();
    return user;
  };

  it("stay exact under many parallel submissions", async () => {
    app = await buildTestApp(db(), engine);
    admin = await signInAs(app, await buildAdmin(db()));
    customer = await signInAs(app, await buildCustomer(db()));
    networkId = await createGroup(db(), { name: "Network" });
    printersId = await createGroup(db(), { name: "Printers" });
    const user = await groupAgent();
    await db().insertInto("group_members").values({ user_id: user.id, group_id: networkId }).execute();
    member = await signInAs(app, user);

    const submission = await buildSubmission(db());
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        call(customer, "POST", "/api/v1/tickets", { ...submission, subject: `Parallel ${i}` }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(responses.map(() => 201));
    await expectExact();
    expect(await counts(admin)).toMatchObject({ all: 40, new: 40, unassigned: 40, mine: 0 });
    expect(await counts(member)).toMatchObject({ all: 0, new: 0 });
  });

  it("stay exact through edits, bulk edits, merges, a deleted group and a deleted ticket", async () => {
    const numbers = (await db().selectFrom("tickets").select("number").orderBy("number").execute()).map(
      (t) => t.number,
    );
    const [first, second, third, duplicate, target] = numbers;
    await ok(admin, "PATCH", `/api/v1/tickets/${first}`, { groupId: networkId, statusId: await statusId("open") });
    await ok(admin, "PATCH", `/api/v1/tickets/${second}`, { assigneeId: member.user.id, priority: "urgent" });
    await ok(admin, "PATCH", `/api/v1/tickets/${third}`, { groupId: printersId });
    await expectExact();
    const bulk = await ok(admin, "POST", "/api/v1/agent/tickets/bulk", {
      numbers: numbers.slice(5, 25),
      groupId: networkId,
      statusId: await statusId("waiting_for_customer"),
      priority: "low",
    });
    expect(bulk.json().updated).toHaveLength(20);
    await ok(admin, "POST", "/api/v1/agent/tickets/bulk", {
      numbers: numbers.slice(25, 35),
      assigneeId: admin.user.id,
      statusId: await statusId("solved"),
    });
    await expectExact();
    await ok(admin, "POST", `/api/v1/tickets/${duplicate}/merge`, { into: target });
    await expectExact();
    // Network holds the first ticket and the twenty waiting ones; the second is assigned to the group agent.
    expect(await counts(member)).toMatchObject({ all: 22, my_groups: 21, mine: 1, waiting: 20 });

    // A removed group leaves its tickets without one; a ticket removed by hand leaves every count.
    await deleteGroup(db(), printersId);
    await db()
      .deleteFrom("tickets")
      .where("number", "=", numbers.at(-1) ?? 0)
      .execute();
    await expectExact();
    expect(await counts(admin)).toMatchObject({ all: 39, waiting: 20 });
  });

  it("show an admin and a group agent the number of tickets their lists hold", async () => {
    // The group agent's own request, outside their groups: theirs to see (and count) as its requester.
    const own = await submit(member, "My monitor flickers");
    const [first, , third, , , sixth] = (
      await db().selectFrom("tickets").select("number").orderBy("number").execute()
    ).map((t) => t.number);
    const overdue = new Date(Date.now() - 60_000).toISOString();
    // The third is in no group, outside the group agent's scope: overdue for the admin only.
    await db()
      .updateTable("tickets")
      .set({ due_at: overdue })
      .where("number", "in", [own, first ?? 0, third ?? 0, sixth ?? 0])
      .execute();
    await ok(member, "POST", "/api/v1/agent/views", {
      name: "Urgent or low",
      filters: { priority: ["urgent", "low"] },
    });
    await ok(member, "POST", "/api/v1/agent/views", { name: "Parallel", filters: { q: "Parallel" } });
    await ok(admin, "POST", "/api/v1/agent/views", {
      name: "Network, waiting",
      filters: { groupId: [networkId], statusCategory: ["pending"] },
    });
    await expectExact();
    for (const client of [admin, member]) {
      const shown = await sidebar(client);
      for (const queue of builtinQueues) {
        expect(shown.queues.find((q) => q.key === queue)?.count, queue).toBe(await listed(client, `queue=${queue}`));
      }
    }
    expect(await counts(member)).toMatchObject({ all: 23, overdue: 3 });
    expect(await counts(admin)).toMatchObject({ overdue: 4 });
    expect((await listed(member, "queue=overdue")) + 1).toBe(await listed(admin, "queue=overdue"));
    const views = Object.fromEntries((await sidebar(member)).views.map((v) => [v.name, v.count]));
    expect(views).toEqual({
      "Urgent or low": await listed(member, "priority=urgent&priority=low"),
      Parallel: await listed(member, "q=Parallel"),
    });
    expect(views["Urgent or low"]).toBe(21);
    expect((await sidebar(admin)).views).toMatchObject([{ name: "Network, waiting", count: 20, more: false }]);
  });

  it("are put right by counters:repair, which reports what it fixed", async () => {
    const before = await counts(admin);
    const open = await statusId("open");
    await db()
      .updateTable("ticket_counts")
      .set((eb) => ({ tickets: eb("tickets", "+", 5) }))
      .where("status_id", "=", open)
      .execute();
    await db().deleteFrom("ticket_counts").where("group_key", "=", networkId).where("priority", "=", "low").execute();
    expect((await counts(admin)).all).not.toBe(before.all);

    const fixed = await repairTicketCounts(db());
    expect(fixed).toEqual(
      expect.arrayContaining([
        { status: "open", group: "Network", assignee: null, priority: "high", counted: 6, actual: 1 },
        {
          status: "waiting_for_customer",
          group: "Network",
          assignee: null,
          priority: "low",
          counted: 0,
          actual: 20,
        },
      ]),
    );
    await expectExact();
    expect(await counts(admin)).toEqual(before);
    expect(await repairTicketCounts(db())).toEqual([]);
  });
});
