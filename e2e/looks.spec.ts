import { expect, type Page, test } from "@playwright/test";
import {
  acceptInvitation,
  callApi,
  chooseOption,
  expectAccessible,
  followMailLink,
  openMail,
  signInAsAdmin,
  submitRequest,
} from "./fixtures.ts";

const unique = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;

/** Moves the e2e server's clock (TEST_CLOCK, see server/clock.ts) as the signed-in admin. */
async function moveServerClock(page: Page, minutes: number): Promise<void> {
  const session = await (await page.request.get("/api/v1/session")).json();
  const moved = await page.request.post("/api/v1/test/clock", {
    data: { minutes },
    headers: { "x-csrf-token": session.csrfToken },
  });
  expect(moved.status()).toBe(204);
}

/** The links in the main navigation that claim to be the current page. */
const currentNavLinks = (page: Page) =>
  page.getByRole("navigation", { name: "Main" }).locator('a[aria-current="page"]');

test("at 1920 px the ticket table fits the screen, its columns can be chosen and resized, and stay so", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const id = unique();
  const subject = `The VPN client on the third-floor laptops drops the connection whenever a docking station is plugged in ${id}`;
  const number = await submitRequest(page, { name: "Lou", email: `lou.${id}@example.com`, subject });
  await signInAsAdmin(page);
  // A fresh browser per test, but say so: the defaults are what this journey checks first.
  await page.evaluate(() => localStorage.clear());
  await page.reload();

  const table = page.getByRole("table", { name: "Tickets" });
  await expect(table.getByRole("columnheader", { name: "Created" })).toBeInViewport({ ratio: 1 });
  const tableBox = await table.boundingBox();
  expect((tableBox?.x ?? 0) + (tableBox?.width ?? Number.POSITIVE_INFINITY)).toBeLessThanOrEqual(1920);
  // The workspace's left edge lines up with the header's.
  const brand = await page.getByRole("link", { name: "Switchboard", exact: true }).boundingBox();
  const queues = await page.getByRole("navigation", { name: "Queues" }).boundingBox();
  expect(Math.abs((brand?.x ?? 0) - (queues?.x ?? 100))).toBeLessThanOrEqual(1);
  // Empty filters say what they hold.
  for (const placeholder of ["Any status", "Any priority", "Anyone", "Any group"]) {
    await expect(page.getByPlaceholder(placeholder, { exact: true })).toBeVisible();
  }

  // A long subject is cut short in its cell, and shown whole on hover.
  const row = table.getByRole("row").filter({ hasText: `#${number}` });
  const subjectLink = row.getByRole("link", { name: subject });
  expect(await subjectLink.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await subjectLink.hover();
  await expect(page.getByRole("tooltip")).toHaveText(subject);
  await expectAccessible(page);

  // Hide a column; the choice outlives a reload.
  await page.getByRole("button", { name: "Columns" }).click();
  await page.getByRole("checkbox", { name: "Requester" }).uncheck();
  await expect(table.getByRole("columnheader", { name: "Requester" })).toHaveCount(0);
  await expectAccessible(page);
  await page.keyboard.press("Escape");

  // Widen a column by keyboard and by dragging its edge.
  const dueEdge = page.getByRole("separator", { name: "Resize Due column" });
  const start = Number(await dueEdge.getAttribute("aria-valuenow"));
  await dueEdge.focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(dueEdge).toHaveAttribute("aria-valuenow", String(start + 32));
  const edge = await dueEdge.boundingBox();
  if (!edge) throw new Error("the Due column's edge is not on screen");
  await page.mouse.move(edge.x + edge.width / 2, edge.y + edge.height / 2);
  await page.mouse.down();
  await page.mouse.move(edge.x + edge.width / 2 + 30, edge.y + edge.height / 2, { steps: 3 });
  await page.mouse.move(edge.x + edge.width / 2 + 60, edge.y + edge.height / 2, { steps: 3 });
  await page.mouse.up();
  await expect(dueEdge).toHaveAttribute("aria-valuenow", String(start + 92));
  const dueWidth = (await table.getByRole("columnheader", { name: "Due" }).boundingBox())?.width ?? 0;
  expect(Math.abs(dueWidth - (start + 92))).toBeLessThanOrEqual(2);

  await page.reload();
  await expect(table.getByRole("columnheader", { name: "Subject" })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "Requester" })).toHaveCount(0);
  await expect(page.getByRole("separator", { name: "Resize Due column" })).toHaveAttribute(
    "aria-valuenow",
    String(start + 92),
  );
  await page.getByRole("button", { name: /^Columns/ }).click();
  await page.getByRole("button", { name: "Reset columns" }).click();
  await expect(table.getByRole("columnheader", { name: "Requester" })).toBeVisible();
  await page.keyboard.press("Escape");

  // Overdue reads as a word, not a squeezed red dot. The request is due after 24 business hours (Medium), so
  // three days on made it overdue only when it came in early enough in the week and the day (one made on a
  // Wednesday after 09:00 UTC is due the next Monday); a week on always holds five working days, 40 hours.
  const week = 7 * 24 * 60;
  try {
    await moveServerClock(page, week);
    await page.reload();
    const overdue = row.getByText("Overdue", { exact: true });
    await expect(overdue).toBeVisible();
    const fits = await overdue.evaluate((el) => {
      const width = el.getBoundingClientRect().width;
      return width >= 40 && el.scrollWidth <= Math.ceil(width);
    });
    expect(fits).toBe(true);
  } finally {
    // Later journeys share this server: give them back the real time.
    await moveServerClock(page, -week);
  }
});

test("a customer's header highlights one link; on a phone it is one row with a menu, requests are cards with their status, and a request shows its status first", async ({
  page,
}) => {
  const id = unique();
  await signInAsAdmin(page);
  const role = (await callApi(page, "POST", "/api/v1/admin/roles", {
    name: `Department lead ${id}`,
    permissions: ["tickets.submit", "catalog.view", "tickets.view_department"],
  })) as { id: string };
  const department = (await callApi(page, "POST", "/api/v1/admin/organizations", { name: `Sales ${id}` })) as {
    id: string;
  };
  const colleague = { name: `Mo ${id}`, email: `mo.${id}@example.com` };
  const lead = { name: `Pia ${id}`, email: `pia.${id}@example.com` };
  await callApi(page, "POST", "/api/v1/admin/users", {
    ...colleague,
    licence: "customer",
    organizationIds: [department.id],
  });
  await callApi(page, "POST", "/api/v1/admin/users", {
    ...lead,
    licence: "customer",
    roleIds: [role.id],
    organizationIds: [department.id],
  });
  await page.getByRole("button", { name: "Sign out" }).click();

  await acceptInvitation(page, colleague.email, "mo's own password");
  await expect(page.getByRole("heading", { name: "My requests" })).toBeVisible();
  await submitRequest(page, { subject: `Quote for Contoso ${id}` });
  await page.getByRole("button", { name: "Sign out" }).click();

  await acceptInvitation(page, lead.email, "pia's own password");
  await expect(page.getByRole("heading", { name: "My requests" })).toBeVisible();
  const own = await submitRequest(page, { subject: `Projector for the sales meeting ${id}` });

  // One link is the current page: the form belongs to "Submit a request", the list to "My requests".
  await page.goto("/requests/new");
  await expect(currentNavLinks(page)).toHaveText(["Submit a request"]);
  await page.goto("/requests");
  await expect(currentNavLinks(page)).toHaveText(["My requests"]);

  // The department's requests say whose they are.
  await page.getByText("Department requests", { exact: true }).click();
  const table = page.getByRole("table", { name: "Requests" });
  await expect(table.getByRole("columnheader", { name: "Requester" })).toBeVisible();
  await expect(table.getByRole("row").filter({ hasText: `Quote for Contoso ${id}` })).toContainText(colleague.name);
  await expectAccessible(page);
  await page
    .locator("label")
    .filter({ hasText: /^My requests$/ })
    .click();

  await page.setViewportSize({ width: 375, height: 812 });
  const header = page.getByRole("banner");
  expect((await header.boundingBox())?.height ?? 100).toBeLessThan(70);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Services" })).toBeHidden();
  await page.getByRole("button", { name: "Open menu" }).click();
  await expect(nav.getByRole("link", { name: "Services" })).toBeVisible();
  await expectAccessible(page);
  await nav.getByRole("link", { name: "My requests" }).click();
  await expect(nav.getByRole("link", { name: "Services" })).toBeHidden();

  // Each request is a card that shows its status, without scrolling sideways.
  const cards = page.getByRole("list", { name: "Requests" }).getByRole("listitem");
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText(`Projector for the sales meeting ${id}`);
  await expect(cards.first()).toContainText("Open");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);

  await cards.first().getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`#${own}`);
  const status = await page.getByRole("region", { name: "Status" }).boundingBox();
  const feed = await page.getByRole("list", { name: "Feed entries" }).boundingBox();
  const comment = await page.getByRole("region", { name: "Add a comment" }).boundingBox();
  expect(status?.y ?? Number.POSITIVE_INFINITY).toBeLessThan(feed?.y ?? 0);
  expect(status?.y ?? Number.POSITIVE_INFINITY).toBeLessThan(comment?.y ?? 0);
  await expect(page.getByRole("heading", { name: "Your request", level: 2 })).toBeVisible();
  await expectAccessible(page);
});

test("the catalog shows sub-categories and real icons, the form lists the category tree, and a CC of a withdrawn request reads whose it is and why", async ({
  page,
}) => {
  const id = unique();
  await signInAsAdmin(page);
  const hardware = (await callApi(page, "POST", "/api/v1/admin/categories", { name: `Hardware ${id}` })) as {
    id: string;
  };
  await callApi(page, "POST", "/api/v1/admin/categories", { name: `Printers ${id}`, parentId: hardware.id });
  await page.goto("/admin/catalog");
  await page.getByRole("button", { name: "New service" }).click();
  const dialog = page.getByRole("dialog", { name: "New service" });
  await dialog.getByLabel("Name", { exact: true }).fill(`Toner ${id}`);
  await dialog.getByLabel("Address", { exact: true }).fill(`toner-${id}`);
  await dialog.getByLabel("Short description", { exact: true }).fill("New toner for a printer.");
  await chooseOption(page, "Category", `Hardware ${id} › Printers ${id}`);
  // Admins pick the icon by its name; the list draws each one.
  await dialog.getByRole("combobox", { name: "Icon" }).fill("print");
  await expect(page.getByRole("option", { name: "printer", exact: true }).locator("svg")).toBeVisible();
  await page.getByRole("option", { name: "printer", exact: true }).click();
  await chooseOption(page, "Ticket type", "General request");
  await chooseOption(page, "Who may request it", "Everyone, also without an account");
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Save service" }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole("button", { name: "Sign out" }).click();

  await page.goto("/services");
  const section = page.getByRole("region", { name: `Hardware ${id}`, exact: true });
  const sub = section.getByRole("region", { name: `Hardware ${id} › Printers ${id}` });
  await expect(sub.getByRole("heading", { name: `Printers ${id}`, level: 3 })).toBeVisible();
  const card = sub.getByRole("article").filter({ hasText: `Toner ${id}` });
  await expect(card.locator('svg[data-icon="printer"]')).toBeVisible();
  await expectAccessible(page);

  // The general form lists each sub-category right after its parent.
  await page.goto("/requests/new");
  const category = page.getByLabel("Category", { exact: true });
  // The categories load after the form appears; read the options once they are there.
  await expect(category.locator("option").filter({ hasText: `Printers ${id}` })).toHaveCount(1);
  const options = await category.locator("option").allTextContents();
  const parentAt = options.indexOf(`Hardware ${id}`);
  expect(parentAt).toBeGreaterThan(0);
  expect(options[parentAt + 1]).toBe(`Hardware ${id} › Printers ${id}`);

  // A guest withdraws a request they copied a colleague on.
  const email = `lee.${id}@example.com`;
  const cc = `cc.${id}@example.com`;
  const subject = `Toner for the second floor ${id}`;
  const number = await submitRequest(page, { name: "Lee", email, subject });
  await openMail(page, email, `[#${number}] We received your request`);
  await followMailLink(page, "/access/");
  await expect(page.getByRole("heading", { name: "Your request", level: 2 })).toBeVisible();
  await expect(page.getByRole("link", { name: "← My requests" })).toHaveCount(0);
  await page.getByRole("textbox", { name: "Copy someone" }).fill(cc);
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByRole("region", { name: "CCs" })).toContainText(cc);
  await page.getByRole("button", { name: "Withdraw request" }).click();
  await chooseOption(page, "Reason", "Something else");
  await page.getByRole("dialog").getByRole("button", { name: "Withdraw" }).click();
  const withdrawn = page.getByRole("alert").filter({ hasText: "This request was withdrawn" });
  await expect(withdrawn).toContainText("withdrew it on");
  await expect(withdrawn).toContainText("Reason: Something else");
  await expect(page.getByText("This request is closed")).toHaveCount(0);
  await expectAccessible(page);

  // The colleague follows the link in their mail: someone else's request, and no list to go back to.
  await page.context().clearCookies();
  await openMail(page, cc, `[#${number}]`);
  await followMailLink(page, "/access/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(subject);
  await expect(page.getByRole("heading", { name: "Request from Lee", level: 2 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your request" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "← My requests" })).toHaveCount(0);
  await expect(currentNavLinks(page)).toHaveText([`Request #${number}`]);
  await expectAccessible(page);
});
