import { expect, type Page, test } from "@playwright/test";
import { signInAsAdmin } from "./fixtures.ts";

/** Requests to `pattern` fail as the server would refuse them, until the returned function is called. */
async function failUntilMended(page: Page, pattern: RegExp, message: string): Promise<() => void> {
  let failing = true;
  await page.route(pattern, async (route) => {
    if (!failing) return route.fallback();
    await route.fulfill({ status: 409, json: { error: { code: "conflict", message } } });
  });
  return () => {
    failing = false;
  };
}

test("a list whose first page fails to load says what failed, with the server's sentence, and loads on a retry", async ({
  page,
}) => {
  await signInAsAdmin(page);
  const lists = [
    {
      path: "/agent/tickets?queue=all",
      api: /\/api\/v1\/agent\/tickets\?/,
      title: "The tickets could not be loaded",
      loaded: page.getByRole("heading", { name: "Tickets · All", level: 1 }),
      shown: page.getByRole("table"),
    },
    {
      path: "/services",
      api: /\/api\/v1\/catalog(\?|$)/,
      title: "This could not be loaded",
      loaded: page.getByRole("heading", { level: 1 }),
      shown: page.getByRole("heading", { level: 2 }).first(),
    },
    {
      path: "/admin/users",
      api: /\/api\/v1\/admin\/users\?/,
      title: "This could not be loaded",
      loaded: page.getByRole("heading", { name: "Users", level: 1 }),
      shown: page.getByRole("table", { name: "Users" }),
    },
  ];
  for (const list of lists) {
    const mend = await failUntilMended(page, list.api, "The list is busy being rebuilt.");
    await page.goto(list.path);
    await expect(list.loaded).toBeVisible();
    const alert = page.getByRole("alert").filter({ hasText: list.title });
    await expect(alert, list.path).toContainText("The list is busy being rebuilt.");
    mend();
    await alert.getByRole("button", { name: "Try again" }).click();
    await expect(list.shown, list.path).toBeVisible();
    await expect(page.getByRole("alert").filter({ hasText: list.title })).toHaveCount(0);
    await page.unrouteAll();
  }
});
