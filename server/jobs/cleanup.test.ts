import { existsSync, mkdtempSync } from "node:fs";
import { mkdir, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { newId } from "../db/ids.ts";
import { describeEachEngine } from "../test/engines.ts";
import { buildCustomer, testConfig } from "../test/factories.ts";
import { cleanUp } from "./cleanup.ts";

describeEachEngine("the hourly clean-up", ({ db }) => {
  it("removes what is past any use and keeps what is still live", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "switchboard-cleanup-"));
    const config = testConfig({ dataDir });
    const now = new Date("2026-06-10T12:00:00.000Z");
    const iso = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * 3_600_000).toISOString();
    const user = await buildCustomer(db());
    for (const [id, expires] of [
      ["expired-session", iso(1)],
      ["live-session", iso(-24)],
    ] as const) {
      await db()
        .insertInto("sessions")
        .values({ id, user_id: user.id, csrf_token: "x", created_at: iso(48), expires_at: expires })
        .execute();
    }
    for (const [id, expires, used] of [
      ["old-token", iso(30), null],
      ["used-token", iso(-1), iso(30)],
      ["fresh-token", iso(-1), null],
    ] as const) {
      await db()
        .insertInto("account_tokens")
        .values({
          id,
          user_id: user.id,
          purpose: "reset_password",
          created_at: iso(48),
          expires_at: expires,
          used_at: used,
        })
        .execute();
    }
    await db()
      .insertInto("rate_limits")
      .values([
        { key: "old", window_start: iso(30), hits: 3 },
        { key: "current", window_start: iso(0.1), hits: 3 },
      ])
      .execute();
    const answer = (key: string, hoursAgo: number) => ({
      owner: "token:t",
      key,
      fingerprint: "f",
      status: 201,
      content_type: "application/json",
      body: "{}",
      created_at: iso(hoursAgo),
    });
    await db()
      .insertInto("idempotency_keys")
      .values([answer("yesterday", 25), answer("this-morning", 2)])
      .execute();
    const job = (status: "done" | "failed", finishedHoursAgo: number) => ({
      id: newId(),
      kind: "mail.send",
      payload: "{}",
      status,
      attempts: 1,
      max_attempts: 1,
      run_at: iso(finishedHoursAgo),
      created_at: iso(finishedHoursAgo),
      finished_at: iso(finishedHoursAgo),
    });
    const oldDone = job("done", 8 * 24);
    const recentDone = job("done", 2);
    const oldFailed = job("failed", 30 * 24);
    await db().insertInto("jobs").values([oldDone, recentDone, oldFailed]).execute();
    const temp = path.join(dataDir, "tmp");
    await mkdir(temp, { recursive: true });
    const stale = path.join(temp, "stale.upload");
    const current = path.join(temp, "current.upload");
    await writeFile(stale, "x");
    await writeFile(current, "y");
    const twoDaysAgo = new Date(now.getTime() - 48 * 3_600_000);
    await utimes(stale, twoDaysAgo, twoDaysAgo);
    await utimes(current, now, now);

    const counts = await cleanUp({ db: db(), config }, now);
    expect(counts).toMatchObject({
      sessions: 1,
      accountTokens: 2,
      rateLimits: 1,
      jobs: 1,
      tempUploads: 1,
      idempotencyKeys: 1,
    });
    // An answer to an Idempotency-Key is kept a day, then goes.
    expect((await db().selectFrom("idempotency_keys").select("key").execute()).map((r) => r.key)).toEqual([
      "this-morning",
    ]);
    const ids = async (table: "sessions" | "account_tokens") =>
      (await db().selectFrom(table).select("id").orderBy("id").execute()).map((r) => r.id);
    expect(await ids("sessions")).toEqual(["live-session"]);
    expect(await ids("account_tokens")).toEqual(["fresh-token"]);
    expect((await db().selectFrom("rate_limits").select("key").execute()).map((r) => r.key)).toEqual(["current"]);
    const jobs = (await db().selectFrom("jobs").select("id").execute()).map((r) => r.id);
    // Failed jobs stay for an admin to look at and re-run.
    expect(jobs).toEqual(expect.arrayContaining([recentDone.id, oldFailed.id]));
    expect(jobs).not.toContain(oldDone.id);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(current)).toBe(true);
    // Running it again (another instance, a retry) finds nothing more to do.
    expect(await cleanUp({ db: db(), config }, now)).toMatchObject({ sessions: 0, jobs: 0, tempUploads: 0 });
  });
});
