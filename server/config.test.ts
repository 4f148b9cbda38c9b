import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "./config.ts";

describe("configuration", () => {
  it("starts on SQLite under ./data on port 3000 when nothing is set", () => {
    const config = readConfig({});
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      dataDir: path.resolve("data"),
      baseUrl: "http://127.0.0.1:3000",
      demoData: true,
      secureCookies: false,
    });
  });

  it("honours PORT, DATABASE_URL, DATA_DIR and BASE_URL, and treats empty values as unset", () => {
    const config = readConfig({
      PORT: "8080",
      DATABASE_URL: "postgres://u@db/switchboard",
      DATA_DIR: "/var/lib/switchboard",
      BASE_URL: "https://help.example.com/",
      LOG_LEVEL: "",
    });
    expect(config).toMatchObject({
      port: 8080,
      databaseUrl: "postgres://u@db/switchboard",
      dataDir: "/var/lib/switchboard",
      baseUrl: "https://help.example.com",
      logLevel: "info",
      secureCookies: true,
    });
  });

  it("lists every problem in words a person can act on", () => {
    let error: unknown;
    try {
      readConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", ADMIN_PASSWORD: "short", DEMO_DATA: "maybe" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      "PORT: PORT must be a number.",
      "DATABASE_URL: DATABASE_URL must start with postgres:// or postgresql://.",
      "ADMIN_PASSWORD: ADMIN_PASSWORD must be at least 10 characters.",
      "DEMO_DATA: Use true or false.",
    ]);
    expect((error as ConfigError).message).toContain("Switchboard cannot start because of its configuration");
  });

  it("accepts requests under BASE_URL's host and ALLOWED_HOSTS, and loopback names only for a loopback BASE_URL", () => {
    expect(
      readConfig({ BASE_URL: "https://help.example.com", ALLOWED_HOSTS: "Helpdesk.internal, 10.0.0.5" }),
    ).toMatchObject({
      allowedHosts: ["help.example.com", "helpdesk.internal", "10.0.0.5"],
      devMailbox: "admins",
      shutdownMs: 10_000,
    });
    expect(readConfig({ HOST: "0.0.0.0", SHUTDOWN_SECONDS: "3" })).toMatchObject({
      allowedHosts: ["localhost", "127.0.0.1", "[::1]"],
      devMailbox: "public",
      shutdownMs: 3000,
    });
  });

  it("runs slow reads on at most two threads with a 3 s budget unless told otherwise; 0 turns the pool off", () => {
    const { readPool } = readConfig({});
    expect(readPool.budgetMs).toBe(3000);
    expect(readPool.size).toBeGreaterThanOrEqual(1);
    expect(readPool.size).toBeLessThanOrEqual(2);
    expect(readConfig({ READ_POOL_SIZE: "0", READ_BUDGET_SECONDS: "0.5" }).readPool).toEqual({
      size: 0,
      budgetMs: 500,
    });
    expect(() => readConfig({ READ_POOL_SIZE: "many" })).toThrow(/READ_POOL_SIZE must be a number of read threads/);
  });
});
