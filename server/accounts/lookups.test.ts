import { beforeAll, expect, it } from "vitest";
import type { App } from "../http/types.ts";
import { describeEachEngine } from "../test/engines.ts";
import {
  buildAdmin,
  buildAgent,
  buildCustomer,
  buildTestApp,
  type SignedInClient,
  signInAs,
} from "../test/factories.ts";

describeEachEngine("Single users and organizations, members, customers by email", ({ db, engine }) => {
  let app: App;
  let admin: SignedInClient;
  let agent: SignedInClient;

  beforeAll(async () => {
    app = await buildTestApp(db(), engine);
    admin = await signInAs(app, await buildAdmin(db()));
    agent = await signInAs(app, await buildAgent(db()));
  });

  const as = (client: SignedInClient, method: "GET" | "POST" | "PUT" | "PATCH", url: string, payload?: object) =>
    app.inject({ method, url, headers: { cookie: client.cookie, "x-csrf-token": client.csrfToken }, payload });

  it("keeps organization names unique among their siblings, whatever the case, with 409", async () => {
    const acme = (await as(admin, "POST", "/api/v1/admin/organizations", { name: "Acme" })).json().id;
    const duplicate = await as(admin, "POST", "/api/v1/admin/organizations", { name: "ACME" });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error).toMatchObject({ code: "conflict", fields: { name: expect.any(String) } });
    const other = (await as(admin, "POST", "/api/v1/admin/organizations", { name: "Other" })).json().id;
    expect((await as(admin, "PUT", `/api/v1/admin/organizations/${other}`, { name: "acme" })).statusCode).toBe(409);
    // Two accounts may each have a department of the same name.
    const it1 = await as(admin, "POST", "/api/v1/admin/organizations", { name: "IT", parentId: acme });
    const it2 = await as(admin, "POST", "/api/v1/admin/organizations", { name: "IT", parentId: other });
    expect([it1.statusCode, it2.statusCode]).toEqual([201, 201]);
  });

  it("shows one organization with its departments and members, and one user", async () => {
    const account = (await as(admin, "POST", "/api/v1/admin/organizations", { name: "Initech" })).json().id;
    await as(admin, "POST", "/api/v1/admin/organizations", { name: "Payroll", parentId: account });
    const customer = await buildCustomer(db());
    await as(admin, "PATCH", `/api/v1/admin/users/${customer.id}`, { organizationIds: [account] });

    const organization = await as(admin, "GET", `/api/v1/admin/organizations/${account}`);
    expect(organization.json()).toMatchObject({
      name: "Initech",
      parentId: null,
      memberCount: 1,
      departments: [{ name: "Payroll" }],
    });
    const members = await as(admin, "GET", `/api/v1/admin/organizations/${account}/members`);
    expect(members.json().members).toEqual([
      { id: customer.id, name: customer.name, email: customer.email, licence: "customer", disabled: false },
    ]);
    const user = await as(admin, "GET", `/api/v1/admin/users/${customer.id}`);
    expect(user.json()).toMatchObject({ id: customer.id, organizations: [{ id: account, name: "Initech" }] });

    const missing = "00000000-0000-7000-8000-000000000000";
    expect((await as(admin, "GET", `/api/v1/admin/organizations/${missing}`)).statusCode).toBe(404);
    expect((await as(admin, "GET", `/api/v1/admin/organizations/${missing}/members`)).statusCode).toBe(404);
    expect((await as(admin, "GET", `/api/v1/admin/users/${missing}`)).statusCode).toBe(404);
    expect((await as(agent, "GET", `/api/v1/admin/users/${customer.id}`)).statusCode).toBe(403);
  });

  it("finds a customer by exact email for agents only", async () => {
    const customer = await buildCustomer(db());
    const found = await as(agent, "GET", `/api/v1/agent/customers/by-email?email=${customer.email.toUpperCase()}`);
    expect(found.statusCode).toBe(200);
    expect(found.json()).toMatchObject({ id: customer.id, email: customer.email, organizations: [] });
    const partial = await as(agent, "GET", `/api/v1/agent/customers/by-email?email=x${customer.email}`);
    expect(partial.statusCode).toBe(404);
    const asCustomer = await signInAs(app, await buildCustomer(db()));
    expect((await as(asCustomer, "GET", `/api/v1/agent/customers/by-email?email=${customer.email}`)).statusCode).toBe(
      403,
    );
  });
});
