import { beforeAll, expect, it } from "vitest";
import { kbArticleInputSchema } from "../../common/kb.ts";
import type { App } from "../http/types.ts";
import { describeEachEngine } from "../test/engines.ts";
import {
  buildAgent,
  buildCustomer,
  buildTestApp,
  multipartForm,
  type SignedInClient,
  signInAs,
} from "../test/factories.ts";

// The smallest real PNG (1×1, transparent): what a browser would upload, byte for byte.
const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

describeEachEngine("images in knowledge-base articles", ({ db, engine }) => {
  let app: App;
  let editor: SignedInClient;
  let customer: SignedInClient;

  const headersOf = (who?: SignedInClient) => (who ? { cookie: who.cookie, "x-csrf-token": who.csrfToken } : {});
  const upload = async (
    who: SignedInClient | undefined,
    file: { name: string; content: Buffer | string; type?: string },
  ) => {
    const form = multipartForm("image", {}, [file]);
    return app.inject({
      method: "POST",
      url: "/api/v1/admin/kb/images",
      headers: { ...headersOf(who), ...form.headers },
      payload: form.payload,
    });
  };
  const publish = async (slug: string, visibility: "public" | "internal", body: string) => {
    const created = await app.inject({
      method: "POST",
      url: "/api/v1/admin/kb/articles",
      headers: headersOf(editor),
      payload: kbArticleInputSchema.parse({ title: `Article ${slug}`, slug, body, visibility }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const status = await app.inject({
      method: "POST",
      url: `/api/v1/admin/kb/articles/${created.json().id}/status`,
      headers: headersOf(editor),
      payload: { status: "published" },
    });
    expect(status.statusCode).toBe(204);
  };

  beforeAll(async () => {
    app = await buildTestApp(db(), engine);
    editor = await signInAs(app, await buildAgent(db()));
    customer = await signInAs(app, await buildCustomer(db()));
  });

  it("stores an editor's image, keeps it in the article body, and shows it to readers of a public article", async () => {
    const uploaded = await upload(editor, { name: "printer.png", content: png, type: "image/png" });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const { url } = uploaded.json() as { url: string };
    expect(url).toMatch(/^\/api\/v1\/kb\/images\/[0-9a-f-]{36}$/);

    await publish("printer-with-picture", "public", `<p>The tray:</p><img src="${url}" alt="The paper tray">`);
    const article = await app.inject({ method: "GET", url: "/api/v1/kb/articles/printer-with-picture" });
    expect(article.json().body).toContain(`<img src="${url}" alt="The paper tray"`);

    // A visitor who is not signed in gets the bytes, as an image that cannot run anything.
    const image = await app.inject({ method: "GET", url });
    expect(image.statusCode).toBe(200);
    expect(image.headers["content-type"]).toBe("image/png");
    expect(image.headers["x-content-type-options"]).toBe("nosniff");
    expect(image.rawPayload.equals(png)).toBe(true);
  });

  it("keeps an image in an internal article from customers and visitors, and an unused one from everyone but editors", async () => {
    const internal = (await upload(editor, { name: "vpn.png", content: png })).json().url as string;
    await publish("internal-with-picture", "internal", `<p>Agents only</p><img src="${internal}" alt="">`);
    expect((await app.inject({ method: "GET", url: internal })).statusCode).toBe(404);
    expect((await app.inject({ method: "GET", url: internal, headers: headersOf(customer) })).statusCode).toBe(404);
    expect((await app.inject({ method: "GET", url: internal, headers: headersOf(editor) })).statusCode).toBe(200);

    const unused = (await upload(editor, { name: "draft.png", content: png })).json().url as string;
    expect((await app.inject({ method: "GET", url: unused })).statusCode).toBe(404);
  });

  it("refuses files that are not images, whatever they are called, and uploads by customers and visitors", async () => {
    const svg = await upload(editor, {
      name: "logo.png",
      content: '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>',
      type: "image/png",
    });
    expect(svg.statusCode).toBe(415);
    expect(svg.json().error.code).toBe("unsupported_media_type");

    const before = await db()
      .selectFrom("kb_images")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect((await upload(customer, { name: "x.png", content: png })).statusCode).toBe(403);
    expect((await upload(undefined, { name: "x.png", content: png })).statusCode).toBe(401);
    const after = await db()
      .selectFrom("kb_images")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
