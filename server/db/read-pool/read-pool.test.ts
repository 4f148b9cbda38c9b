import { sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { App } from "../../http/types.ts";
import { describeEachEngine } from "../../test/engines.ts";
import {
  buildAgent,
  buildCustomer,
  buildSubmission,
  buildTestApp,
  type SignedInClient,
  signInAs,
  testConfig,
} from "../../test/factories.ts";
import { type DatabaseSource, sourceOf } from "../database.ts";
import { openReader, type Reader, readerOf } from "./reader.ts";

/**
 * A read that takes seconds: on SQLite a recursive count (CPU in the reading thread), on PostgreSQL a sleep.
 * `rows` sizes the SQLite one; around a million rows a second on this kind of machine.
 */
function slowRead(reader: Reader, engine: string, rows: number, seconds: number) {
  const query =
    engine === "postgres"
      ? sql<{ n: number }>`select ${seconds}::int as n from pg_sleep(${seconds})`
      : sql<{
          n: number;
        }>`with recursive c(x) as (select 1 union all select x + 1 from c where x < ${rows}) select count(*) as n from c`;
  return query.execute(reader.db).then((result) => Number(result.rows[0]?.n));
}

describeEachEngine("the read pool", ({ db, engine }) => {
  let app: App;
  let agent: SignedInClient;
  let customer: SignedInClient;
  const opened: Reader[] = [];
  const open = (budgetMs: number, source: DatabaseSource | undefined = sourceOf(db())) => {
    const reader = openReader(db(), source, { size: 2, budgetMs });
    opened.push(reader);
    return reader;
  };
  const get = (client: SignedInClient, url: string) =>
    app.inject({ method: "GET", url, headers: { cookie: client.cookie } });

  beforeAll(async () => {
    app = await buildTestApp(db(), engine);
    agent = await signInAs(app, await buildAgent(db()));
    customer = await signInAs(app, await buildCustomer(db()));
  });
  afterAll(async () => {
    await Promise.all(opened.map((reader) => reader.close()));
  });

  it("is what the app reads with: threads on SQLite, a pool of its own on PostgreSQL", () => {
    const reader = readerOf(db(), testConfig().readPool);
    expect(reader.kind).toBe(engine === "postgres" ? "postgres" : "threads");
  });

  // Generous timeouts: these read for seconds on purpose, and a shared machine may be slow to start threads.
  it("lets a trivial request finish while a slow read is still running", { timeout: 90_000 }, async () => {
    const reader = open(120_000);
    // Threads up first, so the slow read is reading (not loading) while the trivial requests run.
    await sql`select 1`.execute(reader.db);
    let slowFinished = false;
    const slow = slowRead(reader, engine, 5_000_000, 3).then((n) => {
      slowFinished = true;
      return n;
    });
    for (const url of ["/api/v1/statuses", "/api/v1/session"]) {
      expect((await get(agent, url)).statusCode).toBe(200);
    }
    // Both answered while the slow read was still working; it then ends normally, within its budget.
    expect(slowFinished).toBe(false);
    expect(await slow).toBe(engine === "postgres" ? 3 : 5_000_000);
  });

  it("stops a read past its budget with a clear error, and the next read works", { timeout: 90_000 }, async () => {
    // Long enough for `select 1` on a busy machine, far shorter than counting fifty million rows: an idle
    // machine counts ten million in under the budget (CI did), so the count is sized for a fast core.
    const reader = open(1500);
    await sql`select 1`.execute(reader.db);
    const stopped = slowRead(reader, engine, 50_000_000, 10);
    await expect(stopped).rejects.toMatchObject({ code: "query_timeout", status: 503 });
    await expect(stopped).rejects.toThrow(/took longer than 2 seconds and was stopped.*Narrow it down/);
    const next = await sql<{ one: number }>`select 1 as one`.execute(reader.db);
    expect(Number(next.rows[0]?.one)).toBe(1);
    if (engine === "sqlite") expect(reader.pool?.stats().live).toBeGreaterThanOrEqual(1);
  });

  // A misestimated statement spent 20–70 ms in JIT compilation to run in under a millisecond (database.ts).
  it.runIf(engine === "postgres")(
    "runs PostgreSQL's statements without JIT, on the main connections and the reader's",
    async () => {
      const jit = async (on: typeof db) => (await sql<{ jit: string }>`show jit`.execute(on())).rows[0]?.jit;
      expect(await jit(db)).toBe("off");
      const reader = open(5_000);
      expect(await jit(() => reader.db)).toBe("off");
    },
  );

  it("refuses writes: they belong to the main connection", async () => {
    const reader = open(5_000);
    await expect(
      reader.db.updateTable("users").set({ name: "Changed by a reader" }).where("id", "=", agent.user.id).execute(),
    ).rejects.toThrow(/readonly|read-only/i);
    const user = await db().selectFrom("users").select("name").where("id", "=", agent.user.id).executeTakeFirst();
    expect(user?.name).not.toBe("Changed by a reader");
  });

  it("reads what a request just wrote: lists, search and the feed see it at once", async () => {
    // The reader's threads are already open (earlier requests): a commit made after they opened must show.
    const word = `zebracrossing${engine}`;
    const created = await app.inject({
      method: "POST",
      url: "/api/v1/tickets",
      headers: { cookie: customer.cookie, "x-csrf-token": customer.csrfToken },
      payload: await buildSubmission(db(), { subject: `Broken ${word}`, email: customer.user.email }),
    });
    expect(created.statusCode).toBe(201);
    const number = created.json().number as number;

    const page = await get(agent, "/api/v1/agent/tickets?queue=all");
    expect(page.json().tickets.map((t: { number: number }) => t.number)).toContain(number);
    const mine = await get(customer, "/api/v1/tickets");
    expect(mine.json().tickets.map((t: { number: number }) => t.number)).toContain(number);
    const found = await get(agent, `/api/v1/search?q=${word}`);
    expect(found.json().hits.map((h: { ticket: { number: number } }) => h.ticket.number)).toEqual([number]);

    const reply = await app.inject({
      method: "POST",
      url: `/api/v1/tickets/${number}/comments`,
      headers: { cookie: agent.cookie, "x-csrf-token": agent.csrfToken },
      payload: { body: "We are on it." },
    });
    expect(reply.statusCode).toBe(201);
    const feed = await get(customer, `/api/v1/tickets/${number}/feed`);
    expect(feed.json().entries.map((e: { body?: string }) => e.body)).toContain("We are on it.");
  });

  it("ends its threads and connections when closed; reads after that are refused", async () => {
    const reader = open(5_000);
    expect(reader.checkpointer).toBeUndefined();
    reader.warm();
    await sql`select 1`.execute(reader.db);
    if (engine === "sqlite") expect(reader.pool?.stats().threads).toBeGreaterThanOrEqual(1);
    // Warming starts the WAL checkpointer beside the threads (SQLite; PostgreSQL has no WAL of ours to copy).
    expect(reader.checkpointer !== undefined).toBe(engine === "sqlite");
    await reader.close();
    if (engine === "sqlite") expect(reader.pool?.stats()).toMatchObject({ live: 0, threads: 0, waiting: 0 });
    await expect(sql`select 1`.execute(reader.db)).rejects.toThrow();
  });

  it("falls back to the main connection when the pool is off or the database lives in memory", () => {
    expect(openReader(db(), sourceOf(db()), { size: 0, budgetMs: 1000 })).toMatchObject({ kind: "main" });
    const memory = openReader(
      db(),
      { engine: "sqlite", file: ":memory:", autocheckpoint: () => {} },
      { size: 2, budgetMs: 1000 },
    );
    expect(memory.kind).toBe("main");
    expect(memory.db).toBe(db());
  });
});
