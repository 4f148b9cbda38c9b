/**
 * Anyone may register any address, or ask for the access link of a request filed under any address: the mail
 * that follows must not carry words of the asker's choosing (a name, a subject) to an address that has never
 * proven it is someone's. The public request form's receipt keeps the same rule (tickets/open-form-abuse.test.ts).
 */
import { expect, it } from "vitest";
import type { App } from "../http/types.ts";
import { describeEachEngine } from "../test/engines.ts";
import { buildSubmission, buildTestApp, latestMailTo, linkToken } from "../test/factories.ts";
import { createUser } from "./commands/create-user.ts";

describeEachEngine("account and access-link mail is no mail relay", ({ db, engine }) => {
  let app: App;
  const chosen = "Your account is locked. Call +1 555 0100";
  const post = (url: string, payload: Record<string, unknown>) => app.inject({ method: "POST", url, payload });
  const wordsTo = async (email: string, template: string) => {
    const mail = await latestMailTo(db(), email);
    expect(mail?.template).toBe(template);
    return `${mail?.subject}\n${mail?.text_body}\n${mail?.html_body}`;
  };

  it("mails a status check's link without the subject to an address that never proved itself", async () => {
    app = await buildTestApp(db(), engine);
    const submitted = await post(
      "/api/v1/tickets",
      await buildSubmission(db(), { email: "target@example.com", subject: chosen }),
    );
    const { number } = submitted.json();
    expect((await post("/api/v1/status-checks", { email: "target@example.com", number })).statusCode).toBe(202);
    const sent = await wordsTo("target@example.com", "guest-access");
    expect(sent).toContain(`#${number}`);
    expect(sent).toContain("/access/");
    expect(sent).not.toContain("locked");

    // Once the address has used a link, it is the requester's own: the subject helps them tell requests apart.
    const token = linkToken((await latestMailTo(db(), "target@example.com"))?.text_body, "/access/");
    expect((await post("/api/v1/guest-sessions", { token })).statusCode).toBe(200);
    await post("/api/v1/status-checks", { email: "target@example.com", number });
    expect(await wordsTo("target@example.com", "guest-access")).toContain(chosen);
  });

  it("does not greet an unconfirmed address by the name typed when registering it", async () => {
    const registered = await post("/api/v1/accounts", {
      email: "someone@example.com",
      name: chosen,
      password: "a long enough password",
    });
    expect(registered.statusCode).toBe(202);
    expect(await wordsTo("someone@example.com", "confirm-email")).not.toContain("locked");

    expect((await post("/api/v1/accounts/confirmation/resend", { email: "someone@example.com" })).statusCode).toBe(202);
    expect(await wordsTo("someone@example.com", "confirm-email")).not.toContain("locked");

    expect((await post("/api/v1/password-resets", { email: "someone@example.com" })).statusCode).toBe(202);
    expect(await wordsTo("someone@example.com", "reset-password")).not.toContain("locked");
  });

  it("still greets a confirmed account's owner by their name", async () => {
    await createUser(db(), {
      email: "owner@example.com",
      name: "Olive Owner",
      password: "a long enough password",
      licence: "customer",
    });
    expect((await post("/api/v1/password-resets", { email: "owner@example.com" })).statusCode).toBe(202);
    expect(await wordsTo("owner@example.com", "reset-password")).toContain("Hello Olive Owner,");
  });
});
