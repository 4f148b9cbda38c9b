import { expect, type Page, test } from "@playwright/test";
import {
  callApi,
  chooseOption,
  expectAccessible,
  mailLinkPath,
  openMail,
  signInAsAdmin,
  submitRequest,
} from "./fixtures.ts";

/** Moves the e2e server's clock (TEST_CLOCK, see server/clock.ts) as the signed-in admin. */
async function moveServerClock(page: Page, minutes: number): Promise<void> {
  const session = await (await page.request.get("/api/v1/session")).json();
  const moved = await page.request.post("/api/v1/test/clock", {
    data: { minutes },
    headers: { "x-csrf-token": session.csrfToken },
  });
  expect(moved.status()).toBe(204);
}

test("an admin makes an agent the group's lead, and the lead is mailed when a requester rates the support Bad", async ({
  browser,
  page,
  baseURL,
}) => {
  // Two browsers, three mails and four pages with axe: a long journey on a shared machine.
  test.slow();
  const id = Date.now().toString(36);
  const team = `Field service ${id}`;
  const lead = { name: `Gil Lead ${id}`, email: `gil.lead.${id}@example.com` };
  const email = `grumpy.${id}@example.com`;
  const subject = `Heater broken ${id}`;

  // The group, and an agent in it, as an admin sets them up before choosing a lead.
  await signInAsAdmin(page);
  const group = await callApi(page, "POST", "/api/v1/admin/groups", { name: team });
  const groupId = String(group?.id);
  await callApi(page, "POST", "/api/v1/admin/users", { ...lead, licence: "agent", groupIds: [groupId] });
  // A trigger that mails the lead of the ticket's group on a Bad rating (its own journey is on the Triggers page).
  const rule = await callApi(page, "POST", "/api/v1/admin/automation-rules", {
    name: `Bad rating to the lead ${id}`,
    kind: "satisfaction_bad",
    conditions: { priorities: [], serviceIds: [], organizationIds: [], ticketTypeIds: [] },
    actions: { groupId: null, priority: null, remindRequester: false, notifyGroupLead: true },
  });

  try {
    // On the Groups page the admin chooses the lead from the group's agents.
    await page.goto("/admin/groups");
    await expect(page.getByRole("heading", { name: "Groups", level: 1 })).toBeVisible();
    const row = page.getByRole("table", { name: "Groups" }).getByRole("row").filter({ hasText: team });
    await expect(row).toContainText("None");
    await row.getByRole("button", { name: `Edit ${team}` }).click();
    const dialog = page.getByRole("dialog", { name: `Edit ${team}` });
    await expect(dialog.getByLabel("Lead", { exact: true }).first()).toBeEnabled();
    await chooseOption(page, "Lead", lead.name);
    await expectAccessible(page);
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toContainText(lead.name);
    await expectAccessible(page);

    // A customer's request goes to the group and is solved; the survey goes out an hour later.
    const requester = await (await browser.newContext({ baseURL, viewport: { width: 375, height: 740 } })).newPage();
    const number = await submitRequest(requester, { name: "Grace Grumpy", email, subject });
    await callApi(page, "PATCH", `/api/v1/tickets/${number}`, { groupId });
    const { statuses } = (await (await page.request.get("/api/v1/statuses")).json()) as {
      statuses: { id: string; category: string }[];
    };
    const solved = statuses.find((s) => s.category === "solved");
    await callApi(page, "POST", `/api/v1/tickets/${number}/status`, { statusId: solved?.id });
    let path: string;
    try {
      await moveServerClock(page, 61);
      path = await mailLinkPath(requester, email, "How would you rate the support you received?", "/bad");
    } finally {
      // Later journeys share this server: give them back the real time.
      await moveServerClock(page, -61);
    }

    // The requester rates it Bad from the link, with a word on why.
    await requester.goto(path);
    await expect(requester.getByRole("radio", { name: "Bad, I'm unsatisfied" })).toBeChecked();
    await requester.getByLabel("Your feedback", { exact: true }).fill(`Still cold after two visits ${id}`);
    await requester.getByRole("button", { name: "Send my rating" }).click();
    await expect(requester.getByText("Thank you for your rating")).toBeVisible();
    await expectAccessible(requester);

    // The lead gets the "Rated Bad" mail, with the requester's words.
    await openMail(page, lead.email, `[#${number}] Rated Bad: ${subject}`);
    await expect(page.getByRole("region", { name: "Text version" })).toContainText(`Still cold after two visits ${id}`);
    await expectAccessible(page);
  } finally {
    // Other journeys rate tickets too: the trigger goes with this one.
    const { csrfToken } = (await (await page.request.get("/api/v1/session")).json()) as { csrfToken: string };
    await page.request.delete(`/api/v1/admin/automation-rules/${String(rule?.id)}`, {
      headers: { "x-csrf-token": csrfToken },
    });
  }
});
