import { expect, it } from "vitest";
import type { App } from "../http/types.ts";
import { describeEachEngine } from "../test/engines.ts";
import {
  buildAdmin,
  buildCustomer,
  buildSubmission,
  buildTestApp,
  type SignedInClient,
  signInAs,
} from "../test/factories.ts";

type Status = {
  id: string;
  agentLabel: string;
  customerLabel: string;
  category: string;
  ticketCount: number;
  customersMayReopen: boolean;
  dependents: string[];
};

describeEachEngine("statuses as data", ({ db, engine }) => {
  let app: App;
  let admin: SignedInClient;
  const call = (method: "GET" | "POST" | "PUT" | "DELETE", url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: { cookie: admin.cookie, "x-csrf-token": admin.csrfToken },
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });
  const statuses = async (): Promise<Status[]> => (await call("GET", "/api/v1/admin/statuses")).json().statuses;

  /** Replaces every status with `set`, in order, as an admin would on the statuses page. */
  async function reshape(set: [string, string, string][]) {
    const old = await statuses();
    for (const [position, [agentLabel, customerLabel, category]] of set.entries()) {
      const created = await call("POST", "/api/v1/admin/statuses", { agentLabel, customerLabel, category, position });
      expect(created.statusCode, agentLabel).toBe(201);
    }
    for (const status of old)
      expect((await call("DELETE", `/api/v1/admin/statuses/${status.id}`)).statusCode).toBe(204);
  }

  async function submittedStatus(): Promise<Status["agentLabel"]> {
    const { number } = (
      await app.inject({ method: "POST", url: "/api/v1/tickets", payload: await buildSubmission(db()) })
    ).json();
    const ticket = (await call("GET", `/api/v1/tickets/${number}`)).json();
    return `${ticket.status.agentLabel} / ${ticket.status.customerLabel}`;
  }

  it("starts with DESIGN.md's defaults, in order, each with a customer-facing label", async () => {
    app = await buildTestApp(db(), engine);
    admin = await signInAs(app, await buildAdmin(db()));
    expect((await statuses()).map((s) => [s.agentLabel, s.customerLabel, s.category])).toEqual([
      ["New", "Open", "new"],
      ["Open", "Open", "open"],
      ["In Progress", "In progress", "open"],
      ["Waiting for Customer", "Awaiting your reply", "pending"],
      ["On Hold", "On hold", "on_hold"],
      ["Solved", "Resolved", "solved"],
      ["Closed", "Closed", "closed"],
      ["Withdrawn", "Withdrawn", "cancelled"],
    ]);
    // The statuses page warns before deleting the only status a feature moves tickets to.
    expect(Object.fromEntries((await statuses()).map((s) => [s.agentLabel, s.dependents]))).toMatchObject({
      Open: [],
      Solved: ["Mark as solved (requesters)"],
      Withdrawn: ["Withdraw request (requesters)"],
      Closed: ["Auto-close of solved tickets after the reopen window", "Merging tickets"],
    });
  });

  it("reshapes into seed 004's set (New, Open, Pending, Solved, Closed) and tickets start in New", async () => {
    await reshape([
      ["New", "New", "new"],
      ["Open", "Open", "open"],
      ["Pending", "Pending", "open"],
      ["Solved", "Solved", "solved"],
      ["Closed", "Closed", "closed"],
    ]);
    expect((await statuses()).map((s) => s.agentLabel)).toEqual(["New", "Open", "Pending", "Solved", "Closed"]);
    expect(await submittedStatus()).toBe("New / New");
  });

  it("refuses to delete a status tickets have, or the last one tickets can start in", async () => {
    const used = (await statuses()).find((s) => s.ticketCount > 0);
    const refused = await call("DELETE", `/api/v1/admin/statuses/${used?.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe("Tickets have this status, so it cannot be deleted. Rename it instead.");
    const open = (await statuses()).find((s) => s.agentLabel === "Open");
    const pending = (await statuses()).find((s) => s.agentLabel === "Pending");
    // Leave "Open" as the only status a ticket can start in; then it may not go.
    await call("PUT", `/api/v1/admin/statuses/${used?.id}`, {
      agentLabel: "New",
      customerLabel: "New",
      category: "solved",
    });
    await call("PUT", `/api/v1/admin/statuses/${pending?.id}`, {
      agentLabel: "Pending",
      customerLabel: "Pending",
      category: "pending",
    });
    const last = await call("DELETE", `/api/v1/admin/statuses/${open?.id}`);
    expect(last.statusCode).toBe(409);
    expect(last.json().error.message).toBe(
      "Keep at least one status in the New or Open category: new tickets start there.",
    );
  });

  it("reshapes into seed 002's set (no New status) and tickets start in its first open status", async () => {
    // A help desk reshaped before its first ticket: clear the tickets the earlier tests made.
    await db().deleteFrom("tickets").execute();
    await reshape([
      ["Open", "Open", "open"],
      ["In Progress", "In Progress", "open"],
      ["Waiting for Customer", "Waiting for Customer", "pending"],
      ["Resolved", "Resolved", "solved"],
      ["Closed", "Closed", "closed"],
    ]);
    expect((await statuses()).map((s) => s.agentLabel)).toEqual([
      "Open",
      "In Progress",
      "Waiting for Customer",
      "Resolved",
      "Closed",
    ]);
    expect(await submittedStatus()).toBe("Open / Open");
  });

  it("stops offering 'Withdraw request' once no status is left to withdraw to", async () => {
    const customer = await signInAs(app, await buildCustomer(db()));
    const headers = { cookie: customer.cookie, "x-csrf-token": customer.csrfToken };
    const { number } = (
      await app.inject({ method: "POST", url: "/api/v1/tickets", headers, payload: await buildSubmission(db()) })
    ).json();
    const ticket = (await app.inject({ method: "GET", url: `/api/v1/tickets/${number}`, headers })).json();
    expect(ticket.abilities).toMatchObject({ withdraw: false, solve: true, reply: true });
    const reason = await db().selectFrom("withdraw_reasons").select("id").executeTakeFirstOrThrow();
    const refused = await app.inject({
      method: "POST",
      url: `/api/v1/tickets/${number}/withdraw`,
      headers,
      payload: { reasonId: reason.id },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe("This help desk has no withdrawn status; ask an administrator.");
  });

  it("lets a customer reopen a closed ticket by replying, where the admin allows it for that status", async () => {
    const customer = await signInAs(app, await buildCustomer(db()));
    const asCustomer = (method: "GET" | "POST", url: string, payload?: object) =>
      app.inject({
        method,
        url,
        headers: { cookie: customer.cookie, "x-csrf-token": customer.csrfToken },
        ...(payload ? { payload: payload as Record<string, unknown> } : {}),
      });
    const { number } = (await asCustomer("POST", "/api/v1/tickets", await buildSubmission(db()))).json();
    const closed = (await statuses()).find((s) => s.agentLabel === "Closed");
    expect((await call("POST", `/api/v1/tickets/${number}/status`, { statusId: closed?.id })).statusCode).toBe(204);

    const refused = await asCustomer("POST", `/api/v1/tickets/${number}/comments`, { body: "Broken again" });
    expect(refused.statusCode).toBe(409);
    expect((await asCustomer("GET", `/api/v1/tickets/${number}`)).json().reopensOnReply).toBe(false);

    const allow = { agentLabel: "Closed", customerLabel: "Closed", category: "closed", position: 4 };
    expect(
      (await call("PUT", `/api/v1/admin/statuses/${closed?.id}`, { ...allow, customersMayReopen: true })).statusCode,
    ).toBe(204);
    expect((await statuses()).find((s) => s.id === closed?.id)?.customersMayReopen).toBe(true);
    expect((await asCustomer("GET", `/api/v1/tickets/${number}`)).json().reopensOnReply).toBe(true);

    const reply = await asCustomer("POST", `/api/v1/tickets/${number}/comments`, { body: "Broken again" });
    expect(reply.statusCode).toBe(201);
    const reopened = (await asCustomer("GET", `/api/v1/tickets/${number}`)).json();
    expect(reopened.status.customerLabel).toBe("Open");
    expect(reopened.reopensOnReply).toBe(false);

    // The switch means nothing outside the closed category, so it is not kept there.
    const resolved = (await statuses()).find((s) => s.agentLabel === "Resolved");
    await call("PUT", `/api/v1/admin/statuses/${resolved?.id}`, {
      agentLabel: "Resolved",
      customerLabel: "Resolved",
      category: "solved",
      position: 3,
      customersMayReopen: true,
    });
    expect((await statuses()).find((s) => s.id === resolved?.id)?.customersMayReopen).toBe(false);
  });

  it("explains bad input field by field", async () => {
    const response = await call("POST", "/api/v1/admin/statuses", {
      agentLabel: "",
      customerLabel: "x".repeat(61),
      category: "limbo",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual({
      agentLabel: "Enter the label agents see.",
      customerLabel: "Keep the label under 60 characters.",
      category: "Choose a category.",
    });
  });
});
