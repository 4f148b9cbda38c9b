import { beforeAll, expect, it } from "vitest";
import type { App } from "../http/types.ts";
import { describeEachEngine } from "../test/engines.ts";
import {
  buildAdmin,
  buildCustomer,
  buildSubmission,
  buildTestApp,
  type SignedInClient,
  signInAs,
} from "../test/factories.ts";

describeEachEngine("API token scopes and expiry", ({ db, engine }) => {
  let app: App;
  let admin: SignedInClient;
  beforeAll(async () => {
    app = await buildTestApp(db(), engine);
    admin = await signInAs(app, await buildAdmin(db()));
  });

  async function tokenWith(scopes: string[], expiresInDays: number | null = 30) {
    const created = await app.inject({
      method: "POST",
      url: "/api/v1/admin/api-tokens",
      headers: { cookie: admin.cookie, "x-csrf-token": admin.csrfToken },
      payload: { name: `Token ${scopes.join("+")}`, userId: admin.user.id, scopes, expiresInDays },
    });
    expect(created.statusCode).toBe(201);
    return created.json() as { id: string; token: string; scopes: string[]; expiresAt: string | null };
  }
  const call = (token: string, method: "GET" | "POST", url: string, payload?: object) =>
    app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });

  it("lets a read token read but not write, and keeps the admin API to admin tokens", async () => {
    const { token } = await tokenWith(["read"]);
    expect((await call(token, "GET", "/api/v1/tickets")).statusCode).toBe(200);

    const submit = await call(token, "POST", "/api/v1/tickets", await buildSubmission(db()));
    expect(submit.statusCode).toBe(403);
    expect(submit.json().error.message).toBe('This API token may not do that: it needs the "write" scope.');
    const adminRead = await call(token, "GET", "/api/v1/admin/groups");
    expect(adminRead.statusCode).toBe(403);
    expect(adminRead.json().error.message).toContain('"admin" scope');
    expect((await call(token, "GET", "/api/v1/dev-mailbox")).statusCode).toBe(403);
  });

  it("lets a write token change tickets but not administer, and an admin token do both", async () => {
    const { token: writer } = await tokenWith(["read", "write"]);
    expect((await call(writer, "POST", "/api/v1/tickets", await buildSubmission(db()))).statusCode).toBe(201);
    const group = await call(writer, "POST", "/api/v1/admin/groups", { name: "Scoped out" });
    expect(group.statusCode).toBe(403);
    expect(group.json().error.message).toContain('"admin" scope');

    const { token: adminToken } = await tokenWith(["read", "write", "admin"]);
    expect((await call(adminToken, "POST", "/api/v1/admin/groups", { name: "Scoped in" })).statusCode).toBe(201);
    // admin alone does not imply write: each change still needs the write scope.
    const { token: adminOnly } = await tokenWith(["read", "admin"]);
    expect((await call(adminOnly, "GET", "/api/v1/admin/groups")).statusCode).toBe(200);
    expect((await call(adminOnly, "POST", "/api/v1/admin/groups", { name: "Nope" })).json().error.message).toContain(
      '"write" scope',
    );
  });

  it("keeps the administrator's powers outside the admin API to admin tokens: shared macros", async () => {
    const asAdmin = { cookie: admin.cookie, "x-csrf-token": admin.csrfToken };
    const shared = await app.inject({
      method: "POST",
      url: "/api/v1/macros",
      headers: asAdmin,
      payload: { name: "Shared reply", body: "<p>Thanks!</p>", shared: true },
    });
    expect(shared.statusCode).toBe(201);
    const sharedId = shared.json().id as string;
    const { token: writer } = await tokenWith(["read", "write"]);

    // Shared macros are administered (admin.settings): a ticket-working token may not add, change or remove them.
    const added = await call(writer, "POST", "/api/v1/macros", {
      name: "Planted",
      body: "<p>Call us</p>",
      shared: true,
    });
    expect(added.statusCode).toBe(403);
    const changed = await app.inject({
      method: "PUT",
      url: `/api/v1/macros/${sharedId}`,
      headers: { authorization: `Bearer ${writer}` },
      payload: { name: "Shared reply", body: "<p>Call this number</p>", shared: true },
    });
    expect(changed.statusCode).toBe(403);
    const removed = await app.inject({
      method: "DELETE",
      url: `/api/v1/macros/${sharedId}`,
      headers: { authorization: `Bearer ${writer}` },
    });
    expect(removed.statusCode).toBe(403);
    const listed = (await call(writer, "GET", "/api/v1/macros")).json().macros as { id: string; editable: boolean }[];
    expect(listed.find((m) => m.id === sharedId)?.editable).toBe(false);
    const stored = await db().selectFrom("macros").select("body").where("id", "=", sharedId).executeTakeFirst();
    expect(stored?.body).toBe("<p>Thanks!</p>");
    expect(await db().selectFrom("macros").select("id").where("name", "=", "Planted").execute()).toEqual([]);
    // The token's session answer says what the token may do, so a client does not offer more.
    const session = (await call(writer, "GET", "/api/v1/session")).json();
    expect(JSON.stringify(session)).not.toContain("admin.settings");

    // Its own macros it keeps, and an admin token manages shared ones as the session does.
    expect((await call(writer, "POST", "/api/v1/macros", { name: "Mine", body: "<p>Mine</p>" })).statusCode).toBe(201);
    const { token: adminToken } = await tokenWith(["read", "write", "admin"]);
    expect(
      (await call(adminToken, "POST", "/api/v1/macros", { name: "Shared too", body: "<p>x</p>", shared: true }))
        .statusCode,
    ).toBe(201);
  });

  it("stops working when it expires, and the admin page shows scopes, expiry and last use", async () => {
    const created = await tokenWith(["read"], 7);
    expect(created.scopes).toEqual(["read"]);
    expect(Date.parse(created.expiresAt ?? "") - Date.now()).toBeGreaterThan(6 * 24 * 3600 * 1000);
    expect((await call(created.token, "GET", "/api/v1/tickets")).statusCode).toBe(200);

    const listed = await app.inject({ url: "/api/v1/admin/api-tokens", headers: { cookie: admin.cookie } });
    const row = listed.json().tokens.find((t: { id: string }) => t.id === created.id);
    expect(row).toMatchObject({ scopes: ["read"], expiresAt: created.expiresAt, revoked: false });
    expect(row.lastUsedAt).not.toBeNull();

    await db()
      .updateTable("api_tokens")
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where("id", "=", created.id)
      .execute();
    const expired = await call(created.token, "GET", "/api/v1/tickets");
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.message).toBe("That API token has expired.");
  });

  it("refuses a token without any scope", async () => {
    const refused = await app.inject({
      method: "POST",
      url: "/api/v1/admin/api-tokens",
      headers: { cookie: admin.cookie, "x-csrf-token": admin.csrfToken },
      payload: { name: "Nothing", userId: admin.user.id, scopes: [] },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual({ scopes: "Choose at least one scope." });
  });

  it("lets someone who only manages tokens make them for no one with more permissions than their own", async () => {
    const asAdmin = { cookie: admin.cookie, "x-csrf-token": admin.csrfToken };
    const role = await app.inject({
      method: "POST",
      url: "/api/v1/admin/roles",
      headers: asAdmin,
      payload: { name: "Token manager", permissions: ["admin.api_tokens"] },
    });
    expect(role.statusCode).toBe(201);
    const manager = await buildAdmin(db());
    const narrowed = await app.inject({
      method: "PATCH",
      url: `/api/v1/admin/users/${manager.id}`,
      headers: asAdmin,
      payload: { roleIds: [role.json().id] },
    });
    expect(narrowed.statusCode).toBe(200);
    const client = await signInAs(app, manager);
    const make = (userId: string) =>
      app.inject({
        method: "POST",
        url: "/api/v1/admin/api-tokens",
        headers: { cookie: client.cookie, "x-csrf-token": client.csrfToken },
        payload: { name: "Integration", userId, scopes: ["read", "write", "admin"] },
      });

    // A token acting as the administrator would have given them every permission, this one included.
    const refused = await make(admin.user.id);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual({
      userId: "Choose a user whose permissions you hold yourself: a token can do all its user can.",
    });
    const tokens = await app.inject({ url: "/api/v1/admin/api-tokens", headers: { cookie: client.cookie } });
    const made = tokens.json().tokens.filter((t: { name: string; user: { id: string } }) => t.name === "Integration");
    expect(made).toEqual([]);

    // A customer's permissions are not theirs either; their own are.
    expect((await make((await buildCustomer(db())).id)).statusCode).toBe(400);
    expect((await make(manager.id)).statusCode).toBe(201);
  });
});
