import { expect, test } from "@playwright/test";
import { chooseOption, expectAccessible, signInAsAdmin } from "./fixtures.ts";

test("an admin gives a service a German name, and a visitor reading German sees it in the catalog", async ({
  page,
  browser,
}) => {
  // Three accessibility scans and two browsers: more than the default on a shared machine.
  test.setTimeout(180_000);
  const id = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  await signInAsAdmin(page);
  await page.goto("/admin/catalog");
  await page.getByRole("button", { name: "New service" }).click();
  const form = page.getByRole("dialog", { name: "New service" });
  await form.getByLabel("Name", { exact: true }).fill(`Printer toner ${id}`);
  await form.getByLabel("Address", { exact: true }).fill(`printer-toner-${id}`);
  await form.getByLabel("Short description", { exact: true }).fill("New toner for the office printer.");
  await chooseOption(page, "Ticket type", "General request");
  await chooseOption(page, "Who may request it", "Everyone, also without an account");
  await form.getByRole("button", { name: "Save service" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();

  await page.getByRole("button", { name: `Translations of Printer toner ${id}` }).click();
  const dialog = page.getByRole("dialog", { name: `Translations of Printer toner ${id}` });
  await expect(dialog.getByRole("tab", { name: "Deutsch" })).toHaveAttribute("aria-selected", "true");
  // The default text shows where nothing is translated yet.
  await expect(dialog.getByLabel("Name (Deutsch)")).toHaveAttribute("placeholder", `Printer toner ${id}`);
  await dialog.getByLabel("Name (Deutsch)").fill(`Druckertoner ${id}`);
  await dialog.getByLabel("Short description (Deutsch)").fill("Neuer Toner für den Bürodrucker.");
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Save translations" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();

  const german = await browser.newContext({ locale: "de-DE" });
  const visitor = await german.newPage();
  await visitor.goto("/services");
  const service = visitor.getByRole("link", { name: `Druckertoner ${id}` });
  await expect(service).toBeVisible();
  await expect(visitor.getByText("Neuer Toner für den Bürodrucker.")).toBeVisible();
  await expect(visitor.getByRole("link", { name: `Printer toner ${id}` })).toHaveCount(0);
  await expectAccessible(visitor);
  await service.click();
  await expect(visitor.getByRole("heading", { name: `Druckertoner ${id}`, level: 1 })).toBeVisible();
  await expectAccessible(visitor);
  await german.close();

  // Someone reading French, with no French text, gets the default.
  const french = await browser.newContext({ locale: "fr-FR" });
  const other = await french.newPage();
  await other.goto("/services");
  await expect(other.getByRole("link", { name: `Printer toner ${id}` })).toBeVisible();
  await french.close();
});
