import { expect, it } from "vitest";
import type { App } from "../http/types.ts";
import { describeEachEngine } from "../test/engines.ts";
import { buildSubmission, buildTestApp, countRows, latestMailTo, linkToken } from "../test/factories.ts";
import { createUser } from "./commands/create-user.ts";

describeEachEngine("registration and confirmation", ({ db, engine }) => {
  let app: App;
  const post = (url: string, payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
    app.inject({ method: "POST", url, payload, headers });
  const signIn = (email: string, password: string) => post("/api/v1/session", { email, password });

  it("registers an account that can do nothing until its address is confirmed", async () => {
    app = await buildTestApp(db(), engine);
    // A guest request made before registering, from the same address.
    await post(
      "/api/v1/tickets",
      await buildSubmission(db(), { email: "kim@example.com", subject: "Before I had an account" }),
    );

    const registered = await post("/api/v1/accounts", {
      name: "Kim Lee",
      email: "Kim@Example.com",
      password: "a long password",
    });
    expect(registered.statusCode).toBe(202);
    expect(registered.json().message).toContain("Check your email");

    const unconfirmed = await signIn("kim@example.com", "a long password");
    expect(unconfirmed.statusCode).toBe(403);
    expect(unconfirmed.json().error.code).toBe("email_unconfirmed");
    expect(unconfirmed.cookies).toHaveLength(0);

    const mail = await latestMailTo(db(), "kim@example.com");
    expect(mail?.subject).toBe("Confirm your email address");
    expect(mail?.text_body).toContain("http://localhost:3000/confirm/");
    const confirmed = await post("/api/v1/accounts/confirmation", { token: linkToken(mail?.text_body, "/confirm/") });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toEqual({ email: "kim@example.com" });

    const signedIn = await signIn("kim@example.com", "a long password");
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().user).toMatchObject({ email: "kim@example.com", licence: "customer" });
    expect(signedIn.json().user.permissions).toEqual(["catalog.view", "tickets.submit"]);
    const cookie = `sb_session=${signedIn.cookies.find((c) => c.name === "sb_session")?.value}`;
    const mine = await app.inject({ method: "GET", url: "/api/v1/tickets?view=mine", headers: { cookie } });
    expect(mine.json().tickets.map((t: { subject: string }) => t.subject)).toEqual(["Before I had an account"]);
  });

  it("writes the account mails in the language the form was filled in, until the account chooses one", async () => {
    const german = { "accept-language": "de-DE,de;q=0.9" };
    await post("/api/v1/accounts", { name: "Jana", email: "jana@example.com", password: "a long password" }, german);
    expect((await latestMailTo(db(), "jana@example.com"))?.subject).toBe("Bestätigen Sie Ihre E-Mail-Adresse");
    await post("/api/v1/accounts/confirmation/resend", { email: "jana@example.com" }, { cookie: "sb_locale=fr" });
    expect((await latestMailTo(db(), "jana@example.com"))?.subject).toBe("Confirmez votre adresse e-mail");
    await post("/api/v1/password-resets", { email: "jana@example.com" }, german);
    expect((await latestMailTo(db(), "jana@example.com"))?.subject).toBe("Wählen Sie ein neues Passwort");
    // A language chosen in the profile wins over the page's.
    await db().updateTable("users").set({ locale: "es" }).where("email", "=", "jana@example.com").execute();
    await post("/api/v1/password-resets", { email: "jana@example.com" }, german);
    expect((await latestMailTo(db(), "jana@example.com"))?.subject).toBe("Elija una contraseña nueva");
  });

  it("uses a confirmation link once only", async () => {
    await post("/api/v1/accounts", { name: "Once", email: "once@example.com", password: "a long password" });
    const token = linkToken((await latestMailTo(db(), "once@example.com"))?.text_body, "/confirm/");
    expect((await post("/api/v1/accounts/confirmation", { token })).statusCode).toBe(200);
    const again = await post("/api/v1/accounts/confirmation", { token });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.message).toBe("This link is not valid any more. Ask for a new one.");
  });

  it("answers a registration for a taken address exactly as for a new one, and tells the owner by mail", async () => {
    await post("/api/v1/accounts", { name: "First", email: "taken@example.com", password: "a long password" });
    await post("/api/v1/accounts/confirmation", {
      token: linkToken((await latestMailTo(db(), "taken@example.com"))?.text_body, "/confirm/"),
    });
    const users = await countRows(db(), "users");
    const fresh = await post("/api/v1/accounts", {
      name: "Fresh",
      email: "fresh@example.com",
      password: "a long password",
    });
    const taken = await post("/api/v1/accounts", {
      name: "Intruder",
      email: "taken@example.com",
      password: "another password",
    });
    expect(taken.statusCode).toBe(fresh.statusCode);
    expect(taken.json()).toEqual(fresh.json());
    expect(await countRows(db(), "users")).toBe(users + 1);
    expect((await latestMailTo(db(), "taken@example.com"))?.subject).toBe("You already have an account");
    // The intruder's password did not replace the owner's.
    expect((await signIn("taken@example.com", "another password")).statusCode).toBe(401);
    expect((await signIn("taken@example.com", "a long password")).statusCode).toBe(200);
  });

  it("sends a new link on request, and the older one stops working", async () => {
    await post("/api/v1/accounts", { name: "Resend", email: "resend@example.com", password: "a long password" });
    const first = linkToken((await latestMailTo(db(), "resend@example.com"))?.text_body, "/confirm/");
    const resent = await post("/api/v1/accounts/confirmation/resend", { email: "resend@example.com" });
    expect(resent.statusCode).toBe(202);
    const second = linkToken((await latestMailTo(db(), "resend@example.com"))?.text_body, "/confirm/");
    expect(second).not.toBe(first);
    expect((await post("/api/v1/accounts/confirmation", { token: first })).statusCode).toBe(400);
    expect((await post("/api/v1/accounts/confirmation", { token: second })).statusCode).toBe(200);
  });

  it("confirms the registration whose link was followed, never an earlier one's name and password", async () => {
    // Someone registers an address that is not theirs; its owner registers later and follows their own link.
    const link = async () => linkToken((await latestMailTo(db(), "owner@example.com"))?.text_body, "/confirm/");
    await post("/api/v1/accounts", { name: "Squatter", email: "owner@example.com", password: "squatter's password" });
    const squatters = await link();
    await post("/api/v1/accounts", { name: "Owner", email: "owner@example.com", password: "owner's password" });
    const owners = await link();
    expect((await post("/api/v1/accounts/confirmation", { token: squatters })).statusCode).toBe(400);
    expect((await post("/api/v1/accounts/confirmation", { token: owners })).statusCode).toBe(200);
    expect((await signIn("owner@example.com", "squatter's password")).statusCode).toBe(401);
    const signedIn = await signIn("owner@example.com", "owner's password");
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().user.name).toBe("Owner");

    // A new link on request is the newest registration's, and a later registration's link is its own again.
    await post("/api/v1/accounts", { name: "First", email: "twice@example.com", password: "the first password" });
    await post("/api/v1/accounts", { name: "Second", email: "twice@example.com", password: "the second password" });
    await post("/api/v1/accounts/confirmation/resend", { email: "twice@example.com" });
    const resent = linkToken((await latestMailTo(db(), "twice@example.com"))?.text_body, "/confirm/");
    expect((await post("/api/v1/accounts/confirmation", { token: resent })).statusCode).toBe(200);
    expect((await signIn("twice@example.com", "the first password")).statusCode).toBe(401);
    expect((await signIn("twice@example.com", "the second password")).json().user.name).toBe("Second");
  });

  it("sends nothing to an account an admin disabled, answers as for anyone, and its old link stays dead", async () => {
    await post("/api/v1/accounts", { name: "Pending", email: "pending@example.com", password: "a long password" });
    const pendingLink = linkToken((await latestMailTo(db(), "pending@example.com"))?.text_body, "/confirm/");
    await createUser(db(), {
      email: "active@example.com",
      name: "Active",
      password: "a long password",
      licence: "customer",
    });
    await db()
      .updateTable("users")
      .set({ disabled_at: new Date().toISOString() })
      .where("email", "in", ["pending@example.com", "active@example.com"])
      .execute();
    const mails = await countRows(db(), "mail_messages");
    const fresh = await post("/api/v1/accounts", {
      name: "New",
      email: "new@example.com",
      password: "a long password",
    });
    for (const email of ["pending@example.com", "active@example.com"]) {
      const again = await post("/api/v1/accounts", { name: "Again", email, password: "another long password" });
      expect(again.statusCode).toBe(fresh.statusCode);
      expect(again.json()).toEqual(fresh.json());
      const resent = await post("/api/v1/accounts/confirmation/resend", { email });
      expect(resent.statusCode).toBe(202);
    }
    // Only the new address was mailed.
    expect(await countRows(db(), "mail_messages")).toBe(mails + 1);
    const followed = await post("/api/v1/accounts/confirmation", { token: pendingLink });
    expect(followed.statusCode).toBe(400);
    expect(followed.json().error.message).toBe("This link is not valid any more. Ask for a new one.");
    const pending = await db()
      .selectFrom("users")
      .select(["email_confirmed_at", "disabled_at"])
      .where("email", "=", "pending@example.com")
      .executeTakeFirstOrThrow();
    expect(pending.email_confirmed_at).toBeNull();
    expect(pending.disabled_at).not.toBeNull();
  });

  it("refuses weak passwords and bad addresses with field messages, creating nothing", async () => {
    const users = await countRows(db(), "users");
    const response = await post("/api/v1/accounts", { name: "", email: "nope", password: "short" });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual({
      name: "Enter your name.",
      email: "Enter a valid email address, like name@example.com.",
      password: "Use at least 10 characters for your password.",
    });
    expect(await countRows(db(), "users")).toBe(users);
  });

  it("refuses malformed tokens with a clear message", async () => {
    for (const token of ["", "x", ["abc"], { $gt: "" }, "a".repeat(10_000), "not a token at all!!"]) {
      const response = await post("/api/v1/accounts/confirmation", { token });
      expect(response.statusCode, JSON.stringify(token).slice(0, 40)).toBe(400);
      expect(response.json().error.fields.token).toMatch(/This link is not valid/);
    }
  });
});

describeEachEngine("password reset and change", ({ db, engine }) => {
  let app: App;
  const post = (url: string, payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
    app.inject({ method: "POST", url, payload, headers });

  it("resets a forgotten password by mail and signs the account out everywhere", async () => {
    app = await buildTestApp(db(), engine);
    await createUser(db(), {
      email: "reset@example.com",
      name: "Reset",
      password: "the old password",
      licence: "customer",
    });
    const old = await post("/api/v1/session", { email: "reset@example.com", password: "the old password" });
    const oldCookie = `sb_session=${old.cookies.find((c) => c.name === "sb_session")?.value}`;

    const unknown = await post("/api/v1/password-resets", { email: "nobody@example.com" });
    const known = await post("/api/v1/password-resets", { email: "reset@example.com" });
    expect(known.statusCode).toBe(202);
    expect(known.json()).toEqual(unknown.json());
    expect(await latestMailTo(db(), "nobody@example.com")).toBeUndefined();

    const token = linkToken((await latestMailTo(db(), "reset@example.com"))?.text_body, "/reset-password/");
    const weak = await post("/api/v1/password-resets/complete", { token, password: "short" });
    expect(weak.statusCode).toBe(400);
    const done = await post("/api/v1/password-resets/complete", { token, password: "the new password" });
    expect(done.statusCode).toBe(200);

    expect(
      (await app.inject({ method: "GET", url: "/api/v1/session", headers: { cookie: oldCookie } })).json().user,
    ).toBeNull();
    expect(
      (await post("/api/v1/session", { email: "reset@example.com", password: "the old password" })).statusCode,
    ).toBe(401);
    expect(
      (await post("/api/v1/session", { email: "reset@example.com", password: "the new password" })).statusCode,
    ).toBe(200);
    expect((await post("/api/v1/password-resets/complete", { token, password: "yet another one" })).statusCode).toBe(
      400,
    );
  });

  it("changes the password with the current one, keeping this session and ending the others", async () => {
    await createUser(db(), {
      email: "change@example.com",
      name: "Change",
      password: "first password",
      licence: "customer",
    });
    const signIn = async () => {
      const r = await post("/api/v1/session", { email: "change@example.com", password: "first password" });
      return {
        cookie: `sb_session=${r.cookies.find((c) => c.name === "sb_session")?.value}`,
        csrf: r.json().csrfToken,
      };
    };
    const here = await signIn();
    const elsewhere = await signIn();
    const wrong = await post(
      "/api/v1/account/password",
      { currentPassword: "not it", newPassword: "second password" },
      { cookie: here.cookie, "x-csrf-token": here.csrf },
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toEqual({ currentPassword: "That is not your current password." });
    const changed = await post(
      "/api/v1/account/password",
      { currentPassword: "first password", newPassword: "second password" },
      { cookie: here.cookie, "x-csrf-token": here.csrf },
    );
    expect(changed.statusCode).toBe(200);
    const session = (cookie: string) => app.inject({ method: "GET", url: "/api/v1/session", headers: { cookie } });
    expect((await session(here.cookie)).json().user?.email).toBe("change@example.com");
    expect((await session(elsewhere.cookie)).json().user).toBeNull();
    expect(
      (await post("/api/v1/account/password", { currentPassword: "x", newPassword: "second password" })).statusCode,
    ).toBe(401);
  });
});
