import { expect, type Page, test } from "@playwright/test";
import { chooseOption, expectAccessible, mailLinkPath, signInAsAdmin, submitRequest } from "./fixtures.ts";

const feedOf = (page: Page) => page.getByRole("list", { name: "Feed entries" });

/** A guest's request, then the admin signed in and looking at it; returns its number. */
async function requestAsGuestThenOpenAsAdmin(page: Page, subject: string, email: string): Promise<string> {
  const number = await submitRequest(page, { name: "Robin", email, subject });
  await signInAsAdmin(page);
  await page.goto(`/agent/tickets/${number}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(subject);
  return number;
}

test("an agent plans the work as tasks and hears when all of them are done", async ({ page }) => {
  const email = `tasks.${Date.now()}@example.com`;
  const number = await requestAsGuestThenOpenAsAdmin(page, `Onboard Kim ${Date.now()}`, email);

  await page.getByRole("button", { name: "Add alert" }).click();
  await page.getByRole("dialog").getByRole("checkbox", { name: "All tasks complete" }).check();
  await page.getByRole("dialog").getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("region", { name: "My active alerts" })).toContainText("All tasks complete");

  const tasks = page.getByRole("region", { name: "Tasks" });
  await tasks.getByLabel("New task").fill("Order a badge");
  await chooseOption(page, "Assignee", "Administrator");
  await tasks.getByLabel("Due date").fill("2031-03-14");
  await tasks.getByRole("button", { name: "Add task" }).click();
  await expect(tasks.getByRole("checkbox", { name: "Order a badge" })).toBeVisible();
  await expect(tasks).toContainText("For Administrator");
  await tasks.getByLabel("New task").fill("Book a desk");
  await tasks.getByLabel("New task").press("Enter");
  await expect(tasks.getByRole("checkbox", { name: "Book a desk" })).toBeVisible();
  await expect(tasks).toContainText("2 of 2 open.");
  await expectAccessible(page);

  // The box shows what the server recorded: it turns checked once the change is saved.
  await tasks.getByRole("checkbox", { name: "Order a badge" }).click();
  await expect(tasks.getByRole("checkbox", { name: "Order a badge" })).toBeChecked();
  await expect(tasks).toContainText("1 of 2 open.");
  await tasks.getByRole("checkbox", { name: "Book a desk" }).press("Space");
  await expect(tasks).toContainText("All tasks complete.");
  await expect(feedOf(page)).toContainText("Administrator completed a task");
  await expect(feedOf(page)).toContainText("Book a desk");
  await expectAccessible(page);

  // The alert mail arrives and leads back to the request.
  expect(
    await mailLinkPath(page, "admin@e2e.switchboard.local", `[#${number}] Alert: All tasks complete`, "/requests/"),
  ).toBe(`/requests/${number}`);
});
