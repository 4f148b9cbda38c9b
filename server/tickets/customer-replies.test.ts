import { expect, it } from "vitest";
import { createGroup } from "../accounts/commands/manage-directory.ts";
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

describeEachEngine("customer replies reach the help desk", ({ db, engine }) => {
  let app: App;
  let customer: SignedInClient;
  let assignee: SignedInClient;
  let member: SignedInClient;
  let outsider: SignedInClient;
  let groupId: string;

  const call = (client: SignedInClient, method: "GET" | "POST" | "PATCH", url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: { cookie: client.cookie, "x-csrf-token": client.csrfToken },
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });
  const submit = async (subject: string) =>
    (await call(customer, "POST", "/api/v1/tickets", await buildSubmission(db(), { subject }))).json().number as number;
  const comment = (client: SignedInClient, number: number, body: string, kind = "public") =>
    call(client, "POST", `/api/v1/tickets/${number}/comments`, { body, kind });
  const newReply = async (client: SignedInClient, number: number) => {
    const page = (await call(client, "GET", `/api/v1/agent/tickets?queue=all&q=${number}`)).json();
    return page.tickets.find((t: { number: number }) => t.number === number)?.newReply as boolean;
  };
  const mailsTo = (email: string, subject: string) =>
    db()
      .selectFrom("mail_messages")
      .select(["subject", "text_body"])
      .where("to_address", "=", email)
      .where("subject", "like", `%${subject}%`)
      .execute();

  it("mails the assignee, links to the workspace, and marks the ticket until they open it", async () => {
    app = await buildTestApp(db(), engine);
    customer = await signInAs(app, await buildCustomer(db()));
    assignee = await signInAs(app, await buildAgent(db()));
    member = await signInAs(app, await buildAgent(db()));
    outsider = await signInAs(app, await buildAgent(db()));
    groupId = await createGroup(db(), { name: `Network ${engine}` });
    for (const agent of [assignee, member]) {
      await db().insertInto("group_members").values({ user_id: agent.user.id, group_id: groupId }).execute();
    }

    const number = await submit("VPN drops");
    await call(assignee, "PATCH", `/api/v1/tickets/${number}`, { groupId, assigneeId: assignee.user.id });
    await comment(assignee, number, "Which client version?");
    expect(await newReply(assignee, number)).toBe(false);

    expect((await comment(customer, number, "Version 5.2, on Windows.")).statusCode).toBe(201);
    const [mail] = await mailsTo(assignee.user.email, `[#${number}] Customer reply`);
    expect(mail?.text_body).toContain("Version 5.2, on Windows.");
    expect(mail?.text_body).toContain(`/agent/tickets/${number}`);
    expect(mail?.text_body).not.toContain(`/requests/${number}`);
    // Only the assignee: the rest of the group is not disturbed while someone owns the ticket.
    expect(await mailsTo(member.user.email, "Customer reply")).toEqual([]);

    expect(await newReply(assignee, number)).toBe(true);
    expect(await newReply(member, number)).toBe(true);
    await call(assignee, "POST", `/api/v1/tickets/${number}/views`);
    expect(await newReply(assignee, number)).toBe(false);
    // Each agent's marker is their own.
    expect(await newReply(member, number)).toBe(true);
  });

  it("mails the group's agents while nobody is assigned, and never for an agent's own comment", async () => {
    const number = await submit("Printer jams");
    await call(assignee, "PATCH", `/api/v1/tickets/${number}`, { groupId });
    await comment(customer, number, "It jams on every page now.");
    expect(await mailsTo(assignee.user.email, `[#${number}] Customer reply`)).toHaveLength(1);
    expect(await mailsTo(member.user.email, `[#${number}] Customer reply`)).toHaveLength(1);
    expect(await mailsTo(outsider.user.email, `[#${number}] Customer reply`)).toEqual([]);

    await comment(member, number, "Looking at it", "public");
    await comment(member, number, "Probably the fuser", "note");
    expect(await mailsTo(assignee.user.email, `[#${number}] Customer reply`)).toHaveLength(1);
  });
});
