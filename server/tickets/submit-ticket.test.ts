import { expect, it } from "vitest";
import { anonymous } from "../core/actor.ts";
import { decodeJson } from "../db/engine.ts";
import { newId } from "../db/ids.ts";
import { describeEachEngine } from "../test/engines.ts";
import { buildCustomer, buildSubmission, countRows, testConfig } from "../test/factories.ts";
import { submitTicket } from "./commands/submit-ticket.ts";

describeEachEngine("submitting a ticket", ({ db }) => {
  const ctx = () => ({ db: db(), config: testConfig() });
  it("gives tickets increasing human-facing numbers, separate from their ids", async () => {
    const first = await submitTicket(ctx(), anonymous, await buildSubmission(db()));
    const second = await submitTicket(ctx(), anonymous, await buildSubmission(db(), { subject: "Second" }));
    expect(first.number).toBe(1001);
    expect(second.number).toBe(1002);
    const rows = await db().selectFrom("tickets").select(["id", "number"]).orderBy("number").execute();
    expect(rows.map((r) => r.number)).toEqual([1001, 1002]);
    expect(rows[0]?.id).not.toBe("1001");
  });

  it("stores the request as submitted, starting in the 'new' status, with a created event", async () => {
    const submission = await buildSubmission(db(), { subject: "  Printer jam  ", email: "Robin@Example.COM" });
    const { number } = await submitTicket(ctx(), anonymous, submission);
    const ticket = await db()
      .selectFrom("tickets")
      .innerJoin("statuses", "statuses.id", "tickets.status_id")
      .selectAll("tickets")
      .select("statuses.category")
      .where("number", "=", number)
      .executeTakeFirstOrThrow();
    expect(ticket).toMatchObject({
      subject: "  Printer jam  ",
      priority: "high",
      category_id: submission.categoryId,
      requester_email: "robin@example.com",
      requester_name: "Robin Guest",
      requester_id: null,
      category: "new",
    });
    const events = await db().selectFrom("ticket_events").selectAll().where("ticket_id", "=", ticket.id).execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: "created", visibility: "public", actor_name: "Robin Guest" });
    expect(decodeJson(events[0]?.payload)).toEqual({
      subject: "  Printer jam  ",
      priority: "high",
      categoryId: submission.categoryId,
      // A visitor's words are not trusted: their confirmation is a neutral receipt until the address is proven.
      confirmation: { trusted: false },
    });
    expect(events[0]?.created_at).toBe(ticket.created_at);
  });

  it("files a signed-in customer's request under their account, whatever the form says", async () => {
    const customer = await buildCustomer(db());
    const actor = {
      kind: "user" as const,
      user: {
        id: customer.id,
        email: customer.email,
        name: customer.name,
        licence: customer.licence,
        permissions: ["tickets.submit"],
      },
      sessionId: "s",
      csrfToken: "c",
    };
    const { number, email } = await submitTicket(
      ctx(),
      actor,
      await buildSubmission(db(), { email: "someone.else@example.com" }),
    );
    expect(email).toBe(customer.email);
    const ticket = await db().selectFrom("tickets").selectAll().where("number", "=", number).executeTakeFirstOrThrow();
    expect(ticket.requester_id).toBe(customer.id);
    expect(ticket.requester_email).toBe(customer.email);
  });

  it("refuses an unknown category and writes nothing, not even a used-up number", async () => {
    const tickets = await countRows(db(), "tickets");
    const events = await countRows(db(), "ticket_events");
    const highest = await db()
      .selectFrom("tickets")
      .select((eb) => eb.fn.max("number").as("n"))
      .executeTakeFirstOrThrow();
    await expect(
      submitTicket(ctx(), anonymous, await buildSubmission(db(), { categoryId: newId() })),
    ).rejects.toMatchObject({ code: "validation_failed", fields: { categoryId: "Choose a category from the list." } });
    expect(await countRows(db(), "tickets")).toBe(tickets);
    expect(await countRows(db(), "ticket_events")).toBe(events);
    // The refusal comes before a number is taken, so the next request gets the very next one.
    const next = await submitTicket(ctx(), anonymous, await buildSubmission(db()));
    expect(next.number).toBe(Number(highest.n) + 1);
  });

  it("never hands out the same number twice when requests arrive at once", async () => {
    const submission = await buildSubmission(db());
    const results = await Promise.all(Array.from({ length: 20 }, () => submitTicket(ctx(), anonymous, submission)));
    const numbers = results.map((r) => r.number);
    expect(new Set(numbers).size).toBe(20);
    const stored = await db().selectFrom("tickets").select("number").where("number", "in", numbers).execute();
    expect(stored).toHaveLength(20);
  });
});
