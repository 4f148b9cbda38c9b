import { type Browser, expect, type Page, test } from "@playwright/test";
import { chooseOption, expectAccessible, mailLinkPath, signInAsAdmin, submitRequest } from "./fixtures.ts";

const unique = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;

async function writeComment(page: Page, text: string) {
  await page.getByRole("textbox", { name: "Comment" }).click();
  await page.keyboard.type(text);
}

/** The admin invites an agent, who sets a password and signs in in a browser of their own. */
async function secondAgent(admin: Page, browser: Browser, name: string): Promise<Page> {
  const email = `${name.toLowerCase().replaceAll(" ", ".")}@example.com`;
  await admin.goto("/admin/users");
  await admin.getByRole("button", { name: "Invite user" }).click();
  const dialog = admin.getByRole("dialog", { name: "Invite user" });
  await dialog.getByLabel("Name", { exact: true }).fill(name);
  await dialog.getByLabel("Email", { exact: true }).fill(email);
  await chooseOption(admin, "Licence", "Agent");
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await expect(admin.getByRole("row").filter({ hasText: email })).toBeVisible();

  const page = await (await browser.newContext()).newPage();
  // The dev mailbox is for admins: the admin's browser reads the link, the agent follows it.
  await page.goto(await mailLinkPath(admin, email, "You have been invited", "/reset-password/"));
  await page.getByLabel("New password", { exact: true }).fill("the second agent's password");
  await page.getByRole("button", { name: "Save password" }).click();
  await expect(page.getByText("Your password has been changed")).toBeVisible();
  await page.goto("/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill("the second agent's password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Tickets", level: 1 })).toBeVisible();
  return page;
}

test("a new request appears in the agent's list, and the agent's reply on the requester's page, without reloading", async ({
  page,
  browser,
}) => {
  const id = unique();
  const email = `live.${id}@example.com`;
  await signInAsAdmin(page);
  await expect(page.getByRole("heading", { name: "Tickets", level: 1 })).toBeVisible();

  const requester = await (await browser.newContext()).newPage();
  const number = await submitRequest(requester, { name: "Lia", email, subject: `Scanner jams ${id}` });
  // Nobody reloads the agent's list: the new request arrives by itself.
  await expect(page.getByText(`Scanner jams ${id}`)).toBeVisible();
  await expectAccessible(page);

  await requester.goto(await mailLinkPath(page, email, `[#${number}] We received your request`, "/access/"));
  await expect(requester.getByRole("heading", { level: 1 })).toContainText(`Scanner jams ${id}`);
  await page.goto(`/agent/tickets/${number}`);
  await writeComment(page, `Clear the paper tray ${id}`);
  await page.getByRole("button", { name: "Send public reply" }).click();
  await expect(page.getByRole("list", { name: "Feed entries" })).toContainText(`Clear the paper tray ${id}`);
  // The requester's page shows the reply without being reloaded.
  await expect(requester.getByRole("list", { name: "Feed entries" })).toContainText(`Clear the paper tray ${id}`);
  await expectAccessible(requester);
});

test("two agents see each other on a ticket, see each other typing, and are warned before replying over a new reply", async ({
  page,
  browser,
}) => {
  const id = unique();
  const anaName = `Ana ${id}`;
  const number = await submitRequest(page, { name: "Max", email: `max.${id}@example.com`, subject: `Badge ${id}` });
  await signInAsAdmin(page);
  const ana = await secondAgent(page, browser, anaName);

  await page.goto(`/agent/tickets/${number}`);
  await ana.goto(`/agent/tickets/${number}`);
  const othersForAdmin = page.getByRole("status", { name: "Others on this ticket" });
  const othersForAna = ana.getByRole("status", { name: "Others on this ticket" });
  await expect(othersForAdmin).toContainText(`${anaName} is viewing`);
  await expect(othersForAna).toContainText("Administrator is viewing");
  await expectAccessible(page);

  await writeComment(ana, "Your new badge is ready");
  await expect(othersForAdmin).toContainText(`${anaName} is typing…`);
  await writeComment(page, "I will print a badge for you");
  await ana.getByRole("button", { name: "Send public reply" }).click();
  await expect(ana.getByRole("list", { name: "Feed entries" })).toContainText("Your new badge is ready");

  // The admin started writing before Ana's reply arrived: sending is held with a warning.
  await expect(page.getByRole("list", { name: "Feed entries" })).toContainText("Your new badge is ready");
  await page.getByRole("button", { name: "Send public reply" }).click();
  const warning = page.getByRole("alert").filter({ hasText: "Someone else replied" });
  await expect(warning).toContainText(`${anaName} replied less than a minute ago — review it or send anyway.`);
  await expectAccessible(page);
  // Changing the draft drops the held send; the next Send asks again, and sends the draft as it is now.
  await page.getByRole("textbox", { name: "Comment" }).click();
  await page.keyboard.press("End");
  await page.keyboard.type(" today");
  await expect(warning).toBeHidden();
  await page.getByRole("button", { name: "Send public reply" }).click();
  await warning.getByRole("button", { name: "Send anyway" }).click();
  await expect(warning).toBeHidden();
  await expect(page.getByRole("list", { name: "Feed entries" })).toContainText("I will print a badge for you today");
  await expect(ana.getByRole("list", { name: "Feed entries" })).toContainText("I will print a badge for you today");

  // Ana goes back to the list, then comes back and closes the tab: each time the admin stops seeing her.
  await ana.getByRole("link", { name: "← All tickets" }).click();
  await expect(othersForAdmin).not.toContainText(anaName);
  await ana.goBack();
  await expect(othersForAdmin).toContainText(`${anaName} is viewing`);
  await ana.close();
  await expect(othersForAdmin).not.toContainText(anaName);
});

test("an agent whose live updates break is told the page may be out of date, until they are back", async ({ page }) => {
  const id = unique();
  await signInAsAdmin(page);
  // The help desk cannot be reached (a restart, a dropped network): the browser keeps trying.
  await page.route("**/api/v1/live**", (route) => route.abort("connectionrefused"));
  await page.goto("/agent/tickets?queue=all");
  await expect(page.getByRole("heading", { name: "Tickets · All", level: 1 })).toBeVisible();
  const paused = page.getByRole("status").getByText("Live updates are paused");
  await expect(paused).toBeVisible();
  await expectAccessible(page);
  // A request comes in meanwhile; once the connection is back the notice goes and the queue catches up by itself.
  const number = await (async () => {
    const other = await page.context().browser()?.newContext();
    if (!other) throw new Error("no browser");
    const guest = await other.newPage();
    await guest.goto(page.url());
    const made = await submitRequest(guest, {
      name: "Pat Offline",
      email: `pat.${id}@example.com`,
      subject: `Offline ${id}`,
    });
    await other.close();
    return made;
  })();
  await page.unroute("**/api/v1/live**");
  await expect(paused).toBeHidden();
  await expect(page.getByRole("link", { name: `#${number}` })).toBeVisible();

  // The server answers the stream with an error: the browser gives up for good, and the page says to reload.
  await page.route("**/api/v1/live**", (route) => route.fulfill({ status: 502, body: "Bad gateway" }));
  await page.goto(`/agent/tickets/${number}`);
  const stopped = page.getByRole("status").getByText("Live updates have stopped");
  await expect(stopped).toBeVisible();
  await page.unroute("**/api/v1/live**");
  await page.getByRole("link", { name: "Reload the page" }).click();
  await expect(page.getByRole("heading", { name: new RegExp(`#${number} Offline ${id}`), level: 1 })).toBeVisible();
  await expect(stopped).toBeHidden();
});
