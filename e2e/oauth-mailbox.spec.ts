import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import {
  appendToInbox,
  dovecotBinary,
  startTestImapServer,
  type TestImapServer,
} from "../server/mail/inbound/test-dovecot.ts";
import { startOAuthProvider, type TestOAuthProvider } from "../server/test/oauth-provider.ts";
import { chooseOption, expectAccessible, signInAsAdmin } from "./fixtures.ts";

/**
 * A mailbox that signs in with OAuth2, against a real OpenID Connect provider and a Dovecot whose oauth2
 * passdb introspects tokens at it, both started here. The servers poll IMAP every few seconds (e2e/serve.ts).
 */
let provider: TestOAuthProvider;
let imap: TestImapServer;

test.beforeAll(async ({ baseURL }) => {
  const binary = dovecotBinary();
  if (!binary) throw new Error("Dovecot is not installed: apt-get install dovecot-imapd");
  provider = await startOAuthProvider({ redirectUris: [`${baseURL}/api/v1/admin/mailboxes/oauth/callback`] });
  imap = await startTestImapServer(binary, { oauth2IntrospectionUrl: provider.introspectionUrl });
});
test.afterAll(async () => {
  await imap?.stop();
  await provider?.stop();
});

async function deliver(subject: string): Promise<void> {
  await appendToInbox(
    imap,
    `From: Quinn <quinn@example.com>\r\nTo: ${imap.user}\r\nSubject: ${subject}\r\nMessage-ID: <${randomBytes(6).toString("hex")}@example.com>\r\n\r\nThe projector is broken.\r\n`,
  );
}

test("an admin connects a mailbox with OpenID Connect at the provider; mail is fetched, a revoked consent shows the banner, and reconnecting clears it", async ({
  page,
}) => {
  const address = `office.${Date.now()}@e2e.example`;
  await signInAsAdmin(page);
  await page.goto("/admin/mailboxes");
  await page.getByRole("button", { name: "New mailbox" }).click();
  const dialog = page.getByRole("dialog", { name: "New mailbox" });
  await dialog.getByLabel("Name", { exact: true }).fill("Office");
  await dialog.getByLabel("Address", { exact: true }).fill(address);
  await dialog.getByRole("switch", { name: "Fetch mail from an IMAP account" }).check();
  await dialog.getByLabel("IMAP server", { exact: true }).fill(imap.host);
  await dialog.getByLabel("Port", { exact: true }).fill(String(imap.port));
  await dialog.getByRole("switch", { name: "Use TLS" }).uncheck();
  await dialog.getByLabel("User name", { exact: true }).fill(imap.user);
  await dialog.getByText("OAuth2", { exact: true }).click();
  await chooseOption(page, "Provider", "Other OAuth2 / OpenID Connect provider");
  await dialog.getByLabel("Issuer URL", { exact: true }).fill(provider.issuer);
  await dialog.getByLabel("Client id", { exact: true }).fill(provider.clientId);
  await dialog.getByLabel("Client secret", { exact: true }).fill(provider.clientSecret);
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Save" }).click();

  const row = page.getByRole("table", { name: "Mailboxes" }).getByRole("row").filter({ hasText: address });
  await expect(row).toContainText("Not connected");
  await expectAccessible(page);
  await row.getByRole("button", { name: `Connect ${address}` }).click();

  // The provider's own page: sign in as the mailbox's account and allow access.
  await expect(page.getByRole("heading", { name: "Sign in to Test Provider" })).toBeVisible();
  await page.getByLabel("Account").fill(imap.user);
  await page.getByRole("button", { name: "Allow access" }).click();

  await expect(page.getByRole("alert").filter({ hasText: `${address} is connected` })).toBeVisible();
  await expect(row).toContainText("Connected");
  await expectAccessible(page);

  await deliver("Projector broken");
  await expect(async () => {
    await page.reload();
    await expect(row).toContainText("Last fetched", { timeout: 5000 });
  }).toPass({ timeout: 90_000 });
  await expect(row).not.toContainText("Not connected");
  await expectAccessible(page);

  // The account's consent is withdrawn at the provider: the admin is told in the workspace, with the reason.
  await provider.revokeAccount(imap.user);
  await page.goto("/agent/tickets");
  const banner = page.getByRole("alert").filter({ hasText: "A mailbox is not being fetched" });
  await expect(async () => {
    await page.reload();
    // A reload on a loaded machine can take longer than a second to draw the banner: each try waits 5 s.
    await expect(banner).toContainText(address, { timeout: 5000 });
  }).toPass({ timeout: 90_000 });
  await expect(banner).toContainText("invalid_grant");
  await expectAccessible(page);
  await banner.getByRole("link", { name: "Open the mailboxes page to reconnect" }).click();
  await expect(row).toContainText("Not connected");
  await expect(row).toContainText("invalid_grant");
  await expect(row).toContainText("Last fetched");
  await row.getByRole("button", { name: `Reconnect ${address}` }).click();
  await expect(page.getByRole("heading", { name: "Sign in to Test Provider" })).toBeVisible();
  await page.getByRole("button", { name: "Allow access" }).click();
  await expect(page.getByRole("alert").filter({ hasText: `${address} is connected` })).toBeVisible();
  await expect(row).not.toContainText("invalid_grant");
  await page.goto("/agent/tickets");
  await expect(page.getByRole("heading", { name: "Tickets", level: 1 })).toBeVisible();
  await expect(banner).toHaveCount(0);
  await page.goto("/admin/mailboxes");

  // The IMAP server goes away with this test: switch the mailbox off so later journeys see no failing mailbox.
  await row.getByRole("button", { name: `Edit ${address}` }).click();
  const edit = page.getByRole("dialog", { name: `Edit ${address}` });
  await edit.getByRole("switch", { name: "Active" }).uncheck();
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(row).toContainText("Off");
});

test("the mailboxes page words a failed sign-in itself: a link's own text in the address is never shown", async ({
  page,
}) => {
  await signInAsAdmin(page);
  const planted = "Your mailbox was compromised: call +1 555 0100 now";
  await page.goto(`/admin/mailboxes?${new URLSearchParams({ oauthError: planted })}`);
  const alert = page.getByRole("alert").filter({ hasText: "The mailbox was not connected" });
  await expect(alert).toContainText("Start again with Connect.");
  await expect(page.getByText(planted)).toHaveCount(0);

  // What the callback sends: a code, worded here.
  await page.goto("/admin/mailboxes?oauthError=refused");
  await expect(page.getByRole("alert").filter({ hasText: "The mailbox was not connected" })).toContainText(
    "The provider did not let the mailbox connect. Start again with Connect, and allow the access it asks for.",
  );
  await expectAccessible(page);
});
