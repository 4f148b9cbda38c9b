import { expect, test } from "@playwright/test";
import { chooseOption, expectAccessible, signInAsAdmin } from "./fixtures.ts";

test("an admin adds, renames and removes a status, with separate labels for agents and customers", async ({ page }) => {
  const name = `Escalated ${Date.now()}`;
  await signInAsAdmin(page);
  await page.goto("/admin/statuses");
  const table = page.getByRole("table", { name: "Statuses" });
  await expect(table).toContainText("Waiting for Customer");
  await expect(table).toContainText("Awaiting your reply");
  await expectAccessible(page);

  await page.getByRole("button", { name: "New status" }).click();
  const dialog = page.getByRole("dialog", { name: "New status" });
  await dialog.getByLabel("Label for agents", { exact: true }).fill(name);
  await dialog.getByLabel("Label for customers", { exact: true }).fill("Being looked at");
  await chooseOption(page, "Category", "Open: being worked on");
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Save status" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(table.getByRole("row").filter({ hasText: name })).toContainText("Being looked at");

  await page.getByRole("button", { name: `Edit ${name}` }).click();
  await page.getByRole("dialog").getByLabel("Label for customers", { exact: true }).fill("In progress");
  await page.getByRole("button", { name: "Save status" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(table.getByRole("row").filter({ hasText: name })).toContainText("In progress");

  await page.getByRole("button", { name: `Delete ${name}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
  await expect(table).not.toContainText(name);

  // "New" holds tickets (the demo data), so it stays.
  await page.getByRole("button", { name: "Delete New" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("dialog")).toContainText("Tickets have this status, so it cannot be deleted.");
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();

  // The only withdrawn status: the admin is told what stops working before deleting it.
  await expect(table.getByRole("row").filter({ hasText: "Withdrawn" })).toContainText("Needed by: Withdraw request");
  await page.getByRole("button", { name: "Delete Withdrawn" }).click();
  await expect(page.getByRole("dialog")).toContainText("Without it, these stop working: Withdraw request (requesters)");
  await expectAccessible(page);
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  await expect(table).toContainText("Withdrawn");
});

test("an admin edits the reasons requesters give when they withdraw", async ({ page }) => {
  const reason = `Moved to another team ${Date.now()}`;
  await signInAsAdmin(page);
  await page.goto("/admin/withdraw-reasons");
  const table = page.getByRole("table", { name: "Withdrawal reasons" });
  await expect(table).toContainText("I found the answer myself");
  await page.getByRole("button", { name: "New reason" }).click();
  await page.getByRole("dialog").getByLabel("Reason", { exact: true }).fill(reason);
  await page.getByRole("dialog").getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(table).toContainText(reason);
  await expectAccessible(page);
  const reasons = await (await page.request.get("/api/v1/withdraw-reasons")).json();
  expect(reasons.reasons.map((r: { label: string }) => r.label)).toContain(reason);
  await page.getByRole("button", { name: `Delete ${reason}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove" }).click();
  await expect(table).not.toContainText(reason);
});
