import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Kysely, sql } from "kysely";
import { expect, it } from "vitest";
import { openPostgres } from "../db/database.ts";
import type { Engine } from "../db/engine.ts";
import type { Database } from "../db/schema.ts";
import { describeEachEngine, postgresAdminUrl } from "../test/engines.ts";
import { testConfig } from "../test/factories.ts";
import { buildApp } from "./app.ts";

describeEachEngine("the HTTP app", ({ db, engine }) => {
  it("answers health and readiness checks", async () => {
    const app = await buildApp({ db: db(), engine, config: testConfig() });
    expect((await app.inject("/healthz")).json()).toEqual({ status: "ok" });
    const ready = await app.inject("/readyz");
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({
      status: "ready",
      checks: { database: "ok", storage: "ok" },
      jobs: { pending: expect.any(Number), failed: expect.any(Number) },
    });
  });

  /** Runs `use` with a handle on the same database that refuses every write, as a read-only replica would. */
  async function withReadOnlyDatabase(engine: Engine, use: (readOnly: Kysely<Database>) => Promise<void>) {
    if (engine === "sqlite") {
      await sql`pragma query_only = on`.execute(db());
      try {
        await use(db());
      } finally {
        await sql`pragma query_only = off`.execute(db());
      }
      return;
    }
    const name = (await sql<{ name: string }>`select current_database() as name`.execute(db())).rows[0]?.name ?? "";
    const url = new URL(postgresAdminUrl);
    url.pathname = `/${name}`;
    url.searchParams.set("options", "-c default_transaction_read_only=on");
    const { db: readOnly } = openPostgres(url.toString(), 1);
    try {
      await use(readOnly);
    } finally {
      await readOnly.destroy();
    }
  }

  it("is not ready, and says why, when the database refuses writes", async () => {
    await withReadOnlyDatabase(engine, async (readOnly) => {
      const app = await buildApp({ db: readOnly, engine, config: testConfig() });
      const ready = await app.inject("/readyz");
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ status: "not ready", checks: { storage: "ok" } });
      expect(ready.json().checks.database).toMatch(/read-?only/i);
    });
  });

  it("is not ready, and says why, when the data folder is full or read-only", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "switchboard-ready-"));
    try {
      const app = await buildApp({ db: db(), engine, config: testConfig({ dataDir }) });
      expect((await app.inject("/readyz")).statusCode).toBe(200);

      // Every write to the probe lands on /dev/full, as on a disk with no space left.
      symlinkSync("/dev/full", path.join(dataDir, "attachments", ".write-check"));
      const full = await app.inject("/readyz");
      expect(full.statusCode).toBe(503);
      expect(full.json().checks).toMatchObject({
        database: "ok",
        storage: expect.stringContaining("The disk is full"),
      });
      rmSync(path.join(dataDir, "attachments"), { recursive: true, force: true });

      // sysfs refuses new files even to root: a folder Switchboard may not write to.
      symlinkSync("/sys", path.join(dataDir, "attachments"));
      const readOnly = await app.inject("/readyz");
      expect(readOnly.statusCode).toBe(503);
      expect(readOnly.json().checks.storage).toContain(
        `Switchboard may not write to ${path.join(dataDir, "attachments")}`,
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("publishes an OpenAPI document generated from the shared schemas", async () => {
    const app = await buildApp({ db: db(), engine, config: testConfig() });
    const doc = (await app.inject("/api/openapi.json")).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/v1/tickets", "/api/v1/tickets/{number}", "/api/v1/session", "/api/v1/categories"]),
    );
    const body = doc.paths["/api/v1/tickets"].post.requestBody.content["application/json"].schema;
    expect(body.required).toEqual(expect.arrayContaining(["subject", "priority", "message", "name", "email"]));
    expect(Object.keys(body.properties)).toEqual(expect.arrayContaining(["categoryId", "serviceId", "fields"]));
    expect(body.properties.priority.enum).toEqual(["low", "medium", "high", "urgent"]);
  });

  it("answers unknown API paths with a JSON 404 and serves the web app for page paths", async () => {
    const dist = mkdtempSync(path.join(tmpdir(), "switchboard-dist-"));
    writeFileSync(path.join(dist, "index.html"), "<!doctype html><title>Switchboard app</title>");
    const app = await buildApp({ db: db(), engine, config: testConfig({ webDistDir: dist }) });
    const api = await app.inject("/api/v1/nothing-here");
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe("not_found");
    const home = await app.inject("/");
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain("Switchboard app");
    const page = await app.inject("/agent/tickets/1001");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Switchboard app");
    // An asset from an older build must not come back as the HTML page.
    const staleAsset = await app.inject("/assets/index-old.js");
    expect(staleAsset.statusCode).toBe(404);
    expect(staleAsset.headers["content-type"]).toContain("application/json");
    rmSync(dist, { recursive: true, force: true });
  });

  it("says how to build the web app when it has not been built", async () => {
    const app = await buildApp({ db: db(), engine, config: testConfig({ webDistDir: "/nonexistent" }) });
    const page = await app.inject("/");
    expect(page.statusCode).toBe(503);
    expect(page.body).toContain("npm run build");
  });
});
