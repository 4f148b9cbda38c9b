import { beforeAll, describe, expect, it } from "vitest";
import { type KbArticleInput, kbArticleInputSchema } from "../../common/kb.ts";
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

/**
 * Issue 20: Help Centre categories and sections named in the reader's language (falling back to the
 * default text), and the sitemap naming each article's other languages.
 */
describeEachEngine("Help Centre categories and the sitemap in other languages", ({ db, engine }) => {
  let app: App;
  let editor: SignedInClient;
  let customer: SignedInClient;

  const send = (method: "GET" | "POST" | "PUT" | "DELETE", url: string, reader: Reader = {}, payload?: unknown) =>
    injectAsReader(app, method, url, reader, payload);
  const edit = (method: "GET" | "POST" | "PUT" | "DELETE", url: string, payload?: unknown) =>
    send(method, url, { who: editor }, payload);

  const category = async (name: string, slug: string, parentId: string | null = null, description = "") => {
    const response = await edit("POST", "/api/v1/admin/kb/categories", { name, slug, parentId, description });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as string;
  };
  const translateCategory = async (id: string, translations: unknown) => {
    const response = await edit("PUT", `/api/v1/admin/translations/kb-category/${id}`, translations);
    expect(response.statusCode, response.body).toBe(204);
  };
  const write = async (input: Partial<KbArticleInput> & { title: string; slug: string }, publish = true) => {
    const response = await edit("POST", "/api/v1/admin/kb/articles", kbArticleInputSchema.parse(input));
    expect(response.statusCode, response.body).toBe(201);
    const id = response.json().id as string;
    if (publish) {
      const published = await edit("POST", `/api/v1/admin/kb/articles/${id}/status`, { status: "published" });
      expect(published.statusCode).toBe(204);
    }
    return id;
  };
  const translateArticle = async (id: string, locale: string, title: string, status: "draft" | "published") => {
    const response = await edit("PUT", `/api/v1/admin/kb/articles/${id}/translations/${locale}`, {
      title,
      summary: "",
      body: `<p>${title}</p>`,
      status,
    });
    expect(response.statusCode, response.body).toBe(204);
  };

  beforeAll(async () => {
    app = await buildTestApp(db(), engine);
    editor = await signInAs(app, await buildAgent(db()));
    customer = await signInAs(app, await buildCustomer(db()));
  });

  describe("a translated category and section", () => {
    let travel = "";
    let baggage = "";
    beforeAll(async () => {
      travel = await category("Travel", "travel", null, "Booking and changing trips");
      baggage = await category("Baggage", "baggage", travel);
      await write({ title: "Lost luggage", slug: "lost-luggage", categoryId: baggage });
      await translateCategory(travel, { de: { name: "Reisen", description: "Reisen buchen und ändern" } });
      // The section only gets a name: its description falls back.
      await translateCategory(baggage, { de: { name: "Gepäck" }, fr: { name: "" } });
    });

    it("is named in German for a German reader on every Help Centre page", async () => {
      const german = { language: "de-DE,de;q=0.9" };
      const home = (await send("GET", "/api/v1/kb/home", german)).json();
      expect(home.categories).toEqual([
        expect.objectContaining({ slug: "travel", name: "Reisen", description: "Reisen buchen und ändern" }),
      ]);

      const page = (await send("GET", "/api/v1/kb/categories/travel", german)).json();
      expect(page.category).toMatchObject({ name: "Reisen", description: "Reisen buchen und ändern" });
      expect(page.sections).toEqual([expect.objectContaining({ name: "Gepäck", description: "" })]);
      const section = (await send("GET", "/api/v1/kb/categories/baggage", german)).json();
      expect(section.breadcrumbs.map((c: { name: string }) => c.name)).toEqual(["Reisen"]);

      const article = (await send("GET", "/api/v1/kb/articles/lost-luggage", german)).json();
      expect(article.breadcrumbs.map((c: { name: string }) => c.name)).toEqual(["Reisen", "Gepäck"]);
      // The article's link to another language changes the article's text, not the page around it.
      const inEnglish = (await send("GET", "/api/v1/kb/articles/lost-luggage?lang=en", german)).json();
      expect(inEnglish.breadcrumbs.map((c: { name: string }) => c.name)).toEqual(["Reisen", "Gepäck"]);

      const found = (await send("GET", "/api/v1/kb/search?q=luggage", german)).json().articles;
      expect(found).toEqual([
        expect.objectContaining({ slug: "lost-luggage", category: { id: baggage, name: "Gepäck", slug: "baggage" } }),
      ]);
    });

    it("keeps its default text for readers of a language it has no translation in", async () => {
      for (const reader of [{ language: "fr" }, { language: "en" }, { who: customer }]) {
        const home = (await send("GET", "/api/v1/kb/home", reader)).json();
        expect(home.categories).toEqual([
          expect.objectContaining({ name: "Travel", description: "Booking and changing trips" }),
        ]);
        const page = (await send("GET", "/api/v1/kb/categories/travel", reader)).json();
        expect(page.sections.map((s: { name: string }) => s.name)).toEqual(["Baggage"]);
        const article = (await send("GET", "/api/v1/kb/articles/lost-luggage", reader)).json();
        expect(article.breadcrumbs.map((c: { name: string }) => c.name)).toEqual(["Travel", "Baggage"]);
        const found = (await send("GET", "/api/v1/kb/search?q=luggage", reader)).json().articles;
        expect(found.map((a: { category: { name: string } }) => a.category.name)).toEqual(["Baggage"]);
      }
    });

    it("is the editors' to translate, and its editors' list keeps the default text", async () => {
      const listed = (await edit("GET", `/api/v1/admin/translations/kb-category/${travel}`)).json();
      expect(listed).toMatchObject({
        kind: "kb-category",
        fields: [
          { field: "name", maxLength: 120 },
          { field: "description", maxLength: 500 },
        ],
        translations: { de: { name: "Reisen", description: "Reisen buchen und ändern" } },
      });
      const categories = (await send("GET", "/api/v1/admin/kb/categories", { who: editor, language: "de" })).json();
      expect(categories.categories.map((c: { name: string }) => c.name).sort()).toEqual(["Baggage", "Travel"]);

      const url = `/api/v1/admin/translations/kb-category/${travel}`;
      expect((await send("PUT", url, { who: customer }, { de: { name: "Hack" } })).statusCode).toBe(403);
      expect((await send("GET", url, { who: customer })).statusCode).toBe(403);
      expect((await send("PUT", url, {}, { de: { name: "Hack" } })).statusCode).toBe(401);
      expect((await edit("PUT", url, { de: { icon: "plane" } })).statusCode).toBe(400);
      expect((await edit("PUT", url, { de: { name: "x".repeat(121) } })).statusCode).toBe(400);
      // An editor who may not change the settings may not translate the catalog's own categories either.
      const catalogCategory = await db().selectFrom("categories").select("id").executeTakeFirstOrThrow();
      expect(
        (await edit("PUT", `/api/v1/admin/translations/category/${catalogCategory.id}`, { de: { name: "Hack" } }))
          .statusCode,
      ).toBe(403);
      expect((await send("GET", "/api/v1/kb/home", { language: "de" })).json().categories[0].name).toBe("Reisen");
    });
  });

  it("deleting a category deletes its and its sections' translations", async () => {
    const parent = await category("Loyalty", "loyalty");
    const section = await category("Points", "points", parent);
    await translateCategory(parent, { de: { name: "Treue" }, es: { name: "Fidelidad" } });
    await translateCategory(section, { de: { name: "Punkte" } });
    expect((await edit("DELETE", `/api/v1/admin/kb/categories/${parent}`)).statusCode).toBe(204);
    const left = await db()
      .selectFrom("content_translations")
      .select("entity_id")
      .where("entity_id", "in", [parent, section])
      .execute();
    expect(left).toEqual([]);
    expect((await edit("GET", `/api/v1/admin/translations/kb-category/${parent}`)).statusCode).toBe(404);
  });

  it("the sitemap names each public article's published translations, and nothing a visitor may not read", async () => {
    const manual = await write({ title: "Check-in guide", slug: "check-in-guide" });
    await translateArticle(manual, "de", "Check-in-Anleitung", "published");
    await translateArticle(manual, "ar", "دليل تسجيل الوصول", "published");
    await translateArticle(manual, "fr", "Guide d’enregistrement", "draft");
    await write({ title: "Seat maps", slug: "seat-maps" });
    const internal = await write({ title: "Overbooking", slug: "overbooking-script", visibility: "internal" });
    await translateArticle(internal, "de", "Überbuchung", "published");
    const forCustomers = await write({ title: "Members lounge", slug: "members-lounge", visibility: "customers" });
    await translateArticle(forCustomers, "es", "Sala VIP", "published");
    const draft = await write({ title: "New fares", slug: "new-fares" }, false);
    await translateArticle(draft, "de", "Neue Tarife", "published");

    // Whoever asks: an editor's visit lists no more than a visitor's.
    const sitemap = await send("GET", "/sitemap.xml", { who: editor });
    expect(sitemap.statusCode).toBe(200);
    const xml = sitemap.body;
    expect(xml).toContain('xmlns:xhtml="http://www.w3.org/1999/xhtml"');
    const entry = (slug: string) =>
      xml.match(new RegExp(`<url><loc>[^<]*/help/articles/${slug}</loc>[\\s\\S]*?</url>`))?.[0] ?? "";
    const link = (lang: string, href: string) => `<xhtml:link rel="alternate" hreflang="${lang}" href="${href}"/>`;
    const manualUrl = entry("check-in-guide").match(/<loc>([^<]*)<\/loc>/)?.[1] ?? "missing";
    expect(entry("check-in-guide")).toContain(link("x-default", manualUrl));
    expect(entry("check-in-guide")).toContain(link("en", `${manualUrl}?lang=en`));
    expect(entry("check-in-guide")).toContain(link("de", `${manualUrl}?lang=de`));
    expect(entry("check-in-guide")).toContain(link("ar", `${manualUrl}?lang=ar`));
    expect(entry("check-in-guide")).not.toContain('hreflang="fr"');
    // One language: nothing to point to.
    expect(entry("seat-maps")).not.toBe("");
    expect(entry("seat-maps")).not.toContain("xhtml:link");
    // Internal, customers-only and draft articles stay out, translations and all.
    for (const hidden of ["overbooking-script", "members-lounge", "new-fares"]) expect(xml).not.toContain(hidden);
    expect(xml.match(/<url>/g)?.length).toBe(xml.match(/<\/url>/g)?.length);
  });
});
