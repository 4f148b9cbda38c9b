import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** The admin every e2e server starts with (set through ADMIN_EMAIL / ADMIN_PASSWORD in e2e/serve.ts). */
export const e2eAdmin = { email: "admin@e2e.switchboard.local", password: "e2e-admin-password" };

/** Fails with the list of WCAG 2 A/AA violations on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const violations = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(violations, `accessibility violations on ${page.url()}`).toEqual([]);
}

/** Picks an option in a labelled select, whether it is a native <select> or a Mantine combobox. */
export async function chooseOption(page: Page, label: string, option: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  if ((await field.evaluate((el) => el.tagName)) === "SELECT") {
    await field.selectOption({ label: option });
    return;
  }
  await field.click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

export async function signInAsAdmin(page: Page): Promise<void> {
  await page.goto("/agent");
  await page.getByLabel("Email", { exact: true }).fill(e2eAdmin.email);
  await page.getByLabel("Password", { exact: true }).fill(e2eAdmin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Tickets", level: 1 })).toBeVisible();
}
