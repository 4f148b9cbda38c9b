import { expect, it } from "vitest";
import { createApiToken } from "../accounts/commands/manage-api-tokens.ts";
import { createGroup } from "../accounts/commands/manage-directory.ts";
import { createField, createTicketType } from "../catalog/commands/manage-catalog.ts";
import type { User } from "../db/schema.ts";
import type { App } from "../http/types.ts";
import { describeEachEngine } from "../test/engines.ts";
import {
  buildAgent,
  buildCustomer,
  buildTestApp,
  buildUser,
  countRows,
  latestMailTo,
  type SignedInClient,
  signInAs,
} from "../test/factories.ts";

describeEachEngine("agents open tickets for others", ({ db, engine }) => {
  let app: App;
  let agent: SignedInClient;
  let caller: User;

  const post = (client: SignedInClient, payload: object) =>
    app.inject({
      method: "POST",
      url: "/api/v1/agent/tickets",
      headers: { cookie: client.cookie, "x-csrf-token": client.csrfToken },
      payload: payload as Record<string, unknown>,
    });
  const detail = async (client: SignedInClient, number: number) =>
    (
      await app.inject({
        method: "GET",
        url: `/api/v1/tickets/${number}`,
        headers: { cookie: client.cookie },
      })
    ).json();
  const stored = (number: number) =>
    db().selectFrom("tickets").selectAll().where("number", "=", number).executeTakeFirstOrThrow();

  it("files a phone call for an existing customer: they are the requester, the agent who opened it is in the Feed", async () => {
    app = await buildTestApp(db(), engine);
    agent = await signInAs(app, await buildAgent(db()));
    caller = await buildCustomer(db());
    const response = await post(agent, {
      requester: { id: caller.id },
      channel: "phone",
      subject: "Printer on floor 3 is jammed",
      priority: "high",
      message: "Called at 10:05; the printer shows error E-22.",
    });
    expect(response.statusCode, response.body).toBe(201);
    const { number, email } = response.json();
    expect(email).toBe(caller.email);
    const ticket = await stored(number);
    expect(ticket).toMatchObject({ requester_id: caller.id, requester_email: caller.email, channel: "phone" });
    // No confirmation unless asked for.
    expect(await latestMailTo(db(), caller.email)).toBeUndefined();

    // The customer sees it under their requests; the Feed says who opened it and how.
    const customer = await signInAs(app, caller);
    const list = await app.inject({ method: "GET", url: "/api/v1/tickets", headers: { cookie: customer.cookie } });
    expect(list.json().tickets.map((t: { number: number }) => t.number)).toContain(number);
    const feed = await app.inject({
      method: "GET",
      url: `/api/v1/tickets/${number}/feed`,
      headers: { cookie: customer.cookie },
    });
    const created = feed.json().entries[0];
    expect(created).toMatchObject({ type: "created", actor: agent.user.name });
    expect(created.detail).toBe(`On behalf of ${caller.name} · Phone`);
  });

  it("creates a requester from name and email, sends the confirmation with an access link when asked", async () => {
    const response = await post(agent, {
      requester: { name: "Walk In Visitor", email: "Visitor@Example.com" },
      channel: "walk_in",
      subject: "Badge does not open the door",
      message: "Came to the desk with a broken badge.",
      notifyRequester: true,
    });
    expect(response.statusCode, response.body).toBe(201);
    const ticket = await stored(response.json().number);
    expect(ticket).toMatchObject({
      requester_id: null,
      requester_name: "Walk In Visitor",
      requester_email: "visitor@example.com",
      channel: "walk_in",
      priority: "medium",
    });
    const mail = await latestMailTo(db(), "visitor@example.com");
    expect(mail?.subject).toContain(`#${ticket.number}`);
    expect(mail?.text_body).toContain("/access/");
  });

  it("uses the account that owns the address given by email", async () => {
    const response = await post(agent, {
      requester: { name: "Someone Else", email: caller.email.toUpperCase() },
      channel: "email",
      subject: "Forwarded from my inbox",
      message: "The customer wrote to me directly.",
      notifyRequester: true,
    });
    expect(response.statusCode, response.body).toBe(201);
    const ticket = await stored(response.json().number);
    expect(ticket).toMatchObject({ requester_id: caller.id, requester_name: caller.name, channel: "email" });
    expect((await latestMailTo(db(), caller.email))?.text_body).toContain(`/requests/${ticket.number}`);
  });

  it("sets type, group and the type's fields, checked like the edit form", async () => {
    const typeId = await createTicketType(db(), { name: `Hardware ${engine}` });
    await createField(db(), typeId, {
      key: "asset_tag",
      label: "Asset tag",
      type: "text",
      required: true,
      options: [],
      customerAccess: "edit",
      position: 0,
    });
    const groupId = await createGroup(db(), { name: `Desk ${engine}` });
    const base = {
      requester: { id: caller.id },
      channel: "walk_in",
      subject: "Laptop screen cracked",
      message: "Dropped it.",
      typeId,
      groupId,
    };
    const missing = await post(agent, base);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields["fields.asset_tag"]).toBeTruthy();

    const before = await countRows(db(), "tickets");
    const wrongGroup = await post(agent, { ...base, groupId: "00000000-0000-4000-8000-000000000000" });
    expect(wrongGroup.json().error.fields.groupId).toBe("Choose a group from the list.");
    expect(await countRows(db(), "tickets")).toBe(before);

    const ok = await post(agent, { ...base, fields: { asset_tag: "LT-0042" } });
    expect(ok.statusCode, ok.body).toBe(201);
    const ticket = await detail(agent, ok.json().number);
    expect(ticket.ticketType.id).toBe(typeId);
    expect(ticket.group.id).toBe(groupId);
    expect(ticket.fields).toEqual([expect.objectContaining({ key: "asset_tag", value: "LT-0042" })]);
    expect(ticket.channel).toBe("walk_in");
  });

  it("refuses a bad requester and a bad channel with a clear message, and changes nothing", async () => {
    const before = await countRows(db(), "tickets");
    const unknown = await post(agent, {
      requester: { id: "00000000-0000-4000-8000-000000000000" },
      channel: "phone",
      subject: "x",
      message: "y",
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields["requester.id"]).toBe("Choose a requester from the list.");
    const noEmail = await post(agent, { requester: { name: "A" }, channel: "phone", subject: "x", message: "y" });
    expect(noEmail.json().error.fields["requester.email"]).toBe("Enter the requester's email address.");
    const noChannel = await post(agent, {
      requester: { name: "A", email: "a@example.com" },
      channel: "fax",
      subject: "x",
      message: "y",
    });
    expect(noChannel.statusCode).toBe(400);
    expect(JSON.stringify(noChannel.json().error)).toContain("phone, walk-in, email or web");
    expect(await countRows(db(), "tickets")).toBe(before);
  });

  it("works with an agent's API token; refuses customers", async () => {
    const { token } = await createApiToken(db(), {
      name: "CTI",
      userId: agent.user.id,
      scopes: ["read", "write"],
      expiresInDays: null,
    });
    const viaToken = await app.inject({
      method: "POST",
      url: "/api/v1/agent/tickets",
      headers: { authorization: `Bearer ${token}` },
      payload: {
        requester: { name: "Phone Caller", email: "caller@example.com" },
        channel: "phone",
        subject: "From the phone system",
        message: "Logged by the CTI integration.",
      },
    });
    expect(viaToken.statusCode, viaToken.body).toBe(201);
    expect((await stored(viaToken.json().number)).requester_email).toBe("caller@example.com");

    const customer = await signInAs(app, caller);
    const refused = await post(customer, {
      requester: { name: "Me", email: "me@example.com" },
      channel: "web",
      subject: "x",
      message: "y",
    });
    expect(refused.statusCode).toBe(403);
    const search = await app.inject({
      method: "GET",
      url: "/api/v1/agent/requesters?q=x",
      headers: { cookie: customer.cookie },
    });
    expect(search.statusCode).toBe(403);
  });

  it("finds requesters by name or email", async () => {
    const named = await buildUser(db(), "customer", "Quentin Searchable");
    const response = await app.inject({
      method: "GET",
      url: "/api/v1/agent/requesters?q=quentin",
      headers: { cookie: agent.cookie },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().requesters).toEqual([
      { id: named.id, name: "Quentin Searchable", email: named.email, organization: null },
    ]);
  });

  it("keeps a group agent from filing a ticket they could not see", async () => {
    const member = await buildUser(db(), "agent");
    const role = await db().selectFrom("roles").select("id").where("key", "=", "group_agent").executeTakeFirstOrThrow();
    await db().deleteFrom("user_roles").where("user_id", "=", member.id).execute();
    await db().insertInto("user_roles").values({ user_id: member.id, role_id: role.id }).execute();
    const groupId = await createGroup(db(), { name: `Floor ${engine}` });
    await db().insertInto("group_members").values({ user_id: member.id, group_id: groupId }).execute();
    const client = await signInAs(app, member);
    const body = { requester: { id: caller.id }, channel: "phone", subject: "Mine", message: "Please help." };
    const before = await countRows(db(), "tickets");
    const outside = await post(client, body);
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.fields.groupId).toContain("one of your groups");
    expect(await countRows(db(), "tickets")).toBe(before);
    expect((await post(client, { ...body, groupId })).statusCode).toBe(201);
  });
});
