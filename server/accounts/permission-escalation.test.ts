import { beforeAll, expect, it } from "vitest";
import type { App } from "../http/types.ts";
import { describeEachEngine } from "../test/engines.ts";
import { buildAdmin, buildTestApp, type SignedInClient, signInAs } from "../test/factories.ts";
import { loadPermissions } from "./permissions.ts";

/**
 * Nobody hands out a permission they do not hold: an admin whose role grants only managing users, or only
 * managing roles, cannot reach the rest of the administration by giving it to themselves or anyone else.
 */
describeEachEngine("handing out permissions", ({ db, engine }) => {
  let app: App;
  let admin: SignedInClient;
  let administratorRoleId: string;
  const send = (client: SignedInClient, method: "POST" | "PUT" | "PATCH", url: string, payload: object) =>
    app.inject({ method, url, headers: { cookie: client.cookie, "x-csrf-token": client.csrfToken }, payload });

  /** An admin whose only role grants these permissions. */
  async function narrowAdmin(name: string, permissions: string[]) {
    const role = await send(admin, "POST", "/api/v1/admin/roles", { name, permissions });
    expect(role.statusCode).toBe(201);
    const user = await buildAdmin(db());
    const narrowed = await send(admin, "PATCH", `/api/v1/admin/users/${user.id}`, { roleIds: [role.json().id] });
    expect(narrowed.statusCode).toBe(200);
    return { user, roleId: role.json().id as string, client: await signInAs(app, user) };
  }

  beforeAll(async () => {
    app = await buildTestApp(db(), engine);
    admin = await signInAs(app, await buildAdmin(db()));
    const role = await db()
      .selectFrom("roles")
      .select("id")
      .where("key", "=", "administrator")
      .executeTakeFirstOrThrow();
    administratorRoleId = role.id;
  });

  it("keeps someone who manages users from giving themselves or a newcomer more than they hold", async () => {
    const { user, client } = await narrowAdmin("User manager", ["admin.users"]);

    const promoted = await send(client, "PATCH", `/api/v1/admin/users/${user.id}`, { roleIds: [administratorRoleId] });
    expect(promoted.statusCode).toBe(400);
    expect(promoted.json().error.fields).toEqual({ roleIds: "You can only give permissions you hold yourself." });
    expect(await loadPermissions(db(), user.id, "admin")).toEqual(["admin.users"]);

    // An invited admin gets the Administrator role by default: every permission.
    const invited = await send(client, "POST", "/api/v1/admin/users", {
      name: "Accomplice",
      email: "accomplice@example.com",
      licence: "admin",
    });
    expect(invited.statusCode).toBe(400);
    expect(invited.json().error.fields).toEqual({ roleIds: "You can only give permissions you hold yourself." });
    const stored = await db().selectFrom("users").select("id").where("email", "=", "accomplice@example.com").execute();
    expect(stored).toEqual([]);

    // What they hold they may give, and a change that gives nothing new (a name) is theirs to make.
    const peer = await send(client, "POST", "/api/v1/admin/users", {
      name: "Second user manager",
      email: "peer@example.com",
      licence: "admin",
      roleIds: (await db().selectFrom("user_roles").select("role_id").where("user_id", "=", user.id).execute()).map(
        (r) => r.role_id,
      ),
    });
    expect(peer.statusCode).toBe(201);
    const renamed = await send(client, "PATCH", `/api/v1/admin/users/${admin.user.id}`, { name: "Head of support" });
    expect(renamed.statusCode).toBe(200);
  });

  it("keeps someone who manages users but not every ticket from joining a group, or putting others in one, they are not in", async () => {
    const { user, client } = await narrowAdmin("Group-bound user manager", ["admin.users"]);
    const group = async (name: string) => {
      const made = await send(admin, "POST", "/api/v1/admin/groups", { name });
      expect(made.statusCode).toBe(201);
      return made.json().id as string;
    };
    const theirs = await group("Front desk");
    const payroll = await group("Payroll");
    const groupsOf = async (userId: string) =>
      (await db().selectFrom("group_members").select("group_id").where("user_id", "=", userId).execute())
        .map((row) => row.group_id)
        .sort();
    expect((await send(admin, "PATCH", `/api/v1/admin/users/${user.id}`, { groupIds: [theirs] })).statusCode).toBe(200);
    const refusal = { groupIds: "You can only add people to groups you are in yourself." };

    // Payroll's tickets are seen by its members: joining it is not theirs to grant themselves.
    const joined = await send(client, "PATCH", `/api/v1/admin/users/${user.id}`, { groupIds: [theirs, payroll] });
    expect(joined.statusCode).toBe(400);
    expect(joined.json().error.fields).toEqual(refusal);
    expect(await groupsOf(user.id)).toEqual([theirs]);

    // Nor someone else's place there, nor a newcomer's.
    const colleague = await buildAdmin(db());
    const placed = await send(client, "PATCH", `/api/v1/admin/users/${colleague.id}`, { groupIds: [payroll] });
    expect(placed.statusCode).toBe(400);
    expect(await groupsOf(colleague.id)).toEqual([]);
    const invited = await send(client, "POST", "/api/v1/admin/users", {
      name: "Payroll clerk",
      email: "payroll.clerk@example.com",
      licence: "agent",
      roleIds: [],
      groupIds: [payroll],
    });
    expect(invited.statusCode).toBe(400);
    expect(invited.json().error.fields).toEqual(refusal);
    expect(
      await db().selectFrom("users").select("id").where("email", "=", "payroll.clerk@example.com").execute(),
    ).toEqual([]);

    // Their own group they may hand out, and a group someone is in already may stay.
    expect(
      (await send(client, "PATCH", `/api/v1/admin/users/${colleague.id}`, { groupIds: [theirs] })).statusCode,
    ).toBe(200);
    expect(
      (await send(admin, "PATCH", `/api/v1/admin/users/${colleague.id}`, { groupIds: [payroll] })).statusCode,
    ).toBe(200);
    const kept = await send(client, "PATCH", `/api/v1/admin/users/${colleague.id}`, { groupIds: [payroll, theirs] });
    expect(kept.statusCode).toBe(200);
    expect(await groupsOf(colleague.id)).toEqual([payroll, theirs].sort());
  });

  it("keeps someone who manages roles from adding to a role what they do not hold", async () => {
    const { roleId, client } = await narrowAdmin("Role manager", ["admin.roles"]);

    const widened = await send(client, "PUT", `/api/v1/admin/roles/${roleId}`, {
      name: "Role manager",
      permissions: ["admin.roles", "admin.users"],
    });
    expect(widened.statusCode).toBe(400);
    expect(widened.json().error.fields).toEqual({ permissions: "You can only give permissions you hold yourself." });
    const created = await send(client, "POST", "/api/v1/admin/roles", {
      name: "All tickets",
      permissions: ["tickets.view_all"],
    });
    expect(created.statusCode).toBe(400);
    const kept = await db()
      .selectFrom("roles")
      .select("permissions")
      .where("id", "=", roleId)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(kept.permissions)).not.toContain("admin.users");

    // Renaming a role keeps what it had; taking a permission away hands out nothing.
    const renamed = await send(client, "PUT", `/api/v1/admin/roles/${administratorRoleId}`, {
      name: "Administrators",
      permissions: (await loadPermissions(db(), admin.user.id, "admin")).filter((p) => p !== "tickets.delete"),
    });
    expect(renamed.statusCode).toBe(204);
  });
});
