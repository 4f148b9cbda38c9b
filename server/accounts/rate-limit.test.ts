import { expect, it } from "vitest";
import { describeEachEngine } from "../test/engines.ts";
import { buildTestApp, latestMailTo, testConfig } from "../test/factories.ts";
import { clientAddressKey, hit, limits } from "./rate-limit.ts";
import { signInThrottle } from "./sign-in-throttle.ts";

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

  it("counts an IPv6 client by its /64, so a fresh address for every try meets the limit all the same", async () => {
    const app = await buildTestApp(db(), engine, testConfig({ rateLimiting: true }));
    const register = (i: number, remoteAddress: string) =>
      app.inject({
        method: "POST",
        url: "/api/v1/accounts",
        payload: { name: `Rotating ${i}`, email: `rotating.${i}@example.com`, password: "a long password" },
        remoteAddress,
      });
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
