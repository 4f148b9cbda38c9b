import { type Browser, expect, type Page, test } from "@playwright/test";
import { snippetEnd, snippetStart } from "../common/kb.ts";
import { localeNames } from "../common/locales.ts";
import { productNames } from "../common/mailboxes.ts";
import { pseudoLocalize } from "../common/pseudo-locale.ts";
import account from "../locales/en/account.json" with { type: "json" };
import agent from "../locales/en/agent.json" with { type: "json" };
import helpcentre from "../locales/en/helpcentre.json" with { type: "json" };
import portal from "../locales/en/portal.json" with { type: "json" };
import { callApi, e2eAdmin, expectAccessible, signInAsAdmin, widerThanScreen } from "./fixtures.ts";
import { pendingConversion, type VisitedPattern } from "./pseudo-pages.ts";
import { unconvertedText } from "./unconverted-text.ts";

/**
 * The pseudo-locale run (issue 20): every page of the app, in en-XA, as the person who uses it, on a phone's width.
 * On each page: no text outside the catalogs, nothing wider than the screen with 40% longer words, and axe.
 * Which pages there are is kept complete by scripts/pseudo-routes.test.ts against e2e/pseudo-pages.ts.
 */
test.use({ viewport: { width: 390, height: 844 } });

const messages: Record<string, string> = { ...account, ...agent, ...helpcentre, ...portal };
/** A message as the pseudo-locale shows it. */
const pseudo = (key: string) => pseudoLocalize(messages[key] ?? key);

/** Sets the pseudo-locale for everything this browser context opens from now on. */
async function speakPseudo(page: Page, baseURL: string | undefined) {
  await page.context().addCookies([{ name: "sb_locale", value: "en-XA", url: baseURL ?? "" }]);
}

/**
 * What the API says in words people typed (names, subjects, addresses, article text, seeded catalog entries): the
 * page may show those as they are. A plain string counts when it has a capital, a space, an @ or a slash, so an enum
 * value the page should have put in words ("pending") is not excused; rich text and search snippets count in the
 * pieces between their tags and match marks.
 */
async function storedText(page: Page, urls: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  const collect = (value: unknown, words = false): void => {
    if (typeof value === "string") {
      // Addresses in a text (a mail's links) show as links of their own.
      found.push(...(value.match(/https?:\/\/[^\s<>"]+/g) ?? []));
      const pieces = value
        .split(/<[a-z/!][^>]*>/i)
        .flatMap((piece) => piece.split(snippetStart))
        .flatMap((piece) => piece.split(snippetEnd));
      const rich = pieces.length > 1;
      for (const piece of [value, ...(rich ? pieces : [])]) {
        const text = piece.replaceAll("&amp;", "&").replaceAll("&nbsp;", " ").replaceAll("&#39;", "'").trim();
        if (!/[A-Za-z]{2,}/.test(text) || !(words || rich || /[A-Z\s@/]/.test(text))) continue;
        found.push(text, ...text.split(/\s*\n\s*/));
      }
    } else if (Array.isArray(value)) {
      for (const item of value) collect(item, words);
    } else if (value && typeof value === "object") {
      // Tags are words people typed, lower-case and all.
      for (const [key, item] of Object.entries(value)) collect(item, words || key === "tags");
    }
  };
  for (const url of urls) {
    const response = await page.request.get(url);
    expect(response.ok(), `GET ${url}`).toBe(true);
    collect(await response.json());
  }
  return found;
}

/**
 * The checks of the run, on the page as it is now: its text is from the catalogs (or is `allowed`, or waits for
 * another branch's conversion), it fits 390 px, and axe finds nothing. Soft, so one run lists every page's faults.
 */
async function checkPage(page: Page, pattern: VisitedPattern, allowed: readonly string[]) {
  // Drawn from its data: no spinner left in sight. A tab not shown keeps its spinner: Mantine holds hidden panels
  // in React's <Activity mode="hidden">, where nothing is fetched until the tab is opened.
  await expect(page.locator(".mantine-Loader-root:visible")).toHaveCount(0);
  const where = `${pattern} (${new URL(page.url()).pathname})`;
  // A language is named in itself in every language ("Translate into Deutsch"), as the switcher names it.
  // So is a product's name (Microsoft 365, OAuth2).
  const names = [...Object.values(localeNames), ...Object.values(productNames)];
  const found = await unconvertedText(page, [...allowed, ...names, ...(pendingConversion[pattern] ?? [])]);
  expect.soft(found, `unconverted text on ${where}`).toEqual([]);
  const wide = await widerThanScreen(page);
  expect.soft(wide, `${where} is wider than a 390 px screen`).toEqual([]);
  try {
    await expectAccessible(page);
  } catch (error) {
    expect.soft(String(error), `axe on ${where}`).toBe("");
  }
}

/** Closes the open dialog with Escape (the first press may only close a list open in it). */
async function closeDialog(page: Page) {
  await expect(async () => {
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toHaveCount(0, { timeout: 2_000 });
  }).toPass();
}

/** Opens `path` and waits for the page's heading in the pseudo-locale. */
async function visit(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
}

/** The newest dev-mailbox message to `to` with a link containing `path`: that link's path, and the message's id. */
async function mailLink(page: Page, to: string, path: string): Promise<{ path: string; id: string }> {
  let found: { path: string; id: string } | undefined;
  await expect
    .poll(async () => {
      const { messages } = (await (await page.request.get("/api/v1/dev-mailbox", { params: { to } })).json()) as {
        messages: { id: string; to: string }[];
      };
      for (const message of messages.filter((m) => m.to === to)) {
        const mail = (await (await page.request.get(`/api/v1/dev-mailbox/${message.id}`)).json()) as { text: string };
        const link = mail.text.match(/https?:\/\/\S+/g)?.find((url) => url.includes(path));
        if (link) {
          found = { path: new URL(link).pathname, id: message.id };
          return true;
        }
      }
      return false;
    }, `a mail to ${to} with a ${path} link`)
    .toBe(true);
  if (!found) throw new Error("unreachable");
  return found;
}

/** An admin's browser context, in English, for setting up what a journey needs through the API. */
async function adminPage(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const page = await (await browser.newContext({ baseURL })).newPage();
  await signInAsAdmin(page);
  return page;
}

/** Makes a user with an account (customer or agent) and signs them in, in `page`, through the API. */
async function signedInUser(
  admin: Page,
  page: Page,
  user: { name: string; email: string; licence: "customer" | "agent"; roleNames: string[] },
) {
  const { roles } = (await (await admin.request.get("/api/v1/admin/roles")).json()) as {
    roles: { id: string; name: string }[];
  };
  // No roles named: the licence's default roles (a customer's lets them submit requests).
  const roleIds = user.roleNames.length
    ? roles.filter((r) => user.roleNames.includes(r.name)).map((r) => r.id)
    : undefined;
  await callApi(admin, "POST", "/api/v1/admin/users", {
    name: user.name,
    email: user.email,
    licence: user.licence,
    roleIds,
    groupIds: [],
  });
  const password = "correct horse battery staple";
  const invitation = await mailLink(admin, user.email, "/reset-password/");
  const token = invitation.path.split("/").at(-1);
  await callApi(page, "POST", "/api/v1/password-resets/complete", { token, password });
  await callApi(page, "POST", "/api/v1/session", { email: user.email, password });
}

/** Files a request in the General question category through the API, as whoever `page` is signed in as. */
async function fileRequest(page: Page, request: { name: string; email: string; subject: string; message: string }) {
  const { categories } = (await (await page.request.get("/api/v1/categories")).json()) as {
    categories: { id: string; name: string }[];
  };
  const categoryId = categories.find((c) => c.name === "General question")?.id;
  const filed = await callApi(page, "POST", "/api/v1/tickets", { ...request, categoryId, priority: "medium" });
  return String(filed?.number);
}

/** Moves the e2e server's clock (TEST_CLOCK, see server/clock.ts) as the signed-in admin. */
async function moveServerClock(admin: Page, minutes: number) {
  await callApi(admin, "POST", "/api/v1/test/clock", { minutes });
}

test("a guest's pages: portal, request form and its confirmation, access link, Help Centre, catalog, account forms", async ({
  page,
  baseURL,
}) => {
  test.slow();
  const id = `${Date.now()}`;
  const email = `pseudo.guest.${id}@example.com`;
  const subject = `Pseudo ${id}`;
  const body = "Long words must not break the layout.";
  await speakPseudo(page, baseURL);
  const catalog = await storedText(page, ["/api/v1/categories", "/api/v1/catalog", "/api/v1/statuses"]);
  const typed = [email, subject, body, "Pseudo Person", ...catalog];

  await visit(page, "/");
  await checkPage(page, "/", typed);
  await visit(page, "/requests/new");
  await checkPage(page, "/requests/new", typed);
  await page.getByLabel(pseudo("portal.form.name"), { exact: true }).fill("Pseudo Person");
  await page.getByLabel(pseudo("portal.form.email"), { exact: true }).fill(email);
  await page.getByLabel(pseudo("portal.form.subject"), { exact: true }).fill(subject);
  await page.getByLabel(pseudo("portal.form.category"), { exact: true }).selectOption({ label: "General question" });
  await page.getByLabel(pseudo("portal.form.message"), { exact: true }).fill(body);
  await page.getByRole("button", { name: pseudo("portal.form.send") }).click();
  await expect(page).toHaveURL(/\/requests\/submitted\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("⟦");
  await checkPage(page, "/requests/submitted/:number", typed);

  // The confirmation's access link signs the guest in to their request.
  const access = await mailLink(page, email, "/access/");
  await page.goto(access.path);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(subject);
  await checkPage(page, "/access/:token", typed);
  // The mail itself, in the dev mailbox (development and test machines only).
  const mail = await storedText(page, ["/api/v1/dev-mailbox", `/api/v1/dev-mailbox/${access.id}`]);
  await visit(page, "/dev/mailbox");
  await checkPage(page, "/dev/mailbox", [...typed, ...mail]);
  await visit(page, `/dev/mailbox/${access.id}`);
  await checkPage(page, "/dev/mailbox/:id", [...typed, ...mail]);
  await page.context().clearCookies();
  await speakPseudo(page, baseURL);

  await visit(page, "/status");
  await checkPage(page, "/status", typed);
  await visit(page, "/no-such-page");
  await checkPage(page, "/*", typed);

  // The Help Centre: home, a category, an article, a search.
  const home = (await (await page.request.get("/api/v1/kb/home")).json()) as {
    categories: { slug: string }[];
    popular: { slug: string }[];
  };
  const category = home.categories[0]?.slug ?? "";
  const article = home.popular[0]?.slug ?? "check-request-status-without-an-account";
  const articleText = await storedText(page, [
    "/api/v1/kb/home",
    `/api/v1/kb/categories/${category}`,
    `/api/v1/kb/articles/${article}`,
  ]);
  const help = [...typed, ...articleText];
  await visit(page, "/help");
  await checkPage(page, "/help", help);
  await visit(page, `/help/categories/${category}`);
  await checkPage(page, "/help/categories/:slug", help);
  await visit(page, `/help/articles/${article}`);
  await checkPage(page, "/help/articles/:slug", help);
  await visit(page, "/help/search?q=status");
  const found = await storedText(page, ["/api/v1/kb/search?q=status"]);
  await checkPage(page, "/help/search", [...help, ...found, "status"]);

  // The service catalog: the list, a service, its request form with the admin's fields.
  const { services } = (await (await page.request.get("/api/v1/catalog")).json()) as { services: { slug: string }[] };
  const slug = services[0]?.slug ?? "";
  const service = [...typed, ...(await storedText(page, [`/api/v1/catalog/services/${slug}`]))];
  await visit(page, "/services");
  await checkPage(page, "/services", service);
  await visit(page, `/services/${slug}`);
  await checkPage(page, "/services/:slug", service);
  await visit(page, `/services/${slug}/request`);
  await checkPage(page, "/services/:slug/request", service);

  // Signing in, registering and the links mail sends, as their pages look before anyone is signed in.
  await visit(page, "/sign-in");
  await checkPage(page, "/sign-in", typed);
  await visit(page, "/register");
  await checkPage(page, "/register", typed);
  await visit(page, "/forgot-password");
  await checkPage(page, "/forgot-password", typed);
  await visit(page, "/reset-password/not-a-real-token");
  await checkPage(page, "/reset-password/:token", typed);
  await visit(page, "/confirm/not-a-real-token");
  await checkPage(page, "/confirm/:token", typed);
  await visit(page, "/agent");
  await checkPage(page, "/agent", typed);
});

test("a customer's pages: my requests, a request with an answer, the account, the rating link", async ({
  page,
  browser,
  baseURL,
}) => {
  test.slow();
  const id = `${Date.now()}`;
  const admin = await adminPage(browser, baseURL);
  const customer = { name: `Petra Pseudo ${id}`, email: `petra.${id}@example.com` };
  await signedInUser(admin, page, { ...customer, licence: "customer", roleNames: [] });
  const subject = `Monitor flickers ${id}`;
  const number = await fileRequest(page, { ...customer, subject, message: "It flickers when the laptop is docked." });
  const answer = `Try another cable, please ${id}.`;
  await callApi(admin, "POST", `/api/v1/tickets/${number}/comments`, { body: answer });
  await speakPseudo(page, baseURL);
  const stored = [
    customer.name,
    customer.email,
    e2eAdmin.email,
    ...(await storedText(page, [
      "/api/v1/tickets",
      `/api/v1/tickets/${number}`,
      `/api/v1/tickets/${number}/feed`,
      "/api/v1/statuses",
      "/api/v1/withdraw-reasons",
      "/api/v1/categories",
    ])),
    ...(await storedText(admin, ["/api/v1/admin/users"])),
  ];

  await visit(page, "/requests");
  await checkPage(page, "/requests", stored);
  await visit(page, `/requests/${number}`);
  await expect(page.getByText(answer)).toBeVisible();
  await checkPage(page, "/requests/:number", stored);
  await visit(page, "/account");
  await checkPage(page, "/account", stored);

  // The agent solves it; the survey goes out an hour later, with a link to the rating page.
  const { statuses } = (await (await admin.request.get("/api/v1/statuses")).json()) as {
    statuses: { id: string; category: string }[];
  };
  const solved = statuses.find((s) => s.category === "solved")?.id;
  await callApi(admin, "POST", `/api/v1/tickets/${number}/status`, { statusId: solved });
  let rate: string;
  try {
    await moveServerClock(admin, 61);
    rate = (await mailLink(page, customer.email, "/rate/")).path;
  } finally {
    // Later journeys share this server: give them back the real time.
    await moveServerClock(admin, -61);
  }
  await visit(page, rate);
  await checkPage(page, "/rate/:token/:choice?", [
    ...stored,
    ...(await storedText(admin, ["/api/v1/admin/satisfaction-reasons"])),
  ]);
  await admin.context().close();
});

test("an agent's pages: the queue with the new-ticket dialog, a ticket with its edit dialog, reports", async ({
  page,
  browser,
  baseURL,
}) => {
  test.slow();
  const id = `${Date.now()}`;
  const admin = await adminPage(browser, baseURL);
  const me = { name: `Aiden Agent ${id}`, email: `aiden.${id}@example.com` };
  await signedInUser(admin, page, { ...me, licence: "agent", roleNames: ["Agent"] });
  const subject = `Printer jammed ${id}`;
  const requester = { name: `Rhea Requester ${id}`, email: `rhea.${id}@example.com` };
  const number = await fileRequest(admin, { ...requester, subject, message: "The printer on floor 3 shows E-22." });
  await speakPseudo(page, baseURL);
  const stored = [
    me.name,
    me.email,
    requester.name,
    requester.email,
    ...(await storedText(page, [
      "/api/v1/agent/queues",
      "/api/v1/agent/tickets",
      `/api/v1/tickets/${number}`,
      `/api/v1/tickets/${number}/feed`,
      "/api/v1/statuses",
      "/api/v1/macros",
      "/api/v1/agent/directory",
      "/api/v1/agent/requesters",
    ])),
    ...(await storedText(admin, ["/api/v1/admin/ticket-types", "/api/v1/admin/categories", "/api/v1/admin/groups"])),
  ];

  await visit(page, "/agent/tickets");
  await checkPage(page, "/agent/tickets", stored);
  await page
    .getByRole("button", { name: pseudo("agent.common.newTicket") })
    .first()
    .click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await checkPage(page, "/agent/tickets", stored);
  await closeDialog(page);

  await visit(page, `/agent/tickets/${number}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(subject);
  await checkPage(page, "/agent/tickets/:number", stored);
  await page.getByRole("button", { name: pseudo("agent.common.edit"), exact: true }).click();
  await expect(page.getByRole("dialog", { name: pseudo("agent.edit.title") })).toBeVisible();
  await checkPage(page, "/agent/tickets/:number", stored);
  await closeDialog(page);

  await visit(page, "/agent/reports");
  await checkPage(page, "/agent/reports/:kind?", [...stored, ...(await storedText(page, ["/api/v1/reports/options"]))]);
  await admin.context().close();
});

/** What each admin page shows of the admin's own data, by the API that lists it. */
const adminData: Partial<Record<VisitedPattern, string[]>> = {
  "/admin/users": ["/api/v1/admin/users", "/api/v1/admin/roles"],
  "/admin/roles": ["/api/v1/admin/roles"],
  "/admin/organizations": ["/api/v1/admin/organizations"],
  "/admin/groups": ["/api/v1/admin/groups", "/api/v1/admin/users"],
  "/admin/api-tokens": ["/api/v1/admin/api-tokens"],
  "/admin/catalog": ["/api/v1/admin/categories", "/api/v1/admin/services", "/api/v1/admin/ticket-types"],
  "/admin/ticket-types": ["/api/v1/admin/ticket-types"],
  "/admin/statuses": ["/api/v1/admin/statuses"],
  "/admin/withdraw-reasons": ["/api/v1/admin/withdraw-reasons"],
  "/admin/satisfaction": ["/api/v1/admin/satisfaction-settings", "/api/v1/admin/satisfaction-reasons"],
  "/admin/macros": ["/api/v1/macros", "/api/v1/admin/groups", "/api/v1/admin/statuses"],
  "/admin/mailboxes": ["/api/v1/admin/mailboxes", "/api/v1/admin/groups"],
  "/admin/inbound-mail": ["/api/v1/admin/inbound-messages"],
  "/admin/calendars": ["/api/v1/admin/calendars"],
  "/admin/sla-policies": ["/api/v1/admin/sla-policies", "/api/v1/admin/calendars", "/api/v1/admin/statuses"],
  "/admin/automation": ["/api/v1/admin/automation-rules", "/api/v1/admin/automation-runs"],
  "/admin/webhooks": ["/api/v1/admin/webhooks"],
  "/admin/jobs": ["/api/v1/admin/jobs"],
  "/admin/deleted-tickets": ["/api/v1/admin/deleted-tickets"],
  "/admin/kb": ["/api/v1/admin/kb/categories", "/api/v1/admin/kb/articles"],
};

/** Signs the admin in and switches to the pseudo-locale; the admin's own name and groups show on every page. */
async function adminInPseudo(page: Page, baseURL: string | undefined) {
  await signInAsAdmin(page);
  await speakPseudo(page, baseURL);
  return [e2eAdmin.email, ...(await storedText(page, ["/api/v1/session", "/api/v1/admin/groups"]))];
}

/**
 * What the API sends in English for older clients that a page words from codes instead: the automation log's
 * summary of each run recorded as codes (`outcome`). The page showing it as it is would be English.
 */
async function wordedFromCodes(page: Page, pattern: VisitedPattern): Promise<Set<string>> {
  if (pattern !== "/admin/automation") return new Set();
  const { runs } = (await (await page.request.get("/api/v1/admin/automation-runs")).json()) as {
    runs: { summary: string; outcome: unknown[] | null }[];
  };
  return new Set(runs.filter((run) => run.outcome !== null).map((run) => run.summary));
}

/** Visits each admin page and checks it, with what it lists of the admin's data allowed. */
async function checkAdminPages(page: Page, everywhere: string[], patterns: VisitedPattern[]) {
  for (const pattern of patterns) {
    await visit(page, pattern);
    const english = await wordedFromCodes(page, pattern);
    const stored = (await storedText(page, adminData[pattern] ?? [])).filter((text) => !english.has(text));
    await checkPage(page, pattern, [...everywhere, ...stored]);
  }
}

// The admin area takes two journeys, each well inside the slow-test limit on a loaded machine.
test("an admin's pages: people, the catalog and ticket settings", async ({ page, baseURL }) => {
  test.slow();
  const everywhere = await adminInPseudo(page, baseURL);
  // The area's own address opens its first page.
  await visit(page, "/admin");
  await expect(page).toHaveURL(/\/admin\/users$/);
  await checkPage(page, "/admin", [...everywhere, ...(await storedText(page, adminData["/admin/users"] ?? []))]);
  await checkAdminPages(page, everywhere, [
    "/admin/users",
    "/admin/roles",
    "/admin/organizations",
    "/admin/groups",
    "/admin/api-tokens",
    "/admin/catalog",
    "/admin/ticket-types",
    "/admin/statuses",
    "/admin/withdraw-reasons",
    "/admin/satisfaction",
    "/admin/macros",
  ]);
});

test("an admin's pages: mail, service levels, automation, webhooks, the knowledge base editors", async ({
  page,
  baseURL,
}) => {
  // Eleven pages with axe and two editors: the slow limit (6 minutes) ran out on a loaded machine.
  test.setTimeout(600_000);
  // Signed in once: the sign-in page of a signed-in admin moves on, and a second sign-in waited for its form.
  const everywhere = await adminInPseudo(page, baseURL);
  const webhook = (await callApi(page, "POST", "/api/v1/admin/webhooks", {
    url: "https://example.com/hooks/pseudo",
    description: "Pseudo-locale run",
    events: ["created"],
    active: false,
  })) as { id: string };
  // A trigger that acts on the request filed next (journeys run one at a time), so the log lists a run.
  const { groups } = (await (await page.request.get("/api/v1/admin/groups")).json()) as { groups: { id: string }[] };
  const rule = (await callApi(page, "POST", "/api/v1/admin/automation-rules", {
    name: "Pseudo-locale run",
    kind: "trigger",
    conditions: { priorities: ["medium"], serviceIds: [], organizationIds: [], ticketTypeIds: [] },
    actions: { groupId: groups[0]?.id ?? null, priority: "high", remindRequester: false, notifyGroupLead: true },
  })) as { id: string };
  try {
    const number = await fileRequest(page, {
      name: "Pat Pseudo",
      email: "pat.pseudo@example.com",
      subject: "Acted on by a trigger",
      message: "The automation log lists what the trigger did.",
    });
    await callApi(page, "PUT", `/api/v1/admin/automation-rules/${rule.id}`, {
      name: "Pseudo-locale run",
      kind: "trigger",
      active: false,
      conditions: { priorities: ["medium"], serviceIds: [], organizationIds: [], ticketTypeIds: [] },
      actions: { groupId: null, priority: "high", remindRequester: false, notifyGroupLead: true },
    });
    await visit(page, "/admin/automation");
    await expect(page.getByRole("row").filter({ hasText: `#${number}` })).toBeVisible();
    await checkAdminPages(page, everywhere, [
      "/admin/mailboxes",
      "/admin/inbound-mail",
      "/admin/calendars",
      "/admin/sla-policies",
      "/admin/automation",
      "/admin/webhooks",
      "/admin/jobs",
      "/admin/languages",
      "/admin/deleted-tickets",
      "/admin/kb",
    ]);
    await visit(page, `/admin/webhooks/${webhook.id}`);
    await checkPage(page, "/admin/webhooks/:id", [
      ...everywhere,
      ...(await storedText(page, ["/api/v1/admin/webhooks", `/api/v1/admin/webhooks/${webhook.id}/deliveries`])),
    ]);

    const kb = await storedText(page, adminData["/admin/kb"] ?? []);
    await visit(page, "/admin/kb/articles/new");
    // The article's address, shown as it will be: a path, the same in every language.
    await checkPage(page, "/admin/kb/articles/new", [...everywhere, ...kb, "/help/articles/…"]);
    const { articles } = (await (await page.request.get("/api/v1/admin/kb/articles")).json()) as {
      articles: { id: string; slug: string }[];
    };
    const articleId = articles[0]?.id ?? "";
    await visit(page, `/admin/kb/articles/${articleId}`);
    await checkPage(page, "/admin/kb/articles/:id", [
      ...everywhere,
      ...kb,
      `/help/articles/${articles[0]?.slug}`,
      ...(await storedText(page, [
        `/api/v1/admin/kb/articles/${articleId}`,
        `/api/v1/admin/kb/articles/${articleId}/revisions`,
      ])),
    ]);
  } finally {
    // Later journeys would otherwise meet this webhook in the list.
    const { csrfToken } = (await (await page.request.get("/api/v1/session")).json()) as { csrfToken: string };
    await page.request.delete(`/api/v1/admin/webhooks/${webhook.id}`, { headers: { "x-csrf-token": csrfToken } });
    await page.request.delete(`/api/v1/admin/automation-rules/${rule.id}`, { headers: { "x-csrf-token": csrfToken } });
  }
});
