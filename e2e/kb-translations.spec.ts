import { expect, test } from "@playwright/test";
import { chooseOption, expectAccessible, signInAsAdmin } from "./fixtures.ts";

// One category and one article, their German translations, and two readers: the steps depend on each other,
// so they run in order.
test.describe.configure({ mode: "serial" });
const id = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
let slug = "";

test("an editor names a category in German too", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/admin/kb");
  await page.getByRole("tab", { name: "Categories" }).click();
  await page.getByLabel("Name", { exact: true }).fill(`Printing ${id}`);
  await page.getByLabel("Description", { exact: true }).fill("Printers, toner and scanning.");
  await page.getByRole("button", { name: "Add category" }).click();
  await page.getByRole("button", { name: `Translations of Printing ${id}` }).click();
  const dialog = page.getByRole("dialog", { name: `Translations of Printing ${id}` });
  await expect(dialog.getByRole("tab", { name: "Deutsch" })).toHaveAttribute("aria-selected", "true");
  await expect(dialog.getByLabel("Name (Deutsch)")).toHaveAttribute("placeholder", `Printing ${id}`);
  await dialog.getByLabel("Name (Deutsch)").fill(`Drucken ${id}`);
  await dialog.getByLabel("Description (Deutsch)").fill("Drucker, Toner und Scannen.");
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Save translations" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  // The editors' own list keeps the name it was given.
  await expect(page.getByRole("cell", { name: `Printing ${id}`, exact: true })).toBeVisible();
});

test("an editor translates an article into German and publishes the translation", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/admin/kb/articles/new");
  await page.getByLabel("Title", { exact: true }).fill(`Set up the printer ${id}`);
  await chooseOption(page, "Category", `Printing ${id}`);
  await page.getByRole("textbox", { name: "Article", exact: true }).click();
  await page.keyboard.type("Connect the printer to the office network.");
  await page.getByRole("button", { name: "Create draft" }).click();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("published", { exact: true })).toBeVisible();
  slug = await page.getByLabel("Web address").inputValue();

  const translations = page.getByRole("region", { name: "Translations" });
  await expect(translations.getByRole("row", { name: /Deutsch/ })).toContainText("not translated");
  await translations.getByRole("button", { name: "Translate into Deutsch" }).click();
  const dialog = page.getByRole("dialog", { name: "Translation into Deutsch" });
  await dialog.getByLabel("Title (Deutsch)").fill(`Drucker einrichten ${id}`);
  await dialog.getByLabel("Summary (Deutsch)").fill("In wenigen Schritten im Büronetz.");
  await dialog.getByRole("textbox", { name: "Article (Deutsch)" }).click();
  await page.keyboard.type("Verbinden Sie den Drucker mit dem Büronetzwerk.");
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Save and publish" }).click();
  await expect(dialog.getByRole("status")).toHaveText("Translation saved.");
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(translations.getByRole("row", { name: /Deutsch/ })).toContainText("published");
});

test("a visitor whose browser asks for German reads the German text, and the page says it is German", async ({
  browser,
  baseURL,
}) => {
  const germanBrowser = await browser.newContext({ locale: "de-DE", baseURL: baseURL ?? "" });
  const german = await germanBrowser.newPage();
  // The Help Centre's front page names the category in German, and so does its page.
  await german.goto("/help");
  const category = german.getByRole("link", { name: `Drucken ${id}` });
  await expect(category).toBeVisible();
  await expect(german.getByRole("link", { name: `Printing ${id}` })).toHaveCount(0);
  await category.click();
  await expect(german.getByRole("heading", { level: 1 })).toHaveText(`Drucken ${id}`);
  await expect(german.getByText("Drucker, Toner und Scannen.")).toBeVisible();
  await expectAccessible(german);
  await german.getByRole("link", { name: `Drucker einrichten ${id}` }).click();
  await expect(german.getByRole("heading", { level: 1 })).toHaveText(`Drucker einrichten ${id}`);
  // Its breadcrumbs lead back to the category by its German name.
  await expect(german.getByRole("link", { name: `Drucken ${id}` })).toBeVisible();
  await german.goto(`/help/articles/${slug}`);
  await expect(german.getByRole("heading", { level: 1 })).toHaveText(`Drucker einrichten ${id}`);
  await expect(german.getByRole("heading", { level: 1 })).toHaveAttribute("lang", "de");
  const germanBody = german.locator(".message-body.kb-article-body");
  await expect(germanBody).toHaveAttribute("lang", "de");
  await expect(germanBody).toContainText("Verbinden Sie den Drucker");
  const otherLanguages = german.getByRole("navigation", { name: "Dieser Artikel in anderen Sprachen" });
  await expect(otherLanguages.getByRole("link", { name: "English" })).toBeVisible();
  await expectAccessible(german);
  // German words find it.
  await german.goto(`/help/search?q=${encodeURIComponent("Büronetzwerk")}`);
  await expect(german.getByRole("link", { name: `Drucker einrichten ${id}` })).toBeVisible();
  await expectAccessible(german);
  // The English text is one link away.
  await german.goto(`/help/articles/${slug}`);
  await german.getByRole("navigation", { name: "Dieser Artikel in anderen Sprachen" }).getByRole("link").click();
  await expect(german.getByRole("heading", { level: 1 })).toHaveText(`Set up the printer ${id}`);
  await expect(german.locator(".message-body.kb-article-body")).toHaveAttribute("lang", "en");
  await germanBrowser.close();
});

test("a visitor reading English reads the English text, with a link to the German one", async ({
  browser,
  baseURL,
}) => {
  const englishBrowser = await browser.newContext({ locale: "en-US", baseURL: baseURL ?? "" });
  const english = await englishBrowser.newPage();
  await english.goto(`/help/articles/${slug}`);
  await expect(english.getByRole("heading", { level: 1 })).toHaveText(`Set up the printer ${id}`);
  await expect(english.getByRole("link", { name: `Printing ${id}` })).toBeVisible();
  const englishBody = english.locator(".message-body.kb-article-body");
  await expect(englishBody).toHaveAttribute("lang", "en");
  await expect(englishBody).toContainText("Connect the printer to the office network.");
  const germanLink = english
    .getByRole("navigation", { name: "This article in other languages" })
    .getByRole("link", { name: "Deutsch" });
  await expect(germanLink).toHaveAttribute("lang", "de");
  await expectAccessible(english);
  await englishBrowser.close();
});
