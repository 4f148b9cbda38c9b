import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { operatorMessage } from "./operator-errors.ts";

function thrownBy(action: () => void): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error("expected the action to fail");
}

describe("operator error messages", () => {
  it("say the disk is full, naming the data folder, when a write finds no space", () => {
    const error = thrownBy(() => writeFileSync("/dev/full", "x"));
    expect(operatorMessage(error, { dataDir: "/srv/switchboard" })).toBe(
      "The disk is full: Switchboard could not write to /srv/switchboard. Free some space; nothing acknowledged was lost.",
    );
  });

  it("find the cause inside wrapped errors, and name the PostgreSQL server", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 10.0.0.5:5433"), { code: "ECONNREFUSED" });
    const wrapped = new Error("Database migration 0001 failed", { cause: new AggregateError([refused]) });
    expect(operatorMessage(wrapped, { databaseUrl: "postgres://sb:secret@db.internal:5433/sb" })).toBe(
      "PostgreSQL at db.internal:5433 is not reachable (connection refused). Check DATABASE_URL and that the server is running.",
    );
  });

  it("name the socket of a server reached through its socket folder, not a host it does not use", () => {
    const missing = Object.assign(new Error("connect ENOENT /var/run/postgresql/.s.PGSQL.5432"), {
      code: "ENOENT",
      address: "/var/run/postgresql/.s.PGSQL.5432",
    });
    expect(operatorMessage(missing, { databaseUrl: "postgres://sb@localhost/sb?host=/var/run/postgresql" })).toBe(
      "PostgreSQL at /var/run/postgresql/.s.PGSQL.5432 is not reachable (no such socket). Check DATABASE_URL and that the server is running.",
    );
  });

  it("say the connection to PostgreSQL was lost when the server ends the session or pg finds it gone", () => {
    const ended = Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" });
    const context = { databaseUrl: "postgres://sb:secret@db.internal:5433/sb" };
    expect(operatorMessage(ended, context)).toBe(
      "The connection to PostgreSQL at db.internal:5433 was lost (the server ended the session). Switchboard reconnects by itself once the server answers again; check that it is running.",
    );
    // What a transaction's rollback reports on the dead connection: no code, only pg's words.
    expect(operatorMessage(new Error("Connection terminated unexpectedly"), context)).toContain(
      "was lost (the connection closed)",
    );
  });

  // Before, /readyz showed "EEXIST: file already exists, mkdir '…/attachments'".
  it("say a folder is not one when a file has its name", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "switchboard-operator-errors-"));
    const attachments = path.join(dir, "attachments");
    writeFileSync(attachments, "a file where the attachments folder should be");
    const error = thrownBy(() => mkdirSync(attachments, { recursive: true }));
    expect(operatorMessage(error, { dataDir: dir })).toBe(
      `${attachments} is not a folder. Set DATA_DIR to a folder (it is created if missing).`,
    );
    rmSync(dir, { recursive: true, force: true });
  });

  it("leave other errors alone, so they keep their stack trace", () => {
    expect(operatorMessage(new TypeError("x is undefined"))).toBeUndefined();
  });
});
