import { expect, test } from "@playwright/test";
import { acceptInvitation, callApi, chooseOption, expectAccessible, mailLinkPath, signInAsAdmin } from "./fixtures.ts";

test("an admin gives a service a German name, and a visitor reading German sees it in the catalog", async ({
  page,
  browser,
}) => {
  // Three accessibility scans and two browsers: more than the default on a shared machine.
  test.setTimeout(180_000);
  const id = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  await signInAsAdmin(page);
  await page.goto("/admin/catalog");
  await page.getByRole("button", { name: "New service" }).click();
  const form = page.getByRole("dialog", { name: "New service" });
  await form.getByLabel("Name", { exact: true }).fill(`Printer toner ${id}`);
  await form.getByLabel("Address", { exact: true }).fill(`printer-toner-${id}`);
  await form.getByLabel("Short description", { exact: true }).fill("New toner for the office printer.");
  await chooseOption(page, "Ticket type", "General request");
  await chooseOption(page, "Who may request it", "Everyone, also without an account");
  await form.getByRole("button", { name: "Save service" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();

  await page.getByRole("button", { name: `Translations of Printer toner ${id}` }).click();
  const dialog = page.getByRole("dialog", { name: `Translations of Printer toner ${id}` });
  await expect(dialog.getByRole("tab", { name: "Deutsch" })).toHaveAttribute("aria-selected", "true");
  // The default text shows where nothing is translated yet.
  await expect(dialog.getByLabel("Name (Deutsch)")).toHaveAttribute("placeholder", `Printer toner ${id}`);
  await dialog.getByLabel("Name (Deutsch)").fill(`Druckertoner ${id}`);
  await dialog.getByLabel("Short description (Deutsch)").fill("Neuer Toner für den Bürodrucker.");
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Save translations" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();

  const german = await browser.newContext({ locale: "de-DE" });
  const visitor = await german.newPage();
  await visitor.goto("/services");
  const service = visitor.getByRole("link", { name: `Druckertoner ${id}` });
  await expect(service).toBeVisible();
  await expect(visitor.getByText("Neuer Toner für den Bürodrucker.")).toBeVisible();
  await expect(visitor.getByRole("link", { name: `Printer toner ${id}` })).toHaveCount(0);
  await expectAccessible(visitor);
  await service.click();
  await expect(visitor.getByRole("heading", { name: `Druckertoner ${id}`, level: 1 })).toBeVisible();
  await expectAccessible(visitor);
  await german.close();

  // Someone reading French, with no French text, gets the default.
  const french = await browser.newContext({ locale: "fr-FR" });
  const other = await french.newPage();
  await other.goto("/services");
  await expect(other.getByRole("link", { name: `Printer toner ${id}` })).toBeVisible();
  await french.close();
});

test("an admin gives a choice field's options German labels; a German guest chooses one and reads it on the request", async ({
  page,
  browser,
}) => {
  // Four accessibility scans, three browsers, two mails and the agents' pages on a shared machine: a generous bound.
  test.setTimeout(480_000);
  const id = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  await signInAsAdmin(page);
  // The form to translate: a ticket type with a choice field, and a service anyone may request with it.
  const type = await callApi(page, "POST", "/api/v1/admin/ticket-types", { name: `Devices ${id}` });
  await callApi(page, "POST", `/api/v1/admin/ticket-types/${type?.id}/fields`, {
    key: "device",
    label: `Device ${id}`,
    type: "single_select",
    required: true,
    options: ["Laptop", "Desktop computer"],
    customerAccess: "edit",
  });
  // A checkbox, whose edits read "yes" and "no" in each reader's language.
  const rush = await callApi(page, "POST", `/api/v1/admin/ticket-types/${type?.id}/fields`, {
    key: "rush",
    label: `Rush ${id}`,
    type: "checkbox",
    required: false,
    customerAccess: "edit",
  });
  await callApi(page, "PUT", `/api/v1/admin/translations/ticket-field/${rush?.id}`, { de: { label: `Eilig ${id}` } });
  const slug = `order-device-${id}`;
  await callApi(page, "POST", "/api/v1/admin/services", {
    name: `Order a device ${id}`,
    slug,
    categoryId: null,
    summary: "A new computer for work.",
    ticketTypeId: type?.id,
    defaultPriority: "medium",
    visibility: "public",
  });

  await page.goto("/admin/ticket-types");
  await page.getByRole("button", { name: `Translations of Device ${id}` }).click();
  const dialog = page.getByRole("dialog", { name: `Translations of Device ${id}` });
  await dialog.getByLabel("Label (Deutsch)").fill(`Gerät ${id}`);
  // Each option shows its own value where it has no label in this language.
  const laptop = dialog.getByLabel("Option “Laptop” (Deutsch)");
  await expect(laptop).toHaveAttribute("placeholder", "Laptop");
  await laptop.fill("Notebook");
  await dialog.getByLabel("Option “Desktop computer” (Deutsch)").fill("Arbeitsplatzrechner");
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Save translations" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();

  const german = await browser.newContext({ locale: "de-DE" });
  const guest = await german.newPage();
  await guest.goto(`/services/${slug}/request`);
  const email = `lena.${id}@example.com`;
  await guest.getByLabel("Ihr Name", { exact: true }).fill("Lena Vogel");
  await guest.getByLabel("E-Mail", { exact: true }).fill(email);
  await guest.getByLabel("Betreff", { exact: true }).fill(`Neues Gerät ${id}`);
  await guest.getByRole("combobox", { name: `Gerät ${id}` }).click();
  await expect(guest.getByRole("option", { name: "Arbeitsplatzrechner", exact: true })).toBeVisible();
  await expect(guest.getByRole("option", { name: "Laptop", exact: true })).toHaveCount(0);
  await guest.getByRole("option", { name: "Notebook", exact: true }).click();
  await guest.getByRole("textbox", { name: "Nachricht" }).click();
  await guest.keyboard.type("Mein altes Gerät startet nicht mehr.");
  await expectAccessible(guest);
  await guest.getByRole("button", { name: "Anfrage senden" }).click();
  await expect(guest.getByRole("heading", { name: "Anfrage eingegangen" })).toBeVisible();
  const number = (await guest.getByText(/Ihre Ticketnummer lautet #\d+/).textContent())?.match(/#(\d+)/)?.[1];
  expect(number).toBeDefined();

  // The request page names the field and the chosen option in German.
  await guest.goto(await mailLinkPath(guest, email, `[#${number}]`, "/access/"));
  const details = guest.getByRole("region", { name: "Angaben zur Anfrage" });
  await expect(details).toContainText(`Gerät ${id}`);
  await expect(details).toContainText("Notebook");
  await expect(details).not.toContainText("Laptop");
  await expectAccessible(guest);
  await german.close();

  // The ticket keeps the option itself: the agent reads "Laptop".
  await page.goto(`/agent/tickets/${number}`);
  const forAgent = page.getByRole("region", { name: "Request details" });
  await expect(forAgent).toContainText(`Device ${id}`);
  await expect(forAgent).toContainText("Laptop");

  // An agent who reads German changes the option in the edit form, where it reads in German too.
  const roles = (await (await page.request.get("/api/v1/admin/roles")).json()) as {
    roles: { id: string; name: string }[];
  };
  const agentEmail = `jonas.${id}@example.com`;
  await callApi(page, "POST", "/api/v1/admin/users", {
    name: `Jonas ${id}`,
    email: agentEmail,
    licence: "agent",
    roleIds: [roles.roles.find((r) => r.name === "Agent")?.id],
  });
  const agentBrowser = await browser.newContext({ locale: "en-US" });
  const agent = await agentBrowser.newPage();
  await acceptInvitation(agent, agentEmail, "correct horse battery staple");
  await callApi(agent, "PUT", "/api/v1/account/preferences", { locale: "de", timeZone: null });
  await agent.goto(`/agent/tickets/${number}`);
  // The ticket page names the field and the chosen option in German too, as the edit form does.
  const inGerman = agent.getByRole("region", { name: "Angaben zur Anfrage" });
  await expect(inGerman).toContainText(`Gerät ${id}`);
  await expect(inGerman).toContainText("Notebook");
  await expect(inGerman).not.toContainText("Laptop");
  await expect(inGerman).not.toContainText(`Device ${id}`);
  await agent.getByRole("button", { name: "Bearbeiten", exact: true }).click();
  const edit = agent.getByRole("dialog", { name: "Ticket bearbeiten" });
  const device = edit.getByRole("combobox", { name: `Gerät ${id}` });
  await expect(device).toHaveValue("Notebook");
  await device.click();
  await expect(agent.getByRole("option", { name: "Laptop", exact: true })).toHaveCount(0);
  await agent.getByRole("option", { name: "Arbeitsplatzrechner", exact: true }).click();
  await expect(device).toHaveValue("Arbeitsplatzrechner");
  await edit.getByRole("checkbox", { name: `Eilig ${id}` }).check();
  await expectAccessible(agent);
  await edit.getByRole("button", { name: "Änderungen speichern" }).click();
  await expect(edit).toBeHidden();
  // The Feed says what changed in German, too.
  const feed = agent.getByRole("list", { name: "Einträge im Verlauf" });
  await expect(feed).toContainText(`Gerät ${id}: Notebook → Arbeitsplatzrechner; Eilig ${id}: (leer) → Ja`);
  await agentBrowser.close();

  // The admin, reading English, reads the same edit with the default words.
  await page.reload();
  await expect(page.getByRole("list", { name: "Feed entries" })).toContainText(
    `Device ${id}: Laptop → Desktop computer; Rush ${id}: (none) → Yes`,
  );
});
