import { expect, it } from "vitest";
import type { App } from "../http/types.ts";
import { describeEachEngine } from "../test/engines.ts";
import { buildCustomer, buildSubmission, buildTestApp, type SignedInClient, signInAs } from "../test/factories.ts";

describeEachEngine("filtering a ticket list", ({ db, engine }) => {
  let app: App;
  let customer: SignedInClient;
  const numbers: Record<string, number> = {};
  const list = async (query: string) =>
    (await app.inject({ method: "GET", url: `/api/v1/tickets?${query}`, headers: { cookie: customer.cookie } }))
      .json()
      .tickets.map((t: { subject: string }) => t.subject);

  it("finds tickets by words as they are typed, and reads symbols as word breaks, not wildcards", async () => {
    app = await buildTestApp(db(), engine);
    customer = await signInAs(app, await buildCustomer(db()));
    for (const subject of ["Printer jam", "50% discount missing", "file_name too long", "Printer toner"]) {
      const response = await app.inject({
        method: "POST",
        url: "/api/v1/tickets",
        headers: { cookie: customer.cookie, "x-csrf-token": customer.csrfToken },
        payload: await buildSubmission(db(), { subject }),
      });
      numbers[subject] = response.json().number;
    }
    expect(await list("q=printer")).toEqual(["Printer toner", "Printer jam"]);
    expect(await list("q=print")).toEqual(["Printer toner", "Printer jam"]);
    expect(await list("q=50%25")).toEqual(["50% discount missing"]);
    expect(await list("q=file_name")).toEqual(["file_name too long"]);
    expect(await list("q=%25")).toEqual([]);
  });

  it("finds a ticket by its number, with or without #", async () => {
    expect(await list(`q=${numbers["Printer jam"]}`)).toEqual(["Printer jam"]);
    expect(await list(`q=%23${numbers["Printer jam"]}`)).toEqual(["Printer jam"]);
  });

  it("narrows to chosen statuses and sorts by last update", async () => {
    const waiting = await db()
      .selectFrom("statuses")
      .select("id")
      .where("key", "=", "waiting_for_customer")
      .executeTakeFirstOrThrow();
    await db()
      .updateTable("tickets")
      .set({ status_id: waiting.id })
      .where("number", "=", numbers["Printer jam"] ?? 0)
      .execute();
    expect(await list(`statusId=${waiting.id}`)).toEqual(["Printer jam"]);
    const newStatus = await db().selectFrom("statuses").select("id").where("key", "=", "new").executeTakeFirstOrThrow();
    expect((await list(`statusId=${waiting.id}&statusId=${newStatus.id}`)).length).toBe(4);

    await db()
      .updateTable("tickets")
      .set({ updated_at: "2099-01-01T00:00:00.000Z" })
      .where("number", "=", numbers["Printer jam"] ?? 0)
      .execute();
    expect((await list("sort=updated"))[0]).toBe("Printer jam");
    expect((await list("sort=created"))[0]).toBe("Printer toner");
    const paged = (
      await app.inject({
        method: "GET",
        url: "/api/v1/tickets?sort=updated&limit=2",
        headers: { cookie: customer.cookie },
      })
    ).json();
    const next = await list(`sort=updated&limit=2&cursor=${paged.nextCursor}`);
    expect([...paged.tickets.map((t: { subject: string }) => t.subject), ...next]).toHaveLength(4);
  });
});
