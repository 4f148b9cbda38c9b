import { expect, it } from "vitest";
import { newId } from "../db/ids.ts";
import { describeEachEngine } from "../test/engines.ts";
import { buildSubmission, buildTestApp } from "../test/factories.ts";
import { createPresenceBoard, typingTtlMs, viewingTtlMs } from "./presence.ts";
import { createEventPump, idFloor, idTime } from "./pump.ts";
import type { RecentEvent } from "./queries.ts";

/** An id as a transaction that began `ageMs` ago would have made it. */
function idMadeAgo(ageMs: number): string {
  const hex = (Date.now() - ageMs).toString(16).padStart(12, "0");
  const fresh = newId();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}${fresh.slice(13)}`;
}

it("orders id floors below every id of their millisecond", () => {
  const id = newId(Date.now());
  expect(idTime(id)).toBe(Math.floor(idTime(id)));
  expect(idFloor(idTime(id)) < id).toBe(true);
  expect(idFloor(idTime(id) + 1) > id).toBe(true);
});

describeEachEngine("the event pump", ({ db, engine }) => {
  it("delivers each new event once, including one committed late with an older id", async () => {
    const app = await buildTestApp(db(), engine);
    const submitted = await app.inject({
      method: "POST",
      url: "/api/v1/tickets",
      payload: await buildSubmission(db()),
    });
    const ticket = await db()
      .selectFrom("tickets")
      .select(["id", "number"])
      .where("number", "=", submitted.json().number)
      .executeTakeFirstOrThrow();
    const delivered: RecentEvent[] = [];
    const pump = createEventPump({
      db: db(),
      onEvents: async (events) => {
        delivered.push(...events);
      },
      onError: (error) => {
        throw error;
      },
      pollMs: 100,
      lookbackMs: 15_000,
    });
    const insert = (id: string, type: string) =>
      db()
        .insertInto("ticket_events")
        .values({
          id,
          ticket_id: ticket.id,
          type,
          actor_id: null,
          actor_name: "Test",
          visibility: "public",
          payload: "{}",
          created_at: new Date().toISOString(),
        })
        .execute();
    try {
      pump.start();
      await insert(newId(), "comment");
      await expect.poll(() => delivered.map((e) => e.type)).toEqual(["comment"]);
      // Its id was made before the comment's, but it commits only now: "after the last id" would skip it.
      await insert(idMadeAgo(3000), "status_changed");
      await expect.poll(() => delivered.map((e) => e.type)).toEqual(["comment", "status_changed"]);
      pump.wake();
      pump.wake();
      await insert(newId(), "note");
      await expect.poll(() => delivered.map((e) => e.type)).toEqual(["comment", "status_changed", "note"]);
      expect(delivered[0]).toMatchObject({ number: ticket.number, actorName: "Test", visibility: "public" });
      // The submission's own "created" event came before the pump started: not news.
      expect(delivered.filter((e) => e.type === "created")).toEqual([]);
    } finally {
      await pump.stop();
      await app.close();
    }
  });
});

it("forgets a page that stopped sending heartbeats, and typing that paused", () => {
  let at = 1_000_000;
  const board = createPresenceBoard(() => at);
  const ticket = { ticketId: "t1", number: 1001 };
  expect(board.touch(ticket, { userId: "u1", name: "Ana" }, "typing")).toBe(true);
  expect(board.touch(ticket, { userId: "u2", name: "Bo" }, "viewing")).toBe(true);
  expect(board.touch(ticket, { userId: "u2", name: "Bo" }, "viewing")).toBe(false);
  expect(board.people("t1")).toEqual([
    { userId: "u1", name: "Ana", state: "typing" },
    { userId: "u2", name: "Bo", state: "viewing" },
  ]);

  at += typingTtlMs + 1;
  expect(board.sweep()).toEqual([ticket]);
  expect(board.people("t1").map((p) => p.state)).toEqual(["viewing", "viewing"]);

  board.touch(ticket, { userId: "u2", name: "Bo" }, "viewing");
  at += viewingTtlMs - typingTtlMs;
  expect(board.sweep()).toEqual([ticket]);
  expect(board.people("t1")).toEqual([{ userId: "u2", name: "Bo", state: "viewing" }]);

  expect(board.touch(ticket, { userId: "u2", name: "Bo" }, "left")).toBe(true);
  expect(board.people("t1")).toEqual([]);
  expect(board.sweep()).toEqual([]);
});
