import { expect, it } from "vitest";
import { serviceInputSchema } from "../../common/catalog.ts";
import { createOrganization } from "../accounts/commands/manage-directory.ts";
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
import { createCategory, createService } from "./commands/manage-catalog.ts";

describeEachEngine("the service catalog", ({ db, engine }) => {
  let app: App;
  let acme: string;
  const service = async (slug: string, visibility: "public" | "customers" | "restricted", extra: object = {}) => {
    const domainType = await db()
      .selectFrom("ticket_types")
      .select("id")
      .where("key", "=", "domain_approval")
      .executeTakeFirstOrThrow();
    return createService(
      db(),
      serviceInputSchema.parse({
        name: slug.replaceAll("-", " "),
        slug,
        categoryId: null,
        summary: `The ${slug} service`,
        description: `Long description of ${slug}`,
        ticketTypeId: domainType.id,
        defaultPriority: "medium",
        visibility,
        ...extra,
      }),
    );
  };
  const slugs = async (client?: SignedInClient, query = "") => {
    const response = await app.inject({
      method: "GET",
      url: `/api/v1/catalog${query}`,
      headers: client ? { cookie: client.cookie } : {},
    });
    return response
      .json()
      .services.map((s: { slug: string }) => s.slug)
      .sort();
  };

  it("shows each person only the services they may request", async () => {
    app = await buildTestApp(db(), engine);
    acme = await createOrganization(db(), { name: "Acme" });
    const finance = await createOrganization(db(), { name: "Finance", parentId: acme });
    await service("password-reset", "public");
    await service("new-laptop", "customers");
    await service("acme-payroll", "restricted", { organizationIds: [acme] });
    await service("retired", "public", { active: false });

    expect(await slugs()).toEqual(["password-reset"]);
    const outsider = await signInAs(app, await buildCustomer(db()));
    expect(await slugs(outsider)).toEqual(["new-laptop", "password-reset"]);
    // Members of a department of Acme count as Acme.
    const member = await buildCustomer(db());
    await db().insertInto("organization_members").values({ user_id: member.id, organization_id: finance }).execute();
    expect(await slugs(await signInAs(app, member))).toEqual(["acme-payroll", "new-laptop", "password-reset"]);
    expect(await slugs(await signInAs(app, await buildAgent(db())))).toEqual([
      "acme-payroll",
      "new-laptop",
      "password-reset",
    ]);
  });

  it("keeps non-public services from customers without catalog.view", async () => {
    const customer = await buildCustomer(db());
    await db().deleteFrom("user_roles").where("user_id", "=", customer.id).execute();
    const session = await signInAs(app, customer);
    expect(await slugs(session)).toEqual(["password-reset"]);
    const page = await app.inject({
      method: "GET",
      url: "/api/v1/catalog/services/new-laptop",
      headers: { cookie: session.cookie },
    });
    expect(page.statusCode).toBe(404);
  });

  it("finds services by words in their name or description", async () => {
    const session = await signInAs(app, await buildCustomer(db()));
    expect(await slugs(session, "?q=LAPTOP")).toEqual(["new-laptop"]);
    expect(await slugs(session, "?q=long%20description%20of%20password")).toEqual(["password-reset"]);
    expect(await slugs(session, "?q=100%25")).toEqual([]);
  });

  it("serves a service's form with the fields the requester fills in, not the agents' ones", async () => {
    const response = await app.inject({ method: "GET", url: "/api/v1/catalog/services/password-reset" });
    expect(response.statusCode).toBe(200);
    const detail = response.json();
    expect(detail).toMatchObject({
      name: "password reset",
      requestLabel: "Request service",
      ticketType: { name: "Domain approval" },
    });
    expect(detail.fields.map((f: { key: string }) => f.key)).toEqual(["domain"]);
    expect(detail.fields[0]).toMatchObject({ label: "Domain", type: "domain", required: true });
  });

  it("nests categories one level only", async () => {
    const top = await createCategory(db(), { name: "Hardware" });
    const sub = await createCategory(db(), { name: "Laptops", parentId: top });
    await expect(createCategory(db(), { name: "Chargers", parentId: sub })).rejects.toMatchObject({
      fields: { parentId: "Sub-categories sit directly under a top-level category." },
    });
  });

  it("refuses a request for a service the requester may not see", async () => {
    const restricted = await db()
      .selectFrom("services")
      .select("id")
      .where("slug", "=", "acme-payroll")
      .executeTakeFirstOrThrow();
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/tickets",
      payload: await buildSubmission(db(), {
        serviceId: restricted.id,
        categoryId: undefined,
        fields: { domain: "acme.com" },
      }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual({ serviceId: "That service is not available to you." });
  });
});
