import { Writable } from "node:stream";
import pino from "pino";
import { beforeAll, expect, it } from "vitest";
import { ensureCategories } from "../bootstrap.ts";
import { describeEachEngine } from "../test/engines.ts";
import { buildAdmin, buildTestApp, type SignedInClient, signInAs, testConfig } from "../test/factories.ts";
import { buildApp } from "./app.ts";
import type { App } from "./types.ts";

describeEachEngine("Request ids, WWW-Authenticate and token rate limits", ({ db, engine }) => {
  let app: App;
  let admin: SignedInClient;
  const logLines: string[] = [];

  async function createToken(name: string): Promise<string> {
    const created = await app.inject({
      method: "POST",
      url: "/api/v1/admin/api-tokens",
      headers: { cookie: admin.cookie, "x-csrf-token": admin.csrfToken },
      payload: { name, userId: admin.user.id, scopes: ["read"], expiresInDays: 30 },
    });
    expect(created.statusCode).toBe(201);
    return created.json().token;
  }

  beforeAll(async () => {
    await ensureCategories(db());
    const sink = new Writable({
      write(chunk, _encoding, done) {
        logLines.push(String(chunk));
        done();
      },
    });
    app = await buildApp(
      { db: db(), engine, config: testConfig({ apiTokenRateLimit: 3 }) },
      pino({ level: "info" }, sink),
    );
    admin = await signInAs(app, await buildAdmin(db()));
  });

  it("answers every request with an X-Request-Id that its log lines carry too", async () => {
    const response = await app.inject({ url: "/api/v1/tickets/does-not-exist" });
    const id = response.headers["x-request-id"];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(logLines.some((line) => JSON.parse(line).reqId === id)).toBe(true);
    expect((await app.inject({ url: "/api/v1/nowhere" })).headers["x-request-id"]).toBeTruthy();
  });

  it("keeps a sane incoming X-Request-Id and replaces one that is not", async () => {
    const kept = await app.inject({ url: "/healthz", headers: { "x-request-id": "lb-7f3a.42" } });
    expect(kept.headers["x-request-id"]).toBe("lb-7f3a.42");
    const replaced = await app.inject({ url: "/healthz", headers: { "x-request-id": "x".repeat(500) } });
    expect(replaced.headers["x-request-id"]).not.toContain("xxxx");
    const injected = await app.inject({ url: "/healthz", headers: { "x-request-id": 'a"b\\n{}' } });
    expect(injected.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("says how to authenticate on 401", async () => {
    const anonymous = await app.inject({ url: "/api/v1/tickets" });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers["www-authenticate"]).toBe('Bearer realm="Switchboard"');
    const badToken = await app.inject({ url: "/api/v1/tickets", headers: { authorization: "Bearer nope" } });
    expect(badToken.statusCode).toBe(401);
    expect(badToken.headers["www-authenticate"]).toBe('Bearer realm="Switchboard", error="invalid_token"');
  });

  it("counts each token's requests, tells it with RateLimit headers, and answers 429 with Retry-After past the limit", async () => {
    const token = await createToken("Limited");
    const call = () => app.inject({ url: "/api/v1/tickets", headers: { authorization: `Bearer ${token}` } });
    const remaining: string[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await call();
      expect(response.statusCode).toBe(200);
      expect(response.headers["ratelimit-limit"]).toBe("3");
      expect(Number(response.headers["ratelimit-reset"])).toBeLessThanOrEqual(60);
      remaining.push(String(response.headers["ratelimit-remaining"]));
    }
    expect(remaining).toEqual(["2", "1", "0"]);
    const limited = await call();
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe("rate_limited");
    expect(limited.headers["ratelimit-remaining"]).toBe("0");
    expect(Number(limited.headers["retry-after"])).toBeGreaterThanOrEqual(0);

    // Another token has its own budget; people signed in with a session are not counted.
    const other = await createToken("Unlimited so far");
    expect(
      (await app.inject({ url: "/api/v1/tickets", headers: { authorization: `Bearer ${other}` } })).statusCode,
    ).toBe(200);
    const session = await app.inject({ url: "/api/v1/tickets", headers: { cookie: admin.cookie } });
    expect(session.statusCode).toBe(200);
    expect(session.headers["ratelimit-limit"]).toBeUndefined();
  });

  it("leaves tokens unlimited when the limit is 0", async () => {
    const unlimited = await buildTestApp(db(), engine, testConfig({ apiTokenRateLimit: 0 }));
    const token = await createToken("No limit");
    for (let i = 0; i < 5; i++) {
      const response = await unlimited.inject({
        url: "/api/v1/tickets",
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers["ratelimit-limit"]).toBeUndefined();
    }
  });
});
