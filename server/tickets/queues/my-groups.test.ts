import { beforeAll, expect, it } from "vitest";
import { createGroup } from "../../accounts/commands/manage-directory.ts";
import type { App } from "../../http/types.ts";
import { describeEachEngine } from "../../test/engines.ts";
import {
  buildAgent,
  buildCustomer,
  buildSubmission,
  buildTestApp,
  type SignedInClient,
  signInAs,
  statusIdIn,
} from "../../test/factories.ts";

/**
 * My groups is read differently by how many groups the agent is in (none: nothing to read; one: down that group's
 * index; a few: each group's part of the page first; many: one walk). Whichever way, it lists the same tickets in
 * the same order, page by page.
 */
describeEachEngine("the My groups queue", ({ db, engine }) => {
  let app: App;
  const groups: Record<string, string> = {};
  const unfinishedIn = new Map<string, number[]>();

  const as = (client: SignedInClient) => ({ cookie: client.cookie, "x-csrf-token": client.csrfToken });
  /** Every page of the queue, 3 at a time, in the order they came. */
  const walk = async (client: SignedInClient, sort: string, direction: string) => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const url = `/api/v1/agent/tickets?queue=my_groups&limit=3&sort=${sort}&direction=${direction}${cursor ? `&cursor=${cursor}` : ""}`;
      const response = await app.inject({ url, headers: as(client) });
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json() as { tickets: { number: number }[]; nextCursor: string | null };
      seen.push(...page.tickets.map((t) => t.number));
      cursor = page.nextCursor;
    } while (cursor);
    return seen;
  };
  /** The same tickets as the queue should list, in the order asked for, straight from the database. */
  const expected = async (names: string[], sort: "updated" | "number", direction: "asc" | "desc") => {
    const ids = names.map((n) => groups[n] ?? "");
    const rows = await db()
      .selectFrom("tickets")
      .innerJoin("statuses", "statuses.id", "tickets.status_id")
      .select(["tickets.number", "tickets.updated_at", "tickets.id"])
      .where("tickets.group_id", "in", ids.length ? ids : ["none"])
      .where("statuses.category", "not in", ["solved", "closed", "cancelled"])
      .execute();
    const value = (r: (typeof rows)[number]) => (sort === "number" ? r.number : String(r.updated_at));
    const sorted = rows.sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      const order = x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
      return direction === "asc" ? order : -order;
    });
    return sorted.map((r) => r.number);
  };

  beforeAll(async () => {
    app = await buildTestApp(db(), engine);
    const customer = await signInAs(app, await buildCustomer(db()));
    const solved = await statusIdIn(db(), "solved");
    // A big group, two small ones and a few tickets in none; some of the big group's tickets are solved.
    const sizes: Record<string, number> = { big: 9, small: 2, tiny: 1, other: 3 };
    for (const [name, size] of Object.entries(sizes)) {
      groups[name] = await createGroup(db(), { name: `Group ${name}` });
      for (let i = 0; i < size; i += 1) {
        const number = (
          await app.inject({
            method: "POST",
            url: "/api/v1/tickets",
            headers: as(customer),
            payload: await buildSubmission(db(), { subject: `${name} ${i}`, email: customer.user.email }),
          })
        ).json().number as number;
        const finished = name === "big" && i % 3 === 0;
        await db()
          .updateTable("tickets")
          .set({ group_id: groups[name] ?? null, ...(finished ? { status_id: solved } : {}) })
          .where("number", "=", number)
          .execute();
        if (!finished) unfinishedIn.set(name, [...(unfinishedIn.get(name) ?? []), number]);
      }
    }
    for (let i = 0; i < 3; i += 1) {
      await app.inject({
        method: "POST",
        url: "/api/v1/tickets",
        headers: as(customer),
        payload: await buildSubmission(db(), { subject: `no group ${i}`, email: customer.user.email }),
      });
    }
  });

  for (const memberOf of [[], ["tiny"], ["big"], ["small", "tiny"], ["big", "small", "tiny"]]) {
    it(`lists the same tickets for an agent in ${memberOf.length ? memberOf.join(", ") : "no group"}`, async () => {
      const agent = await buildAgent(db());
      for (const name of memberOf) {
        await db()
          .insertInto("group_members")
          .values({ user_id: agent.id, group_id: groups[name] ?? "" })
          .execute();
      }
      const client = await signInAs(app, agent);
      const all = memberOf.flatMap((name) => unfinishedIn.get(name) ?? []);
      for (const [sort, direction] of [
        ["updated", "desc"],
        ["number", "asc"],
      ] as const) {
        const listed = await walk(client, sort, direction);
        expect(listed).toEqual(await expected(memberOf, sort, direction));
        expect([...listed].sort((a, b) => a - b)).toEqual([...all].sort((a, b) => a - b));
      }
    });
  }
});
