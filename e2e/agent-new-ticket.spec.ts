import { expect, type Page, test } from "@playwright/test";
import { callApi, expectAccessible, mailLinkPath, signInAsAdmin } from "./fixtures.ts";

const newTicketDialog = (page: Page) => page.getByRole("dialog", { name: "New ticket" });

/** Picks an option in one of the dialog's selects (the queue's filters behind it share some labels). */
async function choose(page: Page, label: string, option: string) {
  await newTicketDialog(page).getByLabel(label, { exact: true }).first().click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

test("an agent files a phone call for a customer with an account, from the keyboard", async ({ page }) => {
  const id = `${Date.now()}`;
  await signInAsAdmin(page);
  const customer = { name: `Rhea ${id}`, email: `rhea.${id}@example.com` };
  await callApi(page, "POST", "/api/v1/admin/users", { ...customer, licence: "customer", roleIds: [], groupIds: [] });
  await page.goto("/agent/tickets");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Tickets");

  await page.keyboard.press("c");
  const dialog = newTicketDialog(page);
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Create ticket" }).click();
  await expect(dialog.getByText("Choose a requester, or switch to New requester.")).toBeVisible();
  await expect(dialog.getByText("Enter a subject.")).toBeVisible();

  // A search that finds nobody says so below the box, and the page stays accessible: no empty list is left open.
  await dialog.getByLabel("Requester", { exact: true }).first().fill(`Nobody ${id}`);
  await expect(page.getByText("Nobody found: use New requester")).toBeVisible();
  await expectAccessible(page);
  await dialog.getByLabel("Requester", { exact: true }).first().fill(`Rhea ${id}`);
  await page.getByRole("option", { name: new RegExp(`Rhea ${id}`) }).click();
  await expect(dialog.getByLabel("Channel", { exact: true }).first()).toHaveValue("Phone");
  await dialog.getByLabel("Subject", { exact: true }).fill(`Printer jammed ${id}`);
  await choose(page, "Priority", "High");
  await dialog.getByLabel("Message", { exact: true }).fill("Called at 10:05: the printer on floor 3 shows E-22.");
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Create ticket" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Printer jammed ${id}`);
  const details = page.getByRole("region", { name: "Details" });
  await expect(details).toContainText(customer.email);
  await expect(details).toContainText("Phone");
  await expect(page.getByText(`On behalf of ${customer.name} · Phone`)).toBeVisible();
  await expectAccessible(page);
});

test("an agent files a walk-in for someone new and sends them the confirmation", async ({ page }) => {
  const id = `${Date.now()}`;
  const email = `walkin.${id}@example.com`;
  await signInAsAdmin(page);
  await page.getByRole("button", { name: "New ticket" }).click();
  const dialog = newTicketDialog(page);
  await dialog.getByText("New requester").click();
  await dialog.getByLabel("Requester's name", { exact: true }).fill(`Walter ${id}`);
  await dialog.getByLabel("Requester's email", { exact: true }).fill("not an address");
  await choose(page, "Channel", "Walk-in");
  await dialog.getByLabel("Subject", { exact: true }).fill(`Badge broken ${id}`);
  await dialog.getByLabel("Message", { exact: true }).fill("Came to the desk: the badge does not open doors.");
  await dialog.getByRole("button", { name: "Create ticket" }).click();
  await expect(dialog.getByText("Enter a valid email address, like name@example.com.")).toBeVisible();

  await dialog.getByLabel("Requester's email", { exact: true }).fill(email);
  await dialog.getByRole("checkbox", { name: /Send the requester a confirmation/ }).check();
  await dialog.getByRole("button", { name: "Create ticket" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Badge broken ${id}`);
  await expect(page.getByRole("region", { name: "Details" })).toContainText("Walk-in");

  // The visitor has no account: the confirmation carries a personal access link to the request.
  const link = await mailLinkPath(page, email, "We received your request", "/access/");
  await page.context().clearCookies();
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Badge broken ${id}`);
});
