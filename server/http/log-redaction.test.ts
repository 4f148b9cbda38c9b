import { Writable } from "node:stream";
import pino from "pino";
import { expect, it } from "vitest";
import { describeEachEngine } from "../test/engines.ts";
import { testConfig } from "../test/factories.ts";
import { buildApp } from "./app.ts";

describeEachEngine("request logs", ({ db, engine }) => {
  it("never hold the secret of a link: reset, confirmation, access and rating tokens, OAuth codes", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = await buildApp({ db: db(), engine, config: testConfig() }, pino({ level: "info" }, sink));
    const secret = "Zq8secretToken4Links";
    const urls = [
      `/reset-password/${secret}`,
      `/confirm/${secret}`,
      `/access/${secret}`,
      `/rate/${secret}/good`,
      `/api/v1/satisfaction/${secret}`,
      `/api/v1/admin/mailboxes/oauth/callback?code=${secret}&state=${secret}`,
    ];
    for (const url of urls) await app.inject(url);
    const logged = lines.join("");
    // Each request is logged, with its path (to see what was asked) but not the link's secret.
    expect(logged).toContain('"url":"/reset-password/[secret]"');
    expect(logged).toContain('"url":"/rate/[secret]/good"');
    expect(logged).toContain('"url":"/api/v1/satisfaction/[secret]"');
    expect(logged).toContain('"url":"/api/v1/admin/mailboxes/oauth/callback?code=[secret]&state=[secret]"');
    expect(logged).not.toContain(secret);
    // Everything else is logged as asked.
    await app.inject("/api/v1/categories?locale=de");
    expect(lines.join("")).toContain('"url":"/api/v1/categories?locale=de"');
  });
});
