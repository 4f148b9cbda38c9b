import { expect, type Page, test } from "@playwright/test";
import { expectAccessible, signInAsAdmin, submitRequest } from "./fixtures.ts";

// Each journey submits a request and signs in before its own steps.
test.beforeEach(() => {
  test.slow();
});

const feedOf = (page: Page) => page.getByRole("list", { name: "Feed entries" });

test("an agent tags a ticket, corrects and removes a reply, and an admin deletes the ticket and restores it", async ({
  page,
}) => {
  const id = `${Date.now()}`;
  const subject = `Badge reader at the side door ${id}`;
  const number = await submitRequest(page, { name: "Dana", email: `house.${id}@example.com`, subject });
  await signInAsAdmin(page);
  await page.goto(`/agent/tickets/${number}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(subject);

  const tags = page.getByRole("region", { name: "Tags" });
  await tags.getByLabel("Add a tag").fill("Facilities");
  await tags.getByRole("button", { name: "Add tag" }).click();
  await expect(tags.getByText("facilities", { exact: true })).toBeVisible();
  await expect(feedOf(page)).toContainText("Administrator tagged the ticket: facilities");

  // The queue narrows to the tag (typed as the agent thinks of it, matched in lower case), and says so in the address.
  await page.goto("/agent/tickets");
  await page.getByRole("combobox", { name: "Tags", exact: true }).fill("Facilities");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/tag=facilities/);
  const rows = page.getByRole("table", { name: "Tickets" }).getByRole("row");
  // The header row and this ticket's: no other journey tags a ticket.
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: subject })).toBeVisible();
  await expectAccessible(page);
  await page.goto(`/agent/tickets/${number}`);

  await page.getByRole("textbox", { name: "Comment" }).click();
  await page.keyboard.type("The badge readr is replaced");
  await page.getByRole("button", { name: "Send public reply" }).click();
  await expect(feedOf(page)).toContainText("The badge readr is replaced");
  await feedOf(page).getByRole("button", { name: "Edit comment" }).click();
  const edit = page.getByRole("dialog", { name: "Edit comment" });
  await edit.getByRole("textbox", { name: "Comment text" }).click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("The badge reader is replaced");
  await expectAccessible(page);
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit).toBeHidden();
  await expect(feedOf(page)).toContainText("edited a comment; the words before:");
  await expect(feedOf(page)).toContainText("The badge reader is replaced");
  await expect(feedOf(page)).toContainText("· edited");

  await feedOf(page).getByRole("button", { name: "Delete comment" }).first().click();
  await page.getByRole("dialog", { name: "Delete this comment?" }).getByRole("button", { name: "Delete" }).click();
  await expect(feedOf(page)).toContainText("Administrator removed a comment");
  await expect(feedOf(page)).not.toContainText("The badge reader is replaced");

  await tags.getByRole("button", { name: "Remove tag facilities" }).click();
  await expect(tags).toContainText("No tags yet.");
  await expectAccessible(page);

  await page.getByRole("button", { name: "Delete", exact: true }).click();
  const confirm = page.getByRole("dialog", { name: `Delete ticket #${number}?` });
  await confirm.getByRole("button", { name: "Delete ticket" }).click();
  await expect(page).toHaveURL(/\/agent\/tickets$/);

  await page.goto("/admin/deleted-tickets");
  await expect(page.getByRole("heading", { name: "Deleted tickets" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: `Restore ticket #${number}` }).click();
  await expect(page.getByRole("status")).toContainText(`Ticket #${number} is restored.`);
  await page.goto(`/agent/tickets/${number}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(subject);
  await expect(feedOf(page)).toContainText("Administrator restored the ticket");
});
