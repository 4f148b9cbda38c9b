import { expect, type Page, test } from "@playwright/test";
import {
  acceptInvitation,
  callApi,
  chooseOption,
  expectAccessible,
  openMail,
  signInAsAdmin,
  submitRequest,
} from "./fixtures.ts";

/** An agent in one group who may not see every ticket, invited by the admin signed in on `page`. */
async function inviteGroupAgent(page: Page, id: string) {
  const group = (await callApi(page, "POST", "/api/v1/admin/groups", { name: `Network ${id}` })) as { id: string };
  const roles = (await (await page.request.get("/api/v1/admin/roles")).json()) as {
    roles: { id: string; name: string }[];
  };
  const role = roles.roles.find((r) => r.name === "Group agent");
  const email = `gail.${id}@example.com`;
  await callApi(page, "POST", "/api/v1/admin/users", {
    name: `Gail ${id}`,
    email,
    licence: "agent",
    roleIds: [role?.id],
    groupIds: [group.id],
  });
  return { groupName: `Network ${id}`, name: `Gail ${id}`, email };
}

const rowOf = (page: Page, number: string) =>
  page
    .getByRole("table", { name: "Tickets" })
    .getByRole("row")
    .filter({ hasText: `#${number}` });

test("a bulk edit that fits only some tickets says which were left unchanged and why, and keeps them selected", async ({
  page,
}) => {
  const id = `${Date.now()}`;
  const fits = await submitRequest(page, { name: "Rory", email: `rory.${id}@example.com`, subject: `Bulk ${id} one` });
  const misfit = await submitRequest(page, {
    name: "Rory",
    email: `rory.${id}@example.com`,
    subject: `Bulk ${id} two`,
  });
  await signInAsAdmin(page);
  const gail = await inviteGroupAgent(page, id);
  // The second ticket belongs to a group Gail is not in, so she cannot be its assignee.
  const printers = (await callApi(page, "POST", "/api/v1/admin/groups", { name: `Printers ${id}` })) as { id: string };
  await callApi(page, "PATCH", `/api/v1/tickets/${misfit}`, { groupId: printers.id });

  await page.goto("/agent/tickets");
  await page.getByLabel("Search", { exact: true }).fill(`Bulk ${id}`);
  await expect(page.getByRole("table", { name: "Tickets" }).getByRole("row")).toHaveCount(3);
  await page.getByRole("checkbox", { name: "Select all tickets shown" }).check();
  await chooseOption(page, "Assign to", gail.name);
  await page.getByRole("button", { name: "Apply to 2 tickets" }).click();

  await expect(page.getByText("Updated 1 ticket")).toBeVisible();
  await expect(
    page.getByText(`Not changed: #${misfit}: ${gail.name} is not in the Printers ${id} group.`),
  ).toBeVisible();
  await expect(rowOf(page, fits)).toContainText(gail.name);
  // What failed stays selected, ready for another try.
  await expect(page.getByText("1 ticket selected")).toBeVisible();
  await expectAccessible(page);
});

test("an agent filters a queue, saves it as a view, bulk-edits, edits a ticket by its type and assigns it", async ({
  page,
}) => {
  const id = `${Date.now()}`;
  const first = await submitRequest(page, {
    name: "Quinn",
    email: `quinn.${id}@example.com`,
    subject: `Partner ${id} one`,
  });
  const second = await submitRequest(page, {
    name: "Quinn",
    email: `quinn.${id}@example.com`,
    subject: `Partner ${id} two`,
  });
  await signInAsAdmin(page);
  const gail = await inviteGroupAgent(page, id);

  await page.getByRole("navigation", { name: "Queues" }).getByRole("link", { name: /^New/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tickets · New");
  await page.getByLabel("Search", { exact: true }).fill(`Partner ${id}`);
  await expect(rowOf(page, first)).toBeVisible();
  await expect(page.getByRole("table", { name: "Tickets" }).getByRole("row")).toHaveCount(3);
  await expectAccessible(page);

  await page.getByRole("button", { name: "Save as view" }).click();
  await page.getByRole("dialog", { name: "Save as view" }).getByLabel("Name", { exact: true }).fill(`Partners ${id}`);
  await page.getByRole("dialog").getByRole("button", { name: "Save view" }).click();
  await expect(
    page.getByRole("navigation", { name: "Queues" }).getByRole("link", { name: `Partners ${id}` }),
  ).toContainText("2");

  await page.getByRole("checkbox", { name: "Select all tickets shown" }).check();
  await expect(page.getByText("2 tickets selected")).toBeVisible();
  await chooseOption(page, "Set priority", "Urgent");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Apply to 2 tickets" }).click();
  await expect(page.getByText("Updated 2 tickets")).toBeVisible();
  await expect(rowOf(page, second)).toContainText("Urgent");

  await page.keyboard.press("Shift+?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await page.keyboard.press("Escape");

  await rowOf(page, first)
    .getByRole("link", { name: `#${first}` })
    .click();
  await page.getByRole("button", { name: "Edit" }).click();
  const dialog = page.getByRole("dialog", { name: "Updating ticket" });
  await chooseOption(page, "Type", "Domain approval");
  await expect(dialog.getByLabel("Domain Approved")).toBeVisible();
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog.getByText("Enter Domain.")).toBeVisible();
  await dialog.getByRole("textbox", { name: "Domain", exact: true }).fill(`acme-${id}.com`);
  await chooseOption(page, "Domain Approved", "Cleared");
  await chooseOption(page, "Group", gail.groupName);
  // The assignee list is searchable: type to narrow it, as an agent with many colleagues would.
  await dialog.getByRole("combobox", { name: "Assignee" }).fill(gail.name.split(" ")[1] ?? gail.name);
  await page.getByRole("option", { name: gail.name, exact: true }).click();
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog).toBeHidden();

  const details = page.getByRole("region", { name: "Details", exact: true });
  await expect(details).toContainText("Domain approval");
  await expect(details).toContainText(gail.name);
  const feed = page.getByRole("list", { name: "Feed entries" });
  await expect(feed).toContainText(`Domain: (none) → acme-${id}.com`);
  await expect(feed).toContainText(`Assignee: (none) → ${gail.name}`);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Sign out" }).click();

  await openMail(page, gail.email, `[#${first}] Assigned to you`);
  await acceptInvitation(page, gail.email, "gail's own password");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.goto("/agent/tickets");
  await expect(rowOf(page, first)).toBeVisible();
  await expect(rowOf(page, second)).toHaveCount(0);
  await page.goto(`/agent/tickets/${second}`);
  await expect(page.getByRole("heading", { name: "Ticket not found" })).toBeVisible();

  // Keyboard: from the list, j focuses the first row, Enter opens it, and on the page "a" assigns and "e" edits.
  await page.goto("/agent/tickets");
  await expect(rowOf(page, first)).toBeVisible();
  await page.keyboard.press("j");
  await expect(rowOf(page, first)).toHaveAttribute("aria-current", "true");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`#${first}`);
  await page.keyboard.press("e");
  const gailsDialog = page.getByRole("dialog", { name: "Updating ticket" });
  await expect(gailsDialog).toBeVisible();

  // A group agent who takes the ticket out of her groups and off herself is warned before she loses it.
  await chooseOption(page, "Group", "No group");
  await expect(gailsDialog.getByText("You will lose access to this ticket")).toHaveCount(0);
  await gailsDialog.getByRole("combobox", { name: "Assignee" }).click();
  await page.getByRole("option", { name: "Unassigned", exact: true }).click();
  await expect(gailsDialog.getByText("You will lose access to this ticket")).toBeVisible();
  await expectAccessible(page);
  await gailsDialog.getByRole("button", { name: "Save and lose access" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Tickets");
  await expect(rowOf(page, first)).toHaveCount(0);
});

test("in two tabs on one ticket, saving the edit dialog keeps what the other tab changed, and the status control follows the ticket", async ({
  page,
}) => {
  const id = `${Date.now()}`;
  await signInAsAdmin(page);
  const number = await submitRequest(page, { subject: `Badge reader offline ${id}` });
  await page.goto(`/agent/tickets/${number}`);
  const other = await page.context().newPage();
  await other.goto(`/agent/tickets/${number}`);

  await page.getByRole("button", { name: "Edit", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Updating ticket" });
  await expect(dialog.getByLabel("Subject", { exact: true })).toHaveValue(`Badge reader offline ${id}`);
  // While the dialog is open, the other tab takes the ticket and raises its priority.
  await other.getByRole("button", { name: "Assign to me" }).click();
  await expect(other.getByRole("region", { name: "Details", exact: true })).not.toContainText("Unassigned");
  await chooseOption(other, "Status", "In Progress");
  await other.getByRole("button", { name: "Change status" }).click();
  await expect(other.getByRole("list", { name: "Feed entries" })).toContainText("to In Progress");

  // The dialog changes only the subject, and only the subject changes.
  await dialog.getByLabel("Subject", { exact: true }).fill(`Badge reader at door 2 offline ${id}`);
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Badge reader at door 2 offline ${id}`);
  await page.reload();
  const details = page.getByRole("region", { name: "Details", exact: true });
  // The admin is the requester too: the assignee is kept when the ticket is not "Unassigned".
  await expect(details).toContainText("In Progress");
  await expect(details).not.toContainText("Unassigned");
  await expect(page.getByRole("list", { name: "Feed entries" })).not.toContainText("Administrator → (none)");

  // A status set in the dialog shows in the status control too, with nothing left to change.
  await page.getByRole("button", { name: "Edit", exact: true }).click();
  await dialog.getByLabel("Status", { exact: true }).first().click();
  await page.getByRole("option", { name: "On Hold", exact: true }).click();
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog).toBeHidden();
  await expect(details).toContainText("On Hold");
  const statusControl = page.getByLabel("Status", { exact: true }).first();
  await expect(statusControl).toHaveValue("On Hold");
  await expect(page.getByRole("button", { name: "Change status" })).toBeDisabled();
  // So does one set in the other tab.
  await chooseOption(other, "Status", "Open");
  await other.getByRole("button", { name: "Change status" }).click();
  await expect(page.getByRole("list", { name: "Feed entries" })).toContainText("from On Hold to Open");
  await expect(statusControl).toHaveValue("Open");
  await other.close();
});

test("Escape leaves the comment editor with its text, and the page's keys work again", async ({ page }) => {
  const id = `${Date.now()}`;
  const number = await submitRequest(page, { name: "Esme", email: `esc.${id}@example.com`, subject: `Keys ${id}` });
  await signInAsAdmin(page);
  await page.goto(`/agent/tickets/${number}`);
  const editor = page.getByRole("textbox", { name: "Comment" });
  await expect(editor).toBeVisible();
  await page.keyboard.press("r");
  await expect(editor).toBeFocused();
  await page.keyboard.type("Half a reply");
  await page.keyboard.press("Escape");
  await expect(editor).not.toBeFocused();
  await page.keyboard.press("e");
  await expect(page.getByRole("dialog", { name: "Updating ticket" })).toBeVisible();
  await expect(editor).toHaveText("Half a reply");
});

test("a save that meets a colleague's change made while the edit dialog was open keeps theirs, and asks where both changed one field", async ({
  page,
}) => {
  const id = `${Date.now()}`;
  await signInAsAdmin(page);
  const number = await submitRequest(page, { subject: `Domain for the new shop ${id}` });
  // No live updates on this page: the colleague's changes reach it only when it reads the ticket again, as
  // when the live stream is down or a change lands the moment before the save.
  await page.route("**/api/v1/live**", (route) => route.abort());
  await page.goto(`/agent/tickets/${number}`);
  const dialog = page.getByRole("dialog", { name: "Updating ticket" });
  await page.getByRole("button", { name: "Edit", exact: true }).click();
  await chooseOption(page, "Type", "Domain approval");
  await dialog.getByRole("textbox", { name: "Domain", exact: true }).fill(`shop-${id}.com`);
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog).toBeHidden();
  const details = page.getByRole("region", { name: "Details", exact: true });
  await expect(details).toContainText("Domain approval");

  // The dialog is open when a colleague approves the domain and raises the priority.
  await page.getByRole("button", { name: "Edit", exact: true }).click();
  await expect(dialog.getByRole("textbox", { name: "Domain", exact: true })).toHaveValue(`shop-${id}.com`);
  await callApi(page, "PATCH", `/api/v1/tickets/${number}`, {
    priority: "high",
    fields: { domain: `shop-${id}.com`, domain_approved: "Approved" },
  });
  // This agent corrects the domain: a field the colleague left alone, so the save goes through and keeps
  // the approval and the priority.
  await dialog.getByRole("textbox", { name: "Domain", exact: true }).fill(`shop-${id}.example`);
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog).toBeHidden();
  await page.reload();
  const fields = page.getByRole("region", { name: "Request details" });
  await expect(fields).toContainText(`shop-${id}.example`);
  await expect(fields).toContainText("Approved");
  await expect(details).toContainText("High");

  // Both change the priority: the save stops and says so, with the colleague's value on the page.
  await page.getByRole("button", { name: "Edit", exact: true }).click();
  await expect(dialog.getByRole("textbox", { name: "Domain", exact: true })).toHaveValue(`shop-${id}.example`);
  await callApi(page, "PATCH", `/api/v1/tickets/${number}`, { priority: "urgent" });
  await chooseOption(page, "Priority", "Low");
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog.getByRole("alert").filter({ hasText: "someone else changed: Priority." })).toBeVisible();
  await expect(dialog).toBeVisible();
  await expectAccessible(page);
  // Saving again is the agent's decision: their value replaces the colleague's.
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog).toBeHidden();
  await page.reload();
  await expect(details).toContainText("Low");
  await expect(page.getByRole("list", { name: "Feed entries" })).toContainText("Urgent → Low");
});
