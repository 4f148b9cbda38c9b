import { sql } from "kysely";
import { expect, it } from "vitest";
import { ensureCategories } from "../server/bootstrap.ts";
import { encodeJson } from "../server/db/engine.ts";
import { matchesText } from "../server/db/full-text.ts";
import { newId } from "../server/db/ids.ts";
import type { NewTicket, NewTicketEvent } from "../server/db/schema.ts";
import { describeEachEngine } from "../server/test/engines.ts";
import { deferSearchIndexes, insertBatch, nextNumber, reserveNumbers } from "./bulk-insert.ts";

describeEachEngine("seeding in bulk", ({ db, engine }) => {
  async function ticketsWithComments(comments: { text: string; internal: boolean }[][]) {
    await ensureCategories(db());
    const status = await db().selectFrom("statuses").select("id").executeTakeFirstOrThrow();
    const category = await db().selectFrom("categories").select("id").executeTakeFirstOrThrow();
    const type = await db().selectFrom("ticket_types").select("id").executeTakeFirstOrThrow();
    const first = await reserveNumbers(db(), engine, comments.length);
    const at = new Date().toISOString();
    const tickets: NewTicket[] = [];
    const events: NewTicketEvent[] = [];
    for (const [i, list] of comments.entries()) {
      const id = newId();
      tickets.push({
        id,
        number: first + i,
        subject: `Seeded ${i}`,
        message: "Plain words",
        message_format: "text",
        priority: "low",
        category_id: category.id,
        service_id: null,
        ticket_type_id: type.id,
        group_id: null,
        status_id: status.id,
        requester_email: "seed@example.com",
        requester_name: "Seed Person",
        requester_id: null,
        organization_id: null,
        solved_at: null,
        follow_up_of: null,
        created_at: at,
        updated_at: at,
      });
      for (const { text, internal } of list) {
        events.push({
          id: newId(),
          ticket_id: id,
          type: internal ? "note" : "comment",
          actor_id: null,
          actor_name: "Agent",
          visibility: internal ? "internal" : "public",
          payload: encodeJson({ body: text, format: "text", kind: internal ? "note" : "public" }),
          created_at: at,
        });
      }
    }
    await insertBatch(db(), engine, tickets, events);
    return tickets;
  }
  const found = (word: string, audience: "customer" | "agent") =>
    db()
      .selectFrom("tickets")
      .select("subject")
      .where(matchesText(engine, [{ kind: "word", word }], audience))
      .execute();

  it("indexes every seeded ticket with its comments, keeping notes from customers", async () => {
    await ticketsWithComments([
      [
        { text: "The zephyrine printer", internal: false },
        { text: "second reply", internal: false },
      ],
      [{ text: "a quokka in the server room", internal: true }],
      [],
    ]);
    expect(await found("zephyrine", "customer")).toEqual([{ subject: "Seeded 0" }]);
    expect(await found("quokka", "agent")).toEqual([{ subject: "Seeded 1" }]);
    expect(await found("quokka", "customer")).toEqual([]);
  });

  it("leaves the index's triggers working for the app afterwards", async () => {
    const [ticket] = await ticketsWithComments([[]]);
    await db()
      .insertInto("ticket_events")
      .values({
        id: newId(),
        ticket_id: ticket?.id ?? "",
        type: "comment",
        actor_id: null,
        actor_name: "Agent",
        visibility: "public",
        payload: encodeJson({ body: "flamingo sighting", format: "text", kind: "public" }),
        created_at: new Date().toISOString(),
      })
      .execute();
    expect(await found("flamingo", "customer")).toEqual([{ subject: "Seeded 0" }]);
  });

  it("numbers on after the reserved range, as the app would", async () => {
    const tickets = await ticketsWithComments([[], [], []]);
    expect(await nextNumber(db(), engine)).toBe((tickets.at(-1)?.number ?? 0) + 1);
  });

  it("builds the search indexes again after deferring them", async () => {
    const rebuild = await deferSearchIndexes(db(), engine);
    await ticketsWithComments([[{ text: "albatross", internal: false }]]);
    await rebuild();
    expect(await found("albatross", "customer")).toEqual([{ subject: "Seeded 0" }]);
    if (engine === "postgres") {
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from pg_indexes where tablename = 'ticket_search' and indexdef ilike '% using gin %'`.execute(
        db(),
      );
      expect(rows[0]?.n).toBe(2);
    }
  });
});
