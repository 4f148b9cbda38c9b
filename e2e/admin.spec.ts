import { expect, type Page, test } from "@playwright/test";
import { acceptInvitation, callApi, chooseOption, expectAccessible, signInAsAdmin } from "./fixtures.ts";

const unique = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;

const adminNav = (page: Page) => page.getByRole("navigation", { name: "Admin" });

async function pickMany(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).first().click();
  await page.getByRole("option", { name: option }).click();
  await page.keyboard.press("Escape");
}

/** Opens the invitation dialog with name, email and licence filled in; the caller adds the rest and sends it. */
async function invite(page: Page, person: { name: string; email: string; licence: string }) {
  await page.goto("/admin/users");
  await page.getByRole("button", { name: "Invite user" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite user" });
  await dialog.getByLabel("Name", { exact: true }).fill(person.name);
  await dialog.getByLabel("Email", { exact: true }).fill(person.email);
  await chooseOption(page, "Licence", person.licence);
  return dialog;
}

/** Fills the one-field dialog (new account, department, group) and saves it. */
async function saveName(page: Page, title: string, name: string) {
  const dialog = page.getByRole("dialog", { name: title });
  await dialog.getByLabel("Name", { exact: true }).fill(name);
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
}

test.describe("administration", () => {
  test("an admin builds an organization, a group and a role, and invites a customer into them", async ({ page }) => {
    const id = unique();
    const [acme, finance, tier1, role] = [
      `Acme ${id}`,
      `Finance ${id}`,
      `Tier 1 ${id}`,
      `Department viewer plus ${id}`,
    ];
    await signInAsAdmin(page);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
    await expect(page).toHaveURL(/\/admin\/users$/);
    await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
    await expectAccessible(page);

    await adminNav(page).getByRole("link", { name: "Organizations" }).click();
    await expect(page.getByRole("heading", { name: "Organizations", level: 1 })).toBeVisible();
    await page.getByRole("button", { name: "New account" }).click();
    await saveName(page, "New account", acme);
    await page.getByRole("button", { name: `Add department to ${acme}` }).click();
    await saveName(page, `Add department to ${acme}`, finance);
    await expect(page.getByRole("list", { name: `Departments of ${acme}` })).toContainText(finance);
    await expectAccessible(page);

    await adminNav(page).getByRole("link", { name: "Groups" }).click();
    await page.getByRole("button", { name: "New group" }).click();
    await saveName(page, "New group", tier1);
    await expect(page.getByRole("table", { name: "Groups" })).toContainText(tier1);
    await expectAccessible(page);

    await adminNav(page).getByRole("link", { name: "Roles" }).click();
    await expect(page.getByRole("heading", { name: "Roles", level: 1 })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "New role" }).click();
    const roleDialog = page.getByRole("dialog", { name: "New role" });
    await roleDialog.getByLabel("Name", { exact: true }).fill(role);
    await roleDialog.getByRole("checkbox", { name: /Submit requests/ }).check();
    await roleDialog.getByRole("checkbox", { name: /tickets\.view_department/ }).check();
    await expectAccessible(page);
    await roleDialog.getByRole("button", { name: "Save role" }).click();
    await expect(roleDialog).toBeHidden();
    await expect(page.getByRole("row").filter({ hasText: role })).toContainText("tickets.view_department");

    const email = `invited.${id}@example.com`;
    const dialog = await invite(page, { name: `Ivy ${id}`, email, licence: "Customer" });
    await pickMany(page, "Roles", role);
    await pickMany(page, "Organizations", `${acme} › ${finance}`);
    await expectAccessible(page);
    await dialog.getByRole("button", { name: "Send invitation" }).click();
    await expect(dialog).toBeHidden();
    const row = page.getByRole("row").filter({ hasText: email });
    await expect(row).toContainText("Invited");
    await expect(row).toContainText(role);
    await expect(row).toContainText(finance);

    await page.getByRole("button", { name: "Sign out" }).click();
    await acceptInvitation(page, email, "ivy's own password");
    await expect(page.getByRole("heading", { name: "My requests" })).toBeVisible();
    // The segmented control's radios are visually hidden; their labels are what people see.
    await expect(page.getByText("Department requests", { exact: true })).toBeVisible();
  });

  test("an account with departments is deleted only once its departments are gone", async ({ page }) => {
    const id = unique();
    const [account, department] = [`Globex ${id}`, `Legal ${id}`];
    await signInAsAdmin(page);
    await page.goto("/admin/organizations");
    await page.getByRole("button", { name: "New account" }).click();
    await saveName(page, "New account", account);
    await page.getByRole("button", { name: `Add department to ${account}` }).click();
    await saveName(page, `Add department to ${account}`, department);

    await page.getByRole("button", { name: `Delete ${account}` }).click();
    const confirm = page.getByRole("dialog", { name: `Delete ${account}?` });
    await expectAccessible(page);
    await confirm.getByRole("button", { name: "Delete" }).click();
    await expect(confirm.getByRole("alert")).toContainText("departments first");
    await confirm.getByRole("button", { name: "Cancel" }).click();

    await page.getByRole("button", { name: `Delete ${department}` }).click();
    await page
      .getByRole("dialog", { name: `Delete ${department}?` })
      .getByRole("button", { name: "Delete" })
      .click();
    await page.getByRole("button", { name: `Delete ${account}` }).click();
    await expect(confirm.getByRole("alert")).toBeHidden();
    await confirm.getByRole("button", { name: "Delete" }).click();
    await expect(confirm).toBeHidden();
    await expect(page.getByText(account)).toBeHidden();
  });

  test("a custom role is deleted after confirming; a built-in one cannot be", async ({ page }) => {
    const id = unique();
    await signInAsAdmin(page);
    await page.goto("/admin/roles");
    await expect(page.getByRole("button", { name: "Delete Agent", exact: true })).toBeDisabled();
    await page.getByRole("button", { name: "New role" }).click();
    await page.getByRole("dialog", { name: "New role" }).getByLabel("Name", { exact: true }).fill(`Temp ${id}`);
    await page.getByRole("button", { name: "Save role" }).click();
    await page.getByRole("button", { name: `Delete Temp ${id}` }).click();
    const confirm = page.getByRole("dialog", { name: `Delete role Temp ${id}?` });
    await expectAccessible(page);
    await confirm.getByRole("button", { name: "Delete" }).click();
    await expect(confirm).toBeHidden();
    await expect(page.getByRole("table", { name: "Roles" })).not.toContainText(`Temp ${id}`);
  });

  test("a disabled user is signed out at their next request", async ({ browser, page, baseURL }) => {
    const id = unique();
    const email = `leaver.${id}@example.com`;
    await signInAsAdmin(page);
    const dialog = await invite(page, { name: `Leaver ${id}`, email, licence: "Customer" });
    await dialog.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByRole("row").filter({ hasText: email })).toBeVisible();

    const leaverContext = await browser.newContext({ baseURL });
    const leaver = await leaverContext.newPage();
    await acceptInvitation(leaver, email, "the leaver's password");
    await expect(leaver.getByRole("heading", { name: "My requests" })).toBeVisible();

    await page.getByRole("button", { name: `Edit Leaver ${id}` }).click();
    const edit = page.getByRole("dialog", { name: `Edit Leaver ${id}` });
    await edit.getByRole("switch", { name: "Disabled" }).check();
    await expectAccessible(page);
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("row").filter({ hasText: email })).toContainText("Disabled");

    await leaver.reload();
    await expect(leaver.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await leaverContext.close();
  });

  test("a person no ticket needs is deleted; one with a request is anonymised and their ticket stays", async ({
    page,
  }) => {
    const id = unique();
    const email = `erin.${id}@example.com`;
    await signInAsAdmin(page);
    const first = await invite(page, { name: `Lee ${id}`, email: `lee.${id}@example.com`, licence: "Customer" });
    await first.getByRole("button", { name: "Send invitation" }).click();
    const second = await invite(page, { name: `Erin ${id}`, email, licence: "Customer" });
    await second.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByRole("row").filter({ hasText: email })).toBeVisible();
    // Erin phoned in a request, which an agent took down for her.
    const ticket = await callApi(page, "POST", "/api/v1/agent/tickets", {
      requester: { name: `Erin ${id}`, email },
      channel: "phone",
      subject: `Forget me ${id}`,
      message: "Please erase what you hold about me.",
    });
    const number = String(ticket?.number);

    await page.getByRole("button", { name: `Edit Lee ${id}` }).click();
    const lee = page.getByRole("dialog", { name: `Edit Lee ${id}` });
    await lee.getByRole("button", { name: "Delete", exact: true }).click();
    await expectAccessible(page);
    await lee.getByRole("button", { name: "Delete for good" }).click();
    await expect(page.getByRole("row").filter({ hasText: `lee.${id}@example.com` })).toHaveCount(0);

    // Erin asked for something: deleting her is refused, with the way that works.
    await page.getByRole("button", { name: `Edit Erin ${id}` }).click();
    const erin = page.getByRole("dialog", { name: `Edit Erin ${id}` });
    await erin.getByRole("button", { name: "Delete", exact: true }).click();
    await erin.getByRole("button", { name: "Delete for good" }).click();
    await expect(erin.getByRole("alert")).toContainText("Anonymise them instead");
    await erin.getByRole("button", { name: "Cancel" }).click();
    await erin.getByRole("button", { name: "Anonymise" }).click();
    await erin.getByRole("button", { name: "Anonymise for good" }).click();
    await expect(page.getByRole("row").filter({ hasText: email })).toHaveCount(0);

    await page.goto(`/agent/tickets/${number}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`Forget me ${id}`);
    await expect(page.getByText("Deleted user").first()).toBeVisible();
    await expect(page.getByText(email)).toHaveCount(0);
  });

  test("an API token is shown once, works as a bearer token, and stops working when revoked", async ({ page }) => {
    const id = unique();
    await signInAsAdmin(page);
    await page.goto("/admin/api-tokens");
    await expect(page.getByRole("heading", { name: "API tokens", level: 1 })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "New token" }).click();
    const dialog = page.getByRole("dialog", { name: "New token" });
    await dialog.getByLabel("Name", { exact: true }).fill(`CRM ${id}`);
    await dialog.getByLabel("Acts as", { exact: true }).fill("admin@e2e");
    await page.getByRole("option", { name: /admin@e2e\.switchboard\.local/ }).click();
    // Read is chosen already; this integration also needs the admin API.
    await dialog.getByRole("checkbox", { name: "Admin" }).check();
    await expectAccessible(page);
    await dialog.getByRole("button", { name: "Create token" }).click();
    await expect(dialog.getByText("Copy it now: it will not be shown again.")).toBeVisible();
    const token = await dialog.getByLabel("Token", { exact: true }).inputValue();
    expect(token.length).toBeGreaterThan(20);
    await expect(dialog.getByRole("button", { name: "Copy" })).toBeVisible();
    await expectAccessible(page);
    await dialog.getByRole("button", { name: "Done" }).click();
    const row = page.getByRole("row").filter({ hasText: `CRM ${id}` });
    await expect(row).toContainText("Active");
    await expect(row).toContainText("Read, Admin");
    await expect(row).toContainText("Never"); // not used yet
    await expect(page.getByText(token)).toHaveCount(0);

    const call = () => page.request.get("/api/v1/admin/groups", { headers: { authorization: `Bearer ${token}` } });
    expect((await call()).status()).toBe(200);
    // A read token may not change anything.
    const write = await page.request.post("/api/v1/admin/groups", {
      headers: { authorization: `Bearer ${token}` },
      data: { name: `Group ${id}` },
    });
    expect(write.status()).toBe(403);
    await page.reload();
    await expect(row).not.toContainText("Never");
    await page.getByRole("button", { name: `Revoke CRM ${id}` }).click();
    const confirm = page.getByRole("dialog", { name: `Revoke CRM ${id}?` });
    await expectAccessible(page);
    await confirm.getByRole("button", { name: "Revoke" }).click();
    await expect(page.getByRole("row").filter({ hasText: `CRM ${id}` })).toContainText("Revoked");
    expect((await call()).status()).toBe(401);

    // The reference for integrators, one click away: every operation with the name generated clients use.
    // Swagger UI reads a deep link only when it starts, and drawing it over the whole document takes seconds, so
    // the link's address is checked and the reference opened once, at a deep link as an integrator would share
    // one: Swagger UI draws operations as they scroll into view (160-odd of them), and the link opens the
    // operation wherever it is in the list.
    const reference = page.getByRole("link", { name: "API reference" });
    expect(new URL((await reference.getAttribute("href")) ?? "", page.url()).pathname).toMatch(/^\/api\/docs\/?$/);
    await page.goto("/api/docs/#/tickets/solveTicket");
    await expect(page.getByRole("heading", { name: /Switchboard API/ })).toBeVisible();
    await expect(page.getByText("solveTicket", { exact: true })).toBeVisible({ timeout: 30_000 });
  });

  test("an agent who opens the admin area is told it is for administrators", async ({ page }) => {
    const id = unique();
    const email = `agent.${id}@example.com`;
    await signInAsAdmin(page);
    const dialog = await invite(page, { name: `Agent ${id}`, email, licence: "Agent" });
    await dialog.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByRole("row").filter({ hasText: email })).toBeVisible();
    await page.getByRole("button", { name: "Sign out" }).click();
    await acceptInvitation(page, email, "the agent's password");
    await expect(page.getByRole("heading", { name: "Tickets", level: 1 })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toHaveCount(0);
    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { name: "This area is for administrators" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Admin" })).toHaveCount(0);
    await expectAccessible(page);
  });

  test("someone signed out who opens the admin area is sent to sign in", async ({ page }) => {
    await page.goto("/admin/users");
    await expect(page).toHaveURL(/\/agent$/);
    await expect(page.getByRole("heading", { name: "Agent sign-in" })).toBeVisible();
  });
});

test("an admin creates a ticket type with a field, renames it and deletes it", async ({ page }) => {
  const id = unique();
  await signInAsAdmin(page);
  await page.goto("/admin/ticket-types");
  await page.getByRole("button", { name: "New ticket type" }).click();
  const create = page.getByRole("dialog", { name: "New ticket type" });
  await create.getByLabel("Name", { exact: true }).fill(`Hardware ${id}`);
  await create.getByRole("button", { name: "Save" }).click();
  const section = page.getByRole("region", { name: `Hardware ${id}`, exact: true });
  await expect(section).toBeVisible();

  await section.getByRole("button", { name: `Add field to Hardware ${id}` }).click();
  const field = page.getByRole("dialog", { name: "New field" });
  await field.getByLabel("Label", { exact: true }).fill("Asset tag");
  await field.getByLabel("Key", { exact: true }).fill("asset_tag");
  await field.getByRole("button", { name: "Save field" }).click();
  await expect(section.getByRole("table", { name: `Fields of Hardware ${id}` })).toContainText("Asset tag");
  await expectAccessible(page);

  await section.getByRole("button", { name: `Rename ticket type Hardware ${id}` }).click();
  const rename = page.getByRole("dialog", { name: `Rename Hardware ${id}` });
  await rename.getByLabel("Name", { exact: true }).fill(`Devices ${id}`);
  await rename.getByRole("button", { name: "Save" }).click();
  const renamed = page.getByRole("region", { name: `Devices ${id}`, exact: true });
  await expect(renamed).toContainText("Asset tag");

  // Built-in types can be renamed but never deleted.
  await expect(page.getByRole("button", { name: "Delete ticket type General request" })).toHaveCount(0);
  await renamed.getByRole("button", { name: `Delete ticket type Devices ${id}` }).click();
  await page
    .getByRole("dialog", { name: `Delete ticket type Devices ${id}?` })
    .getByRole("button", { name: "Delete" })
    .click();
  await expect(renamed).toHaveCount(0);
});
