import { expect, test } from "@playwright/test";
import { callApi, chooseOption, expectAccessible, signInAsAdmin, submitRequest } from "./fixtures.ts";

test.setTimeout(300_000);

test("a manager reads the reports, filters by group, opens the tickets behind a figure and downloads a table", async ({
  page,
}) => {
  const stamp = Date.now();
  await signInAsAdmin(page);
  // Some history of their own: two requests, one of them handed to a new group.
  const group = `Reports desk ${stamp}`;
  const created = await callApi(page, "POST", "/api/v1/admin/groups", { name: group });
  const groupId = String(created?.id);
  const routed = await submitRequest(page, { subject: `Reports: routed ${stamp}` });
  await submitRequest(page, { subject: `Reports: unrouted ${stamp}` });
  await callApi(page, "PATCH", `/api/v1/tickets/${routed}`, { groupId });

  await page.goto("/");
  await page.getByRole("link", { name: "Reports" }).click();
  await expect(page.getByRole("heading", { name: "Reports", level: 1 })).toBeVisible();
  const createdCard = page.getByText("Tickets created").locator("..");
  await expect(createdCard).toBeVisible();
  await expect(page.getByRole("heading", { name: "Created and solved" })).toBeVisible();
  // The chart is drawn, and the same figures are in a table behind it.
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  await page.getByText("Table: Created and solved").click();
  await expect(page.getByRole("table", { name: "Created and solved" })).toBeVisible();
  await expectAccessible(page);

  // Only the new group: one ticket came in.
  await chooseOption(page, "Group", group);
  await expect(page).toHaveURL(new RegExp(`groupId=${groupId}`));
  const figure = page.getByRole("link", { name: "1", exact: true }).first();
  await expect(figure).toBeVisible();

  // Every report page draws, and passes axe.
  for (const tab of ["Volume", "Efficiency", "Service levels", "Agents and groups", "Satisfaction"]) {
    await page.getByRole("tab", { name: tab }).click();
    await expect(page.getByRole("tab", { name: tab })).toHaveAttribute("aria-selected", "true");
    await expect(page.getByText("Loading the report")).toHaveCount(0);
    await expectAccessible(page);
  }

  // The CSV of a table downloads with its rows.
  await page.getByRole("tab", { name: "Volume" }).click();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CSV of By group" }).click();
  const file = await download;
  const csv = await (await file.createReadStream()).toArray();
  expect(Buffer.concat(csv).toString("utf8")).toContain(group);

  // Clicking the figure opens the matching ticket list: the routed ticket, not the other one.
  await page.getByRole("tab", { name: "Overview" }).click();
  await page.getByRole("link", { name: "1", exact: true }).first().click();
  await expect(page).toHaveURL(/\/agent\/tickets\?/);
  await expect(page.getByRole("row").filter({ hasText: `Reports: routed ${stamp}` })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: `Reports: unrouted ${stamp}` })).toHaveCount(0);
});
