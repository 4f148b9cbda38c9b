import { expect, it } from "vitest";
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
import { purgeDeletedTickets } from "./commands/delete-ticket.ts";
import { counterDifferences } from "./counts/repair.ts";

describeEachEngine("deleting tickets", ({ db, engine }) => {
  let app: App;
  const config = testConfig();
  const as = (client: SignedInClient, method: "GET" | "POST" | "DELETE", url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: { cookie: client.cookie, "x-csrf-token": client.csrfToken },
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });
  const allCount = async (client: SignedInClient) =>
    (await as(client, "GET", "/api/v1/agent/queues")).json().queues.find((q: { key: string }) => q.key === "all")
      .count as number;

  it("takes a deleted ticket out of queues, search, counts, the portal and the export, until an admin restores it", async () => {
    app = await buildTestApp(db(), engine, config);
    const admin = await signInAs(app, await buildAdmin(db()));
    const agent = await signInAs(app, await buildAgent(db()));
    const customer = await signInAs(app, await buildCustomer(db()));
    const submission = await buildSubmission(db(), { subject: "Quarantined printer" });
    const number = (await as(customer, "POST", "/api/v1/tickets", submission)).json().number as number;
    const id = (await db().selectFrom("tickets").select("id").where("number", "=", number).executeTakeFirstOrThrow())
      .id;
    const countBefore = await allCount(agent);
    const since = new Date(Date.now() - 60_000).toISOString();

    // Only admins delete; the refusal changes nothing.
    expect((await as(agent, "DELETE", `/api/v1/tickets/${number}`)).statusCode).toBe(403);
    expect((await as(customer, "DELETE", `/api/v1/tickets/${number}`)).statusCode).toBe(403);
    expect((await as(customer, "GET", `/api/v1/tickets/${number}`)).statusCode).toBe(200);

    expect((await as(admin, "DELETE", `/api/v1/tickets/${number}`)).statusCode).toBe(204);
    for (const reader of [admin, agent, customer]) {
      expect((await as(reader, "GET", `/api/v1/tickets/${number}`)).statusCode).toBe(404);
      const list = (await as(reader, "GET", "/api/v1/tickets")).json().tickets as { number: number }[];
      expect(list.map((t) => t.number)).not.toContain(number);
    }
    const queue = (await as(agent, "GET", "/api/v1/agent/tickets?queue=all&limit=100")).json().tickets as {
      number: number;
    }[];
    expect(queue.map((t) => t.number)).not.toContain(number);
    const search = (await as(agent, "GET", "/api/v1/search?q=Quarantined")).json();
    expect(JSON.stringify(search)).not.toContain("Quarantined printer");
    expect(await allCount(agent)).toBe(countBefore - 1);
    expect(await counterDifferences(db())).toEqual([]);
    // Nobody writes to it any more.
    expect((await as(agent, "POST", `/api/v1/tickets/${number}/comments`, { body: "Hello?" })).statusCode).toBe(404);

    // The export tells a sync with a tombstone.
    const exported = (await as(admin, "GET", `/api/v1/export/tickets?since=${since}`)).json().changes as {
      type: string;
      id: string;
    }[];
    expect(exported.filter((c) => c.id === id).map((c) => c.type)).toEqual(["deleted"]);

    // The admin's list of deleted tickets; agents do not get it.
    expect((await as(agent, "GET", "/api/v1/admin/deleted-tickets")).statusCode).toBe(403);
    const deleted = (await as(admin, "GET", "/api/v1/admin/deleted-tickets")).json().tickets;
    expect(deleted).toContainEqual(
      expect.objectContaining({ number, subject: "Quarantined printer", deletedBy: admin.user.name }),
    );

    // Restored: back everywhere, counted again, changed again in the export, with both steps in the Feed.
    expect((await as(agent, "POST", `/api/v1/admin/deleted-tickets/${number}/restore`)).statusCode).toBe(403);
    expect((await as(admin, "POST", `/api/v1/admin/deleted-tickets/${number}/restore`)).statusCode).toBe(204);
    expect((await as(customer, "GET", `/api/v1/tickets/${number}`)).statusCode).toBe(200);
    expect(await allCount(agent)).toBe(countBefore);
    expect(await counterDifferences(db())).toEqual([]);
    const again = (await as(admin, "GET", `/api/v1/export/tickets?since=${since}`)).json().changes as {
      type: string;
      id: string;
    }[];
    expect(again.filter((c) => c.id === id).map((c) => c.type)).toEqual(["changed"]);
    const feed = (await as(agent, "GET", `/api/v1/tickets/${number}/feed`)).json().entries as { type: string }[];
    expect(feed.map((e) => e.type)).toEqual(expect.arrayContaining(["deleted", "restored"]));
    // A ticket that is not deleted cannot be restored.
    expect((await as(admin, "POST", `/api/v1/admin/deleted-tickets/${number}/restore`)).statusCode).toBe(404);
  });

  it("purges deleted tickets once the retention period is over, and not before", async () => {
    const admin = await signInAs(app, await buildAdmin(db()));
    const customer = await signInAs(app, await buildCustomer(db()));
    const number = (await as(customer, "POST", "/api/v1/tickets", await buildSubmission(db()))).json().number;
    await as(admin, "DELETE", `/api/v1/tickets/${number}`);
    const stillThere = () => db().selectFrom("tickets").select("id").where("number", "=", number).executeTakeFirst();

    const day = 24 * 60 * 60 * 1000;
    await purgeDeletedTickets(
      { db: db(), config },
      new Date(Date.now() + (config.deletedTicketRetentionDays - 1) * day),
    );
    expect(await stillThere()).toBeDefined();
    expect(
      (await as(admin, "GET", "/api/v1/admin/deleted-tickets")).json().tickets.map((t: { number: number }) => t.number),
    ).toContain(number);

    await purgeDeletedTickets(
      { db: db(), config },
      new Date(Date.now() + (config.deletedTicketRetentionDays + 1) * day),
    );
    expect(await stillThere()).toBeUndefined();
    expect((await as(admin, "POST", `/api/v1/admin/deleted-tickets/${number}/restore`)).statusCode).toBe(404);
    expect(await counterDifferences(db())).toEqual([]);
  });
});
