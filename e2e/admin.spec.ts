import { expect, type Page, test } from "@playwright/test";
import { chooseOption, expectAccessible, followMailLink, openMail, signInAsAdmin } from "./fixtures.ts";

const unique = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;

async function pickMany(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).first().click();
  await page.getByRole("option", { name: option }).click();
  await page.keyboard.press("Escape");
}

async function invite(page: Page, person: { name: string; email: string; licence: string }) {
  await page.goto("/admin/users");
  await page.getByRole("button", { name: "Invite user" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite user" });
  await dialog.getByLabel("Name", { exact: true }).fill(person.name);
  await dialog.getByLabel("Email", { exact: true }).fill(person.email);
  await chooseOption(page, "Licence", person.licence);
  return dialog;
}

/** The invited person follows the mail's link, chooses a password and signs in. */
async function acceptInvitation(page: Page, email: string, password: string) {
  await openMail(page, email, "You have been invited");
  await followMailLink(page, "/reset-password/");
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Save password" }).click();
  await expect(page.getByText("Your password has been changed")).toBeVisible();
  await page.goto("/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test.describe("administration", () => {
  test("an admin builds an organization, a group and a role, and invites a customer into them", async ({ page }) => {
    const id = unique();
    await signInAsAdmin(page);
    await page.getByRole("link", { name: "Admin" }).click();
    await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Organizations" }).click();
    await page.getByRole("button", { name: "New account" }).click();
    await page.getByRole("dialog").getByLabel("Name").fill(`Acme ${id}`);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Save" }).click();
    await page
      .getByRole("listitem")
      .filter({ hasText: `Acme ${id}` })
      .getByRole("button", { name: "Add department" })
      .click();
    await page.getByRole("dialog").getByLabel("Name").fill(`Finance ${id}`);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("dialog")).toBeHidden();
    await expect(page.getByRole("list", { name: `Departments of Acme ${id}` })).toContainText(`Finance ${id}`);
    await expectAccessible(page);

    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Groups" }).click();
    await page.getByRole("button", { name: "New group" }).click();
    await page.getByRole("dialog").getByLabel("Name").fill(`Tier 1 ${id}`);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("dialog")).toBeHidden();
    await expect(page.getByRole("table", { name: "Groups" })).toContainText(`Tier 1 ${id}`);
    await expectAccessible(page);

    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Roles" }).click();
    await page.getByRole("button", { name: "New role" }).click();
    const roleDialog = page.getByRole("dialog", { name: "New role" });
    await roleDialog.getByLabel("Name", { exact: true }).fill(`Department viewer plus ${id}`);
    await roleDialog.getByRole("checkbox", { name: /Submit requests/ }).check();
    await roleDialog.getByRole("checkbox", { name: /See the requests of their organizations/ }).check();
    await expectAccessible(page);
    await roleDialog.getByRole("button", { name: "Save role" }).click();
    await expect(page.getByRole("table", { name: "Roles" })).toContainText(`Department viewer plus ${id}`);

    const email = `invited.${id}@example.com`;
    const dialog = await invite(page, { name: `Ivy ${id}`, email, licence: "Customer" });
    await pickMany(page, "Roles", `Department viewer plus ${id}`);
    await pickMany(page, "Organizations", `Acme ${id} › Finance ${id}`);
    await expectAccessible(page);
    await dialog.getByRole("button", { name: "Send invitation" }).click();
    const row = page.getByRole("row").filter({ hasText: email });
    await expect(row).toContainText("Invited");
    await expect(row).toContainText(`Finance ${id}`);

    await page.getByRole("button", { name: "Sign out" }).click();
    await acceptInvitation(page, email, "ivy's own password");
    await expect(page.getByRole("heading", { name: "My requests" })).toBeVisible();
    // The segmented control's radios are visually hidden; their labels are what people see.
    await expect(page.getByText("Department requests", { exact: true })).toBeVisible();
  });

  test("a disabled user is signed out at their next request", async ({ browser, page, baseURL }) => {
    const id = unique();
    const email = `leaver.${id}@example.com`;
    await signInAsAdmin(page);
    await (await invite(page, { name: `Leaver ${id}`, email, licence: "Customer" }))
      .getByRole("button", { name: "Send invitation" })
      .click();
    await expect(page.getByRole("row").filter({ hasText: email })).toBeVisible();

    const leaverContext = await browser.newContext({ baseURL });
    const leaver = await leaverContext.newPage();
    await acceptInvitation(leaver, email, "the leaver's password");
    await expect(leaver.getByRole("heading", { name: "My requests" })).toBeVisible();

    await page.getByRole("button", { name: `Edit Leaver ${id}` }).click();
    await page.getByRole("dialog").getByRole("switch", { name: "Disabled" }).check();
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("row").filter({ hasText: email })).toContainText("Disabled");

    await leaver.reload();
    await expect(leaver.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await leaverContext.close();
  });

  test("an API token is shown once, works as a bearer token, and stops working when revoked", async ({ page }) => {
    const id = unique();
    await signInAsAdmin(page);
    await page.goto("/admin/api-tokens");
    await page.getByRole("button", { name: "New token" }).click();
    await page.getByRole("dialog").getByLabel("Name", { exact: true }).fill(`CRM ${id}`);
    await page.getByLabel("Acts as", { exact: true }).first().click();
    await page
      .getByRole("option", { name: /Administrator/ })
      .first()
      .click();
    await page.getByRole("button", { name: "Create token" }).click();
    await expect(page.getByText("Copy it now: it will not be shown again.")).toBeVisible();
    const token = await page.getByLabel("Token", { exact: true }).inputValue();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Done" }).click();

    const api = await page.context().request;
    const call = () => api.get("/api/v1/admin/groups", { headers: { authorization: `Bearer ${token}`, cookie: "" } });
    expect((await call()).status()).toBe(200);
    await page.getByRole("button", { name: `Revoke CRM ${id}` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
    await expect(page.getByRole("row").filter({ hasText: `CRM ${id}` })).toContainText("Revoked");
    expect((await call()).status()).toBe(401);
  });

  test("an agent who opens the admin area is told it is for administrators", async ({ page }) => {
    const id = unique();
    const email = `agent.${id}@example.com`;
    await signInAsAdmin(page);
    await (await invite(page, { name: `Agent ${id}`, email, licence: "Agent" }))
      .getByRole("button", { name: "Send invitation" })
      .click();
    await expect(page.getByRole("row").filter({ hasText: email })).toBeVisible();
    await page.getByRole("button", { name: "Sign out" }).click();
    await acceptInvitation(page, email, "the agent's password");
    await expect(page.getByRole("heading", { name: "Tickets", level: 1 })).toBeVisible();
    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { name: "This area is for administrators" })).toBeVisible();
    await expectAccessible(page);
  });
});
