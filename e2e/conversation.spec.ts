import { expect, type Locator, type Page, test } from "@playwright/test";
import {
  callApi,
  e2eAdmin,
  expectAccessible,
  followMailLink,
  openMail,
  signInAsAdmin,
  submitRequest,
} from "./fixtures.ts";

async function writeComment(page: Page, text: string) {
  await page.getByRole("textbox", { name: "Comment" }).click();
  await page.keyboard.type(text);
}

test("an agent replies and notes, the guest reads the reply but never the note, and Read By shows the agent", async ({
  page,
}) => {
  const id = `${Date.now()}`;
  const email = `conv.${id}@example.com`;
  const number = await submitRequest(page, { name: "Cora", email, subject: `Router keeps rebooting ${id}` });

  await signInAsAdmin(page);
  await page.goto(`/agent/tickets/${number}`);
  await page.getByText("Internal note", { exact: true }).click();
  await writeComment(page, `Secret escalation ${id}`);
  await page.locator('input[type="file"]').setInputFiles({
    name: "vendor-case.txt",
    mimeType: "text/plain",
    buffer: Buffer.from("vendor case 123"),
  });
  await page.getByRole("button", { name: "Send internal note" }).click();
  const feed = page.getByRole("list", { name: "Feed entries" });
  await expect(feed).toContainText(`Secret escalation ${id}`);
  await expect(feed.getByRole("link", { name: "vendor-case.txt" })).toBeVisible();
  await page.getByText("Public reply", { exact: true }).click();
  await writeComment(page, "Please restart the router");
  await page.getByRole("button", { name: "Send public reply" }).click();
  await expect(feed).toContainText("Please restart the router");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Sign out" }).click();

  await openMail(page, email, `[#${number}] New reply`);
  await followMailLink(page, "/access/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Router keeps rebooting ${id}`);
  const customerFeed = page.getByRole("list", { name: "Feed entries" });
  await expect(customerFeed).toContainText("Please restart the router");
  await expect(page.getByText(`Secret escalation ${id}`)).toHaveCount(0);
  await expect(page.getByRole("link", { name: "vendor-case.txt" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Read by" })).toContainText("Administrator (support)");

  await writeComment(page, "Restarted, still broken");
  await page.locator('input[type="file"]').setInputFiles({
    name: "router-log.txt",
    mimeType: "text/plain",
    buffer: Buffer.from("wan down at 10:02"),
  });
  await page.getByRole("button", { name: "Send comment" }).click();
  await expect(customerFeed).toContainText("Restarted, still broken");
  const download = page.waitForEvent("download");
  await customerFeed.getByRole("link", { name: "router-log.txt" }).click();
  expect((await download).suggestedFilename()).toBe("router-log.txt");
  await expectAccessible(page);

  await page.getByRole("checkbox", { name: "Comments" }).uncheck();
  await expect(customerFeed).not.toContainText("Restarted, still broken");
});

test("a customer's reply reaches the assignee by mail and as New reply in the queue; the notify list is right", async ({
  page,
}) => {
  const id = `${Date.now()}`;
  const email = `reply.${id}@example.com`;
  const cc = `colleague.${id}@example.com`;
  const number = await submitRequest(page, { name: "Rory", email, subject: `Scanner offline ${id}` });
  await signInAsAdmin(page);
  const { user } = (await (await page.request.get("/api/v1/session")).json()) as { user: { id: string } };
  await callApi(page, "PATCH", `/api/v1/tickets/${number}`, { assigneeId: user.id });
  await page.getByRole("button", { name: "Sign out" }).click();

  // The guest is the only person on the ticket: nobody to offer, not even their own address.
  await openMail(page, email, `[#${number}] We received your request`);
  await followMailLink(page, "/access/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Scanner offline ${id}`);
  await expect(page.getByRole("group", { name: "Notify by email" })).toHaveCount(0);
  await page.getByRole("textbox", { name: "Copy someone" }).fill(cc);
  await page.getByRole("button", { name: "Add", exact: true }).click();
  // The colleague just copied is offered at once, ticked; the writer's own address never is.
  await expect(page.getByRole("checkbox", { name: cc })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: email })).toHaveCount(0);
  await writeComment(page, `It shows error 42 since this morning ${id}`);
  await page.getByRole("button", { name: "Send comment" }).click();
  await expect(page.getByRole("list", { name: "Feed entries" })).toContainText("error 42");

  await page.context().clearCookies();
  await signInAsAdmin(page);
  await page.goto("/agent/tickets?queue=all");
  const row = page
    .getByRole("table", { name: "Tickets" })
    .getByRole("row")
    .filter({ hasText: `#${number}` });
  await expect(row).toContainText("New reply");
  await expectAccessible(page);

  await openMail(page, e2eAdmin.email, `[#${number}] Customer reply`);
  await followMailLink(page, "/agent/tickets/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Scanner offline ${id}`);
  await expect(page.getByRole("list", { name: "Feed entries" })).toContainText("error 42");
  await page.goto("/agent/tickets?queue=all");
  await expect(row).toBeVisible();
  await expect(row).not.toContainText("New reply");
});

test("words typed while a comment is on its way are kept when the server answers", async ({ page }) => {
  const id = `${Date.now()}`;
  const number = await submitRequest(page, {
    name: "Dana",
    email: `slow.${id}@example.com`,
    subject: `Printer jams ${id}`,
  });
  await signInAsAdmin(page);
  await page.goto(`/agent/tickets/${number}`);
  // The note's request is held until more has been typed, as a busy server would hold its answer.
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(`**/api/v1/tickets/${number}/comments`, async (route) => {
    if (route.request().method() === "POST") await held;
    await route.continue();
  });
  await page.getByText("Internal note", { exact: true }).click();
  await writeComment(page, `Toner checked ${id}`);
  await page.getByRole("button", { name: "Send internal note" }).click();
  await writeComment(page, "Next: call the vendor");
  release();
  await expect(page.getByRole("list", { name: "Feed entries" })).toContainText(`Toner checked ${id}`);
  const editor = page.getByRole("textbox", { name: "Comment" });
  await expect(editor).toHaveText("Next: call the vendor");
  await page.unroute(`**/api/v1/tickets/${number}/comments`);
  await page.getByRole("button", { name: "Send internal note" }).click();
  await expect(page.getByRole("list", { name: "Feed entries" })).toContainText("Next: call the vendor");
  await expect(editor).toHaveText("");
});

test("a formatting button leaves the caret in the comment, so what is typed right after it goes in bold", async ({
  page,
}) => {
  const id = `${Date.now()}`;
  const number = await submitRequest(page, {
    name: "Eli",
    email: `bold.${id}@example.com`,
    subject: `VPN drops ${id}`,
  });
  await signInAsAdmin(page);
  await page.goto(`/agent/tickets/${number}`);
  const editor = page.getByRole("textbox", { name: "Comment" });
  await editor.click();
  await page.keyboard.type("Steps: ");
  const bold = await page.getByRole("button", { name: "Bold" }).boundingBox();
  expect(bold).not.toBeNull();
  await page.mouse.move((bold?.x ?? 0) + (bold?.width ?? 0) / 2, (bold?.y ?? 0) + (bold?.height ?? 0) / 2);
  await page.mouse.down();
  // Pressed, not yet released: a button that took the focus now would swallow the first keys typed after it.
  expect(await page.evaluate(() => document.activeElement?.getAttribute("contenteditable"))).toBe("true");
  await page.mouse.up();
  await page.keyboard.type("restart first");
  await expect(editor.locator("strong")).toHaveText("restart first");
  await expect(editor).toHaveText("Steps: restart first");
});

test("a file over the limit is refused as it is chosen to be sent, before any upload, and the comment stays", async ({
  page,
}) => {
  const id = `${Date.now()}`;
  const number = await submitRequest(page, {
    name: "Lena",
    email: `large.${id}@example.com`,
    subject: `Big log ${id}`,
  });
  await signInAsAdmin(page);
  await page.goto(`/agent/tickets/${number}`);
  const sent: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().includes("/comments")) sent.push(request.url());
  });
  await page.getByText("Public reply", { exact: true }).click();
  await writeComment(page, `Here is the whole log ${id}`);
  await page.locator('input[type="file"]').setInputFiles({
    name: "huge.log",
    mimeType: "text/plain",
    buffer: Buffer.alloc(11 * 1024 * 1024, "x"),
  });
  await page.getByRole("button", { name: "Send public reply" }).click();
  await expect(page.getByText("Each attachment may be at most 10 MB.")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Comment" })).toContainText(`Here is the whole log ${id}`);
  expect(sent).toEqual([]);
  // Taking the file back out lets the comment go.
  await page.getByRole("button", { name: "Remove huge.log" }).click();
  await page.getByRole("button", { name: "Send public reply" }).click();
  await expect(page.getByRole("list", { name: "Feed entries" })).toContainText(`Here is the whole log ${id}`);
  expect(sent).toHaveLength(1);
});

/** Follows `link` to the agent sign-in in a new tab, signs in as the admin there, and closes that tab. */
async function signInAgainInNewTab(page: Page, link: Locator): Promise<void> {
  const opened = page.waitForEvent("popup");
  await link.click();
  const tab = await opened;
  await tab.getByLabel("Email", { exact: true }).fill(e2eAdmin.email);
  await tab.getByLabel("Password", { exact: true }).fill(e2eAdmin.password);
  await tab.getByRole("button", { name: "Sign in" }).click();
  await expect(tab.getByRole("heading", { name: "Tickets", level: 1 })).toBeVisible();
  await tab.close();
}

test("signed out while writing, an agent signs in again in a new tab and sends the comment they kept", async ({
  page,
}) => {
  const id = `${Date.now()}`;
  const number = await submitRequest(page, {
    name: "Ines",
    email: `expired.${id}@example.com`,
    subject: `Session ${id}`,
  });
  await signInAsAdmin(page);
  await page.goto(`/agent/tickets/${number}`);
  await page.getByText("Public reply", { exact: true }).click();
  await writeComment(page, `Written before the session ended ${id}`);
  // The session ends on the server (as when it expires), while the page stays open.
  await page.context().clearCookies();
  await page.getByRole("button", { name: "Send public reply" }).click();
  await expect(page.getByText("You were signed out. Your comment is kept")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Comment" })).toContainText(`Written before the session ended ${id}`);
  await signInAgainInNewTab(page, page.getByRole("link", { name: "Sign in (opens a new tab)" }));
  await page.getByRole("button", { name: "Send public reply" }).click();
  await expect(page.getByRole("list", { name: "Feed entries" })).toContainText(
    `Written before the session ended ${id}`,
  );
  await expect(page.getByText("You were signed out. Your comment is kept")).toHaveCount(0);
});

test("a session that ends under an open ticket keeps the page and the comment being written, and says so", async ({
  page,
}) => {
  const id = `${Date.now()}`;
  const number = await submitRequest(page, { name: "Ines", email: `ended.${id}@example.com`, subject: `Ended ${id}` });
  await signInAsAdmin(page);
  await page.goto(`/agent/tickets/${number}`);
  await page.getByText("Public reply", { exact: true }).click();
  await writeComment(page, `Still here ${id}`);
  // The session ends on the server, and then the page asks the server something in the background (a search).
  await page.context().clearCookies();
  await page.keyboard.press("Escape");
  await page.keyboard.press("/");
  await page.getByRole("searchbox", { name: "Search all tickets" }).fill(`ended ${id}`);
  const banner = page.getByRole("alert").filter({ hasText: "You were signed out" });
  await expect(banner).toBeVisible();
  // Still the ticket, with the words typed: not the sign-in page.
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Ended ${id}`);
  await expect(page.getByRole("textbox", { name: "Comment" })).toContainText(`Still here ${id}`);

  await signInAgainInNewTab(page, banner.getByRole("link", { name: "Sign in again (opens a new tab)" }));
  // Back on the page, it asks who is signed in, and the banner goes.
  await page.bringToFront();
  await page.evaluate(() => window.dispatchEvent(new Event("focus")));
  await expect(banner).toHaveCount(0);
  await page.getByRole("button", { name: "Send public reply" }).click();
  await expect(page.getByRole("list", { name: "Feed entries" })).toContainText(`Still here ${id}`);
});

test("an unsent comment comes back after a reload with its kind, goes once it is sent or discarded, and signing out removes every draft", async ({
  page,
}) => {
  const id = `${Date.now()}`;
  const number = await submitRequest(page, {
    name: "Dara",
    email: `draft.${id}@example.com`,
    subject: `Printer firmware ${id}`,
  });
  await signInAsAdmin(page);
  await page.goto(`/agent/tickets/${number}`);
  const editor = page.getByRole("textbox", { name: "Comment" });
  const feed = page.getByRole("list", { name: "Feed entries" });
  // What the browser keeps: waited for before each reload, as a person would have paused after typing.
  const drafts = () =>
    page.evaluate(() =>
      Object.entries(localStorage)
        .filter(([key]) => key.startsWith("switchboard.draft."))
        .map(([, value]) => value)
        .join(),
    );

  await page.getByText("Internal note", { exact: true }).click();
  await writeComment(page, `Vendor says firmware 2.1 fixes it ${id}`);
  await expect.poll(drafts).toContain(`firmware 2.1 fixes it ${id}`);
  await page.reload();
  await expect(editor).toHaveText(`Vendor says firmware 2.1 fixes it ${id}`);
  await expect(page.getByText("Your unsent comment was kept as a draft.")).toBeVisible();
  // It comes back as the internal note it was, never as a public reply.
  await page.getByRole("button", { name: "Send internal note" }).click();
  await expect(feed).toContainText(`Vendor says firmware 2.1 fixes it ${id}`);
  await expect(editor).toHaveText("");
  await page.reload();
  await expect(feed).toContainText(`Vendor says firmware 2.1 fixes it ${id}`);
  await expect(editor).toHaveText("");
  await expect(page.getByText("Your unsent comment was kept as a draft.")).toBeHidden();

  await writeComment(page, `Half a thought ${id}`);
  await expect.poll(drafts).toContain(`Half a thought ${id}`);
  await page.reload();
  await expect(editor).toHaveText(`Half a thought ${id}`);
  await page.getByRole("button", { name: "Discard draft" }).click();
  await expect(editor).toHaveText("");
  await page.reload();
  await expect(feed).toContainText(`Vendor says firmware 2.1 fixes it ${id}`);
  await expect(editor).toHaveText("");

  // At a shared computer, signing out leaves nothing of what was being written.
  await writeComment(page, `Left on a shared computer ${id}`);
  await expect.poll(drafts).toContain(`Left on a shared computer ${id}`);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect.poll(drafts).toBe("");
  await page.goto(`/agent/tickets/${number}`);
  await page.getByLabel("Email", { exact: true }).fill(e2eAdmin.email);
  await page.getByLabel("Password", { exact: true }).fill(e2eAdmin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(feed).toContainText(`Vendor says firmware 2.1 fixes it ${id}`);
  await expect(editor).toHaveText("");
});

test("a guest comments by keyboard alone: after sending, the focus is in the empty comment box and the page says it was sent", async ({
  page,
}) => {
  const id = `${Date.now()}`;
  const email = `keys.${id}@example.com`;
  const number = await submitRequest(page, { name: "Kim Keys", email, subject: `Keyboard only ${id}` });
  await openMail(page, email, `[#${number}]`);
  await followMailLink(page, "/access/");
  const box = page.getByRole("textbox", { name: "Comment" });
  await box.focus();
  await page.keyboard.type(`Typed without a mouse ${id}`);
  // Tab on from the box to the Send button (past the attachment picker), and press it.
  const send = page.getByRole("button", { name: "Send comment" });
  for (let i = 0; i < 5 && !(await send.evaluate((b) => b === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(send).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("list", { name: "Feed entries" })).toContainText(`Typed without a mouse ${id}`);
  await expect(page.getByRole("status").filter({ hasText: "Comment sent." })).toBeVisible();
  // The next comment starts where the writer is: typing goes straight into the box.
  await expect(box).toBeFocused();
  await page.keyboard.type(`And a second thought ${id}`);
  await expect(box).toHaveText(`And a second thought ${id}`);
  await expect(page.getByRole("status").filter({ hasText: "Comment sent." })).toHaveCount(0);
});
