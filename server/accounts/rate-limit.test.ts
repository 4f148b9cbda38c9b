import { expect, it } from "vitest";
import type { App } from "../http/types.ts";
import { describeEachEngine } from "../test/engines.ts";
import {
  buildAdmin,
  buildAgent,
  buildCustomer,
  buildSubmission,
  buildTestApp,
  latestMailTo,
  type SignedInClient,
  signInAs,
  testConfig,
} from "../test/factories.ts";
import { clientAddressKey, customerLimits, hit, limits, mailboxKey } from "./rate-limit.ts";
import { signInThrottle } from "./sign-in-throttle.ts";

/** A registration as the sign-up form sends it, from one client address. */
const registerFrom = (app: App, email: string, remoteAddress: string) =>
  app.inject({
    method: "POST",
    url: "/api/v1/accounts",
    payload: { name: "Someone New", email, password: "a long password" },
    remoteAddress,
  });

describeEachEngine("rate limits", ({ db, engine }) => {
  it("counts hits in a fixed window and starts afresh when it has passed", async () => {
    const limit = { max: 2, windowMs: 60_000 };
    const start = new Date("2026-03-02T10:00:00.000Z");
    const at = (ms: number) => new Date(start.getTime() + ms);
    expect(await hit(db(), "k", limit, at(0))).toBe(true);
    expect(await hit(db(), "k", limit, at(1_000))).toBe(true);
    expect(await hit(db(), "k", limit, at(2_000))).toBe(false);
    expect(await hit(db(), "other", limit, at(2_000))).toBe(true);
    expect(await hit(db(), "k", limit, at(60_001))).toBe(true);
  });

  it("stops guessing at a status check after a few tries for one address, without saying whether it matched", async () => {
    const app = await buildTestApp(db(), engine, testConfig({ rateLimiting: true }));
    const tries = limits.statusCheck.perTarget.max;
    for (let i = 0; i < tries; i += 1) {
      const response = await app.inject({
        method: "POST",
        url: "/api/v1/status-checks",
        payload: { email: "target@example.com", number: 1000 + i },
      });
      expect(response.statusCode).toBe(202);
    }
    const refused = await app.inject({
      method: "POST",
      url: "/api/v1/status-checks",
      payload: { email: "target@example.com", number: 2000 },
    });
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error).toEqual({
      code: "rate_limited",
      message: "Too many attempts. Please wait a few minutes and try again.",
    });
    expect(await latestMailTo(db(), "target@example.com")).toBeUndefined();
  });

  it("counts every spelling of one mailbox together, so +tags cannot send it registration mail without end", async () => {
    const app = await buildTestApp(db(), engine, testConfig({ rateLimiting: true }));
    // A client address of its own for each try: the per-address limit is what is tested.
    const register = (email: string, i: number) => registerFrom(app, email, `192.0.2.${i + 1}`);
    const spellings = ["victim+1@example.com", "Victim+news@Example.com", "victim+2@example.com", "victim@example.com"];
    const statuses: number[] = [];
    for (const [i, email] of spellings.entries()) statuses.push((await register(email, i)).statusCode);
    expect(limits.register.perTarget.max).toBe(3);
    expect(statuses).toEqual([202, 202, 202, 429]);
    expect(await latestMailTo(db(), "victim@example.com")).toBeUndefined();
    // Someone else's mailbox is counted on its own.
    expect((await register("other+1@example.com", 10)).statusCode).toBe(202);
  });

  it("names the mailbox an address delivers to", () => {
    expect(mailboxKey("Victim+Tag@Example.COM")).toBe("victim@example.com");
    expect(mailboxKey(" a.b+x@gmail.com ")).toBe("ab@gmail.com");
    expect(mailboxKey("a.b@googlemail.com")).toBe("ab@gmail.com");
    expect(mailboxKey("a.b@example.com")).toBe("a.b@example.com");
    expect(mailboxKey("+only@example.com")).toBe("+only@example.com");
    expect(mailboxKey("9F86D081884C7D65")).toBe("9f86d081884c7d65");
  });

  it("counts an IPv6 client by its /64, so a fresh address for every try meets the limit all the same", async () => {
    const app = await buildTestApp(db(), engine, testConfig({ rateLimiting: true }));
    const register = (i: number, remoteAddress: string) =>
      registerFrom(app, `rotating.${i}@example.com`, remoteAddress);
    const statuses: number[] = [];
    for (let i = 0; i <= limits.register.perIp.max; i += 1) {
      statuses.push((await register(i, `2001:db8:7:${i % 2 ? "0007" : "7"}:${(i + 1).toString(16)}::1`)).statusCode);
    }
    expect(statuses.slice(0, -1).every((s) => s === 202)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // The next /64 is someone else, and so is an IPv4 client.
    expect((await register(100, "2001:db8:7:8::1")).statusCode).toBe(202);
    expect((await register(101, "192.0.2.44")).statusCode).toBe(202);
  });

  it("names each client address as the limits count it", () => {
    expect(clientAddressKey("192.0.2.1")).toBe("192.0.2.1");
    expect(clientAddressKey("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(clientAddressKey("2001:db8:1:2::a")).toBe("2001:db8:1:2::/64");
    expect(clientAddressKey("2001:DB8:0001:0002:3:4:5:6")).toBe("2001:db8:1:2::/64");
    expect(clientAddressKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(clientAddressKey("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(clientAddressKey("1:2:3::4:5:6:7")).toBe("1:2:3:0::/64");
  });

  it("bounds the requests and comments one customer writes in an hour; agents and API tokens write on", async () => {
    const app = await buildTestApp(db(), engine, testConfig({ rateLimiting: true }));
    const as = (who: SignedInClient) => ({ cookie: who.cookie, "x-csrf-token": who.csrfToken });
    const customer = await signInAs(app, await buildCustomer(db()));
    const agent = await signInAs(app, await buildAgent(db()));
    const submit = async (headers: Record<string, string>, i: number) =>
      app.inject({
        method: "POST",
        url: "/api/v1/tickets",
        headers,
        payload: await buildSubmission(db(), { email: customer.user.email, subject: `Flood ${i}` }),
        // Each from an address of its own: the anonymous limit per address is not what stops this.
        remoteAddress: `198.51.100.${i % 250}`,
      });
    const submitted: number[] = [];
    for (let i = 0; i <= customerLimits.submitTicket.max; i += 1) {
      submitted.push((await submit(as(customer), i)).statusCode);
    }
    expect(submitted.slice(0, -1).every((s) => s === 201)).toBe(true);
    expect(submitted.at(-1)).toBe(429);
    const tickets = await db()
      .selectFrom("tickets")
      .select("number")
      .where("requester_email", "=", customer.user.email)
      .orderBy("number")
      .execute();
    expect(tickets).toHaveLength(customerLimits.submitTicket.max);
    const number = tickets[0]?.number;

    const comment = (headers: Record<string, string>, body: string) =>
      app.inject({ method: "POST", url: `/api/v1/tickets/${number}/comments`, headers, payload: { body } });
    const commented: number[] = [];
    for (let i = 0; i <= customerLimits.comment.max; i += 1) {
      commented.push((await comment(as(customer), `Still broken (${i})`)).statusCode);
    }
    expect(commented.slice(0, -1).every((s) => s === 201)).toBe(true);
    expect(commented.at(-1)).toBe(429);
    const refused = await comment(as(customer), "One more");
    expect(refused.json().error.message).toBe(
      "You have written many comments in the last hour. Please wait a while before writing more.",
    );
    expect((await submit(as(customer), 999)).json().error.message).toBe(
      "You have sent many requests in the last hour. Please wait a while before sending more.",
    );

    // The agent answering is not counted with them, and an admin's API token acts for the customer's side too.
    expect((await comment(as(agent), "We are on it")).statusCode).toBe(201);
    const admin = await signInAs(app, await buildAdmin(db()));
    const token = await app.inject({
      method: "POST",
      url: "/api/v1/admin/api-tokens",
      headers: as(admin),
      payload: { name: "Integration", userId: customer.user.id, scopes: ["read", "write"], expiresInDays: 30 },
    });
    expect(token.statusCode).toBe(201);
    const bearer = { authorization: `Bearer ${token.json().token}` };
    expect((await comment(bearer, "From the integration")).statusCode).toBe(201);
    expect((await submit(bearer, 1000)).statusCode).toBe(201);
    // About a hundred writes one after another: 3 s alone, past 20 s on a loaded machine (PostgreSQL).
  }, 60_000);

  it("limits password guessing per account from one address", async () => {
    const app = await buildTestApp(db(), engine, testConfig({ rateLimiting: true }));
    const statuses: number[] = [];
    for (let i = 0; i <= signInThrottle.perPair.max; i += 1) {
      const response = await app.inject({
        method: "POST",
        url: "/api/v1/session",
        payload: { email: "victim@example.com", password: `guess ${i}` },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, -1).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
