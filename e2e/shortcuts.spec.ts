import { expect, test } from "@playwright/test";
import { signInAsAdmin, submitRequest } from "./fixtures.ts";

test("on the ticket list, Enter on a focused button presses the button instead of opening the chosen ticket", async ({
  page,
}) => {
  await signInAsAdmin(page);
  await submitRequest(page, { subject: `Shortcuts ${Date.now()}` });
  await page.goto("/agent/tickets?queue=all");
  await expect(page.getByRole("table", { name: "Tickets" })).toBeVisible();
  // j chooses the first ticket; Enter would open it.
  await page.keyboard.press("j");
  await page.getByRole("button", { name: "New ticket" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog")).toBeVisible();
  await expect(page).toHaveURL(/\/agent\/tickets\?queue=all$/);
});
