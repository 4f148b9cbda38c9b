import { expect, it } from "vitest";
import type { App } from "../http/types.ts";
import { describeEachEngine } from "../test/engines.ts";
import {
  buildAgent,
  buildCustomer,
  buildSubmission,
  buildTestApp,
  type SignedInClient,
  signInAs,
} from "../test/factories.ts";

describeEachEngine("personal alerts", ({ db, engine }) => {
  let app: App;
  const as = (client: SignedInClient, method: "GET" | "POST" | "PUT" | "DELETE", url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: { cookie: client.cookie, "x-csrf-token": client.csrfToken },
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });
  const alertMails = async (to: string) =>
    db()
      .selectFrom("mail_messages")
      .select("subject")
      .where("to_address", "=", to)
      .where("template", "=", "alert-fired")
      .execute();

  it("fires the alerts a person chose, once per event, and only theirs", async () => {
    app = await buildTestApp(db(), engine);
    const customer = await signInAs(app, await buildCustomer(db()));
    const agent = await signInAs(app, await buildAgent(db()));
    const number = (
      await as(customer, "POST", "/api/v1/tickets", await buildSubmission(db(), { subject: "Alert me" }))
    ).json().number;

    expect((await as(customer, "PUT", `/api/v1/tickets/${number}/alerts/ticket_completed`)).statusCode).toBe(204);
    expect((await as(customer, "PUT", `/api/v1/tickets/${number}/alerts/ticket_completed`)).statusCode).toBe(204);
    expect((await as(agent, "PUT", `/api/v1/tickets/${number}/alerts/ticket_in_process`)).statusCode).toBe(204);
    expect((await as(customer, "GET", `/api/v1/tickets/${number}/alerts`)).json()).toEqual({
      active: ["ticket_completed"],
    });
    expect((await as(customer, "PUT", `/api/v1/tickets/${number}/alerts/whenever`)).statusCode).toBe(400);

    const status = async (key: string) =>
      (await db().selectFrom("statuses").select("id").where("key", "=", key).executeTakeFirstOrThrow()).id;
    await as(agent, "POST", `/api/v1/tickets/${number}/status`, { statusId: await status("in_progress") });
    expect(await alertMails(agent.user.email)).toEqual([{ subject: `[#${number}] Alert: Ticket is in process` }]);
    expect(await alertMails(customer.user.email)).toEqual([]);

    await as(agent, "POST", `/api/v1/tickets/${number}/status`, { statusId: await status("solved") });
    await as(agent, "POST", `/api/v1/tickets/${number}/status`, { statusId: await status("closed") });
    expect(await alertMails(customer.user.email)).toEqual([{ subject: `[#${number}] Alert: Ticket is completed` }]);

    expect((await as(customer, "DELETE", `/api/v1/tickets/${number}/alerts/ticket_completed`)).statusCode).toBe(204);
    expect((await as(customer, "GET", `/api/v1/tickets/${number}/alerts`)).json()).toEqual({ active: [] });
  });

  it("stops mailing someone who lost access to the ticket since they subscribed", async () => {
    const customer = await signInAs(app, await buildCustomer(db()));
    const agent = await signInAs(app, await buildAgent(db()));
    const leaving = await signInAs(app, await buildAgent(db()));
    const number = (
      await as(customer, "POST", "/api/v1/tickets", await buildSubmission(db(), { subject: "Watch this" }))
    ).json().number;
    expect((await as(leaving, "PUT", `/api/v1/tickets/${number}/alerts/ticket_completed`)).statusCode).toBe(204);
    expect(
      (await as(customer, "POST", `/api/v1/tickets/${number}/ccs`, { email: "cc.guest@example.com" })).statusCode,
    ).toBe(204);
    const ticket = await db().selectFrom("tickets").select("id").where("number", "=", number).executeTakeFirstOrThrow();
    await db()
      .insertInto("alert_subscriptions")
      .values({
        ticket_id: ticket.id,
        subscriber: "cc.guest@example.com",
        alert: "ticket_completed",
        created_at: new Date().toISOString(),
      })
      .execute();
    // The agent's roles are taken away; the guest is no longer copied.
    await db().deleteFrom("user_roles").where("user_id", "=", leaving.user.id).execute();
    expect((await as(customer, "DELETE", `/api/v1/tickets/${number}/ccs/cc.guest@example.com`)).statusCode).toBe(204);

    const solved = (
      await db().selectFrom("statuses").select("id").where("key", "=", "solved").executeTakeFirstOrThrow()
    ).id;
    expect((await as(agent, "POST", `/api/v1/tickets/${number}/status`, { statusId: solved })).statusCode).toBe(204);
    expect(await alertMails(leaving.user.email)).toEqual([]);
    expect(await alertMails("cc.guest@example.com")).toEqual([]);
  });

  it("sends each reader to their own page, in their own words: agents the workspace and the agent label", async () => {
    const customer = await signInAs(app, await buildCustomer(db()));
    const agent = await signInAs(app, await buildAgent(db()));
    const number = (
      await as(customer, "POST", "/api/v1/tickets", await buildSubmission(db(), { subject: "Labels" }))
    ).json().number;
    await as(customer, "PUT", `/api/v1/tickets/${number}/alerts/ticket_completed`);
    await as(agent, "PUT", `/api/v1/tickets/${number}/alerts/ticket_completed`);
    // A colleague copied on the ticket hears of its status changes as an agent, too.
    const colleague = await buildAgent(db());
    await as(customer, "POST", `/api/v1/tickets/${number}/ccs`, { email: colleague.email });
    const solved = await db()
      .selectFrom("statuses")
      .select(["id", "agent_label", "customer_label"])
      .where("key", "=", "solved")
      .executeTakeFirstOrThrow();
    expect(solved.agent_label).not.toBe(solved.customer_label);
    await as(agent, "POST", `/api/v1/tickets/${number}/status`, { statusId: solved.id });

    const body = async (to: string) =>
      (
        await db()
          .selectFrom("mail_messages")
          .select("text_body")
          .where("to_address", "=", to)
          .where("template", "=", "alert-fired")
          .executeTakeFirstOrThrow()
      ).text_body;
    const forAgent = await body(agent.user.email);
    expect(forAgent).toContain(`/agent/tickets/${number}`);
    expect(forAgent).not.toContain(`/requests/${number}`);
    expect(forAgent).toContain(`Its status is now ${solved.agent_label}.`);
    const statusMail = await db()
      .selectFrom("mail_messages")
      .select("text_body")
      .where("to_address", "=", colleague.email)
      .where("template", "=", "status-changed")
      .executeTakeFirstOrThrow();
    expect(statusMail.text_body).toContain(`/agent/tickets/${number}`);
    expect(statusMail.text_body).toContain(solved.agent_label);
    expect(statusMail.text_body).not.toContain(solved.customer_label);
    const forCustomer = await body(customer.user.email);
    expect(forCustomer).toContain(`/requests/${number}`);
    expect(forCustomer).toContain(`Its status is now ${solved.customer_label}.`);
  });
});
