import { expect, it } from "vitest";
import type { App } from "../../http/types.ts";
import { buildNarrowAgent } from "../../test/agent-tools-helpers.ts";
import { describeEachEngine } from "../../test/engines.ts";
import {
  buildAgent,
  buildCustomer,
  buildSubmission,
  buildTestApp,
  type SignedInClient,
  signInAs,
} from "../../test/factories.ts";

describeEachEngine("tags on tickets", ({ db, engine }) => {
  let app: App;
  const as = (client: SignedInClient, method: "GET" | "POST" | "PUT" | "DELETE", url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: { cookie: client.cookie, "x-csrf-token": client.csrfToken },
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });
  const numbersOf = async (client: SignedInClient, url: string) =>
    ((await as(client, "GET", url)).json().tickets as { number: number }[]).map((t) => t.number);

  it("lets an agent tag a ticket, records each change in the Feed, and finds tickets by tag", async () => {
    app = await buildTestApp(db(), engine);
    const agent = await signInAs(app, await buildAgent(db()));
    const customer = await signInAs(app, await buildCustomer(db()));
    const submit = async (subject: string) =>
      (await as(customer, "POST", "/api/v1/tickets", await buildSubmission(db(), { subject }))).json().number as number;
    const vpn = await submit("The VPN drops every hour");
    const other = await submit("Printer jam");

    expect((await as(agent, "PUT", `/api/v1/tickets/${vpn}/tags/VPN`)).statusCode).toBe(204);
    expect((await as(agent, "PUT", `/api/v1/tickets/${vpn}/tags/network`)).statusCode).toBe(204);
    // The same tag again (in any case) is no change and no second event.
    expect((await as(agent, "PUT", `/api/v1/tickets/${vpn}/tags/vpn`)).statusCode).toBe(204);
    expect((await as(agent, "GET", `/api/v1/tickets/${vpn}/tags`)).json()).toEqual({ tags: ["network", "vpn"] });

    const feed = (await as(agent, "GET", `/api/v1/tickets/${vpn}/feed`)).json().entries as {
      type: string;
      detail: string | null;
      visibility: string;
    }[];
    expect(feed.filter((e) => e.type === "tag_added").map((e) => e.detail)).toEqual(["vpn", "network"]);
    expect(feed.find((e) => e.type === "tag_added")?.visibility).toBe("internal");

    // Queues, the ticket list and search filter by tag.
    expect(await numbersOf(agent, "/api/v1/agent/tickets?queue=all&tag=vpn&limit=100")).toEqual([vpn]);
    expect(await numbersOf(agent, "/api/v1/agent/tickets?queue=all&tag=vpn&tag=printer&limit=100")).toEqual([]);
    expect(await numbersOf(agent, "/api/v1/tickets?tag=network")).toEqual([vpn]);
    const hits = (await as(agent, "GET", "/api/v1/search?q=tag:vpn")).json();
    expect(JSON.stringify(hits)).toContain("The VPN drops every hour");
    expect(JSON.stringify(hits)).not.toContain("Printer jam");

    expect((await as(agent, "DELETE", `/api/v1/tickets/${vpn}/tags/vpn`)).statusCode).toBe(204);
    expect((await as(agent, "DELETE", `/api/v1/tickets/${vpn}/tags/vpn`)).statusCode).toBe(204);
    expect((await as(agent, "GET", `/api/v1/tickets/${vpn}/tags`)).json()).toEqual({ tags: ["network"] });
    const after = (await as(agent, "GET", `/api/v1/tickets/${vpn}/feed`)).json().entries as { type: string }[];
    expect(after.filter((e) => e.type === "tag_removed")).toHaveLength(1);
    expect(await numbersOf(agent, "/api/v1/agent/tickets?queue=all&tag=vpn&limit=100")).toEqual([]);
    expect(other).not.toBe(vpn);
  });

  it("normalises and bounds tags", async () => {
    const agent = await signInAs(app, await buildAgent(db()));
    const customer = await signInAs(app, await buildCustomer(db()));
    const number = (await as(customer, "POST", "/api/v1/tickets", await buildSubmission(db()))).json().number;
    const bad = await as(agent, "PUT", `/api/v1/tickets/${number}/tags/${encodeURIComponent("two words")}`);
    expect(bad.statusCode).toBe(400);
    expect((await as(agent, "PUT", `/api/v1/tickets/${number}/tags/${"x".repeat(41)}`)).statusCode).toBe(400);
    for (let i = 0; i < 20; i++) await as(agent, "PUT", `/api/v1/tickets/${number}/tags/t${i}`);
    const full = await as(agent, "PUT", `/api/v1/tickets/${number}/tags/one-more`);
    expect(full.statusCode).toBe(409);
    expect(full.json().error.message).toBe("A ticket takes at most 20 tags. Remove one first.");
  });

  it("keeps tags from customers and from agents who do not see the ticket", async () => {
    const agent = await signInAs(app, await buildAgent(db()));
    const customer = await signInAs(app, await buildCustomer(db()));
    const narrow = await signInAs(app, await buildNarrowAgent(db()));
    const number = (await as(customer, "POST", "/api/v1/tickets", await buildSubmission(db()))).json().number;
    await as(agent, "PUT", `/api/v1/tickets/${number}/tags/angry`);

    expect((await as(customer, "GET", `/api/v1/tickets/${number}/tags`)).statusCode).toBe(403);
    expect((await as(customer, "PUT", `/api/v1/tickets/${number}/tags/fine`)).statusCode).toBe(403);
    expect((await as(customer, "DELETE", `/api/v1/tickets/${number}/tags/angry`)).statusCode).toBe(403);
    expect((await as(narrow, "PUT", `/api/v1/tickets/${number}/tags/fine`)).statusCode).toBe(404);
    // A customer's tag filter tells nothing: it matches none of their tickets.
    expect(await numbersOf(customer, "/api/v1/tickets?tag=angry")).toEqual([]);
    expect((await as(customer, "GET", "/api/v1/tickets")).json().tickets.length).toBe(1);
    // Nor does the Feed show them the change.
    const feed = (await as(customer, "GET", `/api/v1/tickets/${number}/feed`)).json().entries as { type: string }[];
    expect(feed.some((e) => e.type === "tag_added")).toBe(false);
    expect((await as(agent, "GET", `/api/v1/tickets/${number}/tags`)).json().tags).toEqual(["angry"]);
  });
});
