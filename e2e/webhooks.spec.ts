import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { chooseOption, expectAccessible, signInAsAdmin, submitRequest } from "./fixtures.ts";

/** A receiver on 127.0.0.1 (allowed through WEBHOOK_ALLOW_HOSTS in e2e/serve.ts) that keeps what it gets. */
async function startReceiver() {
  const received: { event: string; body: string }[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => {
      received.push({ event: String(request.headers["switchboard-event"]), body: Buffer.concat(chunks).toString() });
      response.writeHead(200, { "content-type": "text/plain" }).end("received, thanks");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/${Date.now()}`,
    received,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

test("an admin adds a webhook, a ticket change is delivered, a redelivery and a test event show in the log", async ({
  page,
}) => {
  const receiver = await startReceiver();
  try {
    const number = await submitRequest(page, {
      name: "Hook Tester",
      email: `hook.${Date.now()}@example.com`,
      subject: `Webhook journey ${Date.now()}`,
    });

    await signInAsAdmin(page);
    await page.goto("/admin/webhooks");
    await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();
    await page.getByRole("button", { name: "New webhook" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("URL", { exact: true }).fill(receiver.url);
    await dialog.getByLabel("Description", { exact: true }).fill("Journey receiver");
    await expect(dialog.getByRole("checkbox", { name: "Status changed" })).toBeChecked();
    await expectAccessible(page);
    await dialog.getByRole("button", { name: "Save" }).click();
    // The secret is shown once, to copy.
    await expect(dialog.getByLabel("Signing secret")).toHaveValue(/^whsec_/);
    await expect(dialog.getByText("Copy it now: it will not be shown again.")).toBeVisible();
    await expectAccessible(page);
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect(page.getByRole("table", { name: "Webhooks" })).toContainText(receiver.url);

    await page.goto(`/agent/tickets/${number}`);
    await chooseOption(page, "Status", "Open");
    await page.getByRole("button", { name: "Change status" }).click();
    await expect(page.getByRole("list", { name: "Feed entries" })).toContainText("to Open");

    await page.goto("/admin/webhooks");
    await page.getByRole("link", { name: receiver.url }).click();
    const log = page.getByRole("table", { name: "Deliveries" });
    const delivered = log.getByRole("row").filter({ hasText: "Status changed" });
    await expect(delivered).toHaveCount(1);
    await expect(delivered).toContainText("Delivered");
    await expect(delivered).toContainText("200");
    await expect(delivered).toContainText("received, thanks");
    expect(receiver.received.map((r) => r.event)).toEqual(["status_changed"]);
    expect(JSON.parse(receiver.received[0]?.body ?? "{}").ticket.number).toBe(Number(number));
    await expectAccessible(page);

    await delivered.getByRole("button", { name: /^Redeliver/ }).click();
    const redelivered = log.getByRole("row").filter({ hasText: "Status changed (redelivered)" });
    await expect(redelivered).toContainText("Delivered");
    await expect(log.getByRole("row").filter({ hasText: "Status changed" })).toHaveCount(2);
    expect(receiver.received.map((r) => r.event)).toEqual(["status_changed", "status_changed"]);
    expect(receiver.received[1]?.body).toBe(receiver.received[0]?.body);

    await page.getByRole("button", { name: "Send test event" }).click();
    await expect(log.getByRole("row").filter({ hasText: "Test event" })).toContainText("Delivered");
    expect(receiver.received.map((r) => r.event)).toEqual(["status_changed", "status_changed", "ping"]);
    await expectAccessible(page);
  } finally {
    await receiver.stop();
  }
});

test("saved without an address by keyboard, the webhook form puts the focus on the URL, which says what is missing", async ({
  page,
}) => {
  await signInAsAdmin(page);
  await page.goto("/admin/webhooks");
  await page.getByRole("button", { name: "New webhook" }).focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "New webhook" });
  const save = dialog.getByRole("button", { name: "Save" });
  await save.focus();
  await page.keyboard.press("Enter");
  // The server finds the problem; the Save button is disabled while it looks, which used to drop the focus.
  const address = dialog.getByRole("textbox", { name: "URL" });
  await expect(address).toHaveAttribute("aria-invalid", "true");
  await expect(address).toBeFocused();
  const describedBy = (await address.getAttribute("aria-describedby")) ?? "";
  const sentences = await Promise.all(
    describedBy
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => page.locator(`[id="${id}"]`).textContent()),
  );
  expect(sentences).toContain("Enter the address to send events to.");
  await expect(dialog).toBeVisible();
});
