import { expect, it } from "vitest";
import type { App } from "../http/types.ts";
import { describeEachEngine } from "../test/engines.ts";
import { buildAgent, buildTestApp, countRows, signInAs, testPassword } from "../test/factories.ts";

describeEachEngine("sessions", ({ db, engine }) => {
  let app: App;

  it("signs in with email and password and sets an httpOnly, SameSite=Lax cookie", async () => {
    app = await buildTestApp(db(), engine);
    const agent = await buildAgent(db());
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/session",
      payload: { email: agent.email.toUpperCase(), password: testPassword },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({
      id: agent.id,
      email: agent.email,
      name: agent.name,
      licence: "agent",
    });
    expect(response.json().user.permissions).toEqual(expect.arrayContaining(["tickets.view_all", "tickets.work"]));
    const cookie = response.cookies.find((c) => c.name === "sb_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    const session = await app.inject({
      method: "GET",
      url: "/api/v1/session",
      headers: { cookie: `sb_session=${cookie?.value}` },
    });
    expect(session.json().user.email).toBe(agent.email);
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    const agent = await buildAgent(db());
    const wrong = await app.inject({
      method: "POST",
      url: "/api/v1/session",
      payload: { email: agent.email, password: "not the password" },
    });
    const unknown = await app.inject({
      method: "POST",
      url: "/api/v1/session",
      payload: { email: "nobody@example.com", password: "not the password" },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.message).toBe("That email and password do not match an account.");
    expect(wrong.cookies).toHaveLength(0);
  });

  it("refuses a disabled account", async () => {
    const agent = await buildAgent(db());
    await db().updateTable("users").set({ disabled_at: new Date().toISOString() }).where("id", "=", agent.id).execute();
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/session",
      payload: { email: agent.email, password: testPassword },
    });
    expect(response.statusCode).toBe(401);
  });

  it("opens a new session on every sign-in and ends it on sign-out", async () => {
    const agent = await buildAgent(db());
    const first = await signInAs(app, agent);
    const second = await signInAs(app, agent);
    expect(first.cookie).not.toBe(second.cookie);
    const out = await app.inject({
      method: "DELETE",
      url: "/api/v1/session",
      headers: { cookie: second.cookie, "x-csrf-token": second.csrfToken },
    });
    expect(out.statusCode).toBe(204);
    const after = await app.inject({ method: "GET", url: "/api/v1/tickets", headers: { cookie: second.cookie } });
    expect(after.statusCode).toBe(401);
    const stillIn = await app.inject({ method: "GET", url: "/api/v1/tickets", headers: { cookie: first.cookie } });
    expect(stillIn.statusCode).toBe(200);
  });

  it("will not sign out without the CSRF token, so another site cannot end a session", async () => {
    const agent = await signInAs(app, await buildAgent(db()));
    const sessions = await countRows(db(), "sessions");
    const response = await app.inject({ method: "DELETE", url: "/api/v1/session", headers: { cookie: agent.cookie } });
    expect(response.statusCode).toBe(403);
    expect(await countRows(db(), "sessions")).toBe(sessions);
  });

  it("stores only a hash of the session token", async () => {
    const agent = await signInAs(app, await buildAgent(db()));
    const token = agent.cookie.replace("sb_session=", "");
    const stored = await db().selectFrom("sessions").select("id").where("user_id", "=", agent.user.id).execute();
    expect(stored.map((s) => s.id)).not.toContain(token);
  });

  it("treats an expired or unknown cookie as signed out", async () => {
    const agent = await signInAs(app, await buildAgent(db()));
    await db()
      .updateTable("sessions")
      .set({ expires_at: "2000-01-01T00:00:00.000Z" })
      .where("user_id", "=", agent.user.id)
      .execute();
    const expired = await app.inject({ method: "GET", url: "/api/v1/session", headers: { cookie: agent.cookie } });
    expect(expired.json()).toEqual({ user: null, guest: null, csrfToken: null });
    const unknown = await app.inject({
      method: "GET",
      url: "/api/v1/tickets",
      headers: { cookie: "sb_session=forged" },
    });
    expect(unknown.statusCode).toBe(401);
  });

  it("refuses malformed sign-in bodies with a clear message", async () => {
    for (const payload of [
      { email: ["a@b.co"], password: "x" },
      { email: "a@b.co" },
      { email: "x".repeat(10_000), password: "y" },
    ]) {
      const response = await app.inject({ method: "POST", url: "/api/v1/session", payload });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe("validation_failed");
    }
  });
});
