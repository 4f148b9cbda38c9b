import { expect, test } from "@playwright/test";
import {
  chooseOption,
  e2eAdmin,
  expectAccessible,
  followMailLink,
  openMail,
  signInAsAdmin,
  submitRequest,
} from "./fixtures.ts";

const unique = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;

test.describe("accounts and guest access", () => {
  test("a customer registers, confirms from the mail, signs in and finds their earlier guest request", async ({
    page,
  }) => {
    const id = unique();
    const email = `kim.${id}@example.com`;
    const before = await submitRequest(page, { name: "Kim Lee", email, subject: `Printer offline ${id}` });
    const stranger = await submitRequest(page, {
      name: "Other",
      email: `other.${id}@example.com`,
      subject: `Not Kim's ${id}`,
    });

    await page.goto("/register");
    await expectAccessible(page);
    await page.getByLabel("Your name", { exact: true }).fill("Kim Lee");
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Password", { exact: true }).fill("kim's long password");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Check your email: we sent a link to confirm your address.")).toBeVisible();

    await openMail(page, email, "Confirm your email address");
    await expectAccessible(page);
    await followMailLink(page, "/confirm/");
    await expect(page.getByRole("heading", { name: "Email address confirmed" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Sign in" }).last().click();

    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Password", { exact: true }).fill("kim's long password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "My requests" })).toBeVisible();
    const table = page.getByRole("table", { name: "Requests" });
    await expect(table).toContainText(`#${before}`);
    await expect(table).not.toContainText(`#${stranger}`);
    await expectAccessible(page);

    await page.getByLabel("Search requests").fill("no such words");
    await expect(page.getByText("No requests match these filters.")).toBeVisible();
    await page.getByLabel("Search requests").fill(`${before}`);
    await expect(table).toContainText(`Printer offline ${id}`);
    await page.getByLabel("Search requests").fill("");
    await chooseOption(page, "Status", "Resolved");
    await expect(page.getByText("No requests match these filters.")).toBeVisible();
    await chooseOption(page, "Status", "Open");
    await expect(table).toContainText(`#${before}`);
    await expectAccessible(page);

    await table.getByRole("link", { name: `#${before}` }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`Printer offline ${id}`);
    await expect(page.getByText("Open", { exact: true })).toBeVisible();
    await expectAccessible(page);
  });

  test("signing in before confirming explains why and sends a new link", async ({ page }) => {
    const email = `late.${unique()}@example.com`;
    await page.goto("/register");
    await page.getByLabel("Your name", { exact: true }).fill("Late Confirmer");
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Password", { exact: true }).fill("a long password");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("status")).toBeVisible();

    await page.goto("/sign-in");
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Password", { exact: true }).fill("a long password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Confirm your email address first")).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Send the confirmation link again" }).click();
    await expect(page.getByText("we sent it a new confirmation link")).toBeVisible();

    await page.goto("/dev/mailbox");
    await expect(
      page.getByRole("row").filter({ hasText: email }).filter({ hasText: "Confirm your email address" }),
    ).toHaveCount(2);
    await expectAccessible(page);
  });

  test("a guest checks the status with email and number, and the access link opens only that request, once", async ({
    page,
  }) => {
    const id = unique();
    const email = `guest.${id}@example.com`;
    const mine = await submitRequest(page, { name: "Gus Guest", email, subject: `VPN down ${id}` });
    const other = await submitRequest(page, {
      name: "Someone",
      email: `someone.${id}@example.com`,
      subject: `Other ${id}`,
    });

    await page.goto("/");
    await page.getByRole("link", { name: "Check ticket status" }).first().click();
    await expect(page.getByRole("heading", { name: "Check ticket status" })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Ticket number", { exact: true }).fill(mine);
    await page.getByRole("button", { name: "Send access link" }).click();
    await expect(page.getByText("If that email address and ticket number match a request")).toBeVisible();

    await openMail(page, email, `[#${mine}] Your link to`);
    const link = await page
      .getByRole("region", { name: "Text version" })
      .getByRole("link")
      .filter({ hasText: "/access/" })
      .first()
      .getAttribute("href");
    const accessPath = new URL(link ?? "").pathname;
    await page.goto(accessPath);
    await expect(page).toHaveURL(new RegExp(`/requests/${mine}$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`VPN down ${id}`);
    await expectAccessible(page);

    await page.goto(`/requests/${other}`);
    await expect(page.getByRole("heading", { name: "Request not found" })).toBeVisible();

    await page.goto(accessPath);
    await expect(page.getByRole("heading", { name: "This access link does not work any more" })).toBeVisible();
    await expectAccessible(page);
  });

  test("a forgotten password is replaced through the mailed link", async ({ page }) => {
    const email = `forgetful.${unique()}@example.com`;
    await page.goto("/register");
    await page.getByLabel("Your name", { exact: true }).fill("Forgetful");
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Password", { exact: true }).fill("the first password");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("status")).toBeVisible();

    await page.goto("/sign-in");
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await expectAccessible(page);
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByRole("button", { name: "Send reset link" }).click();
    await expect(page.getByText("If that address has an account")).toBeVisible();

    await openMail(page, email, "Choose a new password");
    await followMailLink(page, "/reset-password/");
    await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
    await page.getByLabel("New password", { exact: true }).fill("the second password");
    await page.getByRole("button", { name: "Save password" }).click();
    await expect(page.getByText("Your password has been changed")).toBeVisible();
    await expectAccessible(page);

    await page.goto("/sign-in");
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Password", { exact: true }).fill("the second password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "My requests" })).toBeVisible();
    await expect(page.getByText("You have no requests yet.")).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Account" }).click();
    await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
    await expect(page.getByText(email)).toBeVisible();
    await expectAccessible(page);
  });
});

test("someone signed out who follows a link to their request or an admin page signs in and is back on that page", async ({
  page,
}) => {
  const id = unique();
  await signInAsAdmin(page);
  const number = await submitRequest(page, { subject: `Monitor flickers ${id}` });
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  const signIn = async () => {
    await page.getByLabel("Email", { exact: true }).fill(e2eAdmin.email);
    await page.getByLabel("Password", { exact: true }).fill(e2eAdmin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
  };
  // The link in a mail about the request: signing in leads to the request, not to "Request not found".
  await page.goto(`/requests/${number}`);
  await expect(page.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();
  await signIn();
  await expect(page).toHaveURL(new RegExp(`/requests/${number}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Monitor flickers ${id}`);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  // An admin page, with what its address chose.
  await page.goto("/admin/users?page=1");
  await expect(page.getByRole("heading", { name: "Agent sign-in" })).toBeVisible();
  await signIn();
  await expect(page).toHaveURL(/\/admin\/users\?page=1$/);
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
});
