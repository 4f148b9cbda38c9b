import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { type KbArticleInput, kbArticleInputSchema, snippetEnd, snippetStart } from "../../common/kb.ts";
import type { App } from "../http/types.ts";
import { describeEachEngine } from "../test/engines.ts";
import {
  buildAgent,
  buildCustomer,
  buildTestApp,
  injectAsReader,
  type Reader,
  type SignedInClient,
  signInAs,
} from "../test/factories.ts";

/** Issue 20: Help Centre articles in the reader's language, falling back to the default text. */
describeEachEngine("article translations", ({ db, engine }) => {
  let app: App;
  let editor: SignedInClient;
  let customer: SignedInClient;

  const send = (method: "GET" | "POST" | "PUT" | "DELETE", url: string, reader: Reader = {}, payload?: unknown) =>
    injectAsReader(app, method, url, reader, payload);
  const edit = (method: "GET" | "POST" | "PUT" | "DELETE", url: string, payload?: unknown) =>
    send(method, url, { who: editor }, payload);

  const write = async (input: Partial<KbArticleInput> & { title: string; slug: string }, publish = true) => {
    const response = await edit("POST", "/api/v1/admin/kb/articles", kbArticleInputSchema.parse(input));
    expect(response.statusCode, response.body).toBe(201);
    const id = response.json().id as string;
    if (publish)
      expect((await edit("POST", `/api/v1/admin/kb/articles/${id}/status`, { status: "published" })).statusCode).toBe(
        204,
      );
    return id;
  };
  const translate = async (
    id: string,
    locale: string,
    text: { title: string; summary?: string; body?: string },
    status: "draft" | "published" = "published",
  ) => {
    const response = await edit("PUT", `/api/v1/admin/kb/articles/${id}/translations/${locale}`, {
      summary: "",
      body: "",
      ...text,
      status,
    });
    expect(response.statusCode, response.body).toBe(204);
  };
  const read = async (slug: string, reader: Reader = {}) => send("GET", `/api/v1/kb/articles/${slug}`, reader);
  const search = async (q: string, reader: Reader = {}) => {
    const response = await send("GET", `/api/v1/kb/search?q=${encodeURIComponent(q)}`, reader);
    expect(response.statusCode).toBe(200);
    return response.json().articles as { slug: string; title: string; summary: string; snippet: string }[];
  };

  beforeAll(async () => {
    app = await buildTestApp(db(), engine);
    editor = await signInAs(app, await buildAgent(db()));
    customer = await signInAs(app, await buildCustomer(db()));
  });

  describe("a published translation", () => {
    let id: string;
    beforeAll(async () => {
      id = await write({
        title: "Printing a boarding pass",
        slug: "boarding-pass",
        summary: "From the app or the web",
        body: "<p>Open your booking and choose print.</p>",
      });
      await translate(id, "de", {
        title: "Bordkarte drucken",
        summary: "Aus der App oder im Web",
        body: "<p>Öffnen Sie Ihre Buchung und wählen Sie Drucken.</p><script>alert(1)</script>",
      });
    });

    it("is what a German reader reads; others read the default text, and every page names its language", async () => {
      const german = (await read("boarding-pass", { language: "de-DE,de;q=0.9" })).json();
      expect(german).toMatchObject({ title: "Bordkarte drucken", summary: "Aus der App oder im Web", language: "de" });
      expect(german.body).toContain("Öffnen Sie Ihre Buchung");
      // Sanitised exactly like an article's body.
      expect(german.body).not.toContain("script");
      expect(german.languages).toEqual(["en", "de"]);

      const french = (await read("boarding-pass", { language: "fr" })).json();
      expect(french).toMatchObject({ title: "Printing a boarding pass", language: "en", languages: ["en", "de"] });
      const english = (await read("boarding-pass")).json();
      expect(english).toMatchObject({ title: "Printing a boarding pass", language: "en" });
      // The page's links to its other languages.
      expect((await read("boarding-pass?lang=de")).json()).toMatchObject({
        title: "Bordkarte drucken",
        language: "de",
      });
      expect((await read("boarding-pass?lang=en", { language: "de" })).json()).toMatchObject({
        title: "Printing a boarding pass",
        language: "en",
      });
      // A signed-in reader's profile language wins over the browser's.
      await db().updateTable("users").set({ locale: "de" }).where("id", "=", customer.user.id).execute();
      expect((await read("boarding-pass", { who: customer, language: "en" })).json().language).toBe("de");
      await db().updateTable("users").set({ locale: null }).where("id", "=", customer.user.id).execute();
    });

    it("is found by a German reader's search, with its title and a snippet of its text", async () => {
      const hits = await search("buchung", { language: "de" });
      expect(hits.map((h) => h.slug)).toEqual(["boarding-pass"]);
      expect(hits[0]).toMatchObject({ title: "Bordkarte drucken", summary: "Aus der App oder im Web" });
      expect(hits[0]?.snippet).toContain(`${snippetStart}Buchung${snippetEnd}`);
      // The default text still finds it, shown in the reader's language.
      expect((await search("boarding", { language: "de" }))[0]).toMatchObject({ title: "Bordkarte drucken" });
      // Other languages' readers search the default text only.
      expect(await search("buchung", { language: "fr" })).toEqual([]);
      expect(await search("buchung")).toEqual([]);
    });

    it("is offered to a German reader typing a request, and listed in German", async () => {
      const offered = await send(
        "POST",
        "/api/v1/kb/suggestions",
        { language: "de" },
        { token: randomUUID(), subject: "Wo ist meine Buchung" },
      );
      expect(offered.json().articles).toEqual([
        expect.objectContaining({ slug: "boarding-pass", title: "Bordkarte drucken" }),
      ]);
      const home = (await send("GET", "/api/v1/kb/home", { language: "de" })).json();
      expect(home.recent).toContainEqual(
        expect.objectContaining({ slug: "boarding-pass", title: "Bordkarte drucken" }),
      );
      const englishHome = (await send("GET", "/api/v1/kb/home")).json();
      expect(englishHome.recent).toContainEqual(
        expect.objectContaining({ slug: "boarding-pass", title: "Printing a boarding pass" }),
      );
    });

    it("goes when its editor removes it", async () => {
      const other = await write({ title: "Lost luggage", slug: "lost-luggage" });
      await translate(other, "es", { title: "Equipaje perdido", body: "<p>Maleta</p>" });
      expect((await read("lost-luggage", { language: "es" })).json().title).toBe("Equipaje perdido");
      expect((await edit("DELETE", `/api/v1/admin/kb/articles/${other}/translations/es`)).statusCode).toBe(204);
      expect((await read("lost-luggage", { language: "es" })).json()).toMatchObject({
        title: "Lost luggage",
        languages: ["en"],
      });
      expect(await search("maleta", { language: "es" })).toEqual([]);
      expect((await edit("DELETE", `/api/v1/admin/kb/articles/${other}/translations/es`)).statusCode).toBe(404);
    });
  });

  it("never shows a draft translation, nor one of an article the reader may not read", async () => {
    const drafted = await write({ title: "Seat selection", slug: "seat-selection" });
    await translate(drafted, "de", { title: "Sitzplatzwahl", body: "<p>Fensterplatz</p>" }, "draft");
    expect((await read("seat-selection", { language: "de" })).json()).toMatchObject({
      title: "Seat selection",
      language: "en",
      languages: ["en"],
    });
    expect(await search("fensterplatz", { language: "de" })).toEqual([]);

    // Editors see it, drafts too.
    const listed = (await edit("GET", `/api/v1/admin/kb/articles/${drafted}/translations`)).json();
    expect(listed).toMatchObject({
      defaultLocale: "en",
      translations: [{ locale: "de", status: "draft", title: "Sitzplatzwahl" }],
    });

    // Published later, it shows.
    await translate(drafted, "de", { title: "Sitzplatzwahl", body: "<p>Fensterplatz</p>" });
    expect((await read("seat-selection", { language: "de" })).json().title).toBe("Sitzplatzwahl");

    // A published translation of a draft article, or of an internal one, stays with the article's readers.
    const draftArticle = await write({ title: "Upcoming fares", slug: "upcoming-fares" }, false);
    await translate(draftArticle, "de", { title: "Neue Tarife", body: "<p>Tarifgeheimnis</p>" });
    const internal = await write({ title: "Overbooking script", slug: "overbooking", visibility: "internal" });
    await translate(internal, "de", { title: "Überbuchung", body: "<p>Tarifgeheimnis intern</p>" });
    for (const reader of [{ language: "de" }, { who: customer, language: "de" }]) {
      expect((await read("upcoming-fares", reader)).statusCode).toBe(404);
      expect((await read("overbooking", reader)).statusCode).toBe(404);
      expect(await search("tarifgeheimnis", reader)).toEqual([]);
      const offered = await send("POST", "/api/v1/kb/suggestions", reader, {
        token: randomUUID(),
        subject: "Tarifgeheimnis bitte",
      });
      expect(offered.json().articles).toEqual([]);
    }
    // Agents read internal articles, in their language too.
    const agent = await signInAs(app, await buildAgent(db()));
    expect((await read("overbooking", { who: agent, language: "de" })).json().title).toBe("Überbuchung");
    expect((await search("tarifgeheimnis", { who: agent, language: "de" })).map((h) => h.slug)).toEqual([
      "overbooking",
    ]);
  });

  it("refuses a translation into the default language, an unknown language, and anyone but editors", async () => {
    const id = await write({ title: "Check-in times", slug: "check-in-times" });
    const url = `/api/v1/admin/kb/articles/${id}/translations`;
    const body = { title: "Check-in", summary: "", body: "", status: "published" };
    expect((await edit("PUT", `${url}/en`, body)).statusCode).toBe(400);
    expect((await edit("PUT", `${url}/xx`, body)).statusCode).toBe(400);
    expect((await edit("PUT", `${url}/de`, { ...body, title: "" })).statusCode).toBe(400);
    expect((await edit("PUT", `/api/v1/admin/kb/articles/${randomUUID()}/translations/de`, body)).statusCode).toBe(404);
    expect((await send("PUT", `${url}/de`, { who: customer }, body)).statusCode).toBe(403);
    expect((await send("GET", url, { who: customer })).statusCode).toBe(403);
    expect((await send("DELETE", `${url}/de`, { who: customer })).statusCode).toBe(403);
    expect((await send("PUT", `${url}/de`, {}, body)).statusCode).toBe(401);
    expect((await read("check-in-times", { language: "de" })).json().language).toBe("en");
  });

  it("deleting an article deletes its translations", async () => {
    const id = await write({ title: "Retired route", slug: "retired-route" });
    await translate(id, "fr", { title: "Ligne supprimée" });
    await translate(id, "ar", { title: "خط ملغى" });
    await db().deleteFrom("kb_articles").where("id", "=", id).execute();
    const left = await db()
      .selectFrom("kb_article_translations")
      .select("locale")
      .where("article_id", "=", id)
      .execute();
    expect(left).toEqual([]);
    expect((await edit("GET", `/api/v1/admin/kb/articles/${id}/translations`)).statusCode).toBe(404);
  });
});
