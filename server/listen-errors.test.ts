import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import Fastify from "fastify";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ListenError, listenFailure, listenOrExplain } from "./listen-errors.ts";
import { freePort } from "./test/ports.ts";
import { childEnv, serverRoot } from "./test/server-process.ts";

// The process tests start the real server, which migrates a blank SQLite database first.
vi.setConfig({ testTimeout: 120_000 });

/** A port another program holds, as when a second Switchboard (or anything else) already listens there. */
async function takenPort(): Promise<{ port: number; release(): Promise<void> }> {
  const holder = net.createServer();
  await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", resolve));
  const address = holder.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { port, release: () => new Promise((resolve) => holder.close(() => resolve())) };
}

const web = (port: number, host = "127.0.0.1") => ({
  what: "the web server",
  port,
  portVariable: "PORT",
  host,
  hostVariable: "HOST",
});

describe("a listener that cannot open its port", () => {
  const apps: ReturnType<typeof Fastify>[] = [];
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
  });
  const tryListen = (port: number, host: string) => {
    const app = Fastify();
    apps.push(app);
    return listenOrExplain(web(port, host), () => app.listen({ port, host }));
  };

  it("on a taken port says so and names PORT", async () => {
    const taken = await takenPort();
    try {
      const failed = await tryListen(taken.port, "127.0.0.1").catch((error: unknown) => error);
      expect(failed).toBeInstanceOf(ListenError);
      expect((failed as Error).message).toBe(
        `Port ${taken.port} on 127.0.0.1 is already in use by another program (another Switchboard?), so the web server cannot listen there: stop that program or set PORT to a free port.`,
      );
    } finally {
      await taken.release();
    }
  });

  it("on an address this machine does not have, or a name that does not resolve, names HOST", async () => {
    const port = await freePort();
    // 192.0.2.0/24 is set aside for documentation: no machine has it.
    await expect(tryListen(port, "192.0.2.1")).rejects.toThrow(
      /^HOST is 192\.0\.2\.1, which is not an address of this machine, .* set HOST to one of its addresses/,
    );
    await expect(tryListen(port, "nowhere.invalid")).rejects.toThrow(
      /^HOST is nowhere\.invalid, a name that does not resolve to an address, .* set HOST to an address/,
    );
  });

  it("on a port it may not open names the port's own setting", () => {
    // Not provoked for real: the tests may run as root, who may open any port.
    const denied = Object.assign(new Error("listen EACCES: permission denied 0.0.0.0:25"), { code: "EACCES" });
    const settings = { ...web(25, "0.0.0.0"), what: "the inbound SMTP receiver", portVariable: "INBOUND_SMTP_PORT" };
    expect(listenFailure(denied, settings)).toBe(
      "This user may not open port 25 on 0.0.0.0 (ports below 1024 need special privileges), so the inbound SMTP receiver cannot listen there: set INBOUND_SMTP_PORT to a port of 1024 or above.",
    );
  });

  it("passes other errors on as they are", async () => {
    const other = new Error("something else");
    await expect(listenOrExplain(web(1), () => Promise.reject(other))).rejects.toBe(other);
  });
});

describe("npm start when a port cannot be opened", () => {
  let dataDir = "";
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), "switchboard-listen-"));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  /** Runs the server as `npm start` does, to its exit. */
  function run(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const child = spawn(process.execPath, ["server/main.ts"], {
      cwd: serverRoot,
      env: childEnv({ DATA_DIR: dataDir, DEMO_DATA: "false", LOG_LEVEL: "info", PORT: "0", ...env }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    return new Promise((resolve) => child.once("close", (code) => resolve({ code, stdout, stderr })));
  }

  it("prints one sentence naming PORT and exits with an error, without a stack trace", async () => {
    const taken = await takenPort();
    try {
      const { code, stdout, stderr } = await run({ PORT: String(taken.port) });
      expect(code).toBe(1);
      expect(stderr.trim().split("\n")).toEqual([
        `Switchboard cannot start: Port ${taken.port} on 127.0.0.1 is already in use by another program (another Switchboard?), so the web server cannot listen there: stop that program or set PORT to a free port.`,
      ]);
      expect(stdout).not.toContain("running at");
      // The database it had opened was closed, threads and all: SQLite removes the WAL file on a clean close.
      expect(existsSync(path.join(dataDir, "switchboard.db-wal"))).toBe(false);
    } finally {
      await taken.release();
    }
  });

  it("when the inbound SMTP port is taken, names INBOUND_SMTP_PORT and never says the web server listens", async () => {
    const taken = await takenPort();
    try {
      const { code, stdout, stderr } = await run({ INBOUND_SMTP_PORT: String(taken.port) });
      expect(code).toBe(1);
      expect(stderr.trim().split("\n")).toEqual([
        expect.stringMatching(
          /^Switchboard cannot start: Port \d+ on 127\.0\.0\.1 is already in use .* the inbound SMTP receiver .* set INBOUND_SMTP_PORT to a free port\.$/,
        ),
      ]);
      expect(stdout).not.toContain("Server listening");
      expect(stdout).not.toContain("running at");
      // The database it had opened was closed, threads and all: SQLite removes the WAL file on a clean close.
      expect(existsSync(path.join(dataDir, "switchboard.db-wal"))).toBe(false);
    } finally {
      await taken.release();
    }
  });

  it("names the variable the inbound SMTP host came from: INBOUND_SMTP_HOST when set, HOST when not", async () => {
    const smtpPort = String(await freePort());
    const own = await run({ INBOUND_SMTP_PORT: smtpPort, INBOUND_SMTP_HOST: "192.0.2.1" });
    expect(own.code).toBe(1);
    expect(own.stderr).toMatch(/^Switchboard cannot start: INBOUND_SMTP_HOST is 192\.0\.2\.1, which is not an address/);
    expect(own.stderr).toContain("set INBOUND_SMTP_HOST to one of its addresses");

    const inherited = await run({ INBOUND_SMTP_PORT: smtpPort, HOST: "192.0.2.1" });
    expect(inherited.code).toBe(1);
    expect(inherited.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(
        /^Switchboard cannot start: HOST is 192\.0\.2\.1, .* the inbound SMTP receiver .* set HOST to/,
      ),
    ]);
    expect(inherited.stdout).not.toContain("Server listening");
  });
});
