import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { adminCollectionPath, adminCollections } from "../../common/admin-collections.ts";
import { describeEachEngine } from "../test/engines.ts";
import {
  buildAdmin,
  buildAgent,
  buildCustomer,
  buildTestApp,
  type SignedInClient,
  signInAs,
} from "../test/factories.ts";
import type { App } from "./types.ts";

type Method = "GET" | "POST" | "PUT" | "DELETE";

/** Bodies the simpler collections accept, to show a change to an unknown id is "not found", not created. */
const validInputs: Record<string, object> = {
  roles: { name: "Reviewers", permissions: [] },
  organizations: { name: "Initech" },
  groups: { name: "Second line" },
  categories: { name: "Facilities" },
  "ticket-types": { name: "Access request" },
  "withdraw-reasons": { label: "No longer needed" },
  statuses: { agentLabel: "Escalated", customerLabel: "Being looked at", category: "open" },
};

describeEachEngine("admin collections: one description, four routes", ({ db, engine }) => {
  let app: App;
  let admin: SignedInClient;
  const as = (client: SignedInClient, method: Method, url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: { cookie: client.cookie, "x-csrf-token": client.csrfToken },
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });

  it("documents the four routes of every description with its summaries", async () => {
    app = await buildTestApp(db(), engine);
    admin = await signInAs(app, await buildAdmin(db()));
    const doc = (await app.inject("/api/openapi.json")).json() as {
      paths: Record<string, Record<string, { summary?: string; tags?: string[] }>>;
    };
    for (const collection of adminCollections) {
      const path = adminCollectionPath(collection);
      expect(doc.paths[path]?.get?.summary, path).toBe(collection.summaries.list);
      expect(doc.paths[path]?.post?.summary, path).toBe(collection.summaries.create);
      expect(doc.paths[`${path}/{id}`]?.put?.summary, path).toBe(collection.summaries.update);
      expect(doc.paths[`${path}/{id}`]?.delete?.summary, path).toBe(collection.summaries.remove);
      expect(doc.paths[path]?.get?.tags).toEqual(["admin"]);
    }
  });

  it("lists every collection in the shape its description promises", async () => {
    for (const collection of adminCollections) {
      const listed = await as(admin, "GET", adminCollectionPath(collection));
      expect(listed.statusCode, collection.id).toBe(200);
      const parsed = collection.list.safeParse(listed.json());
      expect(parsed.success, collection.id).toBe(true);
    }
  });

  it("refuses customers and agents on all four routes, changing nothing", async () => {
    const customer = await signInAs(app, await buildCustomer(db()));
    const agent = await signInAs(app, await buildAgent(db()));
    for (const collection of adminCollections) {
      const path = adminCollectionPath(collection);
      const before = (await as(admin, "GET", path)).body;
      const someId = randomUUID();
      for (const actor of [customer, agent]) {
        expect((await as(actor, "GET", path)).statusCode, `GET ${path}`).toBe(403);
        expect((await as(actor, "DELETE", `${path}/${someId}`)).statusCode, `DELETE ${path}`).toBe(403);
        // Fastify checks a body before the handler runs: refusing a write needs a body that would pass.
        const input = validInputs[collection.id];
        if (!input) continue;
        expect((await as(actor, "POST", path, input)).statusCode, `POST ${path}`).toBe(403);
        expect((await as(actor, "PUT", `${path}/${someId}`, input)).statusCode, `PUT ${path}`).toBe(403);
      }
      expect((await as(admin, "GET", path)).body, path).toBe(before);
    }
  });

  it("answers 400 with a sentence per field for an empty body, and 404 for an unknown id", async () => {
    for (const collection of adminCollections) {
      const path = adminCollectionPath(collection);
      const before = (await as(admin, "GET", path)).body;

      const empty = await as(admin, "POST", path, {});
      expect(empty.statusCode, path).toBe(400);
      expect(empty.json().error.code).toBe("validation_failed");
      expect(Object.keys(empty.json().error.fields ?? {}).length, path).toBeGreaterThan(0);

      const unknown = await as(admin, "DELETE", `${path}/${randomUUID()}`);
      expect(unknown.statusCode, path).toBe(404);
      expect(unknown.json().error.code).toBe("not_found");

      const notAnId = await as(admin, "DELETE", `${path}/not-an-id`);
      expect(notAnId.statusCode, path).toBe(400);

      const valid = validInputs[collection.id];
      if (valid) expect((await as(admin, "PUT", `${path}/${randomUUID()}`, valid)).statusCode, path).toBe(404);
      expect((await as(admin, "GET", path)).body, path).toBe(before);
    }
  });

  it("creates, changes and deletes through the described routes", async () => {
    const path = "/api/v1/admin/groups";
    const created = await as(admin, "POST", path, { name: "Night shift" });
    expect(created.statusCode).toBe(201);
    const { id } = created.json() as { id: string };
    expect((await as(admin, "PUT", `${path}/${id}`, { name: "Late shift" })).statusCode).toBe(204);
    expect((await as(admin, "GET", path)).json().groups).toContainEqual(
      expect.objectContaining({ id, name: "Late shift" }),
    );
    expect((await as(admin, "DELETE", `${path}/${id}`)).statusCode).toBe(204);
    expect((await as(admin, "GET", path)).json().groups).not.toContainEqual(expect.objectContaining({ id }));
  });
});
