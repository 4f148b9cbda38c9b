/** The anonymous request form must not be a way to mail strangers words of the submitter's choosing. */
import { expect, it } from "vitest";
import { createUser } from "../accounts/commands/create-user.ts";
import { limits } from "../accounts/rate-limit.ts";
import type { App } from "../http/types.ts";
import { describeEachEngine } from "../test/engines.ts";
import { buildSubmission, buildTestApp, latestMailTo, linkToken, testConfig } from "../test/factories.ts";

describeEachEngine("the anonymous request form is no mail relay", ({ db, engine }) => {
  let app: App;
  const submit = async (email: string, extra: Record<string, string> = {}) =>
    app.inject({
      method: "POST",
      url: "/api/v1/tickets",
      payload: await buildSubmission(db(), {
        email,
        name: "Win A Prize",
        subject: "You won! Claim at evil.example",
        message: "Visit http://evil.example/claim to get your prize.",
        ...extra,
      }),
    });
  const bodyOf = (mail: Awaited<ReturnType<typeof latestMailTo>>) =>
    `${mail?.subject}\n${mail?.text_body}\n${mail?.html_body}`;

  it("sends an address that never confirmed a neutral receipt: the number and the link, none of the text", async () => {
    app = await buildTestApp(db(), engine);
    const response = await submit("stranger@example.com");
    expect(response.statusCode).toBe(201);
    const { number } = response.json();
    const mail = await latestMailTo(db(), "stranger@example.com");
    expect(mail?.subject).toBe(`[#${number}] We received your request`);
    const sent = bodyOf(mail);
    expect(sent).toContain(`#${number}`);
    expect(sent).toContain("/access/");
    for (const chosen of ["You won", "evil.example", "Win A Prize"]) expect(sent).not.toContain(chosen);
  });

  it("echoes the request once the address has proven itself (a used access link or a confirmed account)", async () => {
    const first = await latestMailTo(db(), "stranger@example.com");
    const opened = await app.inject({
      method: "POST",
      url: "/api/v1/guest-sessions",
      payload: { token: linkToken(first?.text_body, "/access/") },
    });
    expect(opened.statusCode).toBe(200);
    await submit("stranger@example.com", { subject: "My second request" });
    expect(bodyOf(await latestMailTo(db(), "stranger@example.com"))).toContain("My second request");

    await createUser(db(), {
      email: "member@example.com",
      name: "Mem",
      password: "long enough pw",
      licence: "customer",
    });
    await submit("member@example.com", { subject: "From a member" });
    expect(bodyOf(await latestMailTo(db(), "member@example.com"))).toContain("From a member");
  });

  it("still caps confirmations per recipient", async () => {
    app = await buildTestApp(db(), engine, testConfig({ rateLimiting: true }));
    const statuses: number[] = [];
    for (let i = 0; i <= limits.submitTicket.perTarget.max; i += 1) {
      statuses.push((await submit("flooded@example.com")).statusCode);
    }
    expect(statuses.at(-1)).toBe(429);
    const sent = await db()
      .selectFrom("mail_messages")
      .select("id")
      .where("to_address", "=", "flooded@example.com")
      .execute();
    expect(sent).toHaveLength(limits.submitTicket.perTarget.max);
  });
});
