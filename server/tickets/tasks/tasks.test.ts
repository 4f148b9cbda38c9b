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
import { atTheSameMoment } from "../../test/same-moment.ts";

describeEachEngine("tasks on a ticket", ({ db, engine }) => {
  let app: App;
  let agent: SignedInClient;
  let customer: SignedInClient;
  const as = (
    client: SignedInClient,
    method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
    url: string,
    payload?: object,
  ) =>
    app.inject({
      method,
      url,
      headers: { cookie: client.cookie, "x-csrf-token": client.csrfToken },
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });
  const alertMails = (to: string) =>
    db()
      .selectFrom("mail_messages")
      .select("subject")
      .where("to_address", "=", to)
      .where("template", "=", "alert-fired")
      .execute();
  const newTicket = async (subject: string) =>
    (await as(customer, "POST", "/api/v1/tickets", await buildSubmission(db(), { subject }))).json().number as number;

  it("lets an agent add, assign, tick off and remove tasks, all recorded in the agents' Feed", async () => {
    app = await buildTestApp(db(), engine);
    agent = await signInAs(app, await buildAgent(db()));
    customer = await signInAs(app, await buildCustomer(db()));
    const number = await newTicket("New laptop for Sam");
    const colleague = await buildAgent(db());

    const added = await as(agent, "POST", `/api/v1/tickets/${number}/tasks`, {
      title: "Order the laptop",
      assigneeId: colleague.id,
      dueOn: "2026-12-01",
    });
    expect(added.statusCode).toBe(201);
    const second = await as(agent, "POST", `/api/v1/tickets/${number}/tasks`, { title: "Set up the account" });
    const list = (await as(agent, "GET", `/api/v1/tickets/${number}/tasks`)).json();
    expect(list.tasks).toMatchObject([
      {
        title: "Order the laptop",
        assignee: { id: colleague.id, name: colleague.name },
        dueOn: "2026-12-01",
        done: false,
      },
      { title: "Set up the account", assignee: null, dueOn: null, done: false },
    ]);
    expect(list.assignees.map((a: { id: string }) => a.id)).toContain(colleague.id);
    expect(list.assignees.map((a: { id: string }) => a.id)).not.toContain(customer.user.id);

    // Only agents can be given a task, and dates must be dates.
    const toCustomer = await as(agent, "POST", `/api/v1/tickets/${number}/tasks`, {
      title: "Nope",
      assigneeId: customer.user.id,
    });
    expect(toCustomer.statusCode).toBe(400);
    expect(toCustomer.json().error.fields).toEqual({ assigneeId: "Choose an agent from the list." });
    expect((await as(agent, "POST", `/api/v1/tickets/${number}/tasks`, { title: "x", dueOn: "soon" })).statusCode).toBe(
      400,
    );

    const taskId = added.json().id as string;
    expect(
      (await as(agent, "PATCH", `/api/v1/tickets/${number}/tasks/${taskId}`, { done: true, title: "Order it" }))
        .statusCode,
    ).toBe(204);
    expect((await as(agent, "DELETE", `/api/v1/tickets/${number}/tasks/${second.json().id}`)).statusCode).toBe(204);
    const after = (await as(agent, "GET", `/api/v1/tickets/${number}/tasks`)).json();
    expect(after.tasks).toMatchObject([{ title: "Order it", done: true, doneBy: agent.user.name }]);

    const agentFeed = (await as(agent, "GET", `/api/v1/tickets/${number}/feed`)).json().entries;
    expect(
      agentFeed
        .filter((e: { type: string }) => e.type.startsWith("task_"))
        .map((e: { type: string; detail: string }) => [e.type, e.detail]),
    ).toEqual([
      ["task_added", "Order the laptop"],
      ["task_added", "Set up the account"],
      ["task_edited", "Order it"],
      ["task_completed", "Order it"],
      ["task_removed", "Set up the account"],
    ]);
    expect(agentFeed.find((e: { type: string }) => e.type === "task_added").visibility).toBe("internal");
    // Tasks are agents' business: the requester sees none of it.
    const customerFeed = (await as(customer, "GET", `/api/v1/tickets/${number}/feed`)).json().entries;
    expect(customerFeed.map((e: { type: string }) => e.type)).toEqual(["created"]);
  });

  it("refuses customers and agents who cannot see the ticket", async () => {
    const number = await newTicket("Private matters");
    const taskId = (await as(agent, "POST", `/api/v1/tickets/${number}/tasks`, { title: "Call back" })).json().id;
    expect((await as(customer, "GET", `/api/v1/tickets/${number}/tasks`)).statusCode).toBe(403);
    expect((await as(customer, "POST", `/api/v1/tickets/${number}/tasks`, { title: "Mine" })).statusCode).toBe(403);
    expect((await as(customer, "PATCH", `/api/v1/tickets/${number}/tasks/${taskId}`, { done: true })).statusCode).toBe(
      403,
    );
    expect((await as(customer, "DELETE", `/api/v1/tickets/${number}/tasks/${taskId}`)).statusCode).toBe(403);
    expect((await app.inject({ method: "GET", url: `/api/v1/tickets/${number}/tasks` })).statusCode).toBe(401);

    // An agent whose roles do not include seeing every ticket finds nothing (the ticket scope decides).
    const limited = await buildAgent(db());
    const role = await db().selectFrom("roles").select("id").where("key", "=", "customer").executeTakeFirstOrThrow();
    await db().deleteFrom("user_roles").where("user_id", "=", limited.id).execute();
    await db().insertInto("user_roles").values({ user_id: limited.id, role_id: role.id }).execute();
    const limitedClient = await signInAs(app, limited);
    expect((await as(limitedClient, "GET", `/api/v1/tickets/${number}/tasks`)).statusCode).toBe(403);

    const worker = await buildNarrowAgent(db());
    const workerClient = await signInAs(app, worker);
    expect((await as(workerClient, "GET", `/api/v1/tickets/${number}/tasks`)).statusCode).toBe(404);
    expect(
      (await as(workerClient, "PATCH", `/api/v1/tickets/${number}/tasks/${taskId}`, { done: true })).statusCode,
    ).toBe(404);
    // A task of another ticket is not reachable through this one.
    const other = await newTicket("Other");
    expect((await as(agent, "PATCH", `/api/v1/tickets/${other}/tasks/${taskId}`, { done: true })).statusCode).toBe(404);
  });

  it('fires "All tasks complete" when the last open task is ticked off, once per completed set', async () => {
    const number = await newTicket("Onboarding");
    expect((await as(customer, "PUT", `/api/v1/tickets/${number}/alerts/all_tasks_complete`)).statusCode).toBe(204);
    const first = (await as(agent, "POST", `/api/v1/tickets/${number}/tasks`, { title: "Badge" })).json().id;
    const second = (await as(agent, "POST", `/api/v1/tickets/${number}/tasks`, { title: "Desk" })).json().id;
    const tick = (id: string, done: boolean) => as(agent, "PATCH", `/api/v1/tickets/${number}/tasks/${id}`, { done });

    await tick(first, true);
    expect(await alertMails(customer.user.email)).toEqual([]);
    await tick(second, true);
    await tick(second, true); // already done: nothing happens
    expect(await alertMails(customer.user.email)).toEqual([{ subject: `[#${number}] Alert: All tasks complete` }]);

    await tick(first, false);
    await tick(first, true);
    expect(await alertMails(customer.user.email)).toHaveLength(2);
  });

  it('fires "All tasks complete" once when two agents tick off the last two tasks at the same moment', async () => {
    const number = await newTicket("Onboarding, two at once");
    expect((await as(customer, "PUT", `/api/v1/tickets/${number}/alerts/all_tasks_complete`)).statusCode).toBe(204);
    const first = (await as(agent, "POST", `/api/v1/tickets/${number}/tasks`, { title: "Badge" })).json().id;
    const second = (await as(agent, "POST", `/api/v1/tickets/${number}/tasks`, { title: "Desk" })).json().id;
    const tick = (id: string) => as(agent, "PATCH", `/api/v1/tickets/${number}/tasks/${id}`, { done: true });

    // Unless each change takes the ticket's row before it reads, each counts the other's task as still open, and
    // neither fires the alert (it happened on PostgreSQL in the browser suite).
    const ticks = await atTheSameMoment(db(), engine, number, [() => tick(first), () => tick(second)]);
    expect(ticks.map((r) => r.statusCode)).toEqual([204, 204]);
    const tasks = (await as(agent, "GET", `/api/v1/tickets/${number}/tasks`)).json().tasks;
    expect(tasks.map((t: { done: boolean }) => t.done)).toEqual([true, true]);
    expect(await alertMails(customer.user.email)).toContainEqual({ subject: `[#${number}] Alert: All tasks complete` });
    expect(
      (await alertMails(customer.user.email)).filter((m) => m.subject === `[#${number}] Alert: All tasks complete`),
    ).toHaveLength(1);
  });
});
