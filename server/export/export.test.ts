import { beforeAll, expect, it } from "vitest";
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
} from "../test/factories.ts";

type Change = { type: "changed" | "deleted"; id: string; changedAt: string; record?: { name?: string } };

describeEachEngine("Incremental export", ({ db, engine }) => {
  let app: App;
  let admin: SignedInClient;

  beforeAll(async () => {
    app = await buildTestApp(db(), engine);
    admin = await signInAs(app, await buildAdmin(db()));
  });

  const get = (url: string, client: SignedInClient = admin) => app.inject({ url, headers: { cookie: client.cookie } });
  const write = (method: "POST" | "PUT" | "DELETE", url: string, payload?: object) =>
    app.inject({ method, url, headers: { cookie: admin.cookie, "x-csrf-token": admin.csrfToken }, payload });

  /** Follows the export from `start` to its end, a page of `limit` at a time, like a sync would. */
  async function follow(resource: string, start: string, limit: number) {
    const changes: Change[] = [];
    let query = start;
    for (let pages = 0; pages < 100; pages++) {
      const response = await get(`/api/v1/export/${resource}?limit=${limit}${query}`);
      expect(response.statusCode).toBe(200);
      const page = response.json() as { changes: Change[]; nextCursor: string; hasMore: boolean };
      changes.push(...page.changes);
      query = `&cursor=${page.nextCursor}`;
      if (!page.hasMore) return { changes, cursor: page.nextCursor };
    }
    throw new Error("the export never ended");
  }

  it("refuses a start outside the years 1970-2999 with a 400 (year 0 answered 500 on PostgreSQL)", async () => {
    for (const since of ["0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z"]) {
      const refused = await get(`/api/v1/export/tickets?since=${since}`);
      expect(refused.statusCode, since).toBe(400);
      expect(refused.json().error.fields).toEqual({ since: "Choose a date between 1970 and 2999." });
    }
    expect((await get("/api/v1/export/tickets?since=1970-01-01T00:00:00Z")).statusCode).toBe(200);
  });

  it("pages through records that changed at the same instant without skipping or repeating any", async () => {
    const ids: string[] = [];
    for (const name of ["Acme", "Globex", "Initech", "Umbrella", "Hooli"]) {
      ids.push((await write("POST", "/api/v1/admin/organizations", { name })).json().id);
    }
    await db()
      .updateTable("organizations")
      .set({ updated_at: "2001-01-01T00:00:00.000Z" })
      .where("id", "in", ids)
      .execute();
    const { changes } = await follow("organizations", "&since=2001-01-01T00:00:00Z", 2);
    const seen = changes.map((c) => c.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(0, 5)).toEqual([...ids].sort());
    expect(changes.every((c) => c.type === "changed")).toBe(true);
  });

  it("tells a sync what changed and what was deleted since its last cursor", async () => {
    const { cursor } = await follow("organizations", "", 50);
    const renamed = (await write("POST", "/api/v1/admin/organizations", { name: "Soon renamed" })).json().id;
    const removed = (await write("POST", "/api/v1/admin/organizations", { name: "Soon gone" })).json().id;
    await write("PUT", `/api/v1/admin/organizations/${renamed}`, { name: "Renamed" });
    await write("DELETE", `/api/v1/admin/organizations/${removed}`);

    const { changes } = await follow("organizations", `&cursor=${cursor}`, 50);
    const latest = new Map(changes.map((c) => [c.id, c]));
    expect(latest.get(renamed)).toMatchObject({ type: "changed", record: { name: "Renamed" } });
    expect(latest.get(removed)).toMatchObject({ type: "deleted" });
    // Nothing changed after that: the same cursor answers an empty page.
    const again = await follow(
      "organizations",
      `&cursor=${(await follow("organizations", `&cursor=${cursor}`, 50)).cursor}`,
      50,
    );
    expect(again.changes).toEqual([]);
  });

  it("exports tickets and users in the order they changed", async () => {
    const submitted = await app.inject({
      method: "POST",
      url: "/api/v1/tickets",
      payload: await buildSubmission(db(), { subject: "Exported" }),
    });
    const { changes } = await follow("tickets", "", 1);
    const ticket = changes.find(
      (c) => c.type === "changed" && (c.record as { number?: number }).number === submitted.json().number,
    );
    expect(ticket?.record).toMatchObject({ subject: "Exported", status: { category: "new" } });
    const sorted = [...changes].sort((a, b) =>
      a.changedAt === b.changedAt ? (a.id < b.id ? -1 : 1) : a.changedAt < b.changedAt ? -1 : 1,
    );
    expect(changes).toEqual(sorted);

    const users = await follow("users", "", 100);
    expect(users.changes.some((c) => c.id === admin.user.id)).toBe(true);
  });

  it("refuses a cursor it did not make", async () => {
    const response = await get("/api/v1/export/users?cursor=bm90LWEtY3Vyc29y");
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toHaveProperty("cursor");
  });

  it("is for those who may see the whole collection already", async () => {
    const agent = await signInAs(app, await buildAgent(db()));
    const customer = await signInAs(app, await buildCustomer(db()));
    expect((await get("/api/v1/export/tickets", agent)).statusCode).toBe(200);
    expect((await get("/api/v1/export/users", agent)).statusCode).toBe(403);
    expect((await get("/api/v1/export/organizations", agent)).statusCode).toBe(403);
    expect((await get("/api/v1/export/tickets", customer)).statusCode).toBe(403);
    expect((await app.inject({ url: "/api/v1/export/tickets" })).statusCode).toBe(401);
  });
});
