import { expect, type Page } from "@playwright/test";
import axe from "axe-core";

/** The admin every e2e server starts with (set through ADMIN_EMAIL / ADMIN_PASSWORD in e2e/serve.ts). */
export const e2eAdmin = { email: "admin@e2e.switchboard.local", password: "e2e-admin-password" };

type AxeWindow = { axe: typeof axe };

/**
 * What makes the page wider than its window, if it is: up to five innermost elements that stick out on the right and
 * are not inside a frame that clips or scrolls them (a table's ScrollTable), each with its right edge and where it
 * sits. Empty when the page fits.
 */
export function widerThanScreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    if (document.documentElement.scrollWidth <= window.innerWidth) return [];
    const clipped = (e: Element) => {
      for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== "visible") return true;
      }
      return false;
    };
    const out = [...document.body.querySelectorAll("*")].filter(
      (e) => e.getBoundingClientRect().right > window.innerWidth + 1 && e.children.length === 0,
    );
    const culprits = out.filter((e) => !clipped(e));
    return (culprits.length > 0 ? culprits : out).slice(0, 5).map((e) => {
      const path = [];
      for (let a: Element | null = e; a && a !== document.body; a = a.parentElement) {
        path.push(`${a.tagName.toLowerCase()}${a.classList.length ? `.${[...a.classList].join(".")}` : ""}`);
      }
      const right = Math.round(e.getBoundingClientRect().right);
      return `"${e.textContent?.slice(0, 40)}" to ${right} px of ${window.innerWidth}: ${path.slice(0, 6).join(" < ")}`;
    });
  });
}

/**
 * Fails with the list of WCAG 2 A/AA violations on the page as it is now.
 * axe is injected once per document and run in the page (what @axe-core/playwright calls legacy mode):
 * its default mode re-injects the script and opens a blank page for every check, which made a check
 * cost 1–2 s of a loaded CI machine's CPU instead of 0.2–0.3 s, with the same rules and the same results.
 */
export async function expectAccessible(page: Page): Promise<void> {
  // A dialog fading in is a moment, not the page: axe measured a button's colours half-way through the overlay's
  // transition and called them too faint (CI, languages.spec). Every transition that ends is waited for first;
  // a loader's endless spin is not.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => Number.isFinite(Number(animation.effect?.getComputedTiming().endTime)))
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axe.source);
  // While a modal dialog is open, the dialog is what its reader can reach (aria-modal), and the page behind it is
  // dimmed by the overlay: measured through it, the colours of a button behind the dialog depend on the moment
  // (CI twice, the delete dialog of languages.spec). The page itself is checked before its dialog opens.
  const modal = '[role="dialog"][aria-modal="true"]';
  // A sandboxed iframe shows a mail as a mail client would; it is not our page, and axe cannot script it.
  const results = await page.evaluate((modal) => {
    const open = document.querySelector(modal) !== null;
    return (window as unknown as AxeWindow).axe.run(
      open ? { include: [[modal]], exclude: [["iframe[sandbox]"]] } : { exclude: [["iframe[sandbox]"]] },
      {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        iframes: false,
        resultTypes: ["violations"],
      },
    );
  }, modal);
  const violations = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(violations, `accessibility violations on ${page.url()}`).toEqual([]);
}

/** Picks an option in a labelled select, whether it is a native <select> or a Mantine combobox. */
export async function chooseOption(page: Page, label: string, option: string): Promise<void> {
  // Mantine labels its visible input and a hidden one; the visible one comes first.
  const field = page.getByLabel(label, { exact: true }).first();
  if ((await field.evaluate((el) => el.tagName)) === "SELECT") {
    await field.selectOption({ label: option });
    return;
  }
  await field.click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

export async function signInAsAdmin(page: Page): Promise<void> {
  await page.goto("/agent");
  await page.getByLabel("Email", { exact: true }).fill(e2eAdmin.email);
  await page.getByLabel("Password", { exact: true }).fill(e2eAdmin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Tickets", level: 1 })).toBeVisible();
}

/** Opens the newest dev-mailbox message to `to` whose subject contains `subject`, in the browser. */
export async function openMail(page: Page, to: string, subject: string): Promise<void> {
  await page.goto("/dev/mailbox");
  const row = page.getByRole("row").filter({ hasText: to }).filter({ hasText: subject }).first();
  await expect(row).toBeVisible();
  await row.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(subject);
}

/** Follows the first link in the open message whose address contains `path`. */
export async function followMailLink(page: Page, path: string): Promise<void> {
  const href = await page
    .getByRole("region", { name: "Text version" })
    .getByRole("link")
    .filter({ hasText: path })
    .first()
    .getAttribute("href");
  if (!href) throw new Error(`no ${path} link in the message`);
  await page.goto(new URL(href).pathname);
}

/** Submits the general request form as whoever is (or is not) signed in; returns the ticket number. */
export async function submitRequest(
  page: Page,
  request: { name?: string; email?: string; subject: string },
): Promise<string> {
  await page.goto("/requests/new");
  if (request.name) await page.getByLabel("Your name", { exact: true }).fill(request.name);
  if (request.email) await page.getByLabel("Email", { exact: true }).fill(request.email);
  await page.getByLabel("Subject", { exact: true }).fill(request.subject);
  await chooseOption(page, "Category", "General question");
  await page.getByLabel("Message", { exact: true }).fill(`About: ${request.subject}`);
  await page.getByRole("button", { name: "Submit request" }).click();
  await expect(page.getByRole("heading", { name: "Request received" })).toBeVisible();
  const text = await page.getByText(/Your ticket number is #\d+/).textContent();
  const number = text?.match(/#(\d+)/)?.[1];
  if (!number) throw new Error("no ticket number on the confirmation page");
  return number;
}

/**
 * Waits for the newest dev-mailbox message to `to` whose subject contains `subject`,
 * read through the API, and returns the path of its first link containing `path`.
 */
export async function mailLinkPath(page: Page, to: string, subject: string, path: string): Promise<string> {
  let id: string | undefined;
  await expect
    .poll(
      async () => {
        // Asked for by recipient and subject: the unfiltered list is the newest 100 by the time each mail was made,
        // and journeys that move the server's clock forward leave mail stamped later than any made after them.
        const { messages } = (await (
          await page.request.get("/api/v1/dev-mailbox", { params: { to, subject } })
        ).json()) as { messages: { id: string; to: string; subject: string }[] };
        id = messages.find((m) => m.to === to && m.subject.includes(subject))?.id;
        return id;
      },
      { message: `a mail to ${to} about "${subject}"`, timeout: 30_000 },
    )
    .toBeDefined();
  const mail = (await (await page.request.get(`/api/v1/dev-mailbox/${id}`)).json()) as { text: string };
  const link = mail.text.match(/https?:\/\/\S+/g)?.find((url) => url.includes(path));
  if (!link) throw new Error(`no ${path} link in the mail to ${to}`);
  return new URL(link).pathname;
}

/** The invited person follows the invitation mail's link, chooses a password and signs in. */
export async function acceptInvitation(page: Page, email: string, password: string): Promise<void> {
  await page.goto(await mailLinkPath(page, email, "You have been invited", "/reset-password/"));
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Save password" }).click();
  await expect(page.getByText("Your password has been changed")).toBeVisible();
  await page.goto("/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Signed in once the page moves on; a caller's next page.goto would otherwise cut the sign-in short.
  await expect(page).not.toHaveURL(/\/sign-in$/);
}

/** Calls the API as whoever is signed in in this page, with the session's CSRF token, and returns the JSON. */
export async function callApi(page: Page, method: "POST" | "PUT" | "PATCH", url: string, data: unknown) {
  const { csrfToken } = (await (await page.request.get("/api/v1/session")).json()) as { csrfToken: string | null };
  // No session yet (signing in through the API), no token to send.
  const headers: Record<string, string> = csrfToken ? { "x-csrf-token": csrfToken } : {};
  const response = await page.request.fetch(url, { method, data, headers });
  expect(response.ok(), `${method} ${url}: ${await response.text()}`).toBe(true);
  return response.status() === 204 ? null : ((await response.json()) as Record<string, unknown>);
}
