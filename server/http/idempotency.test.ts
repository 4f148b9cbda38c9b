import { beforeAll, expect, it } from "vitest";
import { customerLimits } from "../accounts/rate-limit.ts";
import { describeEachEngine } from "../test/engines.ts";
import {
  buildAdmin,
  buildAgent,
  buildCustomer,
  buildSubmission,
  buildTestApp,
  countRows,
  type SignedInClient,
  signInAs,
  testConfig,
} from "../test/factories.ts";
import type { App } from "./types.ts";

describeEachEngine("Idempotency-Key on creates", ({ db, engine }) => {
  let app: App;
  let admin: SignedInClient;
  let token: string;
  let otherToken: string;

  async function createToken(name: string): Promise<string> {
    const created = await app.inject({
      method: "POST",
      url: "/api/v1/admin/api-tokens",
      headers: { cookie: admin.cookie, "x-csrf-token": admin.csrfToken },
      payload: { name, userId: admin.user.id, scopes: ["read", "write", "admin"], expiresInDays: 30 },
    });
    expect(created.statusCode).toBe(201);
    return created.json().token;
  }

  beforeAll(async () => {
    app = await buildTestApp(db(), engine);
    admin = await signInAs(app, await buildAdmin(db()));
    token = await createToken("Sync");
    otherToken = await createToken("Other sync");
  });

  const post = (url: string, payload: object, key?: string, bearer = token) =>
    app.inject({
      method: "POST",
      url,
      headers: { authorization: `Bearer ${bearer}`, ...(key ? { "idempotency-key": key } : {}) },
      payload,
    });

  it("answers a retried create with the first answer and creates nothing new", async () => {
    const submission = await buildSubmission(db(), { subject: "Printer on fire" });
    const before = await countRows(db(), "tickets");
    const first = await post("/api/v1/tickets", submission, "create-printer-1");
    expect(first.statusCode).toBe(201);
    const retry = await post("/api/v1/tickets", submission, "create-printer-1");
    expect(retry.statusCode).toBe(201);
    expect(retry.json()).toEqual(first.json());
    expect(retry.headers["idempotent-replayed"]).toBe("true");
    expect(await countRows(db(), "tickets")).toBe(before + 1);
  });

  it("matches the same body however its keys are ordered", async () => {
    const submission = await buildSubmission(db(), { subject: "Keys in another order" });
    const reordered = Object.fromEntries(Object.entries(submission).reverse());
    const first = await post("/api/v1/tickets", submission, "reordered");
    const retry = await post("/api/v1/tickets", reordered, "reordered");
    expect(retry.json()).toEqual(first.json());
  });

  it("creates again without a key, or with a new key", async () => {
    const submission = await buildSubmission(db(), { subject: "Twice on purpose" });
    const before = await countRows(db(), "tickets");
    await post("/api/v1/tickets", submission);
    await post("/api/v1/tickets", submission);
    await post("/api/v1/tickets", submission, "new-a");
    await post("/api/v1/tickets", submission, "new-b");
    expect(await countRows(db(), "tickets")).toBe(before + 4);
  });

  it("refuses a key reused with a different body, with 422 idempotency_key_reused, and creates nothing", async () => {
    await post("/api/v1/tickets", await buildSubmission(db(), { subject: "First use" }), "reused-key");
    const before = await countRows(db(), "tickets");
    const reused = await post("/api/v1/tickets", await buildSubmission(db(), { subject: "Other" }), "reused-key");
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error.code).toBe("idempotency_key_reused");
    expect(await countRows(db(), "tickets")).toBe(before);
  });

  it("keeps each token's keys apart", async () => {
    const submission = await buildSubmission(db(), { subject: "Same key, two integrations" });
    const before = await countRows(db(), "tickets");
    const mine = await post("/api/v1/tickets", submission, "shared-key");
    const theirs = await post("/api/v1/tickets", submission, "shared-key", otherToken);
    expect(mine.json().number).not.toBe(theirs.json().number);
    expect(await countRows(db(), "tickets")).toBe(before + 2);
  });

  it("yields exactly one ticket from many identical requests sent at once", async () => {
    const submission = await buildSubmission(db(), { subject: "Flaky network" });
    const before = await countRows(db(), "tickets");
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => post("/api/v1/tickets", submission, "parallel-retries")),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(12).fill(201));
    expect(new Set(answers.map((a) => a.json().number)).size).toBe(1);
    expect(await countRows(db(), "tickets")).toBe(before + 1);
  });

  it("covers agent tickets, comments, users and organizations", async () => {
    const agentTicket = {
      requester: { name: "Caller", email: "caller@example.com" },
      channel: "phone",
      subject: "Phoned in",
      message: "Their screen is blank.",
    };
    const opened = await post("/api/v1/agent/tickets", agentTicket, "agent-1");
    expect(opened.statusCode).toBe(201);
    expect((await post("/api/v1/agent/tickets", agentTicket, "agent-1")).json()).toEqual(opened.json());

    const url = `/api/v1/tickets/${opened.json().number}/comments`;
    const comment = { body: "We are on it.", kind: "public" };
    const commented = await post(url, comment, "comment-1");
    expect(commented.statusCode).toBe(201);
    const events = await countRows(db(), "ticket_events");
    expect((await post(url, comment, "comment-1")).json()).toEqual(commented.json());
    expect(await countRows(db(), "ticket_events")).toBe(events);

    const invite = { email: "new.person@example.com", name: "New Person", licence: "customer" };
    const invited = await post("/api/v1/admin/users", invite, "user-1");
    expect(invited.statusCode).toBe(201);
    const users = await countRows(db(), "users");
    expect((await post("/api/v1/admin/users", invite, "user-1")).json()).toEqual(invited.json());
    expect(await countRows(db(), "users")).toBe(users);

    const organization = { name: "Idempotent Ltd" };
    const created = await post("/api/v1/admin/organizations", organization, "org-1");
    expect(created.statusCode).toBe(201);
    expect((await post("/api/v1/admin/organizations", organization, "org-1")).json()).toEqual(created.json());
  });

  it("never keeps a secret shown once: a retried token create says it was done, without the token", async () => {
    const input = { name: "Made once", userId: admin.user.id, scopes: ["read"], expiresInDays: 1 };
    const first = await post("/api/v1/admin/api-tokens", input, "token-once");
    expect(first.statusCode).toBe(201);
    const secret: string = first.json().token;
    const retry = await post("/api/v1/admin/api-tokens", input, "token-once");
    expect(retry.statusCode).toBe(409);
    expect(retry.body).not.toContain(secret);
    const stored = await db().selectFrom("idempotency_keys").select("body").execute();
    expect(stored.some((row) => row.body?.includes(secret))).toBe(false);
    const listed = await app.inject({ url: "/api/v1/admin/api-tokens", headers: { cookie: admin.cookie } });
    expect(JSON.stringify(listed.json()).match(/Made once/g)).toHaveLength(1);
  });

  it("replays a refusal the first request got, rather than trying again", async () => {
    const agent = await signInAs(app, await buildAgent(db()));
    const request = () =>
      app.inject({
        method: "POST",
        url: "/api/v1/admin/organizations",
        headers: { cookie: agent.cookie, "x-csrf-token": agent.csrfToken, "idempotency-key": "refused-once" },
        payload: { name: "Not for agents" },
      });
    const first = await request();
    expect(first.statusCode).toBe(403);
    const again = await request();
    expect(again.statusCode).toBe(403);
    expect(again.headers["idempotent-replayed"]).toBe("true");
  });

  // A 429 says "not now", not "no": kept as the key's answer, a client that waited and retried the same
  // operation with the same key (as it should) was told 429 again for a day, and could never create it.
  it("keeps no answer of 429: the same request retried after the wait goes through", async () => {
    const limited = await buildTestApp(db(), engine, testConfig({ rateLimiting: true }));
    const customer = await signInAs(limited, await buildCustomer(db()));
    const submit = async (key: string) =>
      limited.inject({
        method: "POST",
        url: "/api/v1/tickets",
        headers: { cookie: customer.cookie, "x-csrf-token": customer.csrfToken, "idempotency-key": key },
        payload: await buildSubmission(db(), { subject: `Limited ${key}` }),
      });
    for (let i = 0; i < customerLimits.submitTicket.max; i += 1) expect((await submit(`ok-${i}`)).statusCode).toBe(201);
    const refused = await submit("after-the-wait");
    expect(refused.statusCode).toBe(429);
    // The hour passes.
    await db().deleteFrom("rate_limits").where("key", "like", "submitTicket:%").execute();
    const retried = await submit("after-the-wait");
    expect(retried.statusCode, retried.body).toBe(201);
    expect(retried.headers["idempotent-replayed"]).toBeUndefined();
    await limited.close();
  });

  it("claims no key for a request refused as invalid, so the corrected retry goes through", async () => {
    const submission = await buildSubmission(db(), { subject: "Fixed on retry" });
    const invalid = await post("/api/v1/tickets", { ...submission, subject: "" }, "fix-me");
    expect(invalid.statusCode).toBe(400);
    expect((await post("/api/v1/tickets", submission, "fix-me")).statusCode).toBe(201);
  });

  it("refuses a key that is not printable text", async () => {
    const response = await post("/api/v1/tickets", await buildSubmission(db()), "x".repeat(300));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toHaveProperty("Idempotency-Key");
  });
});
