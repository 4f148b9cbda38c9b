import { expect, it } from "vitest";
import { createGroup, createRole } from "../../accounts/commands/manage-directory.ts";
import type { App } from "../../http/types.ts";
import { buildNarrowAgent } from "../../test/agent-tools-helpers.ts";
import { describeEachEngine } from "../../test/engines.ts";
import {
  buildAdmin,
  buildAgent,
  buildCustomer,
  buildSubmission,
  buildTestApp,
  latestMailTo,
  type SignedInClient,
  signInAs,
} from "../../test/factories.ts";
import { fillPlaceholders } from "./commands.ts";

describeEachEngine("macros", ({ db, engine }) => {
  let app: App;
  let admin: SignedInClient;
  let agent: SignedInClient;
  let colleague: SignedInClient;
  let customer: SignedInClient;
  const as = (client: SignedInClient, method: "GET" | "POST" | "PUT" | "DELETE", url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: { cookie: client.cookie, "x-csrf-token": client.csrfToken },
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });
  const statusId = async (key: string) =>
    (await db().selectFrom("statuses").select("id").where("key", "=", key).executeTakeFirstOrThrow()).id;
  const names = async (client: SignedInClient) =>
    ((await as(client, "GET", "/api/v1/macros")).json().macros as { name: string; editable: boolean }[]).map((m) => [
      m.name,
      m.editable,
    ]);

  it("keeps shared macros for administrators to manage and personal ones to their owner", async () => {
    app = await buildTestApp(db(), engine);
    admin = await signInAs(app, await buildAdmin(db()));
    agent = await signInAs(app, await buildAgent(db()));
    colleague = await signInAs(app, await buildAgent(db()));
    customer = await signInAs(app, await buildCustomer(db()));

    const shared = await as(admin, "POST", "/api/v1/macros", {
      name: "Need more details",
      body: "<p>Hello {{requester.name}}, about #{{ticket.number}}:</p><script>alert(1)</script>",
      shared: true,
      statusId: await statusId("waiting_for_customer"),
    });
    expect(shared.statusCode).toBe(201);
    expect((await as(agent, "POST", "/api/v1/macros", { name: "Sneaky", body: "x", shared: true })).statusCode).toBe(
      403,
    );
    const own = await as(agent, "POST", "/api/v1/macros", {
      name: "My sign-off",
      body: "<p>Cheers, {{agent.name}}</p>",
    });
    expect(own.statusCode).toBe(201);
    const empty = await as(agent, "POST", "/api/v1/macros", { name: "Nothing" });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields.body).toBe("Write the text to insert, or choose a field to set.");

    expect(await names(agent)).toEqual([
      ["Need more details", false],
      ["My sign-off", true],
    ]);
    expect(await names(colleague)).toEqual([["Need more details", false]]);
    expect(await names(admin)).toEqual([["Need more details", true]]);
    const stored = await db().selectFrom("macros").select("body").where("id", "=", shared.json().id).executeTakeFirst();
    expect(stored?.body).toBe("<p>Hello {{requester.name}}, about #{{ticket.number}}:</p>");

    const ownId = own.json().id as string;
    const sharedId = shared.json().id as string;
    expect((await as(colleague, "PUT", `/api/v1/macros/${ownId}`, { name: "Mine now", body: "x" })).statusCode).toBe(
      404,
    );
    expect((await as(colleague, "DELETE", `/api/v1/macros/${ownId}`)).statusCode).toBe(404);
    expect(
      (await as(agent, "PUT", `/api/v1/macros/${sharedId}`, { name: "Edited", body: "x", shared: true })).statusCode,
    ).toBe(403);
    expect(
      (await as(agent, "PUT", `/api/v1/macros/${ownId}`, { name: "Shared now", body: "x", shared: true })).statusCode,
    ).toBe(403);
    expect((await as(agent, "DELETE", `/api/v1/macros/${sharedId}`)).statusCode).toBe(403);
    expect((await as(customer, "GET", "/api/v1/macros")).statusCode).toBe(403);
    expect((await app.inject({ method: "GET", url: "/api/v1/macros" })).statusCode).toBe(401);

    expect(
      (await as(agent, "PUT", `/api/v1/macros/${ownId}`, { name: "My sign-off", body: "<p>Best, {{agent.name}}</p>" }))
        .statusCode,
    ).toBe(204);
    expect((await as(admin, "DELETE", `/api/v1/macros/${sharedId}`)).statusCode).toBe(204);
    expect(await names(agent)).toEqual([["My sign-off", true]]);
  });

  it("applies a macro: status through the usual change, priority with an event, text with placeholders filled", async () => {
    const macro = (
      await as(admin, "POST", "/api/v1/macros", {
        name: "Escalate",
        body: "<p>Hi {{requester.name}}, #{{ticket.number}} ({{ticket.subject}}) is with {{agent.name}}. {{unknown.thing}}</p>",
        shared: true,
        statusId: await statusId("in_progress"),
        priority: "urgent",
      })
    ).json().id as string;
    const number = (
      await as(
        customer,
        "POST",
        "/api/v1/tickets",
        await buildSubmission(db(), { subject: "Server <down>", name: "Ann & Bob", priority: "low" }),
      )
    ).json().number as number;

    const applied = await as(agent, "POST", `/api/v1/tickets/${number}/macros/${macro}/apply`);
    expect(applied.statusCode).toBe(200);
    expect(applied.json().body).toBe(
      `<p>Hi ${customer.user.name}, #${number} (Server &lt;down&gt;) is with ${agent.user.name}. {{unknown.thing}}</p>`,
    );
    const ticket = (await as(agent, "GET", `/api/v1/tickets/${number}`)).json();
    expect(ticket.status.agentLabel).toBe("In Progress");
    expect(ticket.priority).toBe("urgent");
    const feed = (await as(agent, "GET", `/api/v1/tickets/${number}/feed`)).json().entries;
    expect(feed.map((e: { type: string }) => e.type)).toEqual(["created", "status_changed", "priority_changed"]);
    expect(feed[2].detail).toBe("Low → Urgent");
    expect((await latestMailTo(db(), customer.user.email))?.subject).toContain(`[#${number}]`);
    // Applying again changes nothing more.
    await as(agent, "POST", `/api/v1/tickets/${number}/macros/${macro}/apply`);
    expect((await as(agent, "GET", `/api/v1/tickets/${number}/feed`)).json().entries).toHaveLength(3);

    const personal = (await as(agent, "POST", "/api/v1/macros", { name: "Mine", priority: "high" })).json().id;
    expect((await as(colleague, "POST", `/api/v1/tickets/${number}/macros/${personal}/apply`)).statusCode).toBe(404);
    expect((await as(customer, "POST", `/api/v1/tickets/${number}/macros/${macro}/apply`)).statusCode).toBe(403);
    const narrow = await signInAs(app, await buildNarrowAgent(db()));
    expect((await as(narrow, "POST", `/api/v1/tickets/${number}/macros/${macro}/apply`)).statusCode).toBe(404);
    expect((await as(agent, "GET", `/api/v1/tickets/${number}`)).json().priority).toBe("urgent");
  });

  it("assigns through a macro like the edit form: group and agent, an entry in the Feed, mail to the assignee", async () => {
    const groupId = await createGroup(db(), { name: "Escalations" });
    await db().insertInto("group_members").values({ user_id: colleague.user.id, group_id: groupId }).execute();
    const refused = await as(admin, "POST", "/api/v1/macros", {
      name: "To a customer",
      shared: true,
      assigneeId: customer.user.id,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual({ assigneeId: "Choose an agent from the list." });
    const macro = (
      await as(admin, "POST", "/api/v1/macros", {
        name: "Hand to escalations",
        shared: true,
        groupId,
        assigneeId: colleague.user.id,
      })
    ).json().id as string;
    expect(
      ((await as(agent, "GET", "/api/v1/macros")).json().macros as { id: string; groupId: string | null }[]).find(
        (m) => m.id === macro,
      )?.groupId,
    ).toBe(groupId);
    const number = (await as(customer, "POST", "/api/v1/tickets", await buildSubmission(db()))).json().number as number;

    expect((await as(agent, "POST", `/api/v1/tickets/${number}/macros/${macro}/apply`)).statusCode).toBe(200);
    const ticket = (await as(agent, "GET", `/api/v1/tickets/${number}`)).json();
    expect(ticket.assignee?.name).toBe(colleague.user.name);
    expect(ticket.group?.name).toBe("Escalations");
    const edits = (
      (await as(agent, "GET", `/api/v1/tickets/${number}/feed`)).json().entries as {
        type: string;
        detail: string | null;
      }[]
    ).filter((e) => e.type === "edited");
    expect(edits.map((e) => e.detail)).toEqual([
      `Assignee: (none) → ${colleague.user.name}; Group: (none) → Escalations`,
    ]);
    expect((await latestMailTo(db(), colleague.user.email))?.subject).toContain(`[#${number}] Assigned to you`);
  });

  it("lets an administrator of settings who works no tickets manage shared macros, but not apply them", async () => {
    const settingsAdmin = await buildAdmin(db());
    const role = await createRole(db(), { name: `Settings only ${engine}`, permissions: ["admin.settings"] });
    await db().deleteFrom("user_roles").where("user_id", "=", settingsAdmin.id).execute();
    await db().insertInto("user_roles").values({ user_id: settingsAdmin.id, role_id: role }).execute();
    const client = await signInAs(app, settingsAdmin);
    const created = await as(client, "POST", "/api/v1/macros", {
      name: "Closing words",
      body: "<p>Bye</p>",
      shared: true,
    });
    expect(created.statusCode).toBe(201);
    expect(await names(client)).toContainEqual(["Closing words", true]);
    const number = (await as(customer, "POST", "/api/v1/tickets", await buildSubmission(db()))).json().number;
    expect((await as(client, "POST", `/api/v1/tickets/${number}/macros/${created.json().id}/apply`)).statusCode).toBe(
      403,
    );
  });

  it("fills placeholders as text, never as markup", () => {
    const values = {
      "requester.name": "<img src=x onerror=alert(1)>",
      "requester.email": "a@example.com",
      "ticket.number": "7",
      "ticket.subject": 'Say "hi"',
      "agent.name": "Jo",
    };
    expect(fillPlaceholders("<p>{{ requester.name }} {{ticket.subject}}</p>", values)).toBe(
      "<p>&lt;img src=x onerror=alert(1)&gt; Say &quot;hi&quot;</p>",
    );
  });
});
