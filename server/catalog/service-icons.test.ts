import type { Kysely } from "kysely";
import { expect, it } from "vitest";
import { serviceIconNames } from "../db/migrations/0018_service_icon_names.ts";
import { describeEachEngine } from "../test/engines.ts";
import { buildAdmin, buildTestApp, signInAs } from "../test/factories.ts";

describeEachEngine("service icons", ({ db, engine }) => {
  const ticketTypeId = async () =>
    (await db().selectFrom("ticket_types").select("id").where("key", "=", "general").executeTakeFirstOrThrow()).id;

  it("turns the emoji services carried before into icon names, and drops those without an icon", async () => {
    const typeId = await ticketTypeId();
    const stored = { keys: "🔑", laptop: "💻", tools: "🛠️", named: "printer", odd: "🦄", none: null };
    for (const [slug, icon] of Object.entries(stored)) {
      await db()
        .insertInto("services")
        .values({
          id: crypto.randomUUID(),
          slug: `old-${slug}`,
          name: slug,
          summary: slug,
          description: "",
          // Written as the rows were before migration 0018, when the column held any text.
          icon: icon as never,
          ticket_type_id: typeId,
          default_priority: "medium",
          visibility: "public",
          request_label: "Request service",
          active: 1,
          position: 0,
          created_at: new Date().toISOString(),
          updated_at: new Date().toISOString(),
        })
        .execute();
    }
    // Migrations see an untyped database, as they run before the schema they build exists.
    await serviceIconNames().up(db() as unknown as Kysely<unknown>);
    const rows = await db().selectFrom("services").select(["slug", "icon"]).where("slug", "like", "old-%").execute();
    expect(Object.fromEntries(rows.map((r) => [r.slug, r.icon]))).toEqual({
      "old-keys": "key",
      "old-laptop": "device-laptop",
      "old-tools": "tools",
      "old-named": "printer",
      "old-odd": null,
      "old-none": null,
    });
  });

  it("lets an admin pick an icon by name and refuses a name it cannot draw", async () => {
    const app = await buildTestApp(db(), engine);
    const admin = await signInAs(app, await buildAdmin(db()));
    const body = (icon: string) => ({
      name: "Printer trouble",
      slug: "printer-trouble",
      categoryId: null,
      summary: "The printer jams",
      ticketTypeId: "",
      defaultPriority: "medium",
      visibility: "public",
      icon,
    });
    const post = async (icon: string) =>
      app.inject({
        method: "POST",
        url: "/api/v1/admin/services",
        headers: { cookie: admin.cookie, "x-csrf-token": admin.csrfToken },
        payload: { ...body(icon), ticketTypeId: await ticketTypeId() },
      });

    const refused = await post("🖨️");
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields.icon).toBe("Choose an icon from the list.");
    expect(await db().selectFrom("services").select("id").where("name", "=", "Printer trouble").execute()).toEqual([]);

    expect((await post("printer")).statusCode).toBe(201);
    const catalog = await app.inject({ method: "GET", url: "/api/v1/catalog" });
    expect(catalog.json().services.find((s: { slug: string }) => s.slug === "printer-trouble")?.icon).toBe("printer");
  });
});
