import { expect, it } from "vitest";
import { createOrganization } from "../../accounts/commands/manage-directory.ts";
import type { App } from "../../http/types.ts";
import { buildNarrowAgent } from "../../test/agent-tools-helpers.ts";
import { describeEachEngine } from "../../test/engines.ts";
import {
  buildAgent,
  buildCustomer,
  buildSubmission,
  buildTestApp,
  latestMailTo,
  linkToken,
  type SignedInClient,
  signInAs,
} from "../../test/factories.ts";

type Entry = { type: string; detail: string | null; visibility: string };

describeEachEngine("linking and merging tickets", ({ db, engine }) => {
  let app: App;
  let agent: SignedInClient;
  let customer: SignedInClient;
  let other: SignedInClient;
  const as = (client: SignedInClient, method: "GET" | "POST" | "DELETE", url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: { cookie: client.cookie, "x-csrf-token": client.csrfToken },
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });
  const submitAs = async (client: SignedInClient, subject: string) =>
    (await as(client, "POST", "/api/v1/tickets", await buildSubmission(db(), { subject }))).json().number as number;
  const feed = async (client: SignedInClient, number: number) =>
    (await as(client, "GET", `/api/v1/tickets/${number}/feed`)).json().entries as Entry[];
  const relations = async (client: SignedInClient, number: number) =>
    (await as(client, "GET", `/api/v1/tickets/${number}/links`)).json();
  const statusKey = async (number: number) =>
    (
      await db()
        .selectFrom("tickets")
        .innerJoin("statuses", "statuses.id", "tickets.status_id")
        .select("statuses.key")
        .where("tickets.number", "=", number)
        .executeTakeFirstOrThrow()
    ).key;

  it("links two tickets both ways for agents, and unlinks them", async () => {
    app = await buildTestApp(db(), engine);
    agent = await signInAs(app, await buildAgent(db()));
    customer = await signInAs(app, await buildCustomer(db()));
    other = await signInAs(app, await buildCustomer(db()));
    const printer = await submitAs(customer, "Printer jams");
    const toner = await submitAs(other, "Toner empty");

    expect((await as(agent, "POST", `/api/v1/tickets/${printer}/links`, { number: toner })).statusCode).toBe(204);
    expect((await as(agent, "POST", `/api/v1/tickets/${toner}/links`, { number: printer })).statusCode).toBe(204);
    expect((await relations(agent, printer)).links).toEqual([{ number: toner, subject: "Toner empty", status: "New" }]);
    expect((await relations(agent, toner)).links).toEqual([
      { number: printer, subject: "Printer jams", status: "New" },
    ]);
    // Linked once, recorded once per ticket, for agents only.
    expect((await feed(agent, printer)).filter((e) => e.type === "linked")).toEqual([
      expect.objectContaining({ detail: `#${toner}`, visibility: "internal" }),
    ]);
    expect((await feed(customer, printer)).map((e) => e.type)).toEqual(["created"]);

    const self = await as(agent, "POST", `/api/v1/tickets/${printer}/links`, { number: printer });
    expect(self.statusCode).toBe(400);
    expect(self.json().error.fields.number).toMatch(/cannot be linked to itself/);
    expect((await as(agent, "POST", `/api/v1/tickets/${printer}/links`, { number: 999999 })).statusCode).toBe(404);
    expect((await as(customer, "POST", `/api/v1/tickets/${printer}/links`, { number: toner })).statusCode).toBe(403);
    expect((await as(customer, "GET", `/api/v1/tickets/${printer}/links`)).statusCode).toBe(403);

    expect((await as(agent, "DELETE", `/api/v1/tickets/${toner}/links/${printer}`)).statusCode).toBe(204);
    expect((await relations(agent, printer)).links).toEqual([]);
    expect((await feed(agent, printer)).map((e) => e.type)).toContain("unlinked");
  });

  it("merges a duplicate: closed with a pointer, people copied, requester told, events kept", async () => {
    const original = await submitAs(other, "Wifi down on floor 3");
    const duplicate = await submitAs(customer, "No wifi on the third floor");
    await as(customer, "POST", `/api/v1/tickets/${duplicate}/ccs`, { email: "colleague@example.com" });
    await as(customer, "POST", `/api/v1/tickets/${duplicate}/comments`, { body: "Since 9am." });
    expect((await as(customer, "GET", `/api/v1/tickets/${original}`)).statusCode).toBe(404);

    expect((await as(agent, "POST", `/api/v1/tickets/${duplicate}/merge`, { into: original })).statusCode).toBe(204);

    expect(await statusKey(duplicate)).toBe("closed");
    // The duplicate's history is all still there; its readers see where it went and nothing more.
    const seenByRequester = await feed(customer, duplicate);
    expect(seenByRequester.map((e) => e.type)).toEqual([
      "created",
      "cc_added",
      "comment",
      "status_changed",
      "merged_into",
    ]);
    expect(seenByRequester.at(-1)?.detail).toBe(`#${original}`);
    expect((await feed(agent, original)).find((e) => e.type === "merged_from")).toMatchObject({
      detail: `#${duplicate}: No wifi on the third floor`,
      visibility: "internal",
    });
    expect((await feed(other, original)).map((e) => e.type)).not.toContain("merged_from");

    const merged = await as(agent, "GET", `/api/v1/tickets/${original}`);
    expect(merged.json().ccs).toEqual(expect.arrayContaining([customer.user.email, "colleague@example.com"]));
    // Copied on the original, the duplicate's requester can now follow it.
    expect((await as(customer, "GET", `/api/v1/tickets/${original}`)).statusCode).toBe(200);
    const mail = await latestMailTo(db(), customer.user.email);
    expect(mail?.subject).toBe(`[#${duplicate}] Merged into #${original}: No wifi on the third floor`);
    expect(mail?.text_body).toContain(`/requests/${original}`);

    expect(await relations(agent, duplicate)).toMatchObject({ mergedInto: { number: original }, mergedFrom: [] });
    expect((await relations(agent, original)).mergedFrom).toEqual([
      { number: duplicate, subject: "No wifi on the third floor", status: "Closed" },
    ]);
  });

  it("gives a guest requester an access link to their request, which says where it went", async () => {
    const original = await submitAs(other, "Projector broken");
    const submitted = await app.inject({
      method: "POST",
      url: "/api/v1/tickets",
      payload: await buildSubmission(db(), { subject: "Beamer dead", email: `guest-${engine}@example.com` }),
    });
    const duplicate = submitted.json().number as number;
    expect((await as(agent, "POST", `/api/v1/tickets/${duplicate}/merge`, { into: original })).statusCode).toBe(204);
    const mail = await latestMailTo(db(), `guest-${engine}@example.com`);
    expect(mail?.subject).toContain(`Merged into #${original}`);
    const session = await app.inject({
      method: "POST",
      url: "/api/v1/guest-sessions",
      payload: { token: linkToken(mail?.text_body, "/access/") },
    });
    expect(session.statusCode, session.body).toBe(200);
    const cookie = `sb_guest=${session.cookies.find((c) => c.name === "sb_guest")?.value}`;
    const seen = await app.inject({ method: "GET", url: `/api/v1/tickets/${duplicate}/feed`, headers: { cookie } });
    expect(seen.json().entries.at(-1)).toMatchObject({ type: "merged_into", detail: `#${original}` });
    // Copied on the ticket that continues, they get its public replies by mail.
    await as(agent, "POST", `/api/v1/tickets/${original}/comments`, { body: "A new projector arrives Monday." });
    expect((await latestMailTo(db(), `guest-${engine}@example.com`))?.subject).toBe(
      `[#${original}] New reply: Projector broken`,
    );
  });

  it("names the ticket that continues in the merge mail only to a requester who may open it (CCs full)", async () => {
    const original = await submitAs(other, "Salary review for the whole floor");
    const originalId = (
      await db().selectFrom("tickets").select("id").where("number", "=", original).executeTakeFirstOrThrow()
    ).id;
    // Twenty people copied already: the duplicates' requesters cannot be added to it.
    await db()
      .insertInto("ticket_ccs")
      .values(
        Array.from({ length: 20 }, (_, i) => ({
          ticket_id: originalId,
          email: `copied-${i}-${engine}@example.com`,
          added_by_name: "Agent",
          created_at: new Date().toISOString(),
        })),
      )
      .execute();
    const fromAccount = await submitAs(customer, "Heating off");
    const guestAddress = `cap-guest-${engine}@example.com`;
    const fromGuest = (
      await app.inject({
        method: "POST",
        url: "/api/v1/tickets",
        payload: await buildSubmission(db(), { subject: "Cold office", email: guestAddress }),
      })
    ).json().number as number;

    for (const [duplicate, to] of [
      [fromAccount, customer.user.email],
      [fromGuest, guestAddress],
    ] as const) {
      expect((await as(agent, "POST", `/api/v1/tickets/${duplicate}/merge`, { into: original })).statusCode).toBe(204);
      const mail = await latestMailTo(db(), to);
      expect(mail?.template).toBe("ticket-merged");
      for (const part of [mail?.subject, mail?.text_body, mail?.html_body]) {
        expect(part).not.toContain(`#${original}`);
        expect(part).not.toContain("Salary review");
        expect(part).not.toContain(`/requests/${original}`);
      }
      expect(mail?.subject).toMatch(new RegExp(`^\\[#${duplicate}\\] Merged with another request: `));
      expect(mail?.text_body).toContain("another request");
    }
    // The account holder is sent to their own request, which they can open; the other one stays out of reach.
    expect((await latestMailTo(db(), customer.user.email))?.text_body).toContain(`/requests/${fromAccount}`);
    expect((await as(customer, "GET", `/api/v1/tickets/${original}`)).statusCode).toBe(404);
    expect((await as(customer, "GET", `/api/v1/tickets/${fromAccount}`)).statusCode).toBe(200);
    // The guest's link opens their own request, whose Feed does not name the other ticket either.
    const session = await app.inject({
      method: "POST",
      url: "/api/v1/guest-sessions",
      payload: { token: linkToken((await latestMailTo(db(), guestAddress))?.text_body, "/access/") },
    });
    const cookie = `sb_guest=${session.cookies.find((c) => c.name === "sb_guest")?.value}`;
    const seen = await app.inject({ method: "GET", url: `/api/v1/tickets/${fromGuest}/feed`, headers: { cookie } });
    expect(seen.json().entries.at(-1)).toMatchObject({ type: "merged_into", detail: null });
  });

  it("names the ticket that continues to a requester who reads it without being copied (their department)", async () => {
    const colleague = await buildCustomer(db());
    const viewer = await buildCustomer(db());
    const department = await createOrganization(db(), { name: `Facilities ${engine}` });
    const role = await db()
      .selectFrom("roles")
      .select("id")
      .where("key", "=", "department_viewer")
      .executeTakeFirstOrThrow();
    await db()
      .insertInto("organization_members")
      .values([
        { user_id: colleague.id, organization_id: department },
        { user_id: viewer.id, organization_id: department },
      ])
      .execute();
    await db().insertInto("user_roles").values({ user_id: viewer.id, role_id: role.id }).execute();
    const colleagueClient = await signInAs(app, colleague);
    const viewerClient = await signInAs(app, viewer);
    const original = await submitAs(colleagueClient, "Lift stuck");
    const originalId = (
      await db().selectFrom("tickets").select("id").where("number", "=", original).executeTakeFirstOrThrow()
    ).id;
    await db()
      .insertInto("ticket_ccs")
      .values(
        Array.from({ length: 20 }, (_, i) => ({
          ticket_id: originalId,
          email: `lift-${i}-${engine}@example.com`,
          added_by_name: "Agent",
          created_at: new Date().toISOString(),
        })),
      )
      .execute();
    const duplicate = await submitAs(viewerClient, "Lift not moving");
    expect((await as(agent, "POST", `/api/v1/tickets/${duplicate}/merge`, { into: original })).statusCode).toBe(204);
    const mail = await latestMailTo(db(), viewer.email);
    expect(mail?.subject).toBe(`[#${duplicate}] Merged into #${original}: Lift not moving`);
    expect(mail?.text_body).toContain(`/requests/${original}`);
    expect(mail?.text_body).not.toContain("you are copied on it");
    expect((await as(viewerClient, "GET", `/api/v1/tickets/${original}`)).statusCode).toBe(200);
  });

  it("refuses merging into itself, twice, in chains or loops, into closed tickets, and by the wrong people", async () => {
    const a = await submitAs(customer, "A");
    const b = await submitAs(customer, "B");
    const c = await submitAs(customer, "C");
    const merge = (client: SignedInClient, from: number, into: number) =>
      as(client, "POST", `/api/v1/tickets/${from}/merge`, { into });

    const itself = await merge(agent, a, a);
    expect(itself.statusCode).toBe(400);
    expect(itself.json().error.fields.into).toMatch(/cannot be merged into itself/);
    expect((await merge(customer, a, b)).statusCode).toBe(403);
    expect(
      (await app.inject({ method: "POST", url: `/api/v1/tickets/${a}/merge`, payload: { into: b } })).statusCode,
    ).toBe(401);

    expect((await merge(agent, a, b)).statusCode).toBe(204);
    const again = await merge(agent, a, c);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe(`#${a} was already merged into #${b}.`);
    // b into a would make a loop; c into a a chain: a merged ticket takes no merges.
    expect((await merge(agent, b, a)).statusCode).toBe(409);
    expect((await merge(agent, c, a)).json().error.message).toBe(
      `#${a} was itself merged into #${b}: merge into that ticket instead.`,
    );
    const closed = await db().selectFrom("statuses").select("id").where("key", "=", "closed").executeTakeFirstOrThrow();
    await db().updateTable("tickets").set({ status_id: closed.id }).where("number", "=", c).execute();
    expect((await merge(agent, b, c)).statusCode).toBe(409);
    expect(await statusKey(b)).toBe("new");

    // An agent who cannot see the target finds nothing, and nothing changes.
    const narrow = await signInAs(app, await buildNarrowAgent(db()));
    const own = await submitAs(narrow, "Narrow's own request");
    // Assigned to them, so it is in their work (their own request alone is not: write-authorization.test.ts).
    await db().updateTable("tickets").set({ assignee_id: narrow.user.id }).where("number", "=", own).execute();
    expect((await merge(narrow, own, b)).statusCode).toBe(404);
    expect((await as(narrow, "POST", `/api/v1/tickets/${own}/links`, { number: b })).statusCode).toBe(404);
    expect((await as(narrow, "GET", `/api/v1/tickets/${b}/links`)).statusCode).toBe(404);
    expect(await statusKey(own)).toBe("new");
    // What the narrow agent may not see is left out of what they may.
    await as(agent, "POST", `/api/v1/tickets/${own}/links`, { number: b });
    expect((await relations(narrow, own)).links).toEqual([]);
  });

  it("names another ticket in the Feed only to readers who may open it", async () => {
    const narrow = await signInAs(app, await buildNarrowAgent(db()));
    const mine = await submitAs(customer, "Shared printer");
    const secret = await submitAs(other, "Secret merger plans");
    const duplicate = await submitAs(other, "Board salaries");
    // The narrow agent works `mine` (assigned to them) and cannot see the other customer's tickets.
    await db().updateTable("tickets").set({ assignee_id: narrow.user.id }).where("number", "=", mine).execute();
    expect((await as(agent, "POST", `/api/v1/tickets/${mine}/links`, { number: secret })).statusCode).toBe(204);
    expect((await as(agent, "POST", `/api/v1/tickets/${duplicate}/merge`, { into: mine })).statusCode).toBe(204);

    const seenByNarrow = JSON.stringify(await feed(narrow, mine));
    for (const leak of [`#${secret}`, `#${duplicate}`, "Secret merger", "Board salaries"])
      expect(seenByNarrow).not.toContain(leak);
    expect((await feed(narrow, mine)).filter((e) => e.type === "merged_from")).toMatchObject([{ detail: null }]);
    // An agent who sees both reads them in full.
    expect((await feed(agent, mine)).find((e) => e.type === "merged_from")?.detail).toBe(
      `#${duplicate}: Board salaries`,
    );
    // The duplicate's requester is copied on the ticket it went into, so they are told where it went.
    expect((await feed(other, duplicate)).find((e) => e.type === "merged_into")?.detail).toBe(`#${mine}`);
  });
});
