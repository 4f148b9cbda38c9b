import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, gzipSync } from "node:zlib";
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
    // Shared shapes are named components, referenced rather than copied.
    expect(doc.paths["/api/v1/tickets"].post.requestBody.content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/TicketSubmission",
    });
    const body = doc.components.schemas.TicketSubmission;
    expect(body.required).toEqual(expect.arrayContaining(["subject", "priority", "message", "name", "email"]));
    expect(Object.keys(body.properties)).toEqual(expect.arrayContaining(["categoryId", "serviceId", "fields"]));
    expect(body.properties.priority.enum).toEqual(["low", "medium", "high", "urgent"]);
  });

  it("names every operation, tags it and says how to authenticate, with a rendered reference beside it", async () => {
    const app = await buildApp({ db: db(), engine, config: testConfig() });
    const doc = (await app.inject("/api/openapi.json")).json() as {
      paths: Record<string, Record<string, { operationId?: string; tags?: string[]; security?: unknown[] }>>;
      components: { securitySchemes: Record<string, { type: string; scheme?: string; in?: string }> };
    };
    const operations = Object.entries(doc.paths).flatMap(([url, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ at: `${method.toUpperCase()} ${url}`, ...operation })),
    );
    expect(operations.length).toBeGreaterThan(100);
    expect(operations.filter((op) => !op.operationId || !/^[a-z][A-Za-z]+$/.test(op.operationId))).toEqual([]);
    expect(operations.filter((op) => !op.tags?.length)).toEqual([]);
    const ids = operations.map((op) => op.operationId);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(operations.find((op) => op.at === "GET /api/v1/tickets/{number}")?.operationId).toBe("getTicket");
    expect(operations.find((op) => op.at === "POST /api/v1/tickets/{number}/solve")?.operationId).toBe("solveTicket");
    expect(doc.components.securitySchemes.apiToken).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.components.securitySchemes.session).toMatchObject({ type: "apiKey", in: "cookie" });
    // Per operation: a token or the session (with the CSRF header on writes); public operations also answer without.
    expect(operations.filter((op) => !op.security?.length)).toEqual([]);
    expect(operations.find((op) => op.at === "GET /api/v1/tickets/{number}")?.security).toEqual(
      expect.arrayContaining([{ apiToken: [] }, { session: [] }]),
    );
    expect(operations.find((op) => op.at === "PATCH /api/v1/tickets/{number}")?.security).toEqual(
      expect.arrayContaining([{ apiToken: [] }, { session: [], csrfToken: [] }]),
    );
    expect(operations.find((op) => op.at === "POST /api/v1/tickets")?.security).toContainEqual({});
    expect(operations.find((op) => op.at === "GET /api/v1/agent/tickets")?.security).not.toContainEqual({});

    const page = await app.inject("/api/docs");
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.body).toContain("Switchboard API reference");
    // The app's content security policy allows scripts from the app only: the page has none inline.
    const scripts = [...page.body.matchAll(/<script([^>]*)>([^<]*)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter(([, attributes, body]) => !attributes?.includes("src=") || body?.trim())).toEqual([]);
    for (const [, attributes] of scripts) {
      const src = /src="([^"]+)"/.exec(attributes ?? "")?.[1] ?? "";
      const script = await app.inject(new URL(src, "http://localhost/api/docs/").pathname);
      expect(script.statusCode, src).toBe(200);
    }
    const initializer = await app.inject("/api/docs/static/swagger-initializer.js");
    expect(initializer.body).toContain("/api/openapi.json");
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

  it("shows a browser that opens an unknown API address the error page, and API clients the JSON error", async () => {
    const dist = mkdtempSync(path.join(tmpdir(), "switchboard-dist-"));
    writeFileSync(path.join(dist, "index.html"), "<!doctype html><title>Switchboard app</title>");
    const app = await buildApp({ db: db(), engine, config: testConfig({ webDistDir: dist }) });
    const browserHeaders = [
      { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "sec-fetch-mode": "navigate" },
      // A browser that sends no Sec-Fetch-* headers is known by the HTML it asks for.
      { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" },
    ];
    for (const headers of browserHeaders) {
      const page = await app.inject({ url: "/api/v1/tickest", headers: { ...headers, "accept-language": "de" } });
      expect(page.statusCode).toBe(404);
      expect(page.headers["content-type"]).toMatch(/^text\/html/);
      expect(page.body).toContain('<html lang="de" dir="ltr">');
      expect(page.body).toContain('<a href="/">Zum Helpdesk</a>');
    }
    const programs = [
      {},
      { accept: "application/json" },
      { accept: "application/json, text/html" },
      { accept: "*/*" },
      // fetch() from a page, even one asking for HTML, is not opening a page.
      { accept: "text/html", "sec-fetch-mode": "cors" },
    ];
    for (const headers of programs) {
      const answer = await app.inject({ url: "/api/v1/tickest", headers });
      expect(answer.statusCode, JSON.stringify(headers)).toBe(404);
      expect(answer.json().error.code, JSON.stringify(headers)).toBe("not_found");
    }
    // Writes are never pages.
    const post = await app.inject({ method: "POST", url: "/api/v1/tickest", headers: { accept: "text/html" } });
    expect(post.json().error.code).toBe("not_found");
    await app.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it("sends the build's compressed copies, keeps hashed assets for good and has index.html checked on every visit", async () => {
    const dist = mkdtempSync(path.join(tmpdir(), "switchboard-dist-"));
    mkdirSync(path.join(dist, "assets"));
    const script = `console.log(${JSON.stringify("a help desk ".repeat(200))});`;
    const asset = path.join(dist, "assets/index-Ab12Cd34.js");
    writeFileSync(asset, script);
    writeFileSync(`${asset}.br`, brotliCompressSync(script));
    writeFileSync(`${asset}.gz`, gzipSync(script));
    writeFileSync(path.join(dist, "index.html"), "<!doctype html><title>Switchboard app</title>");
    const app = await buildApp({ db: db(), engine, config: testConfig({ webDistDir: dist }) });

    const brotli = await app.inject({ url: "/assets/index-Ab12Cd34.js", headers: { "accept-encoding": "gzip, br" } });
    expect(brotli.statusCode).toBe(200);
    expect(brotli.headers["content-encoding"]).toBe("br");
    expect(brotli.headers["content-type"]).toContain("javascript");
    expect(brotli.headers.vary).toContain("accept-encoding");
    expect(brotliDecompressSync(brotli.rawPayload).toString()).toBe(script);
    expect(brotli.headers["cache-control"]).toBe("public, max-age=31536000, immutable");

    const gzip = await app.inject({ url: "/assets/index-Ab12Cd34.js", headers: { "accept-encoding": "gzip" } });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    const plain = await app.inject({ url: "/assets/index-Ab12Cd34.js", headers: { "accept-encoding": "identity" } });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe(script);

    for (const url of ["/", "/agent/tickets/1001", "/index.html"]) {
      const page = await app.inject({ url, headers: { "accept-encoding": "br" } });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers["cache-control"], url).toBe("no-cache");
    }
    rmSync(dist, { recursive: true, force: true });
  });

  it("has a favicon that the page links", () => {
    const web = path.join(import.meta.dirname, "../../web");
    expect(readFileSync(path.join(web, "index.html"), "utf8")).toContain('<link rel="icon" href="/favicon.svg"');
    expect(readFileSync(path.join(web, "public/favicon.svg"), "utf8")).toContain("<svg");
  });

  it("says how to build the web app when it has not been built", async () => {
    const app = await buildApp({ db: db(), engine, config: testConfig({ webDistDir: "/nonexistent" }) });
    const page = await app.inject("/");
    expect(page.statusCode).toBe(503);
    expect(page.body).toContain("npm run build");
  });
});
