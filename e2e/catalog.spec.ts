import { expect, type Page, test } from "@playwright/test";
import { chooseOption, expectAccessible, followMailLink, openMail, signInAsAdmin } from "./fixtures.ts";

const unique = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;

async function createPublicDomainService(page: Page, id: string): Promise<string> {
  await page.goto("/admin/catalog");
  await expect(page.getByRole("heading", { name: "Catalog", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "New category" }).click();
  await page.getByRole("dialog").getByLabel("Name", { exact: true }).fill(`Partners ${id}`);
  await page.getByRole("dialog").getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();

  const slug = `partner-domain-${id}`;
  await page.getByRole("button", { name: "New service" }).click();
  const dialog = page.getByRole("dialog", { name: "New service" });
  await dialog.getByLabel("Name", { exact: true }).fill(`Partner domain ${id}`);
  await dialog.getByLabel("Address", { exact: true }).fill(slug);
  await chooseOption(page, "Category", `Partners ${id}`);
  await dialog.getByLabel("Short description", { exact: true }).fill("Register your partner account with your domain.");
  await chooseOption(page, "Ticket type", "Domain approval");
  await chooseOption(page, "Who may request it", "Everyone, also without an account");
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Save service" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(page.getByRole("table", { name: "Services" })).toContainText(`Partner domain ${id}`);
  await expectAccessible(page);
  return slug;
}

test.describe("the service catalog", () => {
  test("an admin publishes a service, a guest requests it with a domain and a file, and the agent sees both", async ({
    page,
  }) => {
    const id = unique();
    await signInAsAdmin(page);
    await page.goto("/admin/ticket-types");
    await expect(page.getByRole("region", { name: "Preview of the Domain approval form" })).toContainText("Domain");
    await expectAccessible(page);
    const slug = await createPublicDomainService(page, id);
    await page.getByRole("button", { name: "Sign out" }).click();

    await page.goto("/services");
    await expect(page.getByRole("heading", { name: "Services", level: 1 })).toBeVisible();
    await page.getByLabel("Search services").fill(`domain ${id}`);
    await expect(page.getByRole("region", { name: `Partners ${id}` })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: `Partner domain ${id}` }).click();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Request service" }).click();
    await expect(page).toHaveURL(new RegExp(`/services/${slug}/request$`));

    const email = `partner.${id}@example.com`;
    await page.getByLabel("Your name", { exact: true }).fill("Pat Partner");
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Subject", { exact: true }).fill(`Approve acme-${id}.com`);
    await page.getByRole("textbox", { name: "Domain", exact: true }).fill("not a domain");
    await page.getByRole("button", { name: "Submit request" }).click();
    await expect(page.getByText("Domain must be a domain name, like example.com.")).toBeVisible();
    await expect(page.getByText("Describe what you need.")).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("textbox", { name: "Domain", exact: true }).fill(`acme-${id}.com`);
    await page.getByRole("textbox", { name: "Message" }).click();
    await page.keyboard.type("Please approve our domain. ");
    await page.getByRole("button", { name: "Bold" }).click();
    await page.keyboard.type("We are partners.");
    await page.locator('input[type="file"]').setInputFiles({
      name: "registration.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4 partner registration"),
    });
    await page.getByRole("button", { name: "Submit request" }).click();
    await expect(page.getByRole("heading", { name: "Request received" })).toBeVisible();
    const number = (await page.getByText(/Your ticket number is #\d+/).textContent())?.match(/#(\d+)/)?.[1];
    expect(number).toBeDefined();

    await openMail(page, email, `[#${number}] We received your request`);
    await followMailLink(page, "/access/");
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`Approve acme-${id}.com`);
    await expect(page.getByRole("region", { name: "Request details" })).toContainText(`acme-${id}.com`);
    await expect(page.getByRole("region", { name: "Request details" })).not.toContainText("Domain Approved");
    await expect(page.getByRole("link", { name: "registration.pdf" })).toBeVisible();
    await page.getByRole("button", { name: "Sign out" }).click();

    await signInAsAdmin(page);
    await page.goto(`/agent/tickets/${number}`);
    await expect(page.getByRole("region", { name: "Request details" })).toContainText(`acme-${id}.com`);
    await expect(page.getByRole("region", { name: "Request details" })).toContainText("Domain Approved");
    await expect(page.locator("strong", { hasText: "We are partners." })).toBeVisible();
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "registration.pdf" }).click();
    expect((await download).suggestedFilename()).toBe("registration.pdf");
    await expectAccessible(page);
  });

  test("a customer without permission to view the catalog sees only public services", async ({ page }) => {
    const id = unique();
    const email = `limited.${id}@example.com`;
    await signInAsAdmin(page);
    await page.goto("/admin/users");
    await page.getByRole("button", { name: "Invite user" }).click();
    const dialog = page.getByRole("dialog", { name: "Invite user" });
    await dialog.getByLabel("Name", { exact: true }).fill(`Limited ${id}`);
    await dialog.getByLabel("Email", { exact: true }).fill(email);
    await dialog.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByRole("row").filter({ hasText: email })).toBeVisible();
    // Take every role away: no catalog.view.
    await page.getByRole("button", { name: `Edit Limited ${id}` }).click();
    await page.getByRole("dialog").locator(".mantine-Pill-remove").first().click();
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("row").filter({ hasText: email })).not.toContainText("Customer,");
    await page.getByRole("button", { name: "Sign out" }).click();

    await openMail(page, email, "You have been invited");
    await followMailLink(page, "/reset-password/");
    await page.getByLabel("New password", { exact: true }).fill("limited password");
    await page.getByRole("button", { name: "Save password" }).click();
    await page.goto("/sign-in");
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Password", { exact: true }).fill("limited password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "My requests" })).toBeVisible();

    await page.goto("/services");
    await expect(page.getByRole("link", { name: /Password reset/ })).toBeVisible();
    await expect(page.getByRole("link", { name: /New laptop/ })).toHaveCount(0);
    await page.goto("/services/new-laptop");
    await expect(page.getByRole("heading", { name: "Service not found" })).toBeVisible();
    await expectAccessible(page);
  });
});
