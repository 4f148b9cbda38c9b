/** Guessing passwords must slow the guesser, not lock out the owner; reset links die when they should. */
import { expect, it } from "vitest";
import type { App } from "../http/types.ts";
import { describeEachEngine } from "../test/engines.ts";
import { buildTestApp, latestMailTo, linkToken, testConfig } from "../test/factories.ts";
import { createUser } from "./commands/create-user.ts";
import { signInThrottle } from "./sign-in-throttle.ts";

describeEachEngine("password guessing", ({ db, engine }) => {
  let app: App;
  const attempt = (email: string, password: string, ip: string) =>
    app.inject({ method: "POST", url: "/api/v1/session", payload: { email, password }, remoteAddress: ip });
  const owner = (email: string) =>
    createUser(db(), { email, name: "Olive Owner", password: "the right password", licence: "customer" });
  const attemptMails = (email: string) =>
    db()
      .selectFrom("mail_messages")
      .select("text_body")
      .where("to_address", "=", email)
      .where("template", "=", "sign-in-attempts")
      .execute();

  it("lets the owner in from another address after many wrong passwords, and tells them once", async () => {
    app = await buildTestApp(db(), engine, testConfig({ rateLimiting: true }));
    await owner("olive@example.com");
    for (let i = 0; i < signInThrottle.perPair.max; i += 1) {
      expect((await attempt("olive@example.com", `guess ${i}`, "203.0.113.7")).statusCode).toBe(401);
    }
    // The guessing address is stopped, even with the right password.
    expect((await attempt("olive@example.com", "the right password", "203.0.113.7")).statusCode).toBe(429);
    // The owner, from an address never seen before, gets in.
    expect((await attempt("olive@example.com", "the right password", "198.51.100.1")).statusCode).toBe(200);

    const told = await attemptMails("olive@example.com");
    expect(told).toHaveLength(1);
    expect(told[0]?.text_body).toContain("wrong password");
    // More guessing in the same window mails nobody again.
    await attempt("olive@example.com", "guess again", "192.0.2.50");
    expect(await attemptMails("olive@example.com")).toHaveLength(1);
  });

  it("gives every address fewer tries while the account is being guessed, never none", async () => {
    await owner("gus@example.com");
    for (let i = 0; i < signInThrottle.perAccount.max; i += 1) {
      // Spread over many addresses, as a botnet would.
      expect((await attempt("gus@example.com", `guess ${i}`, `192.0.2.${i + 1}`)).statusCode).toBe(401);
    }
    const statuses: number[] = [];
    for (let i = 0; i <= signInThrottle.perPairUnderAttack; i += 1) {
      statuses.push((await attempt("gus@example.com", `more ${i}`, "192.0.2.200")).statusCode);
    }
    expect(statuses).toEqual([...Array.from({ length: signInThrottle.perPairUnderAttack }, () => 401), 429]);
    expect((await attempt("gus@example.com", "the right password", "192.0.2.201")).statusCode).toBe(200);
  });

  it("does not throttle an office signing in from one address", async () => {
    await owner("office@example.com");
    for (let i = 0; i <= signInThrottle.perIp.max; i += 1) {
      expect((await attempt("office@example.com", "the right password", "198.51.100.77")).statusCode).toBe(200);
    }
  }, 60_000);

  it("answers the same for an address without an account, and mails nobody", async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= signInThrottle.perPair.max; i += 1) {
      statuses.push((await attempt("nobody@example.com", `guess ${i}`, "203.0.113.99")).statusCode);
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, -1).every((s) => s === 401)).toBe(true);
    expect(await latestMailTo(db(), "nobody@example.com")).toBeUndefined();
  });
});

describeEachEngine("password reset links", ({ db, engine }) => {
  let app: App;
  const post = (url: string, payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
    app.inject({ method: "POST", url, payload, headers });
  const resetLink = async (email: string) => {
    expect((await post("/api/v1/password-resets", { email })).statusCode).toBe(202);
    return linkToken((await latestMailTo(db(), email))?.text_body, "/reset-password/");
  };

  it("die when the password is changed", async () => {
    app = await buildTestApp(db(), engine);
    await createUser(db(), {
      email: "rita@example.com",
      name: "Rita",
      password: "first password",
      licence: "customer",
    });
    const token = await resetLink("rita@example.com");
    const signedIn = await post("/api/v1/session", { email: "rita@example.com", password: "first password" });
    const cookie = `sb_session=${signedIn.cookies.find((c) => c.name === "sb_session")?.value}`;
    const changed = await post(
      "/api/v1/account/password",
      { currentPassword: "first password", newPassword: "second password" },
      { cookie, "x-csrf-token": signedIn.json().csrfToken },
    );
    expect(changed.statusCode).toBe(200);
    const late = await post("/api/v1/password-resets/complete", { token, password: "attacker password" });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.fields.token).toMatch(/not valid/);
    expect((await post("/api/v1/session", { email: "rita@example.com", password: "second password" })).statusCode).toBe(
      200,
    );
  });

  it("die when a later reset is requested or completed", async () => {
    await createUser(db(), { email: "sam@example.com", name: "Sam", password: "first password", licence: "customer" });
    const first = await resetLink("sam@example.com");
    const second = await resetLink("sam@example.com");
    expect(
      (await post("/api/v1/password-resets/complete", { token: first, password: "from old mail" })).statusCode,
    ).toBe(400);
    expect(
      (await post("/api/v1/password-resets/complete", { token: second, password: "new password" })).statusCode,
    ).toBe(200);
    expect(
      (await post("/api/v1/password-resets/complete", { token: second, password: "again please" })).statusCode,
    ).toBe(400);
  });
});
