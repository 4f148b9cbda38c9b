import { expect, test } from "@playwright/test";
import { chooseOption, expectAccessible, mailLinkPath, signInAsAdmin, submitRequest } from "./fixtures.ts";

test.describe("a guest asks for help and an agent sees it", () => {
  test("guest submits a request, gets a number, and the admin finds it in the list", async ({ page }) => {
    const subject = `Laptop will not start after update ${Date.now()}`;

    await page.goto("/");
    await expect(page.getByRole("heading", { name: "How can we help?" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Submit a request" }).first().click();

    await expect(page.getByRole("heading", { name: "Submit a request", level: 1 })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("Your name", { exact: true }).fill("Morgan Field");
    await page.getByLabel("Email", { exact: true }).fill("morgan.field@example.com");
    await page.getByLabel("Subject", { exact: true }).fill(subject);
    await chooseOption(page, "Priority", "Urgent");
    await chooseOption(page, "Category", "Technical problem");
    await page.getByLabel("Message", { exact: true }).fill("The laptop shows a black screen.\nThe power light is on.");
    await page.getByRole("button", { name: "Submit request" }).click();

    await expect(page.getByRole("heading", { name: "Request received" })).toBeVisible();
    const confirmation = await page.getByText(/Your ticket number is #\d+/).textContent();
    const number = confirmation?.match(/#(\d+)/)?.[1];
    expect(number).toBeDefined();
    await expect(page.getByText("morgan.field@example.com")).toBeVisible();
    await expectAccessible(page);

    await signInAsAdmin(page);
    const row = page.getByRole("row").filter({ hasText: subject });
    await expect(row).toBeVisible();
    await expect(row).toContainText(`#${number}`);
    await expect(row).toContainText("Morgan Field");
    await expect(row).toContainText("Urgent");
    await expect(row).toContainText("New");
    await expectAccessible(page);

    await row.getByRole("link", { name: `#${number}` }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(subject);
    await expect(page.getByText("The power light is on.")).toBeVisible();
    await expectAccessible(page);
  });

  test("bad input is explained next to each field and nothing is submitted", async ({ page }) => {
    await page.goto("/requests/new");
    await page.getByLabel("Email", { exact: true }).fill("not-an-email");
    await page.getByRole("button", { name: "Submit request" }).click();
    await expect(page.getByText("Enter a subject.")).toBeVisible();
    await expect(page.getByText("Enter a valid email address, like name@example.com.")).toBeVisible();
    await expect(page.getByText("Describe what you need.")).toBeVisible();
    await expect(page).toHaveURL(/\/requests\/new$/);
    await expectAccessible(page);
  });

  test("the agent workspace sends visitors who are not signed in to the sign-in page", async ({ page }) => {
    await page.goto("/agent/tickets");
    await expect(page.getByRole("heading", { name: "Agent sign-in" })).toBeVisible();
    await page.getByLabel("Email", { exact: true }).fill("admin@e2e.switchboard.local");
    await page.getByLabel("Password", { exact: true }).fill("wrong password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
    await expectAccessible(page);
  });

  test("the request form works on a phone", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/requests/new");
    const submit = page.getByRole("button", { name: "Submit request" });
    await submit.scrollIntoViewIfNeeded();
    await expect(submit).toBeInViewport();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  });
});

test("a guest's Copy link opens the status check with their number, which mails them a link to the request", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const id = `${Date.now()}`;
  const email = `copy.${id}@example.com`;
  const number = await submitRequest(page, { name: "Cody", email, subject: `Copy my link ${id}` });
  await expect(page.getByText("opens the status check with this ticket number filled in")).toBeVisible();
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(new URL(copied).pathname + new URL(copied).search).toBe(`/status?number=${number}`);

  await page.goto(copied);
  await expect(page.getByLabel("Ticket number", { exact: true })).toHaveValue(number);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByRole("button", { name: "Send access link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Check your email" })).toBeVisible();
  await page.goto(await mailLinkPath(page, email, `[#${number}] Your link to`, "/access/"));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Copy my link ${id}`);
});
