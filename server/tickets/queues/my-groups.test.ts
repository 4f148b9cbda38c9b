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
describeEachEngine("the My groups queue, and a group agent's queues", ({ db, engine }) => {
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

  it("lists a group agent's queues, read part by part, as their scope holds them", async () => {
    const agent = await buildAgent(db());
    const role = await db().selectFrom("roles").select("id").where("key", "=", "group_agent").executeTakeFirstOrThrow();
    await db().deleteFrom("user_roles").where("user_id", "=", agent.id).execute();
    await db().insertInto("user_roles").values({ user_id: agent.id, role_id: role.id }).execute();
    for (const name of ["small", "tiny"]) {
      await db()
        .insertInto("group_members")
        .values({ user_id: agent.id, group_id: groups[name] ?? "" })
        .execute();
    }
    // Beyond their groups: one assigned to them, and a request of their own (their scope's part beyond their work).
    const other = unfinishedIn.get("other") ?? [];
    await db()
      .updateTable("tickets")
      .set({ assignee_id: agent.id })
      .where("number", "=", other[0] ?? 0)
      .execute();
    await db()
      .updateTable("tickets")
      .set({ requester_id: agent.id, requester_email: agent.email })
      .where("number", "=", other[1] ?? 0)
      .execute();
    const client = await signInAs(app, agent);
    const inScope = await db()
      .selectFrom("tickets")
      .innerJoin("statuses", "statuses.id", "tickets.status_id")
      .select(["tickets.number", "tickets.updated_at", "tickets.id", "statuses.category", "tickets.assignee_id"])
      .where((eb) =>
        eb.or([
          eb("tickets.group_id", "in", [groups.small ?? "", groups.tiny ?? ""]),
          eb("tickets.assignee_id", "=", agent.id),
          eb("tickets.requester_id", "=", agent.id),
        ]),
      )
      .execute();
    const newestFirst = (rows: typeof inScope) =>
      [...rows]
        .sort((a, b) =>
          String(a.updated_at) === String(b.updated_at)
            ? a.id < b.id
              ? 1
              : -1
            : String(a.updated_at) < String(b.updated_at)
              ? 1
              : -1,
        )
        .map((r) => r.number);
    const pages = async (queue: string, order = "") => {
      const seen: number[] = [];
      let cursor: string | null = null;
      do {
        const url = `/api/v1/agent/tickets?queue=${queue}&limit=2${order}${cursor ? `&cursor=${cursor}` : ""}`;
        const page = (await app.inject({ url, headers: as(client) })).json() as {
          tickets: { number: number }[];
          nextCursor: string | null;
        };
        seen.push(...page.tickets.map((t) => t.number));
        cursor = page.nextCursor;
      } while (cursor);
      return seen;
    };
    expect(inScope.length).toBeGreaterThan(4);
    expect(await pages("all")).toEqual(newestFirst(inScope));
    // In another order the parts are read apart only while they are small, as these are.
    expect(await pages("all", "&sort=number&direction=asc")).toEqual(
      inScope.map((r) => r.number).sort((a, b) => a - b),
    );
    expect(await pages("new")).toEqual(newestFirst(inScope.filter((r) => r.category === "new")));
    expect(await pages("unassigned")).toEqual(
      newestFirst(
        inScope.filter((r) => r.assignee_id === null && ["new", "open", "pending", "on_hold"].includes(r.category)),
      ),
    );
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
