import { expect, it } from "vitest";
import { serviceInputSchema } from "../../common/catalog.ts";
import { createService } from "../catalog/commands/manage-catalog.ts";
import type { App } from "../http/types.ts";
import { describeEachEngine } from "../test/engines.ts";
import {
  buildAdmin,
  buildAgent,
  buildCustomer,
  buildSubmission,
  buildTestApp,
  type SignedInClient,
  signInAs,
  testConfig,
} from "../test/factories.ts";

describeEachEngine("admin-entered text per language", ({ db, engine }) => {
  let app: App;
  let admin: SignedInClient;
  let serviceId: string;
  let fieldId: string;

  const put = (client: SignedInClient, path: string, payload: unknown) =>
    app.inject({
      method: "PUT",
      url: `/api/v1/admin/translations/${path}`,
      headers: { cookie: client.cookie, "x-csrf-token": client.csrfToken },
      payload: payload as object,
    });
  const get = (url: string, headers: Record<string, string>) => app.inject({ method: "GET", url, headers });

  it("shows a German reader the German service name, field label and status label, and a French one the default", async () => {
    app = await buildTestApp(db(), engine, testConfig({ rateLimiting: false }));
    admin = await signInAs(app, await buildAdmin(db()));
    const domainType = await db()
      .selectFrom("ticket_types")
      .select("id")
      .where("key", "=", "domain_approval")
      .executeTakeFirstOrThrow();
    serviceId = await createService(
      db(),
      serviceInputSchema.parse({
        name: "New laptop",
        slug: "new-laptop",
        categoryId: null,
        summary: "A laptop for a new colleague",
        description: "We order, set up and deliver it.",
        ticketTypeId: domainType.id,
        defaultPriority: "medium",
        visibility: "public",
      }),
    );
    fieldId = (
      await db()
        .selectFrom("ticket_fields")
        .select("id")
        .where("ticket_type_id", "=", domainType.id)
        .where("key", "=", "domain")
        .executeTakeFirstOrThrow()
    ).id;
    const saved = await put(admin, `service/${serviceId}`, {
      de: { name: "Neuer Laptop", summary: "Ein Laptop für neue Kollegen" },
      es: { name: "Portátil nuevo" },
    });
    expect(saved.statusCode).toBe(204);
    expect((await put(admin, `ticket-field/${fieldId}`, { de: { label: "Domäne" } })).statusCode).toBe(204);

    const german = { "accept-language": "de-DE,de;q=0.9" };
    const french = { "accept-language": "fr" };
    const inCatalog = async (headers: Record<string, string>) =>
      (await get("/api/v1/catalog", headers)).json().services.find((s: { id: string }) => s.id === serviceId);
    expect(await inCatalog(german)).toMatchObject({
      name: "Neuer Laptop",
      summary: "Ein Laptop für neue Kollegen",
      requestLabel: "Request service",
    });
    expect(await inCatalog(french)).toMatchObject({ name: "New laptop", summary: "A laptop for a new colleague" });
    const form = (await get("/api/v1/catalog/services/new-laptop", german)).json();
    expect(form).toMatchObject({ name: "Neuer Laptop", description: "We order, set up and deliver it." });
    expect(form.fields[0]).toMatchObject({ key: "domain", label: "Domäne" });

    // A customer whose profile says German reads the German status label on their requests.
    const customer = await buildCustomer(db());
    await db().updateTable("users").set({ locale: "de" }).where("id", "=", customer.id).execute();
    const session = await signInAs(app, customer);
    const submitted = await app.inject({
      method: "POST",
      url: "/api/v1/tickets",
      headers: { cookie: session.cookie, "x-csrf-token": session.csrfToken },
      payload: await buildSubmission(db(), { email: customer.email, name: customer.name }),
    });
    expect(submitted.statusCode).toBe(201);
    const number: number = submitted.json().number;
    const ticket = await db()
      .selectFrom("tickets")
      .innerJoin("statuses", "statuses.id", "tickets.status_id")
      .select(["statuses.id", "statuses.customer_label"])
      .where("tickets.number", "=", number)
      .executeTakeFirstOrThrow();
    expect((await put(admin, `status/${ticket.id}`, { de: { customerLabel: "Eingegangen" } })).statusCode).toBe(204);

    const asCustomer = { cookie: session.cookie, "accept-language": "fr" };
    expect((await get(`/api/v1/tickets/${number}`, asCustomer)).json().status.customerLabel).toBe("Eingegangen");
    const list = (await get("/api/v1/tickets", asCustomer)).json();
    expect(list.tickets[0].status.customerLabel).toBe("Eingegangen");
    const statuses = (await get("/api/v1/statuses", { "accept-language": "de" })).json().statuses;
    expect(statuses.find((s: { id: string }) => s.id === ticket.id).customerLabel).toBe("Eingegangen");
    const inFrench = (await get("/api/v1/statuses", french)).json().statuses;
    expect(inFrench.find((s: { id: string }) => s.id === ticket.id).customerLabel).toBe(ticket.customer_label);

    // When an agent moves the request on, the customer's Feed names both statuses in German.
    const open = await db().selectFrom("statuses").select("id").where("key", "=", "open").executeTakeFirstOrThrow();
    expect((await put(admin, `status/${open.id}`, { de: { customerLabel: "In Bearbeitung" } })).statusCode).toBe(204);
    const agent = await signInAs(app, await buildAgent(db()));
    const moved = await app.inject({
      method: "POST",
      url: `/api/v1/tickets/${number}/status`,
      headers: { cookie: agent.cookie, "x-csrf-token": agent.csrfToken },
      payload: { statusId: open.id },
    });
    expect(moved.statusCode).toBe(204);
    const feed = (await get(`/api/v1/tickets/${number}/feed`, asCustomer)).json().entries;
    expect(feed.find((e: { type: string }) => e.type === "status_changed")).toMatchObject({
      from: "Eingegangen",
      to: "In Bearbeitung",
    });
  });

  it("lets admins read back and clear translations, and refuses fields, languages and lengths it does not know", async () => {
    const read = await get(`/api/v1/admin/translations/service/${serviceId}`, { cookie: admin.cookie });
    expect(read.statusCode).toBe(200);
    expect(read.json().translations).toEqual({
      de: { name: "Neuer Laptop", summary: "Ein Laptop für neue Kollegen" },
      es: { name: "Portátil nuevo" },
    });
    expect(read.json().fields.map((f: { field: string }) => f.field)).toEqual([
      "name",
      "summary",
      "description",
      "requestLabel",
    ]);

    expect((await put(admin, `service/${serviceId}`, { de: { slug: "laptop" } })).statusCode).toBe(400);
    expect((await put(admin, `service/${serviceId}`, { tlh: { name: "laptop" } })).statusCode).toBe(400);
    expect((await put(admin, `service/${serviceId}`, { de: { name: "x".repeat(121) } })).statusCode).toBe(400);
    expect((await put(admin, `category/${serviceId}`, { de: { name: "Hardware" } })).statusCode).toBe(404);

    // What the form sends is what is kept: an empty text goes back to the default.
    expect((await put(admin, `service/${serviceId}`, { de: { name: "Neuer Laptop", summary: "" } })).statusCode).toBe(
      204,
    );
    const after = await get(`/api/v1/admin/translations/service/${serviceId}`, { cookie: admin.cookie });
    expect(after.json().translations).toEqual({ de: { name: "Neuer Laptop" } });
    const german = (await get("/api/v1/catalog/services/new-laptop", { "accept-language": "de" })).json();
    expect(german).toMatchObject({ name: "Neuer Laptop", summary: "A laptop for a new colleague" });
  });

  it("reads withdraw reasons in German, and forgets a deleted reason's translations", async () => {
    const created = await app.inject({
      method: "POST",
      url: "/api/v1/admin/withdraw-reasons",
      headers: { cookie: admin.cookie, "x-csrf-token": admin.csrfToken },
      payload: { label: "Solved it myself" },
    });
    expect(created.statusCode).toBe(201);
    const reasonId: string = created.json().id;
    expect((await put(admin, `withdraw-reason/${reasonId}`, { de: { label: "Selbst gelöst" } })).statusCode).toBe(204);
    const labelIn = async (language: string) =>
      (await get("/api/v1/withdraw-reasons", { "accept-language": language }))
        .json()
        .reasons.find((r: { id: string }) => r.id === reasonId).label;
    expect(await labelIn("de")).toBe("Selbst gelöst");
    expect(await labelIn("fr")).toBe("Solved it myself");

    const removed = await app.inject({
      method: "DELETE",
      url: `/api/v1/admin/withdraw-reasons/${reasonId}`,
      headers: { cookie: admin.cookie, "x-csrf-token": admin.csrfToken },
    });
    expect(removed.statusCode).toBe(204);
    const left = await db()
      .selectFrom("content_translations")
      .select("text")
      .where("entity_id", "=", reasonId)
      .execute();
    expect(left).toEqual([]);
  });

  it("refuses translations from anyone who does not administer the help desk, and keeps what was there", async () => {
    for (const user of [await buildAgent(db()), await buildCustomer(db())]) {
      const client = await signInAs(app, user);
      expect((await put(client, `service/${serviceId}`, { de: { name: "Gekapert" } })).statusCode).toBe(403);
      const read = await get(`/api/v1/admin/translations/service/${serviceId}`, { cookie: client.cookie });
      expect(read.statusCode).toBe(403);
    }
    const anonymous = await app.inject({
      method: "PUT",
      url: `/api/v1/admin/translations/service/${serviceId}`,
      payload: { de: { name: "Gekapert" } },
    });
    expect([401, 403]).toContain(anonymous.statusCode);
    const german = (await get("/api/v1/catalog/services/new-laptop", { "accept-language": "de" })).json();
    expect(german.name).toBe("Neuer Laptop");
  });
});
