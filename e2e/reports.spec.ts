import { expect, test } from "@playwright/test";
import { acceptInvitation, callApi, chooseOption, expectAccessible, signInAsAdmin, submitRequest } from "./fixtures.ts";

test.setTimeout(300_000);

test("a manager reads the reports, filters by group, opens the tickets behind a figure and downloads a table", async ({
  page,
}) => {
  const stamp = Date.now();
  await signInAsAdmin(page);
  // Some history of their own: two requests, one of them handed to a new group.
  const group = `Reports desk ${stamp}`;
  const created = await callApi(page, "POST", "/api/v1/admin/groups", { name: group });
  const groupId = String(created?.id);
  const routed = await submitRequest(page, { subject: `Reports: routed ${stamp}` });
  await submitRequest(page, { subject: `Reports: unrouted ${stamp}` });
  await callApi(page, "PATCH", `/api/v1/tickets/${routed}`, { groupId });

  await page.goto("/");
  await page.getByRole("link", { name: "Reports" }).click();
  await expect(page.getByRole("heading", { name: "Reports", level: 1 })).toBeVisible();
  const createdCard = page.getByText("Tickets created").locator("..");
  await expect(createdCard).toBeVisible();
  await expect(page.getByRole("heading", { name: "Created and solved" })).toBeVisible();
  // The chart is drawn, and the same figures are in a table behind it.
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  await page.getByText("Table: Created and solved").click();
  await expect(page.getByRole("table", { name: "Created and solved" })).toBeVisible();
  await expectAccessible(page);

  // Only the new group: one ticket came in.
  await chooseOption(page, "Group", group);
  await expect(page).toHaveURL(new RegExp(`groupId=${groupId}`));
  const figure = page.getByRole("link", { name: "1", exact: true }).first();
  await expect(figure).toBeVisible();

  // Every report page draws, and passes axe.
  for (const tab of ["Volume", "Efficiency", "Service levels", "Agents and groups", "Satisfaction"]) {
    await page.getByRole("tab", { name: tab }).click();
    await expect(page.getByRole("tab", { name: tab })).toHaveAttribute("aria-selected", "true");
    await expect(page.getByText("Loading the report")).toHaveCount(0);
    await expectAccessible(page);
  }

  // The CSV of a table downloads with its rows.
  await page.getByRole("tab", { name: "Volume" }).click();
  // Satisfaction has a "By group" table too: wait until the Volume report has replaced it.
  await expect(page.getByRole("tab", { name: "Volume" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByText("Loading the report")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Download CSV of By channel" })).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CSV of By group" }).click();
  const file = await download;
  const csv = await (await file.createReadStream()).toArray();
  expect(Buffer.concat(csv).toString("utf8")).toContain(group);

  // Clicking the figure opens the matching ticket list: the routed ticket, not the other one.
  await page.getByRole("tab", { name: "Overview" }).click();
  await page.getByRole("link", { name: "1", exact: true }).first().click();
  await expect(page).toHaveURL(/\/agent\/tickets\?/);
  await expect(page.getByRole("row").filter({ hasText: `Reports: routed ${stamp}` })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: `Reports: unrouted ${stamp}` })).toHaveCount(0);
});

test("a manager narrows the reports to a service and an organization, and the figure's tickets follow", async ({
  page,
}) => {
  const stamp = Date.now();
  await signInAsAdmin(page);
  const me = (await (await page.request.get("/api/v1/session")).json()) as { user: { id: string; name: string } };
  const types = (await (await page.request.get("/api/v1/admin/ticket-types")).json()) as {
    ticketTypes: { id: string; fields: unknown[] }[];
  };
  // A type without fields of its own, so the request needs nothing more than the general form.
  const generalType = types.ticketTypes.find((t) => t.fields.length === 0);
  const service = `Desk moves ${stamp}`;
  const serviceId = String(
    (
      await callApi(page, "POST", "/api/v1/admin/services", {
        name: service,
        slug: `desk-moves-${stamp}`,
        categoryId: null,
        summary: "Moving a desk",
        ticketTypeId: generalType?.id,
        defaultPriority: "medium",
        visibility: "public",
      })
    )?.id,
  );
  const organization = `Globex ${stamp}`;
  const organizationId = String(
    (await callApi(page, "POST", "/api/v1/admin/organizations", { name: organization }))?.id,
  );
  const request = (subject: string) =>
    callApi(page, "POST", "/api/v1/tickets", {
      subject,
      priority: "medium",
      serviceId,
      message: `About: ${subject}`,
      messageFormat: "text",
      name: me.user.name,
      email: "ignored@example.com",
      fields: {},
    });
  // One request through the service while the admin belongs to Globex, one after they left it.
  await callApi(page, "PATCH", `/api/v1/admin/users/${me.user.id}`, { organizationIds: [organizationId] });
  await request(`Move: for Globex ${stamp}`);
  await callApi(page, "PATCH", `/api/v1/admin/users/${me.user.id}`, { organizationIds: [] });
  await request(`Move: no organization ${stamp}`);

  await page.goto("/agent/reports/overview");
  const createdFigure = page.getByText("Tickets created").locator("..").getByRole("link");
  await chooseOption(page, "Service", service);
  await expect(page).toHaveURL(new RegExp(`serviceId=${serviceId}`));
  await expect(createdFigure).toHaveText("2");
  await chooseOption(page, "Organization", organization);
  await expect(page).toHaveURL(new RegExp(`organizationId=${organizationId}`));
  await expect(createdFigure).toHaveText("1");
  await expectAccessible(page);

  // The figure opens the queue with both filters: the Globex request only.
  await createdFigure.click();
  await expect(page).toHaveURL(
    /\/agent\/tickets\?.*serviceId=.*organizationId=|\/agent\/tickets\?.*organizationId=.*serviceId=/,
  );
  await expect(page.getByRole("row").filter({ hasText: `Move: for Globex ${stamp}` })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: `Move: no organization ${stamp}` })).toHaveCount(0);
});

test.describe("an agent whose profile says French", () => {
  // The browser asks for English: the profile's language is the one that counts.
  test.use({ locale: "en-US" });

  test("reads the reports in French: the dashboard, a chart's table, the heat map and the CSV", async ({ page }) => {
    const id = `${Date.now()}`;
    await signInAsAdmin(page);
    const roles = (await (await page.request.get("/api/v1/admin/roles")).json()) as {
      roles: { id: string; name: string }[];
    };
    const email = `amelie.${id}@example.com`;
    await callApi(page, "POST", "/api/v1/admin/users", {
      name: `Amélie ${id}`,
      email,
      licence: "agent",
      roleIds: [roles.roles.find((r) => r.name === "Agent")?.id],
    });
    await page.getByRole("button", { name: "Sign out" }).click();
    await acceptInvitation(page, email, "correct horse battery staple");
    await callApi(page, "PUT", "/api/v1/account/preferences", { locale: "fr", timeZone: null });

    await page.goto("/agent/reports/overview");
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByRole("heading", { name: "Rapports", level: 1 })).toBeVisible();
    await expect(page.getByRole("tab", { name: "Vue d’ensemble" })).toHaveAttribute("aria-selected", "true");
    await expect(page.getByLabel("Période", { exact: true }).first()).toHaveValue("30 derniers jours");
    await expect(page.getByText("Tickets créés", { exact: true })).toBeVisible();
    await expect(page.getByText("Objectifs de SLA atteints", { exact: true })).toBeVisible();
    await expect(page.getByText(/, heures en .+, durées en heures ouvrées\.$/)).toBeVisible();

    // The chart's table: its title, its column headings and its days, all French.
    await expect(page.getByRole("heading", { name: "Créés et résolus" })).toBeVisible();
    await page.getByText("Tableau : Créés et résolus").click();
    const table = page.getByRole("table", { name: "Créés et résolus" });
    await expect(table.getByRole("columnheader", { name: "Jour" })).toBeVisible();
    await expect(table.getByRole("columnheader", { name: "Créés" })).toBeVisible();
    await expect(table.getByRole("columnheader", { name: "Résolus" })).toBeVisible();
    // The reports count days in the browser's zone.
    const today = await page.evaluate(() => new Intl.DateTimeFormat("fr", { dateStyle: "medium" }).format(new Date()));
    await expect(table.getByRole("rowheader", { name: today })).toBeVisible();
    await expectAccessible(page);

    // The CSV has the French column names.
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Télécharger le CSV de Créés et résolus" }).click();
    const csv = Buffer.concat(await (await (await download).createReadStream()).toArray()).toString("utf8");
    expect(csv.split("\r\n")[0]).toBe("Jour,Créés,Résolus");

    // The heat map names weekdays and hours as a French reader writes them.
    await page.getByRole("tab", { name: "Volume" }).click();
    await expect(page.getByRole("tab", { name: "Volume" })).toHaveAttribute("aria-selected", "true");
    const heat = page.getByRole("table", { name: /^Tickets créés par jour de la semaine et par heure/ });
    await expect(heat.getByRole("rowheader", { name: "lundi" })).toBeVisible();
    await expect(heat.getByRole("columnheader", { name: "15:00" })).toBeAttached();
    await expect(page.getByRole("button", { name: "Télécharger le CSV de Par canal" })).toBeVisible();
    await expectAccessible(page);
  });
});

test("while another report tab loads, the last tab's figures are not shown under its name", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/agent/reports/overview");
  await expect(page.getByRole("heading", { name: "Unsolved tickets at the end of each period" })).toBeVisible();
  // The service levels report is held on its way, as on a slow connection.
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route("**/api/v1/reports/sla?*", async (route) => {
    await held;
    await route.continue();
  });
  await page.getByRole("tab", { name: "Service levels" }).click();
  await expect(page).toHaveTitle("Service levels · Reports · Switchboard");
  await expect(page.getByRole("status").filter({ hasText: "Loading the report" })).toBeAttached();
  await expect(page.getByRole("heading", { name: "Unsolved tickets at the end of each period" })).toHaveCount(0);
  await expect(page.getByText("Tickets created")).toHaveCount(0);
  release();
  await expect(page.getByRole("heading", { name: "Targets met and missed" })).toBeVisible();
  await page.unroute("**/api/v1/reports/sla?*");
});

test("the service levels chart names each bar by its policy and target", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/agent/reports/sla");
  const chart = page.getByRole("region", { name: "Targets met and missed" });
  await expect(chart.locator(".recharts-surface")).toBeVisible();
  // One bar per policy and target: the shipped policies each have a first reply target.
  const labels = async () =>
    (await chart.locator("text.recharts-cartesian-axis-tick-value").allTextContents())
      // Each part is a Unicode isolate (its own direction); a reader sees the words.
      .map((label) => label.replace(/[\u2068\u2069]/g, ""))
      .filter((label) => !/^\d+$/.test(label));
  await expect.poll(labels).toEqual(expect.arrayContaining(["Urgent · First reply", "Low · First reply"]));
  const shown = await labels();
  expect(new Set(shown).size).toBe(shown.length);
});

test("each report tab names itself in the browser tab, and every chart's legend names its series in the table's order", async ({
  page,
}) => {
  const stamp = Date.now();
  await signInAsAdmin(page);
  // An agent who solved and replied: the agents' chart has a bar of each.
  const me = (await (await page.request.get("/api/v1/session")).json()) as { user: { id: string } };
  const number = await submitRequest(page, { subject: `Reports legend ${stamp}` });
  await callApi(page, "PATCH", `/api/v1/tickets/${number}`, { assigneeId: me.user.id });
  await callApi(page, "POST", `/api/v1/tickets/${number}/comments`, { body: "<p>Done.</p>", kind: "public" });
  const { statuses } = (await (await page.request.get("/api/v1/statuses")).json()) as {
    statuses: { id: string; category: string }[];
  };
  await callApi(page, "POST", `/api/v1/tickets/${number}/status`, {
    statusId: statuses.find((s) => s.category === "solved")?.id,
  });

  await page.goto("/agent/reports/overview");
  // Each tab, with a table only its report has.
  const tabs = {
    Overview: "Unsolved tickets at the end of each period",
    Volume: "By channel",
    Efficiency: "First reply and full resolution times",
    "Service levels": "Targets met and missed",
    "Agents and groups": "Agents",
    Satisfaction: "CSAT over time",
  };
  let charts = 0;
  for (const [tab, table] of Object.entries(tabs)) {
    await page.getByRole("tab", { name: tab }).click();
    await expect(page).toHaveTitle(`${tab} · Reports · Switchboard`);
    await expect(page.getByRole("heading", { name: table, exact: true })).toBeVisible();
    for (const card of await page
      .locator("section")
      .filter({ has: page.locator(".recharts-surface") })
      .all()) {
      const title = await card.getByRole("heading").textContent();
      // Every chart says what its bars, lines or areas are, one series too.
      await expect(card.locator(".mantine-ChartLegend-legendItemName").first(), `${tab}: ${title}`).toBeVisible();
      const legend = await card.locator(".mantine-ChartLegend-legendItemName").allTextContents();
      // In the order the table's columns give them.
      const columns = await card.locator("th[scope=col]").allTextContents();
      const inTableOrder = [...legend].sort((a, b) => columns.indexOf(a) - columns.indexOf(b));
      expect(legend, `${tab}: ${title}`).toEqual(inTableOrder);
      charts++;
    }
  }
  expect(charts).toBeGreaterThan(5);
  // The agents' chart: solved before replies, as in its table (not by name).
  await page.getByRole("tab", { name: "Agents and groups" }).click();
  await expect(page.getByRole("region", { name: "Agents" }).locator(".mantine-ChartLegend-legendItemName")).toHaveText([
    "Solved",
    "Replies",
  ]);
});
