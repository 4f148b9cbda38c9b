import { expect, it } from "vitest";
import { createGroup } from "../accounts/commands/manage-directory.ts";
import type { App } from "../http/types.ts";
import { describeEachEngine } from "../test/engines.ts";
import {
  buildCustomer,
  buildSubmission,
  buildTestApp,
  buildUser,
  type SignedInClient,
  signInAs,
} from "../test/factories.ts";

describeEachEngine("a group agent does not lose a ticket by accident", ({ db, engine }) => {
  let app: App;
  let gail: SignedInClient;
  let customer: SignedInClient;
  let networkId: string;

  const call = (client: SignedInClient, method: "GET" | "POST" | "PATCH", url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: { cookie: client.cookie, "x-csrf-token": client.csrfToken },
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });
  const groupOf = async (number: number) =>
    (await db().selectFrom("tickets").select("group_id").where("number", "=", number).executeTakeFirstOrThrow())
      .group_id;
  const newTicket = async () => {
    const number = (await call(customer, "POST", "/api/v1/tickets", await buildSubmission(db()))).json()
      .number as number;
    await db().updateTable("tickets").set({ group_id: networkId }).where("number", "=", number).execute();
    return number;
  };

  it("refuses to clear the group without the confirm flag, and does it with it", async () => {
    app = await buildTestApp(db(), engine);
    customer = await signInAs(app, await buildCustomer(db()));
    const user = await buildUser(db(), "agent");
    const role = await db().selectFrom("roles").select("id").where("key", "=", "group_agent").executeTakeFirstOrThrow();
    await db().deleteFrom("user_roles").where("user_id", "=", user.id).execute();
    await db().insertInto("user_roles").values({ user_id: user.id, role_id: role.id }).execute();
    networkId = await createGroup(db(), { name: `Network ${engine}` });
    await db().insertInto("group_members").values({ user_id: user.id, group_id: networkId }).execute();
    gail = await signInAs(app, user);

    const number = await newTicket();
    const refused = await call(gail, "PATCH", `/api/v1/tickets/${number}`, { groupId: null, priority: "urgent" });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain(`you could no longer see #${number}`);
    // Nothing changed: not the group, not the priority sent with it.
    expect(await groupOf(number)).toBe(networkId);
    expect((await call(gail, "GET", `/api/v1/tickets/${number}`)).json().priority).not.toBe("urgent");

    // Keeping it by assigning it to themselves needs no confirmation.
    const kept = await call(gail, "PATCH", `/api/v1/tickets/${number}`, { groupId: null, assigneeId: gail.user.id });
    expect(kept.statusCode).toBe(204);

    const other = await newTicket();
    const confirmed = await call(gail, "PATCH", `/api/v1/tickets/${other}`, { groupId: null, confirmLoseAccess: true });
    expect(confirmed.statusCode).toBe(204);
    expect(await groupOf(other)).toBeNull();
    expect((await call(gail, "GET", `/api/v1/tickets/${other}`)).statusCode).toBe(404);
  });

  it("reports each ticket a bulk change would take away, and changes it only when confirmed", async () => {
    const first = await newTicket();
    const second = await newTicket();
    const refused = await call(gail, "POST", "/api/v1/agent/tickets/bulk", { numbers: [first, second], groupId: null });
    expect(refused.statusCode).toBe(200);
    expect(refused.json().updated).toEqual([]);
    expect(refused.json().failed.map((f: { reason: string }) => f.reason)).toEqual([
      expect.stringContaining(`#${first}`),
      expect.stringContaining(`#${second}`),
    ]);
    expect(await groupOf(first)).toBe(networkId);

    const confirmed = await call(gail, "POST", "/api/v1/agent/tickets/bulk", {
      numbers: [first, second],
      groupId: null,
      confirmLoseAccess: true,
    });
    expect(confirmed.json().updated).toEqual([first, second]);
    expect(await groupOf(second)).toBeNull();
  });
});
