import { expect, type Page, test } from "@playwright/test";
import { expectAccessible, signInAsAdmin } from "./fixtures.ts";

const unique = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;

/** A request sent through the API as a visitor would send it: the journey is about what happens next. */
async function submitRequest(page: Page, subject: string, message: string): Promise<number> {
  const categories = (await (await page.request.get("/api/v1/categories")).json()) as { categories: { id: string }[] };
  const response = await page.request.post("/api/v1/tickets", {
    data: {
      subject,
      message,
      priority: "medium",
      categoryId: categories.categories[0]?.id,
      name: "Robin Reader",
      email: `robin.${unique()}@example.com`,
    },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { number: number }).number;
}

test.describe("the knowledge base", () => {
  test("a guest on a phone opens the Help Centre, searches, reads an article and votes", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto("/help");
    await expect(page.getByRole("heading", { name: "Help Centre", level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: "Your requests" })).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel("Search the Help Centre").fill("status without account");
    await page.getByLabel("Search the Help Centre").press("Enter");
    await expect(page).toHaveURL(/\/help\/search\?q=status/);
    const results = page.getByRole("list", { name: "Articles found" });
    await expect(results.getByRole("link", { name: "Check the status of a request without an account" })).toBeVisible();
    await expectAccessible(page);

    await results.getByRole("link", { name: "Check the status of a request without an account" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Check the status of a request without an account",
    );
    await expect(page).toHaveTitle(/Check the status of a request without an account/);
    await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText("Your requests");
    await expect(page.getByRole("navigation", { name: "In this article" })).toContainText("What the statuses mean");
    // Nothing on the page is wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectAccessible(page);

    await page.getByRole("button", { name: "Yes" }).click();
    await expect(page.getByRole("button", { name: "Yes" })).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByText(/\d+ out of \d+ found this helpful/)).toBeVisible();
    // Changing one's mind changes the vote, and "No" may come with a comment.
    await page.getByRole("button", { name: "No" }).click();
    await expect(page.getByRole("button", { name: "No" })).toHaveAttribute("aria-pressed", "true");
    await page.getByLabel("What was missing? (optional)").fill("Where do I find the ticket number?");
    await page.getByRole("button", { name: "Send feedback" }).click();
    await expect(page.getByText("the people who write these articles will read it")).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("link", { name: "Submit a request" }).last().click();
    await expect(page).toHaveURL(/\/services$/);
  });

  test("a visitor following a link to an article or category that is gone gets a page that says so, with the search", async ({
    page,
  }) => {
    await page.goto("/help/articles/an-article-taken-down-last-year");
    await expect(page.getByRole("heading", { name: "Article not found", level: 1 })).toBeVisible();
    await expect(page).toHaveTitle(/Article not found/);
    await expectAccessible(page);
    await page.getByLabel("Search the Help Centre").fill("password");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("link", { name: "Reset a forgotten password" })).toBeVisible();

    await page.goto("/help/categories/no-such-category");
    await expect(page.getByRole("heading", { name: "Category not found", level: 1 })).toBeVisible();
    await page.getByRole("link", { name: "Help Centre" }).last().click();
    await expect(page.getByRole("heading", { name: "Help Centre", level: 1 })).toBeVisible();
  });

  test("while typing a request's subject the requester is offered matching articles", async ({ page, context }) => {
    await page.goto("/requests/new");
    await page.getByLabel("Subject", { exact: true }).fill("How do I follow up on a closed request?");
    const offered = page.getByRole("complementary", { name: "Articles that may help" });
    const article = offered.getByRole("link", { name: /Follow up on a closed request/ });
    await expect(article).toBeVisible();
    await expectAccessible(page);
    // The article opens beside the form, so nothing typed is lost.
    const [tab] = await Promise.all([context.waitForEvent("page"), article.click()]);
    await expect(tab.getByRole("heading", { level: 1 })).toHaveText("Follow up on a closed request");
    await tab.close();
    await expect(page.getByLabel("Subject", { exact: true })).toHaveValue("How do I follow up on a closed request?");
  });

  test("an agent writes an article from a ticket, publishes it, and finds it from another ticket", async ({ page }) => {
    const id = unique();
    const first = await submitRequest(page, `Badge ${id} does not open the door`, "My badge stopped working today.");
    const second = await submitRequest(page, `Door ${id} will not open`, "The door ignores my badge.");
    await signInAsAdmin(page);
    const session = (await (await page.request.get("/api/v1/session")).json()) as { csrfToken: string };
    const reply = await page.request.post(`/api/v1/tickets/${first}/comments`, {
      data: { body: "Hold the badge flat on the reader for two seconds.", kind: "public" },
      headers: { "x-csrf-token": session.csrfToken },
    });
    expect(reply.status()).toBe(201);

    await page.goto(`/agent/tickets/${first}`);
    const panel = page.getByRole("region", { name: "Knowledge base" });
    await expect(panel).toContainText("No articles were offered to the requester.");
    await expectAccessible(page);
    await panel.getByRole("button", { name: "Write article from this ticket" }).click();
    await expect(page.getByRole("heading", { name: `Badge ${id} does not open the door`, level: 1 })).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Article" })).toContainText(
      "Hold the badge flat on the reader for two seconds.",
    );
    await expectAccessible(page);
    await page.getByRole("button", { name: "Publish" }).click();
    await expect(page.getByText("published", { exact: true })).toBeVisible();

    await page.goto(`/agent/tickets/${second}`);
    await page.getByRole("button", { name: "Insert article" }).click();
    const dialog = page.getByRole("dialog", { name: "Insert a Help Centre article" });
    await dialog.getByLabel("Search articles").fill(`badge ${id}`);
    await expect(dialog.getByRole("link", { name: `Badge ${id} does not open the door` })).toBeVisible();
    await expectAccessible(page);
    await dialog.getByRole("button", { name: `Insert link to Badge ${id} does not open the door` }).click();
    await expect(dialog).toBeHidden();
    const comment = page.getByRole("textbox", { name: "Comment" });
    await expect(comment).toContainText(`Badge ${id} does not open the door`);
    // The caret waits after the link: the agent writes on without reaching for the mouse.
    await expect(comment).toBeFocused();
    await page.keyboard.press("Enter");
    await page.keyboard.type("This article walks you through it.");
    await page.getByRole("button", { name: "Send public reply" }).click();
    const feed = page.getByRole("list", { name: "Feed entries" });
    await expect(feed.getByRole("link", { name: `Badge ${id} does not open the door` })).toBeVisible();
    await expect(feed).toContainText("This article walks you through it.");

    // Closed without inserting, the dialog gives the focus back to its button.
    await page.getByRole("button", { name: "Insert article" }).click();
    await expect(dialog).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("button", { name: "Insert article" })).toBeFocused();
  });

  test("an editor writes an article with a table and an uploaded image, and a visitor reads both", async ({
    page,
    browser,
  }) => {
    const id = unique();
    await signInAsAdmin(page);
    await page.goto("/admin/kb/articles/new");
    await page.getByLabel("Title").fill(`Printer trays ${id}`);
    const body = page.getByRole("textbox", { name: "Article" });
    await body.click();
    await page.keyboard.type("Which tray takes which paper:");
    const toolbar = page.getByRole("toolbar", { name: "Article formatting" });
    await toolbar.getByRole("button", { name: "Table" }).click();
    for (const cell of ["Tray", "Paper", "Notes", "Upper", "A4", "Top drawer"]) {
      await page.keyboard.type(cell);
      await page.keyboard.press("Tab");
    }
    // Inside the table the row and column tools appear; the one that removes a column takes the caret's (Notes).
    await body.getByText("Top drawer").click();
    await toolbar.getByRole("button", { name: "Remove column" }).click();
    await expect(body.locator("table tr").first().locator("th")).toHaveCount(2);
    await expect(body).not.toContainText("Notes");
    await expectAccessible(page);

    await body.locator("p").first().click();
    await page.keyboard.press("End");
    // The smallest real PNG, as a person would pick it from their disk.
    await page.getByLabel("Image to insert").setInputFiles({
      name: "paper-tray.png",
      mimeType: "image/png",
      buffer: Buffer.from(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
        "base64",
      ),
    });
    await expect(body.locator('img[alt="paper tray"]')).toBeVisible();
    // A file that only calls itself an image is refused with a reason.
    await page.getByLabel("Image to insert").setInputFiles({
      name: "not-really.png",
      mimeType: "image/png",
      buffer: Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"),
    });
    await expect(page.getByRole("alert")).toContainText("Upload a PNG, JPEG, GIF or WebP image.");

    await page.getByRole("button", { name: "Create draft" }).click();
    await expect(page.getByRole("button", { name: "Publish" })).toBeVisible();
    await page.getByRole("button", { name: "Publish" }).click();
    await expect(page.getByText("published", { exact: true })).toBeVisible();
    const slug = await page.getByLabel("Web address").inputValue();

    // A visitor in a browser of their own, not signed in.
    const visitorContext = await browser.newContext({ baseURL: new URL(page.url()).origin });
    const visitor = await visitorContext.newPage();
    await visitor.goto(`/help/articles/${slug}`);
    await expect(visitor.getByRole("heading", { name: `Printer trays ${id}`, level: 1 })).toBeVisible();
    const table = visitor.getByRole("table");
    await expect(table.getByRole("cell", { name: "A4" })).toBeVisible();
    await expect(table.getByRole("columnheader", { name: "Tray" })).toBeVisible();
    const image = visitor.getByRole("img", { name: "paper tray" });
    await expect(image).toBeVisible();
    expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
    await expectAccessible(visitor);
    await visitorContext.close();
  });

  test("an editor who reads German writes an article in German words, the form's sentences too", async ({
    page,
    context,
    baseURL,
  }) => {
    const id = unique();
    await signInAsAdmin(page);
    // The switcher's cookie: the admin's profile names no language, so this one counts (and no other journey's).
    await context.addCookies([{ name: "sb_locale", value: "de", url: baseURL ?? "" }]);
    await page.goto("/admin/kb");
    await expect(page.getByRole("heading", { name: "Wissensdatenbank", level: 1 })).toBeVisible();
    await expect(page.getByRole("tab", { name: "Kategorien" })).toBeVisible();
    await page.getByRole("link", { name: "Neuer Artikel" }).click();

    await page.getByRole("textbox", { name: "Artikel" }).click();
    const toolbar = page.getByRole("toolbar", { name: "Formatierung des Artikels" });
    await expect(toolbar.getByRole("button", { name: "Tabelle" })).toBeVisible();
    // The server refuses an article without a title; the reason is said in German beside the field.
    await page.getByRole("button", { name: "Entwurf anlegen" }).click();
    await expect(page.getByLabel("Titel", { exact: true })).toHaveAccessibleDescription(/Geben Sie einen Titel ein\./);

    await page.getByLabel("Titel", { exact: true }).fill(`Drucker ${id}`);
    await page.getByRole("button", { name: "Entwurf anlegen" }).click();
    await expect(page.getByText("Entwurf", { exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Veröffentlichen" }).click();
    await expect(page.getByText("veröffentlicht", { exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Revisionen" })).toBeVisible();
    await expectAccessible(page);
  });
});
