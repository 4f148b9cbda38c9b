import { expect, type Page, test } from "@playwright/test";
import { addBusinessMinutes, fallbackCalendar } from "../server/sla/calendar.ts";
import { chooseOption, expectAccessible, signInAsAdmin } from "./fixtures.ts";

/** Moves the e2e server's clock (TEST_CLOCK, see server/clock.ts) as the signed-in admin. */
async function moveServerClock(page: Page, minutes: number): Promise<void> {
  const session = await (await page.request.get("/api/v1/session")).json();
  const moved = await page.request.post("/api/v1/test/clock", {
    data: { minutes },
    headers: { "x-csrf-token": session.csrfToken },
  });
  expect(moved.status()).toBe(204);
}

test("an urgent ticket shows its one-business-hour due time and turns overdue", async ({ page }) => {
  const subject = `Payroll system down ${Date.now()}`;
  await signInAsAdmin(page);
  await page.goto("/requests/new");
  await page.getByLabel("Subject", { exact: true }).fill(subject);
  await chooseOption(page, "Category", "General question");
  await chooseOption(page, "Priority", "Urgent");
  await page.getByLabel("Message", { exact: true }).fill("Nobody can log in to payroll.");
  await page.getByRole("button", { name: "Submit request" }).click();
  const confirmation = await page.getByText(/Your ticket number is #\d+/).textContent();
  const number = confirmation?.match(/#(\d+)/)?.[1];
  expect(number).toBeDefined();

  await page.goto(`/agent/tickets/${number}`);
  const details = page.getByRole("region", { name: "Details" });
  await expect(details).toContainText("SLA policy: Urgent");
  const created = await details.locator("dd time").first().getAttribute("datetime");
  const due = await details.getByText("Due", { exact: false }).locator("time").first().getAttribute("datetime");
  // One hour of business time on the default calendar (Monday to Friday, 09:00–17:00 UTC, like the fallback).
  expect(created && due).toBeTruthy();
  expect(due).toBe(addBusinessMinutes(fallbackCalendar, new Date(created ?? ""), 60).toISOString());
  await expect(details).not.toContainText("Overdue");
  await expectAccessible(page);

  // Just past the due time, however far into the week that is.
  const minutes = Math.ceil((Date.parse(due ?? "") - Date.now()) / 60_000) + 1;
  try {
    await moveServerClock(page, minutes);
    await page.reload();
    await expect(page.getByRole("region", { name: "Details" })).toContainText("Overdue");
    await page.goto("/agent/tickets");
    const row = page.getByRole("row").filter({ hasText: subject });
    await expect(row).toContainText("Overdue");
    await expectAccessible(page);
    // The scheduler notices too: the overdue check runs in its next one-minute slot and records it once.
    await page.goto("/admin/jobs");
    await expect(page.getByRole("table", { name: "Recent jobs" })).toContainText("sla.check");
    await expectAccessible(page);
  } finally {
    // Later journeys share this server: give them back the real time.
    await moveServerClock(page, -minutes);
  }
});

test("an admin sets up a business calendar and an SLA policy that counts in it", async ({ page }) => {
  const name = `Lisbon office ${Date.now()}`;
  await signInAsAdmin(page);
  await page.goto("/admin/calendars");
  await expect(page.getByRole("table", { name: "Business calendars" })).toContainText("Business hours");
  await expectAccessible(page);
  await page.getByRole("button", { name: "New calendar" }).click();
  const dialog = page.getByRole("dialog", { name: "New calendar" });
  await dialog.getByLabel("Name", { exact: true }).fill(name);
  await chooseOption(page, "Time zone", "Europe/Lisbon");
  await dialog.getByLabel("Friday", { exact: true }).uncheck();
  await dialog.getByLabel("Holidays", { exact: true }).fill("2026-12-25\n2026-12-26");
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Save calendar" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("Europe/Lisbon");
  await expect(row).toContainText("2026-12-25, 2026-12-26");
  await expect(row).not.toContainText("Fri");

  await page.goto("/admin/sla-policies");
  const policies = page.getByRole("table", { name: "SLA policies" });
  await expect(policies.getByRole("row").filter({ hasText: "Urgent" })).toContainText("1 h");
  await expectAccessible(page);
  await page.getByRole("button", { name: "New policy" }).click();
  const form = page.getByRole("dialog", { name: "New policy" });
  await form.getByLabel("Name", { exact: true }).fill(`VIP ${name}`);
  await form.getByLabel("First response within (minutes)", { exact: true }).fill("30");
  await form.getByLabel("Resolution within (minutes)", { exact: true }).fill("480");
  await form.getByRole("switch", { name: "Count business hours only" }).check();
  await chooseOption(page, "Calendar", name);
  await expectAccessible(page);
  await form.getByRole("button", { name: "Save policy" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  const policy = policies.getByRole("row").filter({ hasText: `VIP ${name}` });
  await expect(policy).toContainText("30 min");
  await expect(policy).toContainText("8 h");
  await expect(policy).toContainText(`Business hours (${name})`);
  await expect(page.getByRole("switch", { name: "Waiting for Customer" })).toBeChecked();
});

test("an admin adds a trigger, and the log shows what it did to a new ticket", async ({ page }) => {
  const name = `Low is never low ${Date.now()}`;
  const subject = `Monitor flickers ${Date.now()}`;
  await signInAsAdmin(page);
  await page.goto("/admin/automation");
  await expectAccessible(page);
  await page.getByRole("button", { name: "New rule" }).click();
  const dialog = page.getByRole("dialog", { name: "New rule" });
  await dialog.getByLabel("Name", { exact: true }).fill(name);
  // A MultiSelect's pills box sits over its input: click through to open it.
  await dialog.getByLabel("Only for priorities", { exact: true }).first().click({ force: true });
  await page.getByRole("option", { name: "Low", exact: true }).click();
  await page.keyboard.press("Escape");
  await chooseOption(page, "Set priority", "High");
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Save rule" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(page.getByRole("table", { name: "Rules" }).getByRole("row").filter({ hasText: name })).toContainText(
    "set priority High",
  );

  await page.goto("/requests/new");
  await page.getByLabel("Subject", { exact: true }).fill(subject);
  await chooseOption(page, "Category", "General question");
  await chooseOption(page, "Priority", "Low");
  await page.getByLabel("Message", { exact: true }).fill("It flickers every few seconds.");
  await page.getByRole("button", { name: "Submit request" }).click();
  const number = (await page.getByText(/Your ticket number is #\d+/).textContent())?.match(/#(\d+)/)?.[1];

  await page.goto("/admin/automation");
  const entry = page
    .getByRole("table", { name: "Automation log" })
    .getByRole("row")
    .filter({ hasText: `#${number}` });
  await expect(entry).toContainText(name);
  await expect(entry).toContainText("priority set to High");
  await page.goto(`/agent/tickets/${number}`);
  await expect(page.getByRole("region", { name: "Details" })).toContainText("High");
  // The ticket's Feed says it too, to agents: the rule by its name, and what it did.
  const acted = page
    .getByRole("list", { name: "Feed entries" })
    .getByRole("listitem")
    .filter({ hasText: `Rule “${name}” acted on the ticket` });
  await expect(acted).toContainText("priority set to High");

  // Switch it off again so later journeys' low-priority tickets stay low.
  await page.goto("/admin/automation");
  await page.getByRole("button", { name: `Delete ${name}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("table", { name: "Rules" })).not.toContainText(name);
});
