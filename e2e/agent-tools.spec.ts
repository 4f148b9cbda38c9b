import { expect, type Page, test } from "@playwright/test";
import { chooseOption, expectAccessible, mailLinkPath, signInAsAdmin, submitRequest } from "./fixtures.ts";

// Every journey here submits a request and signs in before its own steps, so each is longer than most.
test.beforeEach(() => {
  test.slow();
});

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

  await tasks.getByRole("button", { name: "Edit task Book a desk" }).click();
  const edit = page.getByRole("dialog", { name: "Edit task" });
  await edit.getByRole("textbox", { name: "Task", exact: true }).fill("Book a standing desk");
  await expectAccessible(page);
  await edit.getByRole("button", { name: "Save task" }).click();
  await expect(edit).toBeHidden();

  // A box turns checked at once, before the server answers; the Feed shows what the server recorded. The second
  // tick may reach the server while the first is still saving: the alert below must fire all the same.
  await tasks.getByRole("checkbox", { name: "Order a badge" }).click();
  await expect(tasks.getByRole("checkbox", { name: "Order a badge" })).toBeChecked();
  await expect(tasks).toContainText("1 of 2 open.");
  await tasks.getByRole("checkbox", { name: "Book a standing desk" }).press("Space");
  await expect(tasks).toContainText("All tasks complete.");
  const completed = feedOf(page).getByRole("listitem").filter({ hasText: "Administrator completed a task" });
  await expect(completed).toHaveCount(2);
  await expect(feedOf(page)).toContainText("Book a standing desk");
  await expectAccessible(page);

  // The alert mail arrives and leads an agent back to the ticket in the workspace.
  expect(
    await mailLinkPath(
      page,
      "admin@e2e.switchboard.local",
      `[#${number}] Alert: All tasks complete`,
      "/agent/tickets/",
    ),
  ).toBe(`/agent/tickets/${number}`);
});

test("an agent links related tickets, both ways, and unlinks them", async ({ page }) => {
  const stamp = Date.now();
  const printer = await submitRequest(page, {
    name: "Ari",
    email: `ari.${stamp}@example.com`,
    subject: `Printer ${stamp}`,
  });
  const toner = await requestAsGuestThenOpenAsAdmin(page, `Toner empty ${stamp}`, `toner.${stamp}@example.com`);

  const linked = page.getByRole("region", { name: "Linked tickets" });
  await linked.getByLabel("Link ticket number").fill(printer);
  await linked.getByRole("button", { name: "Link", exact: true }).click();
  await expect(linked.getByRole("link", { name: `#${printer} Printer` })).toBeVisible();
  await expect(feedOf(page)).toContainText(`linked #${printer}`);
  await expectAccessible(page);
  await linked.getByRole("link", { name: `#${printer} Printer` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`#${printer}`);
  await expect(linked.getByRole("link", { name: `#${toner} Toner empty` })).toBeVisible();
  await linked.getByRole("button", { name: `Unlink #${toner}` }).click();
  await expect(linked).toContainText("No linked tickets.");
});

test("an agent merges a duplicate; its requester learns where it went", async ({ page }) => {
  const stamp = Date.now();
  const email = `dup.${stamp}@example.com`;
  const original = await submitRequest(page, {
    name: "Ari",
    email: `orig.${stamp}@example.com`,
    subject: `VPN down ${stamp}`,
  });
  const duplicate = await requestAsGuestThenOpenAsAdmin(page, `Cannot connect to VPN ${stamp}`, email);

  await page.getByRole("button", { name: "Merge into another ticket…" }).click();
  const dialog = page.getByRole("dialog", { name: `Merge #${duplicate} into another ticket` });
  await dialog.getByLabel("Ticket to merge into").fill(duplicate);
  await dialog.getByRole("button", { name: "Merge" }).click();
  await expect(dialog.getByText("a ticket cannot be merged into itself")).toBeVisible();
  await expectAccessible(page);
  await dialog.getByLabel("Ticket to merge into").fill(original);
  await dialog.getByRole("button", { name: "Merge" }).click();
  await expect(dialog).toBeHidden();
  const linked = page.getByRole("region", { name: "Linked tickets" });
  await expect(linked).toContainText(`Merged into #${original}`);
  await expect(feedOf(page)).toContainText(`merged this request into #${original}`);
  await expect(page.getByRole("region", { name: "Details" })).toContainText("Closed");

  await linked.getByRole("link", { name: `#${original}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`#${original}`);
  await expect(linked).toContainText("Merged into this ticket");
  await expect(page.getByRole("region", { name: "CCs" })).toContainText(email);
  await expect(feedOf(page)).toContainText(`merged #${duplicate}: Cannot connect to VPN`);
  await expectAccessible(page);

  // The duplicate's requester follows the mail to their request, which says where it went.
  const access = await mailLinkPath(page, email, `[#${duplicate}] Merged into #${original}`, "/access/");
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.goto(access);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Cannot connect to VPN");
  await expect(feedOf(page)).toContainText(`merged this request into #${original}`);
  await expectAccessible(page);
});

test("an admin shares a macro and an agent applies it: fields set, text ready to send", async ({ page }) => {
  const stamp = Date.now();
  const name = `Ask for the version ${stamp}`;
  const number = await requestAsGuestThenOpenAsAdmin(page, `App crashes ${stamp}`, `macro.${stamp}@example.com`);

  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Macros" }).click();
  await expect(page.getByRole("heading", { name: "Macros", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "New macro" }).click();
  const dialog = page.getByRole("dialog", { name: "New shared macro" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("textbox", { name: "Text to insert" }).click();
  await page.keyboard.type("Hi {{requester.name}}, which version? #{{ticket.number}}");
  await chooseOption(page, "Set status", "Waiting for Customer");
  await chooseOption(page, "Set priority", "Urgent");
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Save macro" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("table", { name: "Shared macros" })).toContainText(name);
  await expect(page.getByRole("table", { name: "Shared macros" })).toContainText(
    "Status: Waiting for Customer, Priority: Urgent",
  );
  await expectAccessible(page);

  await page.goto(`/agent/tickets/${number}`);
  await chooseOption(page, "Macro", name);
  await page.getByRole("button", { name: "Apply macro" }).click();
  const comment = page.getByRole("textbox", { name: "Comment" });
  await expect(comment).toContainText(`Hi Robin, which version? #${number}`);
  const details = page.getByRole("region", { name: "Details" });
  await expect(details).toContainText("Waiting for Customer");
  await expect(details).toContainText("Urgent");
  await expect(feedOf(page)).toContainText("→ Urgent");
  await expectAccessible(page);

  // The agent can still edit the text before sending it: the caret waits after the macro's words.
  await expect(comment).toBeFocused();
  await page.keyboard.type(" Thanks!");
  await page.getByRole("button", { name: "Send public reply" }).click();
  await expect(feedOf(page)).toContainText(`which version? #${number} Thanks!`);
});

test("an agent keeps a personal macro of their own", async ({ page }) => {
  const stamp = Date.now();
  const number = await requestAsGuestThenOpenAsAdmin(page, `Printer ${stamp}`, `own.${stamp}@example.com`);
  await page.getByRole("button", { name: "New personal macro" }).click();
  const own = page.getByRole("dialog", { name: "New personal macro" });
  await own.getByLabel("Name").fill(`Sign-off ${stamp}`);
  await own.getByRole("textbox", { name: "Text to insert" }).click();
  await page.keyboard.type("About #{{ticket.number}}: regards, {{agent.name}}");
  await expectAccessible(page);
  await own.getByRole("button", { name: "Save macro" }).click();
  await expect(own).toBeHidden();
  await chooseOption(page, "Macro", `Sign-off ${stamp}`);
  await page.getByRole("button", { name: "Apply macro" }).click();
  await expect(page.getByRole("textbox", { name: "Comment" })).toContainText(
    `About #${number}: regards, Administrator`,
  );

  await chooseOption(page, "Macro", `Sign-off ${stamp}`);
  await page.getByRole("button", { name: "Edit macro" }).click();
  await page
    .getByRole("dialog", { name: `Edit Sign-off ${stamp}` })
    .getByRole("button", { name: "Delete macro" })
    .click();
  await expect(page.getByRole("dialog")).toBeHidden();
  await page.getByLabel("Macro", { exact: true }).first().click();
  await expect(page.getByRole("option", { name: `Sign-off ${stamp}` })).toHaveCount(0);
});

test("the next task typed while the last one is being added is kept when the server answers", async ({ page }) => {
  const number = await requestAsGuestThenOpenAsAdmin(page, `Desk move ${Date.now()}`, `move.${Date.now()}@example.com`);
  // The add is held until the next title is typed, as a busy server would hold its answer.
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(`**/api/v1/tickets/${number}/tasks`, async (route) => {
    if (route.request().method() === "POST") await held;
    await route.continue();
  });
  const tasks = page.getByRole("region", { name: "Tasks" });
  await tasks.getByLabel("New task").fill("Pack the monitors");
  await tasks.getByLabel("New task").press("Enter");
  await tasks.getByLabel("New task").fill("Label the cables");
  release();
  await expect(tasks.getByRole("checkbox", { name: "Pack the monitors" })).toBeVisible();
  await expect(tasks.getByLabel("New task")).toHaveValue("Label the cables");
});
