import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { openDatabase } from "./db/database.ts";
import { createBlankPostgresDatabase, describeEachEngine } from "./test/engines.ts";
import {
  blankServerData,
  childEnv,
  serverRoot as root,
  startServer as start,
  stopServer as stop,
} from "./test/server-process.ts";

// Every test here starts the real server, most on a blank database it must migrate first: on a loaded 2-core CI
// machine one such start took more than the suite's 20 s (the test failed while the server was still starting).
vi.setConfig({ testTimeout: 120_000 });

describeEachEngine("first start", ({ engine }) => {
  // A blank database, not migrated: the server must do that itself.
  const blank = blankServerData(engine, "switchboard-first-start-");
  const env = blank.env;

  it("creates the database, an admin and demo tickets, and prints the URL and credentials", async () => {
    const { child, banner, url } = await start(env());
    try {
      expect(banner).toContain(`Database: ${engine}`);
      expect(banner).toContain("Admin: admin@switchboard.local");
      const password = banner.match(/Password: (\S+) \(also saved/)?.[1] ?? "";
      expect(password.length).toBeGreaterThanOrEqual(12);
      const file = path.join(blank.dataDir(), "initial-admin-password");
      expect(readFileSync(file, "utf8").trim()).toBe(password);
      expect(statSync(file).mode & 0o077).toBe(0);
      expect(banner).toContain("Demo data: 4 example tickets and 5 services created");
      // Said before the seconds of seeding, so a first start never sits silent.
      expect(banner).toMatch(/First start: making the demo help desk\.\.\.\n[\s\S]*Switchboard is running/);

      const signIn = await fetch(`${url}/api/v1/session`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "admin@switchboard.local", password }),
      });
      expect(signIn.status).toBe(200);
      const cookie = signIn.headers.get("set-cookie")?.split(";")[0] ?? "";
      const tickets = await (await fetch(`${url}/api/v1/tickets`, { headers: { cookie } })).json();
      expect(tickets.tickets).toHaveLength(4);
      const catalog = await (await fetch(`${url}/api/v1/catalog`)).json();
      expect(catalog.services.map((s: { slug: string }) => s.slug)).toEqual([
        "password-reset",
        "domain-approval",
        "report-a-problem",
      ]);
    } finally {
      await stop(child);
    }
  });

  it("on later starts keeps the admin and adds no more demo data", async () => {
    const { child, banner } = await start(env());
    await stop(child);
    expect(banner).toContain("Password: set at first start");
    expect(banner).not.toContain("Demo data");
    expect(banner).not.toContain("First start");
    const { db } = openDatabase({ databaseUrl: blank.databaseUrl(), dataDir: blank.dataDir() });
    const admins = await db.selectFrom("users").select("email").where("licence", "=", "admin").execute();
    const tickets = await db.selectFrom("tickets").select("id").execute();
    await db.destroy();
    expect(admins).toHaveLength(1);
    expect(tickets).toHaveLength(4);
  });

  it("resets the admin's password from the CLI", () => {
    const result = spawnSync(
      process.execPath,
      ["server/cli.ts", "create-admin", "--email", "admin@switchboard.local", "--password", "a-brand-new-password"],
      { cwd: root, env: childEnv(env()), encoding: "utf8" },
    );
    expect(result.stdout).toContain("Updated admin admin@switchboard.local");
    expect(result.status).toBe(0);
    const refused = spawnSync(process.execPath, ["server/cli.ts", "create-admin", "--email", "x@example.com"], {
      cwd: root,
      env: childEnv(env()),
      encoding: "utf8",
    });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("create-admin needs --email and --password.");
  });
});

it("refuses to start with bad configuration and says what is wrong", () => {
  const result = spawnSync(process.execPath, ["server/main.ts"], {
    cwd: root,
    env: childEnv({ PORT: "seventy", DATABASE_URL: "mysql://nope" }),
    encoding: "utf8",
  });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain("PORT: PORT must be a number.");
  expect(result.stderr).toContain("DATABASE_URL: DATABASE_URL must start with postgres:// or postgresql://.");
});

describeEachEngine("two instances starting together on an empty database", ({ engine }) => {
  it("both come up, with one admin, one set of categories and one set of demo data", async () => {
    const dataDirs = [0, 1].map(() => mkdtempSync(path.join(tmpdir(), "switchboard-twin-start-")));
    const blank = engine === "postgres" ? await createBlankPostgresDatabase() : undefined;
    // On SQLite both share one data folder (and so one database file); on PostgreSQL one database.
    const envFor = (i: number) => ({
      DATA_DIR: blank ? (dataDirs[i] ?? "") : (dataDirs[0] ?? ""),
      ...(blank ? { DATABASE_URL: blank.url } : {}),
    });
    const results = await Promise.allSettled([start(envFor(0)), start(envFor(1))]);
    try {
      for (const result of results) {
        if (result.status === "rejected") throw result.reason;
      }
      const banners = results.map((r) => (r.status === "fulfilled" ? r.value.banner : ""));
      expect(banners.filter((b) => b.includes("Demo data: 4 example tickets"))).toHaveLength(1);
      const { db } = openDatabase({ databaseUrl: blank?.url, dataDir: dataDirs[0] ?? "" });
      const admins = await db.selectFrom("users").select("email").where("licence", "=", "admin").execute();
      const tickets = await db.selectFrom("tickets").select("id").execute();
      const categories = await db.selectFrom("categories").select("id").execute();
      await db.destroy();
      expect(admins).toHaveLength(1);
      expect(tickets).toHaveLength(4);
      expect(categories).toHaveLength(4);
    } finally {
      await Promise.all(results.map((r) => (r.status === "fulfilled" ? stop(r.value.child) : undefined)));
      for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
      await blank?.drop();
    }
  });
});

describeEachEngine("faults at first start", ({ engine }) => {
  let dataRoot: string;
  let blank: Awaited<ReturnType<typeof createBlankPostgresDatabase>> | undefined;
  beforeAll(async () => {
    dataRoot = mkdtempSync(path.join(tmpdir(), "switchboard-faults-"));
    if (engine === "postgres") blank = await createBlankPostgresDatabase();
  });
  afterAll(async () => {
    rmSync(dataRoot, { recursive: true, force: true });
    await blank?.drop();
  });
  const database = (): Record<string, string> => (blank ? { DATABASE_URL: blank.url } : {});

  /** Runs the server expecting it to stop at once, and returns what it printed. */
  function failedStart(env: Record<string, string>): string {
    const result = spawnSync(process.execPath, ["server/main.ts"], {
      cwd: root,
      env: childEnv({ PORT: "0", LOG_LEVEL: "silent", ...env }),
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    // The cause in one sentence, not a stack trace.
    expect(result.stderr).not.toMatch(/^\s+at /m);
    return result.stderr;
  }

  it("says which folder it may not write to", () => {
    const stderr = failedStart({ DATA_DIR: "/sys/switchboard-data", ...database() });
    expect(stderr).toContain("Switchboard cannot start: Switchboard may not write to /sys/switchboard-data.");
  });

  it("creates a missing DATA_DIR on first start", async () => {
    const dataDir = path.join(dataRoot, "not", "there", "yet");
    const { child } = await start({ DATA_DIR: dataDir, ...database() });
    await stop(child);
    expect(existsSync(path.join(dataDir, "initial-admin-password"))).toBe(true);
  });
});

it("names the PostgreSQL server it cannot reach, without a stack trace", () => {
  const result = spawnSync(process.execPath, ["server/main.ts"], {
    cwd: root,
    env: childEnv({ PORT: "0", LOG_LEVEL: "silent", DATABASE_URL: "postgres://switchboard@127.0.0.1:1/switchboard" }),
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain(
    "Switchboard cannot start: PostgreSQL at 127.0.0.1:1 is not reachable (connection refused). Check DATABASE_URL",
  );
  expect(result.stderr).not.toMatch(/^\s+at /m);
});
