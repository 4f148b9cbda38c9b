import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { describeEachEngine } from "../test/engines.ts";
import { testConfig } from "../test/factories.ts";
import { buildApp } from "./app.ts";

describeEachEngine("the HTTP app", ({ db, engine }) => {
  it("answers health and readiness checks", async () => {
    const app = await buildApp({ db: db(), engine, config: testConfig() });
    expect((await app.inject("/healthz")).json()).toEqual({ status: "ok" });
    const ready = await app.inject("/readyz");
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: "ready" });
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
