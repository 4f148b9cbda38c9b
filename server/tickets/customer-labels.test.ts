import { expect, it } from "vitest";
import { describeEachEngine } from "../test/engines.ts";
import { buildAgent, buildCustomer, buildSubmission, buildTestApp, signInAs } from "../test/factories.ts";

describeEachEngine("status labels by reader", ({ db, engine }) => {
  it("sends customers the customer label only, agents both", async () => {
    const app = await buildTestApp(db(), engine);
    const customer = await signInAs(app, await buildCustomer(db()));
    const agent = await signInAs(app, await buildAgent(db()));
    // An internal agent label that must never reach the customer.
    await db().updateTable("statuses").set({ agent_label: "Escalated to vendor" }).where("key", "=", "new").execute();
    const number = (
      await app.inject({
        method: "POST",
        url: "/api/v1/tickets",
        headers: { cookie: customer.cookie, "x-csrf-token": customer.csrfToken },
        payload: await buildSubmission(db()),
      })
    ).json().number;
    const get = (cookie: string, url: string) => app.inject({ method: "GET", url, headers: { cookie } });

    for (const url of [`/api/v1/tickets/${number}`, "/api/v1/tickets", "/api/v1/statuses"]) {
      const forCustomer = await get(customer.cookie, url);
      expect(forCustomer.statusCode, url).toBe(200);
      expect(forCustomer.body, url).not.toContain("agentLabel");
      expect(forCustomer.body, url).not.toContain("Escalated to vendor");
      const forAgent = await get(agent.cookie, url);
      expect(forAgent.body, url).toContain('"agentLabel":"Escalated to vendor"');
    }
    expect((await get(customer.cookie, `/api/v1/tickets/${number}`)).json().status).toEqual({
      id: expect.any(String),
      customerLabel: expect.any(String),
      category: "new",
    });
    // Nobody signed in reads the statuses as customers do.
    expect((await app.inject({ method: "GET", url: "/api/v1/statuses" })).body).not.toContain("agentLabel");
  });
});
