import { expect, type Page, test } from "@playwright/test";
import { pseudoLocalize } from "../common/pseudo-locale.ts";
import portal from "../locales/en/portal.json" with { type: "json" };
import { chooseOption, expectAccessible, mailLinkPath, signInAsAdmin } from "./fixtures.ts";

test.describe("a German-speaking guest", () => {
  test.use({ locale: "de-DE" });

  test("submits a request and gets the form, the confirmation page and the mail in German", async ({ page }) => {
    // Three accessibility scans and a mail round trip: more than the default on a shared machine.
    test.setTimeout(240_000);
    const id = `${Date.now()}`;
    const email = `jonas.${id}@example.com`;
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.getByRole("heading", { name: "Wie können wir helfen?" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Anfrage stellen" }).first().click();

    await expect(page.getByRole("heading", { name: "Anfrage stellen", level: 1 })).toBeVisible();
    // The shared schema's sentences, in German, under their fields.
    await page.getByRole("button", { name: "Anfrage senden" }).click();
    await expect(page.getByText("Geben Sie einen Betreff ein.")).toBeVisible();
    await page.getByLabel("Ihr Name", { exact: true }).fill("Jonas Berger");
    await page.getByLabel("E-Mail", { exact: true }).fill(email);
    await page.getByLabel("Betreff", { exact: true }).fill(`Drucker druckt nicht ${id}`);
    await chooseOption(page, "Kategorie", "General question");
    await page.getByLabel("Nachricht", { exact: true }).fill("Der Drucker im zweiten Stock druckt nur leere Seiten.");
    await page.getByRole("button", { name: "Anfrage senden" }).click();

    await expect(page.getByRole("heading", { name: "Anfrage eingegangen" })).toBeVisible();
    const text = await page.getByText(/Ihre Ticketnummer lautet #\d+/).textContent();
    const number = text?.match(/#(\d+)/)?.[1];
    expect(number).toBeDefined();
    await expect(page.getByText(`Wir haben eine Bestätigung an ${email} gesendet.`)).toBeVisible();
    await expectAccessible(page);

    // The mail is German too, and its link leads to the request.
    const path = await mailLinkPath(page, email, `[#${number}] Wir haben Ihre Anfrage erhalten`, "/access/");
    expect(path).toMatch(/^\/access\//);
  });
});

test.describe("the portal in Arabic", () => {
  test.use({ locale: "ar-EG" });

  test("is mirrored right to left and accessible", async ({ page }) => {
    test.setTimeout(240_000);
    for (const path of ["/", "/requests/new", "/status"]) {
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
      await expect(page.locator("html")).toHaveAttribute("lang", "ar");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectAccessible(page);
    }
    // Mirrored for real: the form's labels start at the right edge of their fields.
    const label = await page.getByText("البريد الإلكتروني", { exact: true }).first().boundingBox();
    const field = await page.getByLabel("البريد الإلكتروني", { exact: true }).boundingBox();
    expect(label && field && label.x + label.width).toBeGreaterThan((field?.x ?? 0) + (field?.width ?? 0) - 40);
  });

  test("the footer's switcher changes the language and remembers it", async ({ page }) => {
    await page.goto("/");
    await page.getByLabel("اللغة", { exact: true }).selectOption("fr");
    await expect(page.getByRole("heading", { name: "Comment pouvons-nous vous aider ?" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
    await page.reload();
    await expect(page.getByRole("heading", { name: "Comment pouvons-nous vous aider ?" })).toBeVisible();
  });
});

/**
 * Visible text on the page that did not come from a catalog. Every letter of a pseudo-locale message is an
 * accented look-alike, so two plain ASCII letters in a row are text that bypassed the catalogs, unless the
 * test typed it (the user's own words) or it names a language in itself (the switcher's options).
 */
async function unconvertedText(page: Page, typed: string[]): Promise<string[]> {
  return page.evaluate((typed) => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? "";
      const parent = node.parentElement;
      if (!parent || !/[A-Za-z]{2,}/.test(text)) continue;
      if (parent.closest("option, script, style, [hidden]") || typed.some((t) => text.includes(t))) continue;
      const style = getComputedStyle(parent);
      if (style.display === "none" || style.visibility === "hidden") continue;
      found.push(text);
    }
    return found;
  }, typed);
}

const pseudo = (key: keyof typeof portal) => pseudoLocalize(portal[key]);

test.describe("the pseudo-locale", () => {
  test.beforeEach(async ({ context, baseURL }) => {
    await context.addCookies([{ name: "sb_locale", value: "en-XA", url: baseURL ?? "" }]);
  });

  test("shows no text that is not from a catalog on the converted portal pages", async ({ page }) => {
    test.setTimeout(240_000);
    const id = `${Date.now()}`;
    const email = `pseudo.${id}@example.com`;
    const typed = [email, `Pseudo ${id}`, "Pseudo Person", "General question", "Technical problem", "Access request"];
    for (const path of ["/", "/requests/new", "/status", "/no-such-page"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toContainText("⟦");
      expect(await unconvertedText(page, typed), `unconverted text on ${path}`).toEqual([]);
    }
    await page.goto("/requests/new");
    await page.getByLabel(pseudo("portal.form.name"), { exact: true }).fill("Pseudo Person");
    await page.getByLabel(pseudo("portal.form.email"), { exact: true }).fill(email);
    await page.getByLabel(pseudo("portal.form.subject"), { exact: true }).fill(`Pseudo ${id}`);
    await page.getByLabel(pseudo("portal.form.category"), { exact: true }).selectOption({ label: "General question" });
    await page.getByLabel(pseudo("portal.form.message"), { exact: true }).fill("Long words must not break the layout.");
    await page.getByRole("button", { name: pseudo("portal.form.send") }).click();
    await expect(page).toHaveURL(/\/requests\/submitted\/\d+$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("⟦");
    expect(await unconvertedText(page, typed), "unconverted text on the confirmation page").toEqual([]);
    // 40% longer words still fit a phone's width.
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test.describe("the help desk's default language", () => {
  test("an admin sets German, and a visitor whose browser asks for no language we speak gets German", async ({
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(240_000);
    await signInAsAdmin(page);
    await page.goto("/admin/users");
    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Languages" }).click();
    await expect(page.getByRole("heading", { name: "Languages", level: 1 })).toBeVisible();
    await expectAccessible(page);

    const setDefault = async (language: string) => {
      await page.getByLabel("Default language", { exact: true }).selectOption({ label: language });
      await page.getByRole("button", { name: "Save language" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
    };
    await setDefault("Deutsch");
    try {
      // The admin's own browser asks for English, so the admin pages stay English for them.
      await expect(page.getByRole("heading", { name: "Languages", level: 1 })).toBeVisible();

      // A signed-out visitor, no language chosen, whose browser asks for Japanese only.
      const visitor = await browser.newContext({ locale: "ja-JP", baseURL });
      const portal = await visitor.newPage();
      await portal.goto("/");
      await expect(portal.locator("html")).toHaveAttribute("lang", "de");
      await expect(portal.getByRole("heading", { name: "Wie können wir helfen?", level: 1 })).toBeVisible();
      await expectAccessible(portal);
      await visitor.close();
    } finally {
      // Later journeys expect the English default.
      await setDefault("English");
    }
    await expect(page.getByLabel("Default language", { exact: true })).toHaveValue("en");
  });
});
