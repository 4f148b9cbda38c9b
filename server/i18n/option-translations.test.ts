import { expect, it } from "vitest";
import { serviceInputSchema } from "../../common/catalog.ts";
import { createService } from "../catalog/commands/manage-catalog.ts";
import { decodeJson, encodeJson, now } from "../db/engine.ts";
import { newId } from "../db/ids.ts";
import type { App } from "../http/types.ts";
import { describeEachEngine } from "../test/engines.ts";
import {
  buildAdmin,
  buildAgent,
  buildCustomer,
  buildSubmission,
  buildTestApp,
  injectAs,
  type SignedInClient,
  signedInCustomerSpeaking,
  signInAs,
  testConfig,
} from "../test/factories.ts";

describeEachEngine("choice options, field labels and mail per language", ({ db, engine }) => {
  let app: App;
  let admin: SignedInClient;
  let fieldId: string;
  let serviceId: string;
  const german = { "accept-language": "de-DE,de;q=0.9" };
  const french = { "accept-language": "fr" };
  const get = (url: string, headers: Record<string, string>) => app.inject({ method: "GET", url, headers });

  it("lets an admin give a choice field's options German labels, and refuses options the field does not have", async () => {
    app = await buildTestApp(db(), engine, testConfig({ rateLimiting: false }));
    admin = await signInAs(app, await buildAdmin(db()));
    const type = await injectAs(app, admin, "POST", "/api/v1/admin/ticket-types", { name: "Hardware order" });
    expect(type.statusCode).toBe(201);
    const field = await injectAs(app, admin, "POST", `/api/v1/admin/ticket-types/${type.json().id}/fields`, {
      key: "device",
      label: "Device",
      type: "single_select",
      required: true,
      options: ["Laptop", "Desktop", "Tablet"],
      customerAccess: "edit",
    });
    expect(field.statusCode).toBe(201);
    fieldId = field.json().id;
    serviceId = await createService(
      db(),
      serviceInputSchema.parse({
        name: "Order hardware",
        slug: "order-hardware",
        categoryId: null,
        summary: "A new device",
        description: "We order it for you.",
        ticketTypeId: type.json().id,
        defaultPriority: "medium",
        visibility: "public",
      }),
    );

    const path = `/api/v1/admin/translations/ticket-field/${fieldId}`;
    const saved = await injectAs(app, admin, "PUT", path, {
      de: { label: "Gerät", "option:Laptop": "Notebook", "option:Tablet": "Tablet-PC" },
    });
    expect(saved.statusCode).toBe(204);
    const read = (await get(path, { cookie: admin.cookie })).json();
    expect(read.options).toEqual(["Laptop", "Desktop", "Tablet"]);
    expect(read.translations).toEqual({
      de: { label: "Gerät", "option:Laptop": "Notebook", "option:Tablet": "Tablet-PC" },
    });

    // An option the field does not have, and a label longer than an option may be, are refused.
    expect((await injectAs(app, admin, "PUT", path, { de: { "option:Phone": "Telefon" } })).statusCode).toBe(400);
    const long = { de: { "option:Laptop": "x".repeat(121) } };
    expect((await injectAs(app, admin, "PUT", path, long)).statusCode).toBe(400);
    expect((await get(path, { cookie: admin.cookie })).json().translations.de["option:Laptop"]).toBe("Notebook");
  });

  it("shows the request form's options in German with their stored values, and the default labels in French", async () => {
    const inGerman = (await get("/api/v1/catalog/services/order-hardware", german)).json();
    expect(inGerman.fields[0]).toMatchObject({
      label: "Gerät",
      options: ["Laptop", "Desktop", "Tablet"],
      optionLabels: { Laptop: "Notebook", Desktop: "Desktop", Tablet: "Tablet-PC" },
    });
    const inFrench = (await get("/api/v1/catalog/services/order-hardware", french)).json();
    expect(inFrench.fields[0]).toMatchObject({
      label: "Device",
      optionLabels: { Laptop: "Laptop", Desktop: "Desktop", Tablet: "Tablet" },
    });
  });

  it("stores the option's value when a German customer sends its German label, and shows it back in German", async () => {
    const { customer, session } = await signedInCustomerSpeaking(app, db(), "de");
    const submitted = await injectAs(
      app,
      session,
      "POST",
      "/api/v1/tickets",
      await buildSubmission(db(), { serviceId, email: customer.email, fields: { device: "Notebook" } }),
    );
    expect(submitted.statusCode).toBe(201);
    const number: number = submitted.json().number;
    const stored = await db()
      .selectFrom("ticket_field_values")
      .innerJoin("tickets", "tickets.id", "ticket_field_values.ticket_id")
      .select("ticket_field_values.value")
      .where("tickets.number", "=", number)
      .executeTakeFirstOrThrow();
    expect(decodeJson(stored.value)).toBe("Laptop");

    const page = (await get(`/api/v1/tickets/${number}`, { cookie: session.cookie })).json();
    expect(page.fields).toEqual([
      {
        id: fieldId,
        key: "device",
        label: "Gerät",
        type: "single_select",
        value: "Laptop",
        optionLabels: { Laptop: "Notebook" },
      },
    ]);
    // A German agent reads the field and the option in German too, as in their edit form; the value is the
    // option as stored, whoever reads it. Reading French, with no French text: the stored words.
    const agent = await signInAs(app, await buildAgent(db()));
    const forAgent = (await get(`/api/v1/tickets/${number}`, { cookie: agent.cookie, ...german })).json();
    expect(forAgent.fields[0]).toEqual({
      id: fieldId,
      key: "device",
      label: "Gerät",
      type: "single_select",
      value: "Laptop",
      optionLabels: { Laptop: "Notebook" },
    });
    const forFrenchAgent = (await get(`/api/v1/tickets/${number}`, { cookie: agent.cookie, ...french })).json();
    expect(forFrenchAgent.fields[0]).toMatchObject({
      label: "Device",
      value: "Laptop",
      optionLabels: { Laptop: "Laptop" },
    });

    // Someone reading French was never shown "Notebook": it is no option of theirs.
    const guest = await injectAs(
      app,
      undefined,
      "POST",
      "/api/v1/tickets",
      await buildSubmission(db(), { serviceId, fields: { device: "Notebook" } }),
    );
    expect(guest.statusCode).toBe(400);
    const canonical = await app.inject({
      method: "POST",
      url: "/api/v1/tickets",
      headers: french,
      payload: await buildSubmission(db(), { serviceId, fields: { device: "Desktop" } }),
    });
    expect(canonical.statusCode).toBe(201);
  });

  it("names an edited choice field and its options in the reader's language in the Feed, old edits as they were stored", async () => {
    const { customer, session } = await signedInCustomerSpeaking(app, db(), "de");
    const submitted = await injectAs(
      app,
      session,
      "POST",
      "/api/v1/tickets",
      await buildSubmission(db(), { serviceId, email: customer.email, fields: { device: "Laptop" } }),
    );
    expect(submitted.statusCode).toBe(201);
    const number: number = submitted.json().number;
    const agent = await signInAs(app, await buildAgent(db()));
    // The agent's edit form offers the options by their German labels, and keeps their values.
    const directory = (await get("/api/v1/agent/directory", { cookie: agent.cookie, ...german })).json();
    const offered = directory.ticketTypes.flatMap((t: { fields: { id: string }[] }) => t.fields);
    expect(offered.find((f: { id: string }) => f.id === fieldId)).toMatchObject({
      label: "Gerät",
      options: ["Laptop", "Desktop", "Tablet"],
      optionLabels: { Laptop: "Notebook", Desktop: "Desktop", Tablet: "Tablet-PC" },
    });
    const edited = await injectAs(app, agent, "PATCH", `/api/v1/tickets/${number}`, { fields: { device: "Tablet" } });
    expect(edited.statusCode).toBe(204);
    const changeIn = async (headers: Record<string, string>) => {
      const feed = (await get(`/api/v1/tickets/${number}/feed`, headers)).json();
      return feed.entries.find((e: { type: string }) => e.type === "edited");
    };

    // A German agent, the German requester: the field's German label, the options' German labels.
    const forGermanAgent = await changeIn({ cookie: agent.cookie, ...german });
    expect(forGermanAgent.details).toEqual([
      { code: "change", field: null, label: "Gerät", from: "Notebook", to: "Tablet-PC" },
    ]);
    const forRequester = await changeIn({ cookie: session.cookie });
    expect(forRequester.details).toEqual([
      { code: "change", field: null, label: "Gerät", from: "Notebook", to: "Tablet-PC" },
    ]);
    // Reading French, with no French text: the default label and the options themselves.
    const forFrenchAgent = await changeIn({ cookie: agent.cookie, ...french });
    expect(forFrenchAgent.details).toEqual([
      { code: "change", field: null, label: "Device", from: "Laptop", to: "Tablet" },
    ]);
    // The English line for older clients says what was stored, whoever reads it.
    expect(forGermanAgent.detail).toBe("Device: Laptop → Tablet");

    // An edit stored before edits named their field reads as it was stored.
    const ticket = await db().selectFrom("tickets").select("id").where("number", "=", number).executeTakeFirstOrThrow();
    await db()
      .insertInto("ticket_events")
      .values({
        id: newId(),
        ticket_id: ticket.id,
        type: "edited",
        actor_id: null,
        actor_name: "Old edit",
        visibility: "public",
        payload: encodeJson({ changes: [{ label: "Device", from: "Tablet", to: "Laptop" }] }),
        created_at: now(),
      })
      .execute();
    const feed = (await get(`/api/v1/tickets/${number}/feed`, { cookie: agent.cookie, ...german })).json();
    const old = feed.entries.find((e: { actor: string }) => e.actor === "Old edit");
    expect(old.details).toEqual([{ code: "change", field: null, label: "Device", from: "Tablet", to: "Laptop" }]);
  });

  it("names a multiple-choice field's options and a checkbox's yes and no in the reader's language, on the ticket and in the Feed", async () => {
    const type = await injectAs(app, admin, "POST", "/api/v1/admin/ticket-types", { name: "Office kit" });
    expect(type.statusCode).toBe(201);
    const typeId: string = type.json().id;
    const addField = async (body: Record<string, unknown>) => {
      const created = await injectAs(app, admin, "POST", `/api/v1/admin/ticket-types/${typeId}/fields`, body);
      expect(created.statusCode).toBe(201);
      return created.json().id as string;
    };
    const extrasId = await addField({
      key: "extras",
      label: "Extras",
      type: "multi_select",
      required: false,
      options: ["Mouse", "Keyboard", "Headset"],
      customerAccess: "edit",
    });
    const urgentId = await addField({
      key: "urgent",
      label: "Urgent",
      type: "checkbox",
      required: false,
      customerAccess: "edit",
    });
    const translate = (id: string, de: Record<string, string>) =>
      injectAs(app, admin, "PUT", `/api/v1/admin/translations/ticket-field/${id}`, { de });
    expect(
      (await translate(extrasId, { label: "Zubehör", "option:Mouse": "Maus", "option:Keyboard": "Tastatur" }))
        .statusCode,
    ).toBe(204);
    expect((await translate(urgentId, { label: "Dringend" })).statusCode).toBe(204);
    const kitServiceId = await createService(
      db(),
      serviceInputSchema.parse({
        name: "Order office kit",
        slug: "order-office-kit",
        categoryId: null,
        summary: "A mouse, a keyboard, a headset",
        description: "We order them for you.",
        ticketTypeId: typeId,
        defaultPriority: "medium",
        visibility: "public",
      }),
    );
    const { customer, session } = await signedInCustomerSpeaking(app, db(), "de");
    const submitted = await injectAs(
      app,
      session,
      "POST",
      "/api/v1/tickets",
      await buildSubmission(db(), {
        serviceId: kitServiceId,
        email: customer.email,
        // The German customer chooses by the German labels; the ticket stores the options.
        fields: { extras: ["Maus", "Headset"], urgent: false },
      }),
    );
    expect(submitted.statusCode).toBe(201);
    const number: number = submitted.json().number;

    // Agent and requester read the chosen options by their German labels, the values as stored.
    const agent = await signInAs(app, await buildAgent(db()));
    for (const headers of [{ cookie: agent.cookie, ...german }, { cookie: session.cookie }]) {
      const page = (await get(`/api/v1/tickets/${number}`, headers)).json();
      expect(page.fields).toEqual([
        {
          id: extrasId,
          key: "extras",
          label: "Zubehör",
          type: "multi_select",
          value: ["Mouse", "Headset"],
          optionLabels: { Mouse: "Maus", Headset: "Headset" },
        },
        { id: urgentId, key: "urgent", label: "Dringend", type: "checkbox", value: false },
      ]);
    }

    const edited = await injectAs(app, agent, "PATCH", `/api/v1/tickets/${number}`, {
      fields: { extras: ["Keyboard", "Mouse", "Headset"], urgent: true },
    });
    expect(edited.statusCode).toBe(204);
    const changesIn = async (headers: Record<string, string>) => {
      const feed = (await get(`/api/v1/tickets/${number}/feed`, headers)).json();
      return feed.entries.find((e: { type: string }) => e.type === "edited");
    };
    // The options by their German labels; the checkbox as a state each reader words as yes or no.
    const germanChanges = [
      { code: "change", field: null, label: "Zubehör", from: "Maus, Headset", to: "Tastatur, Maus, Headset" },
      {
        code: "change",
        field: null,
        label: "Dringend",
        from: "No",
        to: "Yes",
        checked: { from: false, to: true },
      },
    ];
    expect((await changesIn({ cookie: agent.cookie, ...german })).details).toEqual(germanChanges);
    expect((await changesIn({ cookie: session.cookie })).details).toEqual(germanChanges);
    const forFrench = await changesIn({ cookie: agent.cookie, ...french });
    expect(forFrench.details).toEqual([
      { code: "change", field: null, label: "Extras", from: "Mouse, Headset", to: "Keyboard, Mouse, Headset" },
      { code: "change", field: null, label: "Urgent", from: "No", to: "Yes", checked: { from: false, to: true } },
    ]);
    expect(forFrench.detail).toBe("Extras: Mouse, Headset → Keyboard, Mouse, Headset; Urgent: No → Yes");
  });

  it("names the status in German in the mail to a German requester, and in the default language to others", async () => {
    const open = await db()
      .selectFrom("statuses")
      .select(["id", "customer_label"])
      .where("key", "=", "open")
      .executeTakeFirstOrThrow();
    const statusPath = `/api/v1/admin/translations/status/${open.id}`;
    expect(
      (await injectAs(app, admin, "PUT", statusPath, { de: { customerLabel: "In Bearbeitung" } })).statusCode,
    ).toBe(204);
    const agent = await signInAs(app, await buildAgent(db()));
    const statusMailTo = async (requester: Awaited<ReturnType<typeof buildCustomer>>, subject: string) => {
      const session = await signInAs(app, requester);
      const number = (
        await injectAs(app, session, "POST", "/api/v1/tickets", await buildSubmission(db(), { subject }))
      ).json().number;
      const moved = await injectAs(app, agent, "POST", `/api/v1/tickets/${number}/status`, { statusId: open.id });
      expect(moved.statusCode).toBe(204);
      return await db()
        .selectFrom("mail_messages")
        .select(["subject", "text_body"])
        .where("to_address", "=", requester.email)
        .where("template", "=", "status-changed")
        .executeTakeFirstOrThrow();
    };
    const germanRequester = await buildCustomer(db());
    await db().updateTable("users").set({ locale: "de" }).where("id", "=", germanRequester.id).execute();
    const toGerman = await statusMailTo(germanRequester, "Drucker");
    expect(toGerman.subject).toContain("In Bearbeitung");
    expect(toGerman.text_body).toContain("In Bearbeitung");
    expect(toGerman.text_body).not.toContain(open.customer_label);

    const frenchRequester = await buildCustomer(db());
    await db().updateTable("users").set({ locale: "fr" }).where("id", "=", frenchRequester.id).execute();
    const toFrench = await statusMailTo(frenchRequester, "Imprimante");
    expect(toFrench.text_body).toContain(open.customer_label);
    expect(toFrench.text_body).not.toContain("In Bearbeitung");
  });
});
