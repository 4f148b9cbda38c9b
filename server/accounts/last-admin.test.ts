import { expect, it } from "vitest";
import type { App } from "../http/types.ts";
import { describeEachEngine } from "../test/engines.ts";
import {
  buildAdmin,
  buildAgent,
  buildTestApp,
  type InjectAsArgs,
  injectAs,
  type SignedInClient,
  signInAs,
} from "../test/factories.ts";

const lastAdmin = "This would leave nobody who can manage users: make someone else an admin first, then try again.";

describeEachEngine("the last person who can manage users", ({ db, engine }) => {
  let app: App;
  let admin: SignedInClient;
  const as = (...request: InjectAsArgs) => injectAs(app, ...request);
  const roleId = async (name: string) =>
    ((await as(admin, "GET", "/api/v1/admin/roles")).json().roles as { id: string; name: string }[]).find(
      (r) => r.name === name,
    )?.id;
  const canManageUsers = async () => (await as(admin, "GET", "/api/v1/admin/users")).statusCode === 200;

  it("cannot lock every admin out: not by their own roles, nor by the Administrator role's permissions", async () => {
    app = await buildTestApp(db(), engine);
    admin = await signInAs(app, await buildAdmin(db()));
    const administrator = await roleId("Administrator");
    const agentRole = await roleId("Agent");

    const ownRoles = await as(admin, "PATCH", `/api/v1/admin/users/${admin.user.id}`, { roleIds: [agentRole] });
    expect(ownRoles.statusCode).toBe(409);
    expect(ownRoles.json().error.message).toBe(lastAdmin);
    const role = (await as(admin, "GET", "/api/v1/admin/roles"))
      .json()
      .roles.find((r: { id: string }) => r.id === administrator);
    const shrunk = await as(admin, "PUT", `/api/v1/admin/roles/${administrator}`, {
      name: role.name,
      permissions: role.permissions.filter((p: string) => p !== "admin.users"),
    });
    expect(shrunk.statusCode).toBe(409);
    expect(shrunk.json().error.message).toBe(lastAdmin);
    // Nor by removing the one role left that lets anyone manage users.
    const keys = (
      await as(admin, "POST", "/api/v1/admin/roles", { name: "Keys", permissions: role.permissions })
    ).json().id;
    expect((await as(admin, "PATCH", `/api/v1/admin/users/${admin.user.id}`, { roleIds: [keys] })).statusCode).toBe(
      200,
    );
    const removed = await as(admin, "DELETE", `/api/v1/admin/roles/${keys}`);
    expect(removed.statusCode).toBe(409);
    expect(removed.json().error.message).toBe(lastAdmin);
    await as(admin, "PATCH", `/api/v1/admin/users/${admin.user.id}`, { roleIds: [administrator] });
    // Nothing changed: the admin still manages users, with the same roles.
    expect(await canManageUsers()).toBe(true);
    const me = (await as(admin, "GET", `/api/v1/admin/users?search=${encodeURIComponent(admin.user.email)}`)).json();
    expect(me.users[0].roles.map((r: { name: string }) => r.name)).toEqual(["Administrator"]);

    // With a second admin, the first may give up their own roles, and then the second cannot be taken away.
    const second = await signInAs(app, await buildAdmin(db()));
    const givenUp = await as(admin, "PATCH", `/api/v1/admin/users/${admin.user.id}`, { roleIds: [agentRole] });
    expect(givenUp.statusCode).toBe(200);
    for (const change of [{ disabled: true }, { licence: "agent" }, { roleIds: [] }]) {
      const refused = await as(second, "PATCH", `/api/v1/admin/users/${second.user.id}`, change);
      expect(refused.statusCode, JSON.stringify(change)).toBeGreaterThanOrEqual(400);
    }
    admin = second;
    expect(await canManageUsers()).toBe(true);
  });

  it("refuses anyone who does not manage users", async () => {
    const agent = await signInAs(app, await buildAgent(db()));
    for (const change of [{ disabled: true }, { licence: "customer" }, { roleIds: [] }]) {
      const refused = await as(agent, "PATCH", `/api/v1/admin/users/${admin.user.id}`, change);
      expect(refused.statusCode).toBe(403);
    }
    expect(await canManageUsers()).toBe(true);
  });
});
