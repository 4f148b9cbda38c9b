import { expect, type Page, test } from "@playwright/test";
import nodemailer from "nodemailer";
import { expectAccessible, openMail, signInAsAdmin } from "./fixtures.ts";

/** e2e/serve.ts starts each server's SMTP receiver ten ports above its web port. */
function smtpPort(baseURL: string | undefined): number {
  return Number(new URL(baseURL ?? "http://127.0.0.1:4101").port) + 10;
}

async function sendMail(baseURL: string | undefined, to: string, raw: string): Promise<void> {
  const transport = nodemailer.createTransport({
    host: "127.0.0.1",
    port: smtpPort(baseURL),
    secure: false,
    ignoreTLS: true,
  });
  try {
    await transport.sendMail({ envelope: { from: "sender@example.com", to: [to] }, raw });
  } finally {
    transport.close();
  }
}

async function ticketNumberFromMail(page: Page, to: string, subject: string): Promise<string> {
  await expect(async () => {
    await openMail(page, to, subject);
  }).toPass({ timeout: 30_000 });
  const heading = await page.getByRole("heading", { level: 1 }).textContent();
  const number = heading?.match(/\[#(\d+)\]/)?.[1];
  if (!number) throw new Error(`no ticket number in "${heading}"`);
  return number;
}

test("an admin adds a mailbox; mail to it opens a request, a reply joins it, and mail without a sender waits for review", async ({
  page,
  baseURL,
}) => {
  const id = `${Date.now()}`;
  const address = `help.${id}@e2e.example`;
  const requester = `pat.${id}@example.com`;

  await signInAsAdmin(page);
  await page.goto("/admin/mailboxes");
  await expect(page.getByRole("heading", { name: "Mailboxes", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "New mailbox" }).click();
  const dialog = page.getByRole("dialog", { name: "New mailbox" });
  await dialog.getByLabel("Name", { exact: true }).fill("E2E help");
  await dialog.getByLabel("Address", { exact: true }).fill(address);
  await dialog.getByRole("switch", { name: "Fetch mail from an IMAP account" }).check();
  await expect(dialog.getByLabel("IMAP server", { exact: true })).toBeVisible();
  await expectAccessible(page);
  await dialog.getByRole("switch", { name: "Fetch mail from an IMAP account" }).uncheck();
  await dialog.getByRole("button", { name: "Save" }).click();
  const mailboxes = page.getByRole("table", { name: "Mailboxes" });
  await expect(mailboxes.getByRole("row").filter({ hasText: address })).toContainText("SMTP receiver");
  await expectAccessible(page);

  // A new request by mail: the requester gets the confirmation, the agent sees the request.
  await sendMail(
    baseURL,
    address,
    `From: Pat Mailer <${requester}>\r\nTo: ${address}\r\nSubject: Projector in room 2 is dead ${id}\r\nMessage-ID: <projector-${id}@example.com>\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>The projector shows <b>no signal</b>.</p><script>alert(1)</script>\r\n`,
  );
  // A first mail from an address never proven gets a receipt without its subject (no mail relay).
  const number = await ticketNumberFromMail(page, requester, "We received your request");
  // The dev mailbox shows where a reply goes: the mailbox's address, signed for this ticket.
  const replyTo = await page.getByRole("link", { name: new RegExp(`^help\\.${id}\\+t${number}-`) }).textContent();
  if (!replyTo) throw new Error("the confirmation shows no Reply-To");
  await expectAccessible(page);
  await page.goto(`/agent/tickets/${number}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Projector in room 2 is dead ${id}`);
  await expect(page.getByText("no signal")).toBeVisible();

  // The requester answers from their mail client, to the Reply-To: the reply joins the request, without the quoted mail.
  await sendMail(
    baseURL,
    replyTo,
    `From: Pat Mailer <${requester}>\r\nTo: ${replyTo}\r\nSubject: Re: [#${number}] We received your request\r\nMessage-ID: <projector-reply-${id}@example.com>\r\n\r\nThe lamp light is blinking orange.\r\n\r\nOn Monday, Switchboard wrote:\r\n> Thank you for contacting us.\r\n`,
  );
  const feed = page.getByRole("list", { name: "Feed entries" });
  await expect(async () => {
    await page.reload();
    await expect(feed).toContainText("The lamp light is blinking orange.", { timeout: 5000 });
  }).toPass({ timeout: 30_000 });
  await expect(feed).not.toContainText("Thank you for contacting us.");
  await expectAccessible(page);

  // Mail without a sender is held for review with its reason; the admin dismisses it.
  await sendMail(
    baseURL,
    address,
    `To: ${address}\r\nSubject: Nobody sent this ${id}\r\nMessage-ID: <nobody-${id}@example.com>\r\n\r\nWho am I?\r\n`,
  );
  await page.goto("/admin/inbound-mail");
  await expect(page.getByRole("heading", { name: "Inbound mail", level: 1 })).toBeVisible();
  const held = page
    .getByRole("table", { name: "Held for review" })
    .getByRole("row")
    .filter({ hasText: `Nobody sent this ${id}` });
  await expect(async () => {
    await page.reload();
    await expect(held).toContainText("No sender address", { timeout: 5000 });
  }).toPass({ timeout: 30_000 });
  await expect(held.getByRole("link", { name: `Original of Nobody sent this ${id}` })).toHaveAttribute(
    "href",
    /\/api\/v1\/admin\/inbound-messages\/[0-9a-f-]+\/raw$/,
  );
  await expectAccessible(page);
  await held.getByRole("button", { name: `Dismiss Nobody sent this ${id}` }).click();
  await expect(held).toHaveCount(0);
  await page.getByText("Ignored", { exact: true }).click();
  await expect(page.getByRole("table", { name: "Ignored" })).toContainText(`Nobody sent this ${id}`);
  await expectAccessible(page);
});

/** A 24×16 red PNG, as a mail client embeds a pasted screenshot. */
const screenshotPng =
  "iVBORw0KGgoAAAANSUhEUgAAABgAAAAQCAIAAACDRijCAAAAGklEQVR4nGO4IyJCFcQwatCoQaMGjRpEGQIAFMWGEBPxGksAAAAASUVORK5CYII=";

test("an inline screenshot in a mail shows in the request's conversation and is kept as an attachment", async ({
  page,
  baseURL,
}) => {
  const id = `${Date.now()}`;
  const address = `shots.${id}@e2e.example`;
  const requester = `sam.${id}@example.com`;
  await signInAsAdmin(page);
  await page.goto("/admin/mailboxes");
  await page.getByRole("button", { name: "New mailbox" }).click();
  const dialog = page.getByRole("dialog", { name: "New mailbox" });
  await dialog.getByLabel("Name", { exact: true }).fill("E2E screenshots");
  await dialog.getByLabel("Address", { exact: true }).fill(address);
  // Automatic mail from a monitoring system may open requests: only addresses and domains are taken.
  await dialog.getByLabel("Accept automatic mail from").fill("everyone");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(
    dialog.getByText("Enter one address (alerts@example.com) or domain (@example.com) per line."),
  ).toBeVisible();
  await dialog.getByLabel("Accept automatic mail from").fill("alerts@monitoring.example\n@itsm.example");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(
    page.getByRole("table", { name: "Mailboxes" }).getByRole("row").filter({ hasText: address }),
  ).toBeVisible();

  // An Outlook-style mail: HTML with the pasted screenshot as a related part referenced by cid:.
  await sendMail(
    baseURL,
    address,
    [
      `From: Sam Shots <${requester}>`,
      `To: ${address}`,
      `Subject: Error dialog when booking ${id}`,
      `Message-ID: <shot-${id}@example.com>`,
      "MIME-Version: 1.0",
      'Content-Type: multipart/related; boundary="rel"; type="text/html"',
      "",
      "--rel",
      "Content-Type: text/html; charset=utf-8",
      "",
      '<p>This dialog appears when I book:</p><p><img src="cid:image001.png@01DC4E1A"></p><p>Sam</p>',
      "--rel",
      'Content-Type: image/png; name="image001.png"',
      'Content-Disposition: inline; filename="image001.png"',
      "Content-ID: <image001.png@01DC4E1A>",
      "Content-Transfer-Encoding: base64",
      "",
      screenshotPng,
      "--rel--",
      "",
    ].join("\r\n"),
  );
  // The sender never proved their address: a receipt without their subject (no mail relay).
  const number = await ticketNumberFromMail(page, requester, "We received your request");
  await page.goto(`/agent/tickets/${number}`);
  await expect(page.getByText("This dialog appears when I book:")).toBeVisible();
  const shot = page.getByRole("img", { name: "image001.png" });
  await expect(shot).toBeVisible();
  // The picture really loaded, from our own attachment URL (no remote load).
  await expect(shot).toHaveAttribute("src", /^\/api\/v1\/attachments\/[0-9a-f-]{36}$/);
  await expect.poll(() => shot.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(24);
  await expect(page.getByRole("link", { name: /image001\.png/ })).toBeVisible();
  await expectAccessible(page);

  // The requester answers with another pasted screenshot: it shows in the reply in the Feed.
  await sendMail(
    baseURL,
    address,
    [
      `From: Sam Shots <${requester}>`,
      `To: ${address}`,
      `Subject: Re: [#${number}] Error dialog when booking ${id}`,
      `Message-ID: <shot-reply-${id}@example.com>`,
      "MIME-Version: 1.0",
      'Content-Type: multipart/related; boundary="rel"; type="text/html"',
      "",
      "--rel",
      "Content-Type: text/html; charset=utf-8",
      "",
      '<p>And now it says this:</p><p><img src="cid:reply-shot@sam"></p>',
      "--rel",
      'Content-Type: image/png; name="reply-shot.png"',
      "Content-Disposition: inline",
      "Content-ID: <reply-shot@sam>",
      "Content-Transfer-Encoding: base64",
      "",
      screenshotPng,
      "--rel--",
      "",
    ].join("\r\n"),
  );
  const feed = page.getByRole("list", { name: "Feed entries" });
  await expect(async () => {
    await page.reload();
    await expect(feed).toContainText("And now it says this:", { timeout: 5000 });
  }).toPass({ timeout: 30_000 });
  const replyShot = feed.getByRole("img", { name: "reply-shot.png" });
  await expect(replyShot).toBeVisible();
  await expect.poll(() => replyShot.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(24);
  await expectAccessible(page);
});
