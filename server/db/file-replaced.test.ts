/**
 * The SQLite database file deleted or replaced under the running server. The open connection would go on
 * writing into the file it opened, which no folder shows any more: every ticket from then on answered 201 and
 * was gone at the next start. Only SQLite has a file to lose this way.
 */
import { copyFileSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createScratchDatabase } from "../test/engines.ts";
import { buildSubmission, buildTestApp, testConfig } from "../test/factories.ts";
import { sourceOf } from "./database.ts";

describe("the SQLite database file deleted or replaced while the server runs [sqlite]", () => {
  const drops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(drops.splice(0).map((drop) => drop()));
  });

  async function runningServer() {
    const scratch = await createScratchDatabase("sqlite");
    drops.push(scratch.drop);
    const dataDir = mkdtempSync(path.join(tmpdir(), "switchboard-gone-"));
    drops.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const source = sourceOf(scratch.db);
    if (source?.engine !== "sqlite") throw new Error("not a SQLite database");
    const app = await buildTestApp(scratch.db, "sqlite", testConfig({ dataDir }));
    const submit = async (subject: string) =>
      app.inject({ method: "POST", url: "/api/v1/tickets", payload: await buildSubmission(scratch.db, { subject }) });
    expect((await submit("Before")).statusCode).toBe(201);
    expect((await app.inject({ method: "GET", url: "/readyz" })).statusCode).toBe(200);
    return { app, submit, file: source.file };
  }

  async function expectRefused({ app, submit }: Awaited<ReturnType<typeof runningServer>>, replaced: string) {
    const answer = await submit("Into the void");
    expect(answer.statusCode, answer.body).toBe(503);
    expect(answer.json().error).toEqual({
      code: "unavailable",
      message: "The help desk cannot save anything right now. Please try again later.",
    });
    const ready = await app.inject({ method: "GET", url: "/readyz" });
    expect(ready.statusCode).toBe(503);
    expect(ready.json().status).toBe("not ready");
    expect(ready.json().checks.database).toBe(
      `The SQLite database file ${replaced} was deleted or replaced while Switchboard was running, so nothing more is saved (it would go to a file no folder shows). Put the file back, or restart Switchboard to use the one there now.`,
    );
  }

  it("refuses writes with 503 and is not ready once the file is deleted", async () => {
    const server = await runningServer();
    rmSync(server.file);
    await expectRefused(server, server.file);
  });

  it("refuses writes with 503 and is not ready once another file is moved into its place", async () => {
    const server = await runningServer();
    // A backup restored with mv: the path now leads to another file.
    copyFileSync(server.file, `${server.file}.restored`);
    renameSync(`${server.file}.restored`, server.file);
    await expectRefused(server, server.file);
  });
});
