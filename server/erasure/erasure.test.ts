import { expect, it } from "vitest";
import type { App } from "../http/types.ts";
import { describeEachEngine } from "../test/engines.ts";
import {
  buildAdmin,
  buildAgent,
  buildCustomer,
  buildSubmission,
  buildTestApp,
  type InjectAsArgs,
  injectAs,
  type SignedInClient,
  signInAs,
  testConfig,
} from "../test/factories.ts";
import { anonymiseUser } from "./commands/anonymise-user.ts";
import { deleteUser } from "./commands/delete-user.ts";

describeEachEngine("deleting and anonymising people", ({ db, engine }) => {
  let app: App;
  let admin: SignedInClient;
  let agent: SignedInClient;
  const as = (...request: InjectAsArgs) => injectAs(app, ...request);

  it("deletes an account no ticket needs, and tells the export it is gone", async () => {
    app = await buildTestApp(db(), engine);
    admin = await signInAs(app, await buildAdmin(db()));
    agent = await signInAs(app, await buildAgent(db()));
    const customer = await buildCustomer(db());
    expect((await as(agent, "DELETE", `/api/v1/admin/users/${customer.id}`)).statusCode).toBe(403);

    const deleted = await as(admin, "DELETE", `/api/v1/admin/users/${customer.id}`);
    expect(deleted.statusCode).toBe(204);
    expect((await as(admin, "GET", `/api/v1/admin/users/${customer.id}`)).statusCode).toBe(404);
    await expect(signInAs(app, customer)).rejects.toThrow("401");
    const changes = (await as(admin, "GET", "/api/v1/export/users")).json().changes as { type: string; id: string }[];
    expect(changes).toContainEqual(expect.objectContaining({ type: "deleted", id: customer.id }));
  });

  it("refuses to delete someone with tickets, yourself, or the last administrator", async () => {
    const customer = await buildCustomer(db());
    const session = await signInAs(app, customer);
    await as(session, "POST", "/api/v1/tickets", await buildSubmission(db(), { email: customer.email }));
    const withTickets = await as(admin, "DELETE", `/api/v1/admin/users/${customer.id}`);
    expect(withTickets.statusCode).toBe(409);
    expect(withTickets.json().error.message).toContain("Anonymise them instead");

    const self = await as(admin, "DELETE", `/api/v1/admin/users/${admin.user.id}`);
    expect(self.statusCode).toBe(400);
    expect(self.json().error.message).toBe("You cannot delete your own account.");
    expect((await as(admin, "POST", `/api/v1/admin/users/${admin.user.id}/anonymise`)).statusCode).toBe(400);

    // The last administrator who can sign in stays, even when the one asking lost their own access meanwhile
    // (their request was let in just before they were switched off).
    const other = await buildAdmin(db());
    await db()
      .updateTable("users")
      .set({ disabled_at: new Date().toISOString() })
      .where("licence", "=", "admin")
      .where("id", "!=", other.id)
      .execute();
    const lateAdmin = {
      kind: "user" as const,
      user: { ...admin.user, licence: "admin" as const, permissions: ["admin.users"] },
      sessionId: null,
      csrfToken: null,
    };
    for (const remove of [deleteUser, anonymiseUser]) {
      await expect(remove({ db: db(), config: testConfig() }, lateAdmin, other.id)).rejects.toThrow(
        "This is the last administrator",
      );
    }
    await db().updateTable("users").set({ disabled_at: null }).where("id", "=", admin.user.id).execute();
    admin = await signInAs(app, admin.user);
  });

  it("leaves one administrator when the last two erase each other at the same moment", async () => {
    const [first, second] = [await buildAdmin(db()), await buildAdmin(db())];
    await db()
      .updateTable("users")
      .set({ disabled_at: new Date().toISOString() })
      .where("licence", "=", "admin")
      .where("id", "not in", [first.id, second.id])
      .execute();
    const actorOf = (user: typeof first) => ({
      kind: "user" as const,
      user: { ...user, licence: "admin" as const, permissions: ["admin.users"] },
      sessionId: null,
      csrfToken: null,
    });
    const context = { db: db(), config: testConfig() };
    const outcomes = await Promise.allSettled([
      anonymiseUser(context, actorOf(first), second.id),
      anonymiseUser(context, actorOf(second), first.id),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    const left = await db()
      .selectFrom("users")
      .select("id")
      .where("licence", "=", "admin")
      .where("disabled_at", "is", null)
      .execute();
    expect(left).toHaveLength(1);
    await db().updateTable("users").set({ disabled_at: null }).where("id", "=", admin.user.id).execute();
    admin = await signInAs(app, admin.user);
  });

  it("anonymises a person: their name and address gone everywhere, their tickets kept for the agents", async () => {
    const customer = await buildCustomer(db());
    const session = await signInAs(app, customer);
    const mine = (
      await as(
        session,
        "POST",
        "/api/v1/tickets",
        await buildSubmission(db(), { email: customer.email, name: customer.name, subject: "Quokka printer" }),
      )
    ).json().number as number;
    await as(session, "POST", `/api/v1/tickets/${mine}/comments`, { body: "Still jammed." });
    // Asked once as a guest from the same address, before they had an account.
    const asGuest = (
      await as(
        undefined,
        "POST",
        "/api/v1/tickets",
        await buildSubmission(db(), { email: customer.email.toUpperCase(), name: customer.name }),
      )
    ).json().number as number;
    // Copied on someone else's request.
    const other = (await as(undefined, "POST", "/api/v1/tickets", await buildSubmission(db()))).json().number as number;
    expect((await as(agent, "POST", `/api/v1/tickets/${other}/ccs`, { email: customer.email })).statusCode).toBe(204);
    const token = (await as(admin, "POST", "/api/v1/admin/api-tokens", { name: "Script", userId: customer.id })).json()
      .token as string;
    const search = async (q: string) =>
      (
        (await as(agent, "GET", `/api/v1/search?q=${encodeURIComponent(q)}`)).json().hits as {
          ticket: { number: number };
        }[]
      )
        .map((h) => h.ticket.number)
        .sort();
    expect(await search(customer.email)).toEqual([mine, asGuest].sort());

    const erased = await as(admin, "POST", `/api/v1/admin/users/${customer.id}/anonymise`);
    expect(erased.statusCode).toBe(200);
    const placeholder = erased.json();
    expect(placeholder).toMatchObject({ anonymised: true, disabled: true });
    expect(placeholder.name).toMatch(/^Deleted user [0-9a-f]{6}$/);
    expect(placeholder.email).toBe(`deleted-user-${customer.id}@anonymised.invalid`);

    // They cannot come back: no password, no session, no token.
    expect((await as(session, "GET", "/api/v1/session")).json().user).toBeNull();
    await expect(signInAs(app, customer)).rejects.toThrow("401");
    const byToken = await app.inject({ url: "/api/v1/tickets", headers: { authorization: `Bearer ${token}` } });
    expect(byToken.statusCode).toBe(401);

    // The agents still have the tickets, under the placeholder, and the Feed says who erased the requester.
    for (const number of [mine, asGuest]) {
      const ticket = await as(agent, "GET", `/api/v1/tickets/${number}`);
      expect(ticket.statusCode).toBe(200);
      expect(ticket.json().requester).toEqual({ name: placeholder.name, email: placeholder.email });
      const feed = (await as(agent, "GET", `/api/v1/tickets/${number}/feed`)).json().entries as {
        type: string;
        actor: string;
        detail: string | null;
      }[];
      expect(feed.at(-1)).toMatchObject({
        type: "edited",
        actor: admin.user.name,
        detail: `Requester: (personal data erased) → ${placeholder.name}`,
      });
      expect(JSON.stringify(feed)).not.toContain(customer.name);
    }
    const conversation = JSON.stringify((await as(agent, "GET", `/api/v1/tickets/${mine}/feed`)).json());
    expect(conversation).toContain("Still jammed.");

    // Search no longer finds them by name or address; the subject still finds the ticket.
    expect(await search(customer.email)).toEqual([]);
    expect(await search(customer.name)).toEqual([]);
    expect(await search("Quokka")).toEqual([mine]);

    // No longer copied anywhere, and never mailed: a public reply to their ticket queues nothing for them.
    const ccs = await db().selectFrom("ticket_ccs").select("email").execute();
    expect(ccs.map((c) => c.email)).not.toContain(customer.email);
    const copied = (await as(agent, "GET", `/api/v1/tickets/${other}/feed`)).json().entries as {
      type: string;
      detail: string | null;
    }[];
    expect(copied.find((e) => e.type === "cc_added")?.detail).toBe(placeholder.email);
    expect((await as(agent, "POST", `/api/v1/tickets/${mine}/comments`, { body: "Fixed." })).statusCode).toBe(201);
    const mailToThem = await db()
      .selectFrom("mail_messages")
      .select("to_address")
      .where((eb) => eb.or([eb("to_address", "=", customer.email), eb("to_address", "=", placeholder.email)]))
      .where("sent_at", "is", null)
      .execute();
    expect(mailToThem).toEqual([]);

    // A sync following the export replaces what it holds with the placeholder.
    const users = (await as(admin, "GET", "/api/v1/export/users")).json().changes as {
      id: string;
      record?: { name: string; email: string };
    }[];
    expect(users.filter((c) => c.id === customer.id).at(-1)?.record).toMatchObject({
      name: placeholder.name,
      email: placeholder.email,
    });
    const tickets = JSON.stringify((await as(admin, "GET", "/api/v1/export/tickets?limit=500")).json());
    expect(tickets).not.toContain(customer.email);

    // Running it again changes nothing.
    expect((await as(admin, "POST", `/api/v1/admin/users/${customer.id}/anonymise`)).json()).toEqual(placeholder);
    const feed = (await as(agent, "GET", `/api/v1/tickets/${asGuest}/feed`)).json().entries as unknown[];
    expect(feed.filter((e) => JSON.stringify(e).includes("personal data erased"))).toHaveLength(1);
  });

  it("refuses anyone but an admin, and says not found for nobody", async () => {
    const customer = await buildCustomer(db());
    const session = await signInAs(app, customer);
    expect((await as(session, "POST", `/api/v1/admin/users/${customer.id}/anonymise`)).statusCode).toBe(403);
    expect((await as(agent, "POST", `/api/v1/admin/users/${customer.id}/anonymise`)).statusCode).toBe(403);
    expect(
      (await as(admin, "POST", "/api/v1/admin/users/01234567-89ab-7cde-8f01-23456789abcd/anonymise")).statusCode,
    ).toBe(404);
  });
});
