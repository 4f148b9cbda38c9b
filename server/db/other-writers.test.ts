/** Another process writing to the same database (a CLI command such as counters:repair) while the server runs. */
import { spawn } from "node:child_process";
import pg from "pg";
import { expect, it } from "vitest";
import { describeEachEngine } from "../test/engines.ts";
import { buildCustomer, buildSubmission, buildTestApp, signInAs } from "../test/factories.ts";
import { serverRoot } from "../test/server-process.ts";
import { sourceOf } from "./database.ts";

/**
 * Holds the write lock (SQLite) or the ticket's row (PostgreSQL) in another process or connection, and lets go
 * a moment later; resolves once it is held, with a promise of its end. SQLite's side must be another process:
 * better-sqlite3 waits for a lock synchronously, so nothing in this thread could let go meanwhile.
 */
async function holdWriteLockBriefly(db: Parameters<typeof sourceOf>[0], number: number) {
  const source = sourceOf(db);
  if (source?.engine === "sqlite") {
    const script = `
      import SQLite from "better-sqlite3";
      const db = new SQLite(process.argv[1]);
      db.exec("begin immediate");
      db.prepare("update tickets set updated_at = updated_at where number = ?").run(Number(process.argv[2]));
      process.stdout.write("held\\n");
      setTimeout(() => { db.exec("commit"); db.close(); }, 200);`;
    const child = spawn(process.execPath, ["--input-type=module", "-e", script, source.file, String(number)], {
      cwd: serverRoot,
      stdio: ["ignore", "pipe", "inherit"],
    });
    const ended = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
    return { ended };
  }
  const other = new pg.Client({ connectionString: source?.engine === "postgres" ? source.connectionString : "" });
  await other.connect();
  await other.query("begin");
  await other.query("select id from tickets where number = $1 for update", [number]);
  const ended = new Promise<void>((resolve) =>
    setTimeout(() => resolve(other.query("commit").then(() => other.end())), 200),
  );
  return { ended };
}

describeEachEngine("writes while another process writes", ({ db, engine }) => {
  // Before, on SQLite, the reply's transaction read the ticket first and failed at its first write with
  // SQLITE_BUSY at once (a 500, nothing saved), instead of waiting for the other process as busy_timeout promises.
  it("saves a reply once the other process's write commits, instead of failing it", async () => {
    const app = await buildTestApp(db(), engine);
    const customer = await signInAs(app, await buildCustomer(db()));
    const headers = { cookie: customer.cookie, "x-csrf-token": customer.csrfToken };
    const created = await app.inject({
      method: "POST",
      url: "/api/v1/tickets",
      headers,
      payload: await buildSubmission(db(), { subject: "Written beside a CLI command" }),
    });
    const { number } = created.json();
    const other = await holdWriteLockBriefly(db(), number);
    const reply = await app.inject({
      method: "POST",
      url: `/api/v1/tickets/${number}/comments`,
      headers,
      payload: { body: "Any news?" },
    });
    await other.ended;
    expect(reply.statusCode, reply.body).toBe(201);
    const feed = await app.inject({ method: "GET", url: `/api/v1/tickets/${number}/feed`, headers });
    expect(feed.json().entries.map((e: { body: string | null }) => e.body)).toContain("Any news?");
    await app.close();
  });
});
