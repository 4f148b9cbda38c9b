import { expect, it } from "vitest";
import type { App } from "../http/types.ts";
import { describeEachEngine } from "../test/engines.ts";
import {
  buildAdmin,
  buildCustomer,
  buildSubmission,
  buildTestApp,
  type InjectAsArgs,
  injectAs,
  latestMailTo,
  linkToken,
  type SignedInClient,
  signInAs,
} from "../test/factories.ts";

describeEachEngine("administering users and access", ({ db, engine }) => {
  let app: App;
  let admin: SignedInClient;
  const as = (...request: InjectAsArgs) => injectAs(app, ...request);

  it("invites a user, who chooses a password from the mail and can then sign in", async () => {
    app = await buildTestApp(db(), engine);
    admin = await signInAs(app, await buildAdmin(db()));
    const invited = await as(admin, "POST", "/api/v1/admin/users", {
      name: "Pat Agent",
      email: "pat@example.com",
      licence: "agent",
    });
    expect(invited.statusCode).toBe(201);
    expect(invited.json()).toMatchObject({
      email: "pat@example.com",
      licence: "agent",
      confirmed: false,
      roles: [{ name: "Agent" }],
    });

    const mail = await latestMailTo(db(), "pat@example.com");
    expect(mail?.subject).toBe("You have been invited to the help desk");
    const token = linkToken(mail?.text_body, "/reset-password/");
    expect(
      (await as(undefined, "POST", "/api/v1/password-resets/complete", { token, password: "pat's new password" }))
        .statusCode,
    ).toBe(200);
    const signedIn = await as(undefined, "POST", "/api/v1/session", {
      email: "pat@example.com",
      password: "pat's new password",
    });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().user.permissions).toContain("tickets.view_all");

    const again = await as(admin, "POST", "/api/v1/admin/users", {
      name: "Pat Again",
      email: "PAT@example.com",
      licence: "customer",
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields).toEqual({ email: "An account with that email address already exists." });
  });

  it("disabling a user ends their sessions and API tokens at once", async () => {
    const customer = await buildCustomer(db());
    const session = await signInAs(app, customer);
    const token = (await as(admin, "POST", "/api/v1/admin/api-tokens", { name: "Script", userId: customer.id })).json()
      .token;
    expect(
      (await app.inject({ method: "GET", url: "/api/v1/tickets", headers: { authorization: `Bearer ${token}` } }))
        .statusCode,
    ).toBe(200);

    const disabled = await as(admin, "PATCH", `/api/v1/admin/users/${customer.id}`, { disabled: true });
    expect(disabled.json().disabled).toBe(true);
    expect((await as(session, "GET", "/api/v1/session")).json().user).toBeNull();
    expect(
      (await app.inject({ method: "GET", url: "/api/v1/tickets", headers: { authorization: `Bearer ${token}` } }))
        .statusCode,
    ).toBe(401);
    await expect(signInAs(app, customer)).rejects.toThrow("401");
  });

  it("will not let an admin lock themselves out", async () => {
    const self = await as(admin, "PATCH", `/api/v1/admin/users/${admin.user.id}`, { disabled: true });
    expect(self.statusCode).toBe(400);
    expect(self.json().error.fields).toEqual({ disabled: "You cannot disable your own account." });
    const demote = await as(admin, "PATCH", `/api/v1/admin/users/${admin.user.id}`, { licence: "customer" });
    expect(demote.statusCode).toBe(400);
    expect((await as(admin, "GET", "/api/v1/session")).json().user.licence).toBe("admin");
  });

  it("limits what a role grants to what the licence allows", async () => {
    const customer = await buildCustomer(db());
    const roles = (await as(admin, "GET", "/api/v1/admin/roles")).json().roles as { id: string; name: string }[];
    const agentRole = roles.find((r) => r.name === "Agent");
    await as(admin, "PATCH", `/api/v1/admin/users/${customer.id}`, { roleIds: [agentRole?.id] });
    const session = await signInAs(app, customer);
    const me = (await as(session, "GET", "/api/v1/session")).json().user;
    expect(me.permissions).not.toContain("tickets.view_all");
    await as(undefined, "POST", "/api/v1/tickets", await buildSubmission(db(), { email: "stranger@example.com" }));
    const visible = (await as(session, "GET", "/api/v1/tickets")).json().tickets;
    expect(visible).toEqual([]);
  });

  it("refuses unknown roles, organizations and groups without changing anything", async () => {
    const customer = await buildCustomer(db());
    const response = await as(admin, "PATCH", `/api/v1/admin/users/${customer.id}`, {
      name: "Should not stick",
      roleIds: ["01234567-89ab-7cde-8f01-23456789abcd"],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual({
      roleIds: "One of the chosen entries no longer exists. Reload and try again.",
    });
    const user = await db().selectFrom("users").select("name").where("id", "=", customer.id).executeTakeFirstOrThrow();
    expect(user.name).toBe(customer.name);
  });

  it("shows department requests only to colleagues allowed to see them", async () => {
    const acme = (await as(admin, "POST", "/api/v1/admin/organizations", { name: "Acme" })).json().id;
    const finance = (await as(admin, "POST", "/api/v1/admin/organizations", { name: "Finance", parentId: acme })).json()
      .id;
    const nested = await as(admin, "POST", "/api/v1/admin/organizations", { name: "Payroll", parentId: finance });
    expect(nested.statusCode).toBe(400);
    expect(nested.json().error.fields.parentId).toBe(
      "Departments sit directly under an account, not under another department.",
    );

    const roles = (await as(admin, "GET", "/api/v1/admin/roles")).json().roles as { id: string; name: string }[];
    const viewer = roles.find((r) => r.name === "Department viewer")?.id;
    const customerRole = roles.find((r) => r.name === "Customer")?.id;
    const author = await buildCustomer(db());
    const colleague = await buildCustomer(db());
    const manager = await buildCustomer(db());
    await as(admin, "PATCH", `/api/v1/admin/users/${author.id}`, { organizationIds: [finance] });
    await as(admin, "PATCH", `/api/v1/admin/users/${colleague.id}`, { organizationIds: [finance] });
    // The manager belongs to the account, which covers its departments.
    await as(admin, "PATCH", `/api/v1/admin/users/${manager.id}`, { organizationIds: [acme], roleIds: [viewer] });

    const authorSession = await signInAs(app, author);
    const number = (
      await as(
        authorSession,
        "POST",
        "/api/v1/tickets",
        await buildSubmission(db(), { subject: "Budget sheet locked" }),
      )
    ).json().number;
    const managerSession = await signInAs(app, manager);
    const colleagueSession = await signInAs(app, colleague);
    const subjects = async (client: SignedInClient, view: string) =>
      (await as(client, "GET", `/api/v1/tickets?view=${view}`))
        .json()
        .tickets.map((t: { subject: string }) => t.subject);

    expect(await subjects(managerSession, "department")).toEqual(["Budget sheet locked"]);
    expect(await subjects(managerSession, "mine")).toEqual([]);
    expect((await as(managerSession, "GET", `/api/v1/tickets/${number}`)).statusCode).toBe(200);
    // Same department, but without tickets.view_department.
    expect(await subjects(colleagueSession, "department")).toEqual([]);
    expect((await as(colleagueSession, "GET", `/api/v1/tickets/${number}`)).statusCode).toBe(404);

    await as(admin, "PATCH", `/api/v1/admin/users/${manager.id}`, { roleIds: [customerRole] });
    expect(await subjects(managerSession, "department")).toEqual([]);
  });

  it("lets an integration use a bearer token without CSRF, until it is revoked", async () => {
    const created = await as(admin, "POST", "/api/v1/admin/api-tokens", {
      name: "CRM sync",
      userId: admin.user.id,
      scopes: ["read", "write", "admin"],
    });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^sb_/);
    const stored = await db()
      .selectFrom("api_tokens")
      .select("token_hash")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    const listed = (await as(admin, "GET", "/api/v1/admin/api-tokens")).json().tokens;
    expect(JSON.stringify(listed)).not.toContain(token);

    const bearer = { authorization: `Bearer ${token}` };
    const write = await app.inject({
      method: "POST",
      url: "/api/v1/admin/groups",
      headers: bearer,
      payload: { name: "Tier 2" },
    });
    expect(write.statusCode).toBe(201);
    expect((await as(admin, "DELETE", `/api/v1/admin/api-tokens/${id}`)).statusCode).toBe(204);
    const after = await app.inject({ method: "GET", url: "/api/v1/admin/groups", headers: bearer });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.message).toBe("That API token is not valid.");
    expect(
      (await app.inject({ method: "GET", url: "/api/v1/tickets", headers: { authorization: "Bearer " } })).statusCode,
    ).toBe(401);
  });

  it("keeps built-in roles and refuses duplicate names", async () => {
    const roles = (await as(admin, "GET", "/api/v1/admin/roles")).json().roles as {
      id: string;
      name: string;
      builtin: boolean;
    }[];
    const builtin = roles.find((r) => r.builtin);
    expect((await as(admin, "DELETE", `/api/v1/admin/roles/${builtin?.id}`)).statusCode).toBe(409);
    const duplicate = await as(admin, "POST", "/api/v1/admin/roles", { name: "Agent", permissions: [] });
    expect(duplicate.statusCode).toBe(409);
    const unknownPermission = await as(admin, "POST", "/api/v1/admin/roles", {
      name: "Odd",
      permissions: ["root.everything"],
    });
    expect(unknownPermission.statusCode).toBe(400);
  });
});
