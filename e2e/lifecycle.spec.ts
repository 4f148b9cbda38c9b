import { expect, type Page, test } from "@playwright/test";
import {
  acceptInvitation,
  callApi,
  chooseOption,
  e2eAdmin,
  expectAccessible,
  followMailLink,
  openMail,
  signInAsAdmin,
  submitRequest,
} from "./fixtures.ts";

/** Submits as a guest and opens the request through the access link in the confirmation mail. */
async function guestRequest(page: Page, subject: string) {
  const email = `life.${Date.now()}${Math.floor(Math.random() * 1000)}@example.com`;
  const number = await submitRequest(page, { name: "Lee", email, subject });
  await openMail(page, email, `[#${number}] We received your request`);
  await followMailLink(page, "/access/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(subject);
  return { number, email };
}

const statusOf = (page: Page) => page.getByRole("region", { name: "Status" });

test("solved, then reopened by a comment; withdrawn with a reason that shows in the Feed", async ({ page }) => {
  await guestRequest(page, `Scanner offline ${Date.now()}`);
  // A last word goes with the solve instead of being dropped (seed 003, as Zendesk's "Submit as solved").
  await page.getByRole("textbox", { name: "Comment" }).click();
  await page.keyboard.type("A restart fixed it");
  await page.getByRole("button", { name: "Mark as solved and send" }).click();
  await expect(statusOf(page)).toContainText("Resolved");
  await expect(page.getByRole("list", { name: "Feed entries" })).toContainText("A restart fixed it");
  await expect(page.getByRole("list", { name: "Feed entries" })).not.toContainText("from Resolved to Open");
  await expect(page.getByText("Still not right? Add a comment before")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("textbox", { name: "Comment" }).click();
  await page.keyboard.type("It stopped again");
  await page.getByRole("button", { name: "Send comment" }).click();
  await expect(statusOf(page)).toContainText("Open");
  const feed = page.getByRole("list", { name: "Feed entries" });
  await expect(feed).toContainText("changed the status from Resolved to Open");

  await page.getByRole("textbox", { name: "Copy someone" }).fill("boss@example.com");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByRole("region", { name: "CCs" })).toContainText("boss@example.com");

  await page.getByRole("button", { name: "Withdraw request" }).click();
  // No reason chosen: the dialog says what is missing instead of doing nothing.
  await page.getByRole("dialog").getByRole("button", { name: "Withdraw" }).click();
  await expect(page.getByRole("dialog")).toContainText("Choose a reason from the list.");
  await chooseOption(page, "Reason", "Something else");
  await page.getByRole("dialog").getByLabel("Comment (optional)").fill("We bought a new scanner");
  await expectAccessible(page);
  await page.getByRole("dialog").getByRole("button", { name: "Withdraw" }).click();
  await expect(statusOf(page)).toContainText("Withdrawn");
  await expect(feed).toContainText("Reason: Something else");
  await expect(page.getByRole("alert").filter({ hasText: "This request was withdrawn" })).toContainText(
    "Reason: Something else",
  );
  await expect(page.getByRole("button", { name: "Withdraw request" })).toBeHidden();
  await expectAccessible(page);
});

test("an agent closes a request and the guest opens a follow-up that links back", async ({ page }) => {
  const subject = `Monitor flickers ${Date.now()}`;
  const { number, email } = await guestRequest(page, subject);
  await page.getByRole("button", { name: "Add alert" }).click();
  await page.getByRole("dialog").getByRole("checkbox", { name: "Ticket is completed" }).check();
  await expectAccessible(page);
  await page.getByRole("dialog").getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("region", { name: "My active alerts" })).toContainText("Ticket is completed");
  await page.getByRole("button", { name: "Sign out" }).click();

  await signInAsAdmin(page);
  await page.goto(`/agent/tickets/${number}`);
  await chooseOption(page, "Status", "Closed");
  await page.getByRole("button", { name: "Change status" }).click();
  await expect(page.getByRole("list", { name: "Feed entries" })).toContainText("to Closed");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Sign out" }).click();

  await openMail(page, email, `[#${number}] Alert: Ticket is completed`);
  await openMail(page, email, `[#${number}] Closed`);
  await followMailLink(page, "/access/");
  await expect(page.getByRole("heading", { name: "Create a follow-up" })).toBeVisible();
  await page.getByLabel("What is still wrong?").fill("It flickers again since Monday.");
  await page.getByRole("button", { name: "Create follow-up" }).click();
  await expect(page.getByRole("heading", { name: "Request received" })).toBeVisible();
  const followUp = (await page.getByText(/Your ticket number is #\d+/).textContent())?.match(/#(\d+)/)?.[1];

  await signInAsAdmin(page);
  await page.goto(`/agent/tickets/${followUp}`);
  await expect(page.getByText(`Follow-up of #${number}`)).toBeVisible();
  await page.getByRole("link", { name: `#${number}`, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(subject);
  await expect(page.getByText(`Followed up in #${followUp}`)).toBeVisible();
});

test("where the admin allows it, the customer reopens a closed request by replying", async ({ page }) => {
  const id = Date.now();
  const { number, email } = await guestRequest(page, `Badge reader dead ${id}`);
  await page.getByRole("button", { name: "Sign out" }).click();

  await signInAsAdmin(page);
  await page.goto("/admin/statuses");
  await page.getByRole("button", { name: "New status" }).click();
  const dialog = page.getByRole("dialog", { name: "New status" });
  await dialog.getByLabel("Label for agents", { exact: true }).fill(`Archived ${id}`);
  await dialog.getByLabel("Label for customers", { exact: true }).fill("Closed");
  await chooseOption(page, "Category", "Closed: read-only");
  await dialog.getByRole("checkbox", { name: "Customers may reopen by replying" }).check();
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Save status" }).click();
  await expect(
    page
      .getByRole("table", { name: "Statuses" })
      .getByRole("row")
      .filter({ hasText: `Archived ${id}` }),
  ).toContainText("Customers may reopen by replying");

  await page.goto(`/agent/tickets/${number}`);
  await chooseOption(page, "Status", `Archived ${id}`);
  await page.getByRole("button", { name: "Change status" }).click();
  await expect(page.getByRole("list", { name: "Feed entries" })).toContainText(`to Archived ${id}`);
  await page.getByRole("button", { name: "Sign out" }).click();

  await openMail(page, email, `[#${number}] Closed`);
  await followMailLink(page, "/access/");
  await expect(page.getByText("Still not right? Add a comment and the request reopens.")).toBeVisible();
  await page.getByRole("textbox", { name: "Comment" }).click();
  await page.keyboard.type("The reader died again this morning.");
  await page.getByRole("button", { name: "Send comment" }).click();
  await expect(page.getByRole("list", { name: "Feed entries" })).toContainText("from Closed to Open");
  await expect(page.getByRole("region", { name: "Status" })).toContainText("Open");
  await expectAccessible(page);
});

test("a read-only agent is offered nothing that changes a ticket; a customer who may not submit is told so", async ({
  page,
}) => {
  const id = `${Date.now()}`;
  const subject = `Projector hums ${id}`;
  const number = await submitRequest(page, { name: "Ola", email: `ola.${id}@example.com`, subject });
  await signInAsAdmin(page);
  const reader = (await callApi(page, "POST", "/api/v1/admin/roles", {
    name: `Reads tickets ${id}`,
    permissions: ["tickets.view_all"],
  })) as { id: string };
  const browser = (await callApi(page, "POST", "/api/v1/admin/roles", {
    name: `Browses only ${id}`,
    permissions: ["catalog.view"],
  })) as { id: string };
  const auditor = `audit.${id}@example.com`;
  const visitor = `browse.${id}@example.com`;
  await callApi(page, "POST", "/api/v1/admin/users", {
    name: `Audit ${id}`,
    email: auditor,
    licence: "agent",
    roleIds: [reader.id],
  });
  await callApi(page, "POST", "/api/v1/admin/users", {
    name: `Browse ${id}`,
    email: visitor,
    licence: "customer",
    roleIds: [browser.id],
  });
  await page.getByRole("button", { name: "Sign out" }).click();

  await acceptInvitation(page, auditor, "correct horse battery staple");
  await page.goto(`/agent/tickets/${number}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(subject);
  await expect(page.getByText("Your role lets you read this ticket, not reply to it.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Edit", exact: true })).toBeHidden();
  await expect(page.getByRole("button", { name: "Change status" })).toBeHidden();
  await expect(page.getByRole("form", { name: "Copy someone" })).toBeHidden();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Sign out" }).click();

  await acceptInvitation(page, visitor, "correct horse battery staple");
  const header = page.getByRole("navigation", { name: "Main" });
  await expect(header.getByRole("link", { name: "My requests" })).toBeVisible();
  await expect(header.getByRole("link", { name: "Submit a request" })).toBeHidden();
  await page.goto("/requests/new");
  await expect(page.getByText("Your account may not submit requests.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Submit request" })).toBeHidden();
  await expectAccessible(page);
});

test("an agent's alert mail speaks the agent's words and opens the ticket in the workspace", async ({ page }) => {
  const subject = `Alert for an agent ${Date.now()}`;
  const number = await submitRequest(page, { name: "Ali", email: `ali.${Date.now()}@example.com`, subject });
  await signInAsAdmin(page);
  await callApi(page, "PUT", `/api/v1/tickets/${number}/alerts/ticket_completed`, {});
  const { statuses } = (await (await page.request.get("/api/v1/statuses")).json()) as {
    statuses: { id: string; agentLabel: string; customerLabel: string; category: string }[];
  };
  const solved = statuses.find((s) => s.category === "solved");
  await callApi(page, "POST", `/api/v1/tickets/${number}/status`, { statusId: solved?.id });

  await openMail(page, e2eAdmin.email, `[#${number}] Alert: Ticket is completed`);
  await expect(page.getByRole("region", { name: "Text version" })).toContainText(
    `Its status is now ${solved?.agentLabel}.`,
  );
  await followMailLink(page, "/agent/tickets/");
  await expect(page).toHaveURL(new RegExp(`/agent/tickets/${number}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(subject);
  // The workspace page, not the customer's: no "Mark as solved" or "Withdraw" for the agent.
  await expect(page.getByRole("button", { name: "Withdraw request" })).toHaveCount(0);
});
