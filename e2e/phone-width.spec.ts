import { expect, type Page, test } from "@playwright/test";
import { callApi, signInAsAdmin, widerThanScreen } from "./fixtures.ts";

/**
 * A phone's page never grows wider than its screen: not for a moment while a dialog opens, and not for a subject
 * of one long word (a pasted link). A page wider than the phone scrolls sideways under the reader's thumb.
 */
// Motion as most people have it: the dialog's list was placed while the dialog appeared.
test.use({ viewport: { width: 390, height: 844 }, reducedMotion: "no-preference" });

/** Files a request in the General question category through the API as the signed-in admin; its number. */
async function fileRequest(page: Page, subject: string, id: string) {
  const { categories } = (await (await page.request.get("/api/v1/categories")).json()) as {
    categories: { id: string; name: string }[];
  };
  const filed = await callApi(page, "POST", "/api/v1/tickets", {
    categoryId: categories.find((c) => c.name === "General question")?.id,
    name: `Paula Phone ${id}`,
    email: `paula.${id}@example.com`,
    subject,
    message: "See the subject.",
    priority: "medium",
  });
  return String(filed?.number);
}

test("on a phone the new-ticket dialog opens without the page growing wider than the screen, not even for a frame", async ({
  page,
}) => {
  const id = `${Date.now()}`;
  await signInAsAdmin(page);
  // A queue longer than the screen: the dialog then takes the page's scroll away as it opens.
  for (let i = 0; i < 25; i++) await fileRequest(page, `Laptop fan loud ${id} ${i}`, id);
  await page.goto("/agent/tickets");
  // The newest first: journeys running beside this one file requests of their own.
  await expect(page.getByRole("link", { name: new RegExp(`Laptop fan loud ${id} 24`) })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollHeight > window.innerHeight)).toBe(true);

  // Every frame from the click until the dialog has settled is measured: the widest the page got, and what made it.
  const widest = page.evaluate(
    () =>
      new Promise<{ width: number; what: string }>((resolve) => {
        let widest = { width: window.innerWidth, what: "" };
        const start = performance.now();
        const measure = () => {
          const width = document.documentElement.scrollWidth;
          if (width > widest.width) {
            const out = [...document.body.querySelectorAll("*")].filter(
              (e) => e.getBoundingClientRect().right > window.innerWidth + 1 && e.children.length === 0,
            );
            widest = { width, what: out.map((e) => `${e.className} "${e.textContent?.slice(0, 30)}"`).join(", ") };
          }
          if (performance.now() - start < 2_000) requestAnimationFrame(measure);
          else resolve(widest);
        };
        requestAnimationFrame(measure);
      }),
  );
  await page.getByRole("button", { name: "New ticket" }).first().click();
  const dialog = page.getByRole("dialog", { name: "New ticket" });
  // The requester box takes the focus and shows its list as the dialog opens.
  await expect(dialog.getByRole("combobox", { name: "Requester" })).toBeFocused();
  await expect(page.getByRole("listbox")).toBeVisible();
  expect(await widest).toEqual({ width: 390, what: "" });
});

test("a subject of one long word (a pasted link) wraps on a phone: in the queue, as the ticket's title, among the requester's other requests", async ({
  page,
}) => {
  const id = `${Date.now()}`;
  const link = `https://intranet.example.com/projects/${id}/shared/documents/quarterly-planning/attachments/budget-2027-final-v3.xlsx`;
  await signInAsAdmin(page);
  const first = await fileRequest(page, `Printer offline ${id}`, id);
  const second = await fileRequest(page, `Cannot open ${link}`, id);

  await page.goto("/agent/tickets");
  await expect(page.getByRole("link", { name: new RegExp(`#${second}`) }).first()).toBeVisible();
  expect(await widerThanScreen(page)).toEqual([]);

  await page.goto(`/agent/tickets/${second}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Cannot open");
  expect(await widerThanScreen(page)).toEqual([]);

  await page.goto(`/agent/tickets/${first}`);
  await expect(page.getByRole("list", { name: "Other requests by this requester" })).toContainText(link);
  expect(await widerThanScreen(page)).toEqual([]);
});

/** Whether the open tooltip lies wholly on the screen, where it can be read (a fixed one would not widen the page). */
async function tooltipOnScreen(page: Page) {
  const box = await page.getByRole("tooltip").boundingBox();
  return box !== null && box.x >= 0 && box.x + box.width <= (page.viewportSize()?.width ?? 0);
}

test("a tooltip on a phone stays on the screen: a long subject's in the queue, a built-in role's note on its Delete button", async ({
  page,
}) => {
  const id = `${Date.now()}`;
  const words = Array.from({ length: 24 }, (_, i) => `word${i}`).join(" ");
  await signInAsAdmin(page);
  await fileRequest(page, `Expense report rejected ${id} ${words}`, id);

  await page.goto("/agent/tickets");
  const subject = page.getByRole("link", { name: new RegExp(`Expense report rejected ${id}`) });
  await subject.hover();
  await expect(page.getByRole("tooltip")).toContainText(`${id} word0`);
  expect(await widerThanScreen(page)).toEqual([]);
  expect(await tooltipOnScreen(page)).toBe(true);

  await page.goto("/admin/roles");
  const remove = page.getByRole("button", { name: "Delete Agent", exact: true });
  await remove.focus();
  await expect(page.getByRole("tooltip")).toContainText("Built-in roles cannot be deleted");
  expect(await widerThanScreen(page)).toEqual([]);
  expect(await tooltipOnScreen(page)).toBe(true);
});

test("a report's chart on a phone: its tooltip, shown across the whole chart, keeps the page within the screen", async ({
  page,
}) => {
  await signInAsAdmin(page);
  await fileRequest(page, `Monitor flickers ${Date.now()}`, `${Date.now()}`);
  await page.goto("/agent/reports");
  // The plotting area (a legend's icons are surfaces of their own).
  const chart = page.locator(".recharts-cartesian-grid").first();
  await expect(chart).toBeVisible();
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.boundingBox();
  expect(box).not.toBeNull();
  if (!box) return;
  // From the left edge to the right one: near the right edge a tooltip placed beside the pointer runs furthest out.
  for (const x of [0.05, 0.5, 0.95]) {
    await page.mouse.move(box.x + box.width * x, box.y + box.height / 2);
    await expect(page.locator(".recharts-tooltip-wrapper").first()).toBeVisible();
    expect(await widerThanScreen(page), `pointer at ${x * 100}% of the chart`).toEqual([]);
  }
});
