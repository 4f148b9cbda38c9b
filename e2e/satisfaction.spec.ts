import { expect, type Page, test } from "@playwright/test";
import { chooseOption, expectAccessible, mailLinkPath, signInAsAdmin, submitRequest } from "./fixtures.ts";

/** Moves the e2e server's clock (TEST_CLOCK, see server/clock.ts) as the signed-in admin. */
async function moveServerClock(page: Page, minutes: number): Promise<void> {
  const session = await (await page.request.get("/api/v1/session")).json();
  const moved = await page.request.post("/api/v1/test/clock", {
    data: { minutes },
    headers: { "x-csrf-token": session.csrfToken },
  });
  expect(moved.status()).toBe(204);
}

test("a requester rates the support Bad from the survey mail, and the agent sees it on the ticket", async ({
  browser,
  page,
  baseURL,
}) => {
  // Two people, two browsers, a mail and four pages with axe: a long journey on a shared machine.
  test.slow();
  const id = Date.now().toString(36);
  const email = `rater.${id}@example.com`;
  const subject = `Laptop will not charge ${id}`;
  const requester = await (await browser.newContext({ baseURL, viewport: { width: 375, height: 740 } })).newPage();
  const number = await submitRequest(requester, { name: "Rae Rater", email, subject });

  // The agent solves it; the survey goes out an hour later.
  await signInAsAdmin(page);
  await page.goto(`/agent/tickets/${number}`);
  await chooseOption(page, "Status", "Solved");
  await page.getByRole("button", { name: "Change status" }).click();
  await expect(page.getByRole("list", { name: "Feed entries" })).toContainText("to Solved");
  let path: string;
  try {
    await moveServerClock(page, 61);
    path = await mailLinkPath(requester, email, "How would you rate the support you received?", "/bad");
  } finally {
    // Later journeys share this server: give them back the real time.
    await moveServerClock(page, -61);
  }
  expect(path).toMatch(/^\/rate\/[A-Za-z0-9_-]+\/bad$/);

  // The link opens the page with Bad chosen; nothing is recorded until the requester confirms.
  await requester.goto(path);
  await expect(requester.getByRole("heading", { name: "Rate the support", level: 1 })).toBeVisible();
  await expect(requester.getByText(`Request #${number}: ${subject}`)).toBeVisible();
  await expect(requester.getByRole("radio", { name: "Bad, I'm unsatisfied" })).toBeChecked();
  await expectAccessible(requester);
  await chooseOption(requester, "What went wrong?", "It took too long");
  await requester.getByLabel("Your feedback", { exact: true }).fill(`Three days without an answer ${id}`);
  await requester.getByRole("button", { name: "Send my rating" }).click();
  await expect(requester.getByText("Thank you for your rating")).toBeVisible();
  await expectAccessible(requester);

  // A link that was altered gets one plain message, whatever is wrong with it.
  await requester.goto(`${path.slice(0, -8)}AAAAAAAA/good`);
  await expect(requester.getByRole("heading", { name: "This rating link does not work" })).toBeVisible();
  await expectAccessible(requester);

  // The agent sees the rating on the ticket and in the Feed (agents only).
  await page.goto(`/agent/tickets/${number}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(subject);
  const feed = page.getByRole("list", { name: "Feed entries" });
  await expect(feed).toContainText("Rae Rater rated the support (agents only)");
  await expect(feed).toContainText("Rating: Bad · Reason: It took too long");
  await expect(feed).toContainText(`Three days without an answer ${id}`);
  const card = page.getByRole("region", { name: "Satisfaction" });
  await expect(card).toContainText("Bad");
  await expect(card).toContainText("Reason: It took too long");
  await expect(card).toContainText(`Three days without an answer ${id}`);
  await expectAccessible(page);

  // Admins choose when surveys go out, for whom, and the reasons a Bad rating offers.
  await page.goto("/admin/satisfaction");
  await expect(page.getByRole("heading", { name: "Satisfaction surveys", level: 1 })).toBeVisible();
  await expect(page.getByRole("table", { name: "Reasons for a Bad rating" })).toContainText("It took too long");
  // Each reason reads in the requester's language: the shipped ones come translated.
  await page.getByRole("button", { name: "Translations of It took too long" }).click();
  const translations = page.getByRole("dialog", { name: "Translations of It took too long" });
  await translations.getByRole("tab", { name: "العربية" }).click();
  await expect(translations.getByLabel("Label (العربية)")).toHaveValue("استغرق الأمر وقتًا طويلًا");
  await translations.getByRole("button", { name: "Cancel" }).click();
  await expectAccessible(page);
});
