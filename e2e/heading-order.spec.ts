import { expect, type Page, test } from "@playwright/test";
import { signInAsAdmin, submitRequest } from "./fixtures.ts";

/** The levels of the main content's headings, in reading (DOM) order. */
function headingLevels(page: Page): Promise<number[]> {
  return page
    .locator("main")
    .evaluate((main) =>
      [...main.querySelectorAll("h1, h2, h3, h4, h5, h6, [role=heading]")]
        .filter((h) => !h.closest("[aria-hidden=true]"))
        .map((h) => Number(h.getAttribute("aria-level") ?? h.tagName.slice(1))),
    );
}

/** The page's h1 comes first and no level is skipped on the way down: the headings outline the page. */
async function expectOutline(page: Page) {
  const levels = await headingLevels(page);
  expect(levels[0], `levels ${levels}`).toBe(1);
  for (let i = 1; i < levels.length; i++) {
    expect((levels[i] ?? 0) - (levels[i - 1] ?? 0), `levels ${levels}`).toBeLessThanOrEqual(1);
  }
}

test("the agent's ticket list and a customer's request page open with their h1, and their headings outline them", async ({
  page,
}) => {
  await signInAsAdmin(page);
  const number = await submitRequest(page, { subject: `Headings ${Date.now()}` });
  await page.goto("/agent/tickets");
  await expect(page.getByRole("table", { name: "Tickets" })).toBeVisible();
  await expectOutline(page);
  await page.goto(`/requests/${number}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`#${number}`);
  await expectOutline(page);
});
