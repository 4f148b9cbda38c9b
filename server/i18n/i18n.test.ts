import { expect, it } from "vitest";
import { describeEachEngine } from "../test/engines.ts";
import {
  buildAdmin,
  buildCustomer,
  buildSubmission,
  buildTestApp,
  latestMailTo,
  signInAs,
  testConfig,
} from "../test/factories.ts";

describeEachEngine("languages and time zones", ({ db, engine }) => {
  it("answers a guest in the language their browser asked for, and keeps it on the ticket for later mail", async () => {
    const app = await buildTestApp(db(), engine, testConfig({ rateLimiting: false }));
    const submission = await buildSubmission(db(), { email: "jonas.gast@example.com", name: "Jonas" });
    const created = await app.inject({
      method: "POST",
      url: "/api/v1/tickets",
      headers: { "accept-language": "de-DE,de;q=0.9,en;q=0.5" },
      payload: submission,
    });
    expect(created.statusCode).toBe(201);
    const { number } = created.json();
    const ticket = await db().selectFrom("tickets").select("locale").where("number", "=", number).executeTakeFirst();
    expect(ticket?.locale).toBe("de");
    const mail = await latestMailTo(db(), "jonas.gast@example.com");
    expect(mail?.subject).toBe(`[#${number}] Wir haben Ihre Anfrage erhalten`);
    expect(mail?.text_body).toContain(`Ticketnummer #${number}`);
    expect(mail?.html_body).toContain('<html lang="de" dir="ltr">');
  });

  it("lets the switcher's cookie win over Accept-Language, and writes Arabic mail right to left", async () => {
    const app = await buildTestApp(db(), engine, testConfig({ rateLimiting: false }));
    const created = await app.inject({
      method: "POST",
      url: "/api/v1/tickets",
      headers: { "accept-language": "de", cookie: "sb_locale=ar" },
      payload: await buildSubmission(db(), { email: "layla@example.com" }),
    });
    const mail = await latestMailTo(db(), "layla@example.com");
    expect(mail?.subject).toBe(`[#${created.json().number}] تلقينا طلبك`);
    expect(mail?.html_body).toContain('<html lang="ar" dir="rtl">');
  });

  it("writes to someone with an account in their profile's language, whatever language the form was in", async () => {
    const app = await buildTestApp(db(), engine, testConfig({ rateLimiting: false }));
    const customer = await buildCustomer(db());
    const client = await signInAs(app, customer);
    const saved = await app.inject({
      method: "PUT",
      url: "/api/v1/account/preferences",
      headers: { cookie: client.cookie, "x-csrf-token": client.csrfToken },
      payload: { locale: "fr", timeZone: "Europe/Paris" },
    });
    expect(saved.statusCode).toBe(204);
    const locale = await app.inject({
      method: "GET",
      url: "/api/v1/locale",
      headers: { cookie: client.cookie, "accept-language": "es" },
    });
    expect(locale.json()).toMatchObject({ locale: "fr", timeZone: "Europe/Paris", direction: "ltr" });
    await app.inject({
      method: "POST",
      url: "/api/v1/tickets",
      headers: { cookie: client.cookie, "x-csrf-token": client.csrfToken, "accept-language": "es" },
      payload: await buildSubmission(db()),
    });
    const mail = await latestMailTo(db(), customer.email);
    expect(mail?.subject).toMatch(/Nous avons reçu votre demande/);
  });

  it("refuses a time zone or language it does not know, and changes nothing", async () => {
    const app = await buildTestApp(db(), engine);
    const customer = await buildCustomer(db());
    const client = await signInAs(app, customer);
    const bad = await app.inject({
      method: "PUT",
      url: "/api/v1/account/preferences",
      headers: { cookie: client.cookie, "x-csrf-token": client.csrfToken },
      payload: { locale: "tlh", timeZone: "Mars/Olympus" },
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toEqual(expect.arrayContaining(["locale", "timeZone"]));
    const row = await db()
      .selectFrom("users")
      .select(["locale", "time_zone"])
      .where("id", "=", customer.id)
      .executeTakeFirst();
    expect(row).toEqual({ locale: null, time_zone: null });
    const anonymous = await app.inject({
      method: "PUT",
      url: "/api/v1/account/preferences",
      payload: { locale: "de", timeZone: null },
    });
    expect([401, 403]).toContain(anonymous.statusCode);
  });

  it("saves only the signed-in person's own choice, and null gives back the browser's language and zone", async () => {
    const app = await buildTestApp(db(), engine);
    const greta = await signInAs(app, await buildCustomer(db()));
    const neighbour = await signInAs(app, await buildCustomer(db()));
    const save = (client: typeof greta, payload: { locale: string | null; timeZone: string | null }) =>
      app.inject({
        method: "PUT",
        url: "/api/v1/account/preferences",
        headers: { cookie: client.cookie, "x-csrf-token": client.csrfToken },
        payload,
      });
    const shown = async (client: typeof greta) =>
      (
        await app.inject({
          method: "GET",
          url: "/api/v1/locale",
          headers: { cookie: client.cookie, "accept-language": "fr" },
        })
      ).json();

    expect((await save(greta, { locale: "de", timeZone: "Asia/Kathmandu" })).statusCode).toBe(204);
    expect(await shown(greta)).toMatchObject({ locale: "de", profileLocale: "de", timeZone: "Asia/Kathmandu" });
    expect(await shown(neighbour)).toMatchObject({ locale: "fr", profileLocale: null, timeZone: null });

    expect((await save(greta, { locale: null, timeZone: null })).statusCode).toBe(204);
    expect(await shown(greta)).toMatchObject({ locale: "fr", profileLocale: null, timeZone: null });
  });

  it("uses the admin's default language for visitors whose browser asks for none we speak; only admins set it", async () => {
    const app = await buildTestApp(db(), engine);
    const admin = await signInAs(app, await buildAdmin(db()));
    const customer = await signInAs(app, await buildCustomer(db()));
    const refused = await app.inject({
      method: "PUT",
      url: "/api/v1/admin/settings/default-locale",
      headers: { cookie: customer.cookie, "x-csrf-token": customer.csrfToken },
      payload: { locale: "es" },
    });
    expect(refused.statusCode).toBe(403);
    const set = await app.inject({
      method: "PUT",
      url: "/api/v1/admin/settings/default-locale",
      headers: { cookie: admin.cookie, "x-csrf-token": admin.csrfToken },
      payload: { locale: "es" },
    });
    expect(set.statusCode).toBe(204);
    const visitor = await app.inject({ method: "GET", url: "/api/v1/locale", headers: { "accept-language": "ja" } });
    expect(visitor.json()).toMatchObject({ locale: "es", defaultLocale: "es" });
    const german = await app.inject({ method: "GET", url: "/api/v1/locale", headers: { "accept-language": "de" } });
    expect(german.json().locale).toBe("de");
  });
});
