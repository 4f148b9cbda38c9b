import { expect, test } from "@playwright/test";
import { acceptInvitation, callApi, expectAccessible, signInAsAdmin, submitRequest } from "./fixtures.ts";

const unique = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;

test("an agent presses / anywhere in the workspace, finds tickets as they type, internal notes included, and opens one", async ({
  page,
}) => {
  const id = unique();
  const boiler = await submitRequest(page, {
    name: "Dana",
    email: `dana.${id}@example.com`,
    subject: `Boiler leaking in block ${id}`,
  });
  await signInAsAdmin(page);
  await callApi(page, "POST", `/api/v1/tickets/${boiler}/comments`, {
    kind: "note",
    body: `Supplier reference quokka${id}, not for the customer.`,
  });

  await page.goto(`/agent/tickets/${boiler}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Boiler leaking in block ${id}`);
  await page.keyboard.press("/");
  const search = page.getByRole("searchbox", { name: "Search all tickets" });
  await expect(search).toBeFocused();
  await search.fill(`boil ${id}`);
  const results = page.getByRole("region", { name: "Search results" });
  const hit = results.getByRole("link", { name: new RegExp(`#${boiler} Boiler leaking`) });
  await expect(hit).toBeVisible();
  await expect(
    hit
      .locator("mark")
      .filter({ hasText: /^boiler$/i })
      .first(),
  ).toBeVisible();
  await expectAccessible(page);

  await search.fill(`quokka${id}`);
  await expect(hit).toContainText("Internal:");
  await expect(hit.locator("mark")).toHaveText(`quokka${id}`);
  await expectAccessible(page);
  await page.keyboard.press("ArrowDown");
  await expect(hit).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/agent/tickets/${boiler}$`));

  await page.goto("/agent/tickets");
  await page.keyboard.press("/");
  await page.getByRole("searchbox", { name: "Search all tickets" }).fill(`"leaking in block ${id}"`);
  await expect(page.getByRole("region", { name: "Search results" }).getByText(`#${boiler}`)).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/queue=all/);
  await expect(
    page
      .getByRole("table", { name: "Tickets" })
      .getByRole("row")
      .filter({ hasText: `#${boiler}` }),
  ).toBeVisible();
  await page.getByRole("searchbox", { name: "Search all tickets" }).fill(`nosuchword${id}`);
  await expect(page.getByText("No tickets match.")).toBeVisible();
});

test("a customer searches their requests by words of the conversation, never by an internal note", async ({
  page,
  browser,
}) => {
  const id = unique();
  const email = `riley.${id}@example.com`;
  await signInAsAdmin(page);
  const { roles } = (await (await page.request.get("/api/v1/admin/roles")).json()) as {
    roles: { id: string; defaultFor: string | null }[];
  };
  await callApi(page, "POST", "/api/v1/admin/users", {
    name: `Riley ${id}`,
    email,
    licence: "customer",
    roleIds: roles.filter((r) => r.defaultFor === "customer").map((r) => r.id),
    groupIds: [],
  });
  const customerContext = await browser.newContext();
  const customer = await customerContext.newPage();
  await acceptInvitation(customer, email, "riley's long password");
  const ticket = await submitRequest(customer, { subject: `Projector flickers ${id}` });

  await callApi(page, "POST", `/api/v1/tickets/${ticket}/comments`, {
    kind: "public",
    body: `Please try the spare HDMI cable marked wombat${id}.`,
  });
  await callApi(page, "POST", `/api/v1/tickets/${ticket}/comments`, {
    kind: "note",
    body: `Warranty voided, code platypus${id}.`,
  });

  await customer.goto("/requests");
  const table = customer.getByRole("table", { name: "Requests" });
  await expect(table).toContainText(`#${ticket}`);
  await customer.getByLabel("Search requests").fill(`wombat${id}`);
  await expect(table).toContainText(`Projector flickers ${id}`);
  await expectAccessible(customer);
  await customer.getByLabel("Search requests").fill(`platypus${id}`);
  await expect(customer.getByText("No requests match these filters.")).toBeVisible();
  await customer.getByLabel("Search requests").fill(`"flickers ${id}"`);
  await expect(table).toContainText(`#${ticket}`);
  await expectAccessible(customer);
  await customerContext.close();
});
