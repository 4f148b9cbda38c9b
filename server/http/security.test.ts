import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { readConfig } from "../config.ts";
import { testDataDir } from "../test/data-dir.ts";
import { describeEachEngine } from "../test/engines.ts";
import { buildTestApp, testConfig } from "../test/factories.ts";

const root = path.resolve(import.meta.dirname, "../..");

/** Every <script> must load a file: an inline one would need 'unsafe-inline', which the CSP refuses. */
function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attributes, body]) => !/\bsrc=/.test(attributes ?? "") || (body ?? "").trim() !== "")
    .map(([tag]) => tag);
}

describeEachEngine("deployment safety", ({ db, engine }) => {
  it("keeps the dev mailbox to admins when BASE_URL is public, even if HOST is loopback behind a proxy", async () => {
    const behindProxy = readConfig({
      HOST: "127.0.0.1",
      BASE_URL: "https://help.example.com",
      DATA_DIR: testDataDir(),
    });
    expect(behindProxy.devMailbox).toBe("admins");
    const app = await buildTestApp(db(), engine, { ...testConfig(), ...behindProxy, dataDir: testConfig().dataDir });
    const mailbox = await app.inject({ url: "/api/v1/dev-mailbox", headers: { host: "help.example.com" } });
    expect(mailbox.statusCode).toBe(404);

    expect(readConfig({ BASE_URL: "http://localhost:3000" }).devMailbox).toBe("public");
    expect(readConfig({ BASE_URL: "https://help.example.com", DEV_MAILBOX: "public" }).devMailbox).toBe("public");
  });

  it("refuses requests under a host name that is not ours, as a DNS-rebinding page would send", async () => {
    const app = await buildTestApp(db(), engine, testConfig({ ...readConfig({ BASE_URL: "http://127.0.0.1:3000" }) }));
    const rebound = await app.inject({ url: "/api/v1/dev-mailbox", headers: { host: "evil.example:3000" } });
    expect(rebound.statusCode).toBe(421);
    expect(rebound.json().error).toMatchObject({ code: "misdirected" });
    expect(rebound.json().error.message).toContain("answers at 127.0.0.1:3000");
    // The loopback names of a loopback BASE_URL all work, and load balancers may probe by address.
    for (const host of ["127.0.0.1:3000", "localhost:3000"]) {
      expect((await app.inject({ url: "/api/v1/dev-mailbox", headers: { host } })).statusCode).toBe(200);
    }
    expect((await app.inject({ url: "/readyz", headers: { host: "10.0.0.7:3000" } })).statusCode).toBe(200);

    const named = await buildTestApp(
      db(),
      engine,
      testConfig({ ...readConfig({ BASE_URL: "https://help.example.com", ALLOWED_HOSTS: "helpdesk.internal" }) }),
    );
    expect((await named.inject({ url: "/api/v1/categories", headers: { host: "help.example.com" } })).statusCode).toBe(
      200,
    );
    expect((await named.inject({ url: "/api/v1/categories", headers: { host: "helpdesk.internal" } })).statusCode).toBe(
      200,
    );
    expect((await named.inject({ url: "/api/v1/categories", headers: { host: "localhost" } })).statusCode).toBe(421);
  });

  it("sends security headers on API answers, errors and pages, and HSTS only over https", async () => {
    const app = await buildTestApp(db(), engine);
    for (const url of ["/api/v1/categories", "/api/v1/nothing-here", "/"]) {
      const response = await app.inject(url);
      const csp = String(response.headers["content-security-policy"]);
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(response.headers["x-frame-options"]).toBe("DENY");
      expect(response.headers["x-content-type-options"]).toBe("nosniff");
      expect(response.headers["referrer-policy"]).toBe("same-origin");
      expect(response.headers["strict-transport-security"]).toBeUndefined();
    }
    const secure = await buildTestApp(db(), engine, testConfig({ baseUrl: "https://localhost" }));
    const answer = await secure.inject("/api/v1/categories");
    expect(answer.headers["strict-transport-security"]).toContain("max-age=31536000");
  });
  it("sends them on answers the app refuses before any route: a foreign host, a malformed or overlong address", async () => {
    const app = await buildTestApp(
      db(),
      engine,
      testConfig({ baseUrl: "https://localhost", allowedHosts: ["localhost"] }),
    );
    const answers = {
      foreignHost: await app.inject({ url: "/api/v1/categories", headers: { host: "evil.example" } }),
      badUrl: await app.inject({ url: "/api/v1/attachments/%zz<script>", headers: { host: "localhost" } }),
      overlong: await app.inject({ url: `/api/v1/attachments/${"a".repeat(250)}`, headers: { host: "localhost" } }),
    };
    for (const [name, response] of Object.entries(answers)) {
      const what = `${name}: ${response.statusCode} ${response.body}`;
      expect(response.headers["content-security-policy"], what).toContain("frame-ancestors 'none'");
      expect(response.headers["x-content-type-options"], what).toBe("nosniff");
      expect(response.headers["x-frame-options"], what).toBe("DENY");
      expect(response.headers["referrer-policy"], what).toBe("same-origin");
      expect(response.headers["strict-transport-security"], what).toContain("max-age=31536000");
      // In the API's error format, like every other refusal, with a sentence a person can act on.
      expect(response.json().error.code, what).toMatch(/^[a-z_]+$/);
    }
    expect(answers.foreignHost.statusCode).toBe(421);
    expect(answers.badUrl.statusCode).toBe(400);
    expect(answers.badUrl.json().error).toEqual({
      code: "validation_failed",
      message: "This address is not valid: check for a stray % sign.",
    });
    // An address too long to name anything is not there, whatever its method.
    expect(answers.overlong.statusCode).toBe(404);
    expect(answers.overlong.json().error.code).toBe("not_found");
  });
});

it("the web app's page has no inline script, so the strict CSP lets it run", () => {
  expect(inlineScripts(readFileSync(path.join(root, "web/index.html"), "utf8"))).toEqual([]);
  const built = path.join(root, "web/dist/index.html");
  if (existsSync(built)) expect(inlineScripts(readFileSync(built, "utf8"))).toEqual([]);
});
