import { expect, test } from "@playwright/test";
import { expectAccessible, mailLinkPath, submitRequest } from "./fixtures.ts";

const unique = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;

/** A moment as German pages write it in a zone: "30.11.2026, 17:45" (dateStyle medium, timeStyle short). */
function germanDateTimeIn(iso: string, timeZone: string): RegExp {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  return new RegExp(`${parts.day}\\.${parts.month}\\.${parts.year},? ${parts.hour}:${parts.minute}`);
}

test.describe("a customer's language and time zone", () => {
  // The browser is in New York and speaks English; the customer lives in Kathmandu (UTC+05:45) and reads German.
  test.use({ locale: "en-US", timezoneId: "America/New_York" });

  test("picks Deutsch and a time zone on the account page and sees the portal in German, times in that zone", async ({
    page,
  }) => {
    // A registration by mail and three accessibility scans: more than the default on a shared machine.
    test.setTimeout(240_000);
    const id = unique();
    const email = `greta.${id}@example.com`;
    await page.goto("/register");
    await page.getByLabel("Your name", { exact: true }).fill("Greta Weber");
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Password", { exact: true }).fill("greta's long password");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("status")).toBeVisible();
    await page.goto(await mailLinkPath(page, email, "Confirm your email address", "/confirm/"));
    await expect(page.getByRole("heading", { name: "Email address confirmed" })).toBeVisible();
    await page.goto("/sign-in");
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Password", { exact: true }).fill("greta's long password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "My requests" })).toBeVisible();
    const number = await submitRequest(page, { subject: `Drucker ${id}` });

    await page.goto("/account");
    const form = page.getByRole("form", { name: "Language and time zone" });
    // Nothing chosen yet: the browser's zone is offered.
    await expect(form.getByRole("combobox", { name: "Time zone" })).toHaveValue(/^America\/New York/);
    await form.getByLabel("Language", { exact: true }).selectOption({ label: "Deutsch" });
    const zone = form.getByRole("combobox", { name: "Time zone" });
    await zone.click();
    await zone.fill("Kathmandu");
    await page.getByRole("option", { name: /^Asia\/Kathmandu/ }).click();
    await expect(zone).toHaveValue(/^Asia\/Kathmandu \(GMT\+05:45\)$/);
    await expectAccessible(page);
    await form.getByRole("button", { name: "Save language and time zone" }).click();

    // At once, without a reload: the page speaks German and says what time it is in Kathmandu.
    await expect(page.getByRole("heading", { name: "Ihr Konto", level: 1 })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.getByRole("status")).toContainText("Gespeichert.");
    await expectAccessible(page);

    // The choice is the profile's: it holds after a reload, and on the rest of the portal.
    await page.reload();
    const saved = page.getByRole("form", { name: "Sprache und Zeitzone" });
    await expect(saved.getByLabel("Sprache", { exact: true })).toHaveValue("de");
    await expect(saved.getByRole("combobox", { name: "Zeitzone" })).toHaveValue(/^Asia\/Kathmandu/);
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Wie können wir helfen?" })).toBeVisible();
    await page.goto("/services");
    await expect(page.getByRole("heading", { name: "Services", level: 1 })).toBeVisible();
    await expect(page.getByLabel("Services durchsuchen", { exact: true })).toBeVisible();
    await expectAccessible(page);

    // The request's Feed dates it in Kathmandu's time, the German way, not in the browser's New York time.
    const feed = (await (await page.request.get(`/api/v1/tickets/${number}/feed`)).json()) as {
      entries: { at: string }[];
    };
    const created = feed.entries[0]?.at ?? "";
    await page.goto(`/requests/${number}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`Drucker ${id}`);
    await expect(page.getByText(germanDateTimeIn(created, "Asia/Kathmandu")).first()).toBeVisible();
    await expect(page.getByText(germanDateTimeIn(created, "America/New_York"))).toHaveCount(0);
  });
});
