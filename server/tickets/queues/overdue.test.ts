import { expect, it } from "vitest";
import { createGroup } from "../../accounts/commands/manage-directory.ts";
import type { App } from "../../http/types.ts";
import { describeEachEngine } from "../../test/engines.ts";
import {
  buildAgent,
  buildCustomer,
  buildSubmission,
  buildTestApp,
  buildUser,
  type SignedInClient,
  signInAs,
} from "../../test/factories.ts";

type Page = { tickets: { number: number; overdue: boolean; dueAt: string | null }[]; nextCursor: string | null };

describeEachEngine("the Overdue queue", ({ db, engine }) => {
  let app: App;
  let lead: SignedInClient; // sees every ticket
  let member: SignedInClient; // a group agent in Network only

  const get = async (client: SignedInClient, url: string) => {
    const response = await app.inject({
      method: "GET",
      url,
      headers: { cookie: client.cookie, "x-csrf-token": client.csrfToken },
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const page = (client: SignedInClient, query: string): Promise<Page> => get(client, `/api/v1/agent/tickets?${query}`);
  const overdueCount = async (client: SignedInClient) =>
    ((await get(client, "/api/v1/agent/queues")).queues as { key: string; count: number }[]).find(
      (q) => q.key === "overdue",
    )?.count;
  /** Every page of the queue, one ticket at a time, so the keyset cursor is walked too. */
  const walk = async (client: SignedInClient, query: string) => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const next: Page = await page(client, `${query}&limit=1${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...next.tickets.map((t) => t.number));
      cursor = next.nextCursor;
    } while (cursor && seen.length < 20);
    return seen;
  };

  it("lists exactly the tickets past their due time, most overdue first, in each agent's scope", async () => {
    app = await buildTestApp(db(), engine);
    lead = await signInAs(app, await buildAgent(db()));
    const customer = await signInAs(app, await buildCustomer(db()));
    const networkId = await createGroup(db(), { name: "Network" });
    const user = await buildUser(db(), "agent");
    const role = await db().selectFrom("roles").select("id").where("key", "=", "group_agent").executeTakeFirstOrThrow();
    await db().deleteFrom("user_roles").where("user_id", "=", user.id).execute();
    await db().insertInto("user_roles").values({ user_id: user.id, role_id: role.id }).execute();
    await db().insertInto("group_members").values({ user_id: user.id, group_id: networkId }).execute();
    member = await signInAs(app, user);

    const headers = { cookie: customer.cookie, "x-csrf-token": customer.csrfToken };
    const submit = async (subject: string) => {
      const response = await app.inject({
        method: "POST",
        url: "/api/v1/tickets",
        headers,
        payload: await buildSubmission(db(), { subject }),
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json().number as number;
    };
    const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();
    // Set on the row as the SLA clock would have, without waiting for real targets to pass.
    const due = (number: number, dueAt: string | null, groupId: string | null) =>
      db().updateTable("tickets").set({ due_at: dueAt, group_id: groupId }).where("number", "=", number).execute();

    const threeHours = await submit("Three hours late");
    const oneHour = await submit("One hour late");
    const twoHours = await submit("Two hours late");
    const notYet = await submit("Due in an hour");
    const paused = await submit("Clock paused");
    const solved = await submit("Late, then solved");
    await due(threeHours, minutes(-180), networkId);
    await due(oneHour, minutes(-60), null);
    await due(twoHours, minutes(-120), networkId);
    await due(notYet, minutes(60), networkId);
    await due(paused, null, networkId);
    await due(solved, minutes(-30), networkId);
    const solvedStatus = await db()
      .selectFrom("statuses")
      .select("id")
      .where("key", "=", "solved")
      .executeTakeFirstOrThrow();
    const solving = await app.inject({
      method: "PATCH",
      url: `/api/v1/tickets/${solved}`,
      headers: { cookie: lead.cookie, "x-csrf-token": lead.csrfToken },
      payload: { statusId: solvedStatus.id },
    });
    expect(solving.statusCode, solving.body).toBe(204);

    // Most overdue first, as an agent who sees everything and as one who sees only Network.
    expect(await walk(lead, "queue=overdue&sort=due&direction=asc")).toEqual([threeHours, twoHours, oneHour]);
    expect(await walk(lead, "queue=overdue&sort=due&direction=desc")).toEqual([oneHour, twoHours, threeHours]);
    expect(await walk(member, "queue=overdue&sort=due&direction=asc")).toEqual([threeHours, twoHours]);
    // The sidebar's link opens the queue sorted by last update: the same tickets.
    const byUpdate = (await page(lead, "queue=overdue")).tickets;
    expect(byUpdate.map((t) => t.number).sort((a, b) => a - b)).toEqual(
      [threeHours, twoHours, oneHour].sort((a, b) => a - b),
    );
    expect(byUpdate.every((t) => t.overdue)).toBe(true);
    expect((await page(member, "queue=overdue")).tickets.map((t) => t.number).sort((a, b) => a - b)).toEqual(
      [threeHours, twoHours].sort((a, b) => a - b),
    );
    expect(await overdueCount(lead)).toBe(3);
    expect(await overdueCount(member)).toBe(2);
  });
});
