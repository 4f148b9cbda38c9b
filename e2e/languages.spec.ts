import { expect, test } from "@playwright/test";
import type { shippedLocales } from "../common/locales.ts";
import {
  acceptInvitation,
  callApi,
  chooseOption,
  e2eAdmin,
  expectAccessible,
  mailLinkPath,
  signInAsAdmin,
  submitRequest,
} from "./fixtures.ts";

test.describe("a German-speaking guest", () => {
  test.use({ locale: "de-DE" });

  test("submits a request and gets the form, the confirmation page and the mail in German", async ({ page }) => {
    // Three accessibility scans and a mail round trip: more than the default on a shared machine.
    test.setTimeout(240_000);
    const id = `${Date.now()}`;
    const email = `jonas.${id}@example.com`;
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.getByRole("heading", { name: "Wie können wir helfen?" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Anfrage stellen" }).first().click();

    await expect(page.getByRole("heading", { name: "Anfrage stellen", level: 1 })).toBeVisible();
    // The shared schema's sentences, in German, under their fields.
    await page.getByRole("button", { name: "Anfrage senden" }).click();
    await expect(page.getByText("Geben Sie einen Betreff ein.")).toBeVisible();
    await page.getByLabel("Ihr Name", { exact: true }).fill("Jonas Berger");
    await page.getByLabel("E-Mail", { exact: true }).fill(email);
    await page.getByLabel("Betreff", { exact: true }).fill(`Drucker druckt nicht ${id}`);
    await chooseOption(page, "Kategorie", "General question");
    await page.getByLabel("Nachricht", { exact: true }).fill("Der Drucker im zweiten Stock druckt nur leere Seiten.");
    await page.getByRole("button", { name: "Anfrage senden" }).click();

    await expect(page.getByRole("heading", { name: "Anfrage eingegangen" })).toBeVisible();
    const text = await page.getByText(/Ihre Ticketnummer lautet #\d+/).textContent();
    const number = text?.match(/#(\d+)/)?.[1];
    expect(number).toBeDefined();
    await expect(page.getByText(`Wir haben eine Bestätigung an ${email} gesendet.`)).toBeVisible();
    await expectAccessible(page);

    // The mail is German too, and its link leads to the request, which reads in German as well.
    const path = await mailLinkPath(page, email, `[#${number}] Wir haben Ihre Anfrage erhalten`, "/access/");
    await page.goto(path);
    await expect(page.getByRole("heading", { name: `#${number} Drucker druckt nicht ${id}`, level: 1 })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Ihre Anfrage" })).toBeVisible();
    const feed = page.getByRole("region", { name: "Verlauf" });
    await expect(feed.getByRole("checkbox", { name: "Statusänderungen" })).toBeChecked();
    await expect(feed).toContainText("Jonas Berger hat die Anfrage gestellt");
    // A list says how long ago, and the exact time is in the tooltip.
    const when = feed.locator("time").first();
    await expect(when).toHaveText(/^(vor \d+ Minuten?|in dieser Minute|vor 1 Minute)$/);
    await expect(when).toHaveAttribute("title", /\d{4}/);
    await expect(page.getByRole("region", { name: "Gelesen von" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Meine aktiven Benachrichtigungen" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Anfrage zurückziehen" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Kommentar senden" })).toBeVisible();
    await expectAccessible(page);
  });
});

test.describe("a German-speaking customer", () => {
  test.use({ locale: "de-DE" });

  test("reads a failed field check and a withdrawn request's reason in German", async ({ page, browser }) => {
    // Two accessibility scans and a mail round trip: more than the default on a shared machine.
    test.setTimeout(240_000);
    const id = `${Date.now()}`;
    const email = `lena.${id}@example.com`;
    // An admin offers everyone a service with a domain field (through the API: the admin pages are not the point).
    const admin = await browser.newPage({ locale: "en-US" });
    await signInAsAdmin(admin);
    const { ticketTypes } = (await (await admin.request.get("/api/v1/admin/ticket-types")).json()) as {
      ticketTypes: { id: string; name: string }[];
    };
    const slug = `domain-de-${id}`;
    await callApi(admin, "POST", "/api/v1/admin/services", {
      name: `Domain freigeben ${id}`,
      slug,
      categoryId: null,
      summary: "Partner registrieren sich mit ihrer Domain.",
      ticketTypeId: ticketTypes.find((type) => type.name === "Domain approval")?.id,
      defaultPriority: "medium",
      visibility: "public",
    });
    await admin.close();

    // The field's own check names the field inside a German sentence.
    await page.goto(`/services/${slug}/request`);
    await page.getByLabel("Ihr Name", { exact: true }).fill("Lena Vogel");
    await page.getByLabel("E-Mail", { exact: true }).fill(email);
    await page.getByLabel("Betreff", { exact: true }).fill(`Domain freigeben ${id}`);
    await page.getByRole("textbox", { name: "Domain", exact: true }).fill("keine domain");
    await page.getByRole("button", { name: "Anfrage senden" }).click();
    await expect(
      page.getByText("Das Feld „Domain“ muss einen Domainnamen enthalten, z. B. example.com."),
    ).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("textbox", { name: "Domain", exact: true }).fill(`vogel-${id}.de`);
    await page.getByRole("textbox", { name: "Nachricht" }).click();
    await page.keyboard.type("Bitte geben Sie unsere Domain frei.");
    await page.getByRole("button", { name: "Anfrage senden" }).click();
    await expect(page.getByRole("heading", { name: "Anfrage eingegangen" })).toBeVisible();
    const number = (await page.getByText(/Ihre Ticketnummer lautet #\d+/).textContent())?.match(/#(\d+)/)?.[1];
    expect(number).toBeDefined();

    // Withdrawn with a reason: the Feed's line and the notice say "Grund", not "Reason".
    await page.goto(await mailLinkPath(page, email, `[#${number}] Wir haben Ihre Anfrage erhalten`, "/access/"));
    await page.getByRole("button", { name: "Anfrage zurückziehen" }).click();
    // The shipped reasons come in German too (0089), in the list and in what the request says afterwards.
    await chooseOption(page, "Grund", "Etwas anderes");
    await page.getByRole("dialog").getByRole("button", { name: "Zurückziehen" }).click();
    const notice = page.getByRole("alert").filter({ hasText: "Diese Anfrage wurde zurückgezogen" });
    await expect(notice).toContainText("Grund: Etwas anderes.");
    await expect(page.getByRole("list", { name: "Einträge im Verlauf" })).toContainText("Grund: Etwas anderes");
    await expect(page.getByRole("main")).not.toContainText("Something else");
    await expect(page.getByRole("main")).not.toContainText("Reason:");
    await expectAccessible(page);
  });
});

test.describe("a French-speaking visitor", () => {
  test.use({ locale: "fr-FR" });

  test("reads the Help Centre's home page and an article in French", async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto("/help");
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByRole("heading", { name: "Centre d’aide", level: 1 })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Articles populaires" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Besoin d’aide supplémentaire ?" })).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel("Rechercher dans le centre d’aide").fill("status without account");
    await page.getByLabel("Rechercher dans le centre d’aide").press("Enter");
    await expect(page.getByRole("heading", { name: "Résultats de la recherche", level: 1 })).toBeVisible();
    // Articles are content, stored in the language their editor wrote them in: the title stays English.
    const title = "Check the status of a request without an account";
    await page.getByRole("list", { name: "Articles trouvés" }).getByRole("link", { name: title }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page).toHaveTitle(`${title} · Centre d’aide · Switchboard`);
    await expect(page.getByRole("navigation", { name: "Fil d’Ariane" })).toContainText("Centre d’aide");
    await expect(page.getByRole("navigation", { name: "Dans cet article" })).toBeVisible();
    await expect(page.getByText(/^Mis à jour : /)).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("button", { name: "Oui" }).click();
    await expect(page.getByRole("button", { name: "Oui" })).toHaveAttribute("aria-pressed", "true");
    // The tally agrees with its number: "1 personne sur 2 a trouvé…", "3 personnes sur 4 ont trouvé…".
    await expect(
      page.getByText(
        /^(1 personne sur \d+ a|(?!1 )\d+ personnes sur \d+ ont) trouvé cet article utile Merci pour votre avis\.$/,
      ),
    ).toBeVisible();
    await page.getByRole("link", { name: "Envoyer une demande" }).last().click();
    await expect(page).toHaveURL(/\/services$/);
  });
});

test.describe("the portal in Arabic", () => {
  test.use({ locale: "ar-EG" });

  test("is mirrored right to left and accessible", async ({ page }) => {
    test.setTimeout(240_000);
    // The status check comes last: the mirroring check below measures its email field.
    for (const path of ["/", "/help/articles/check-request-status-without-an-account", "/requests/new", "/status"]) {
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
      await expect(page.locator("html")).toHaveAttribute("lang", "ar");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectAccessible(page);
    }
    // Mirrored for real: the form's labels start at the right edge of their fields.
    const label = await page.getByText("البريد الإلكتروني", { exact: true }).first().boundingBox();
    const field = await page.getByLabel("البريد الإلكتروني", { exact: true }).boundingBox();
    expect(label && field && label.x + label.width).toBeGreaterThan((field?.x ?? 0) + (field?.width ?? 0) - 40);
  });

  test("an agent reading Arabic reads an English subject, message and comment left to right, stops at the end", async ({
    page,
  }) => {
    const id = `${Date.now()}`;
    await callApi(page, "POST", "/api/v1/session", { email: e2eAdmin.email, password: e2eAdmin.password });
    const { categories } = (await (await page.request.get("/api/v1/categories")).json()) as {
      categories: { id: string }[];
    };
    const filed = await callApi(page, "POST", "/api/v1/tickets", {
      subject: `Can the printer be fixed ${id}?`,
      message: `The printer jams on every job ${id}.`,
      priority: "medium",
      categoryId: categories[0]?.id,
      name: "Robin Reader",
      email: `robin.${id}@example.com`,
    });
    await callApi(page, "POST", `/api/v1/tickets/${filed?.number}/comments`, {
      body: `<p>Open the back cover ${id}, then try again.</p>`,
      format: "html",
      kind: "public",
    });
    await page.goto(`/agent/tickets/${filed?.number}`);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    // Written in English, they run left to right inside the right-to-left page: in the page's direction the
    // sentence's full stop would stand at its left end, before the first word.
    const direction = (text: string) =>
      page.getByText(text, { exact: true }).evaluate((element) => getComputedStyle(element).direction);
    await expect.poll(() => direction(`The printer jams on every job ${id}.`)).toBe("ltr");
    await expect.poll(() => direction(`Open the back cover ${id}, then try again.`)).toBe("ltr");
    await expect.poll(() => direction(`Can the printer be fixed ${id}?`)).toBe("ltr");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      `#${filed?.number} Can the printer be fixed ${id}?`,
    );
    // The page's own words stay right to left.
    expect(
      await page.getByRole("heading", { name: "الرسالة" }).evaluate((element) => getComputedStyle(element).direction),
    ).toBe("rtl");
    await expectAccessible(page);
  });

  test("a customer reading Arabic reads the Help Centre's and the catalog's English words left to right, stops at the end", async ({
    page,
  }) => {
    // Written in English (no Arabic translation yet), they run left to right inside the right-to-left page: in the
    // page's direction a summary's full stop stood at its left end, before the first word.
    const direction = (text: string) =>
      page
        .getByText(text, { exact: true })
        .first()
        .evaluate((element) => getComputedStyle(element).direction);
    await page.goto("/help");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect
      .poll(() => direction("All you need is the email address you used and the ticket number from your confirmation."))
      .toBe("ltr");
    await expect.poll(() => direction("Asking for help, and what happens after you do.")).toBe("ltr");
    expect(
      await page.getByRole("heading", { level: 1 }).evaluate((element) => getComputedStyle(element).direction),
    ).toBe("rtl");
    await expectAccessible(page);

    await page.goto("/help/search?q=password");
    const results = page
      .getByRole("list")
      .filter({ has: page.getByRole("link", { name: "Reset a forgotten password" }) });
    const snippet = results.locator("mark").first().locator("..");
    await expect(snippet).toBeVisible();
    expect(await snippet.evaluate((element) => getComputedStyle(element).direction)).toBe("ltr");

    await page.goto("/services");
    await expect.poll(() => direction("Register your partner account with your company's domain.")).toBe("ltr");
    await expectAccessible(page);
  });

  test("an agent reading Arabic sees where an English subject and address begin in the queue, and the report's dates in Arabic order", async ({
    page,
  }) => {
    const id = `${Date.now()}`;
    // Filed by a guest, so the requester is the long name and address below (an agent filing is the requester).
    const { categories } = (await (await page.request.get("/api/v1/categories")).json()) as {
      categories: { id: string }[];
    };
    const subject = `Website ${id} is down for every customer in every region since the maintenance window last night`;
    const filed = await callApi(page, "POST", "/api/v1/tickets", {
      subject,
      message: "See the subject.",
      priority: "medium",
      categoryId: categories[0]?.id,
      name: "Morgan Longname-Whitfield",
      email: `morgan.longname-whitfield.${id}@example.com`,
    });
    await callApi(page, "POST", "/api/v1/session", { email: e2eAdmin.email, password: e2eAdmin.password });
    await page.goto("/agent/tickets");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    // Too long for its column, each is cut short; what is cut must be the end, never the first word.
    const firstWordShown = (text: string, firstWord: string) =>
      page.getByText(text, { exact: true }).evaluate((element, word) => {
        // The box that cuts the line, and where in it the text's first word is drawn.
        let frame: HTMLElement | null = element as HTMLElement;
        while (frame && getComputedStyle(frame).overflowX !== "hidden") frame = frame.parentElement;
        const textNode = document.createTreeWalker(element, NodeFilter.SHOW_TEXT).nextNode();
        if (!frame || !textNode) return "no cut line";
        const box = frame.getBoundingClientRect();
        const range = document.createRange();
        range.setStart(textNode, 0);
        range.setEnd(textNode, word.length);
        const first = range.getBoundingClientRect();
        if (frame.scrollWidth <= frame.clientWidth) return "not cut";
        return first.left >= box.left - 1 && first.right <= box.right + 1 ? "shown" : "cut off";
      }, firstWord);
    await expect.poll(() => firstWordShown(subject, "Website")).toBe("shown");
    await expect.poll(() => firstWordShown(`morgan.longname-whitfield.${id}@example.com`, "morgan")).toBe("shown");
    await expect(page.getByRole("link", { name: `#${filed?.number}` })).toBeVisible();

    // The chart draws its axis left to right; an Arabic date on it still reads right to left, its year leftmost.
    await page.goto("/agent/reports");
    // A date tick: digits, a separator, digits (the other axis counts tickets).
    const tick = page
      .locator("text.recharts-cartesian-axis-tick-value")
      .filter({ hasText: /\d\D+\d/ })
      .first();
    await expect(tick).toBeVisible();
    const yearLeftOfDay = await tick.evaluate((element) => {
      const text = element as SVGTextElement;
      const content = text.textContent ?? "";
      const first = content.search(/\d/);
      const last = content.length - 1 - [...content].reverse().join("").search(/\d/);
      return text.getStartPositionOfChar(last).x < text.getStartPositionOfChar(first).x;
    });
    expect(yearLeftOfDay).toBe(true);
  });

  test("a guest reads their request's status, and why a used access link no longer works, in Arabic", async ({
    page,
    browser,
    baseURL,
  }) => {
    const id = `${Date.now()}`;
    const email = `salma.${id}@example.com`;
    const { categories } = (await (await page.request.get("/api/v1/categories")).json()) as {
      categories: { id: string }[];
    };
    const filed = await callApi(page, "POST", "/api/v1/tickets", {
      subject: `الطابعة لا تعمل ${id}`,
      message: "الطابعة في الطابق الثاني لا تطبع.",
      priority: "medium",
      categoryId: categories[0]?.id,
      name: "سلمى",
      email,
    });
    const path = await mailLinkPath(page, email, `[#${filed?.number}]`, "/access/");
    // The first visit signs in to the request and uses the link up.
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`الطابعة لا تعمل ${id}`);
    // The shipped statuses speak Arabic to customers too.
    await expect(page.getByRole("main")).toContainText("مفتوح");
    await expect(page.getByRole("main")).not.toContainText(/\bOpen\b/i);
    // A second browser (a phone, say) opens the same mail's link again.
    const other = await (await browser.newContext({ baseURL, locale: "ar-EG" })).newPage();
    await other.goto(path);
    await expect(other.getByRole("heading", { name: "رابط الوصول هذا لم يعد يعمل", level: 1 })).toBeVisible();
    // Why, in the reader's language (the field's sentence came from the server in English).
    await expect(other.getByText("هذا الرابط لم يعد صالحًا.", { exact: false })).toBeVisible();
    await expect(other.getByText("This link is not valid any more.", { exact: false })).toHaveCount(0);
    await expectAccessible(other);
  });

  test("the footer's switcher changes the language and remembers it", async ({ page }) => {
    await page.goto("/");
    await page.getByLabel("اللغة", { exact: true }).selectOption("fr");
    await expect(page.getByRole("heading", { name: "Comment pouvons-nous vous aider ?" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
    await page.reload();
    await expect(page.getByRole("heading", { name: "Comment pouvons-nous vous aider ?" })).toBeVisible();
  });
});

test.describe("an agent whose profile says French", () => {
  // The browser says English and another zone: the profile's language and zone are the ones that count.
  test.use({ locale: "en-US", timezoneId: "America/Los_Angeles" });

  test("works the queue and a ticket in French, with times in their own zone", async ({ page }) => {
    test.setTimeout(240_000);
    const id = `${Date.now()}`;
    const subject = `Imprimante ${id}`;
    const number = await submitRequest(page, { name: "Lucie", email: `lucie.${id}@example.com`, subject });
    await signInAsAdmin(page);
    const roles = (await (await page.request.get("/api/v1/admin/roles")).json()) as {
      roles: { id: string; name: string }[];
    };
    const email = `camille.${id}@example.com`;
    await callApi(page, "POST", "/api/v1/admin/users", {
      name: `Camille ${id}`,
      email,
      licence: "agent",
      roleIds: [roles.roles.find((r) => r.name === "Agent")?.id],
    });
    await page.getByRole("button", { name: "Sign out" }).click();

    await acceptInvitation(page, email, "correct horse battery staple");
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    const zone = "Pacific/Auckland";
    await callApi(page, "PUT", "/api/v1/account/preferences", { locale: "fr", timeZone: zone });
    // What the reader's own clock says, in French: computed in the page, with the zone named.
    const inZone = (iso: string | null) =>
      page.evaluate(
        ({ at, timeZone }) =>
          new Intl.DateTimeFormat("fr", { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(at)),
        { at: iso ?? "", timeZone: zone },
      );

    await page.goto("/agent/tickets");
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tickets · Tous");
    const queues = page.getByRole("navigation", { name: "Files d’attente" });
    await expect(queues.getByRole("link", { name: /^Non attribués/ })).toBeVisible();
    await page.getByLabel("Rechercher", { exact: true }).fill(subject);
    const row = page
      .getByRole("table", { name: "Tickets" })
      .getByRole("row")
      .filter({ hasText: `#${number}` });
    await expect(row).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "Demandeur" })).toBeVisible();
    // The list says how long ago; the exact time, in Auckland, is in the title.
    const updated = row.locator('[data-column="updated"] time');
    await expect(updated).toHaveAttribute("title", await inZone(await updated.getAttribute("datetime")));
    await expect(page.getByRole("status").filter({ hasText: "1 ticket affiché" })).toBeVisible();
    await expectAccessible(page);

    await row.getByRole("link", { name: `#${number}` }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`#${number} ${subject}`);
    await expect(page.getByRole("link", { name: "← Tous les tickets" })).toBeVisible();
    const details = page.getByRole("region", { name: "Détails" });
    await expect(details.getByText("Demandeur", { exact: true })).toBeVisible();
    const created = details.locator("time").first();
    await expect(created).toHaveText(await inZone(await created.getAttribute("datetime")));
    await expect(page.getByRole("button", { name: "M’attribuer" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Tâches" })).toBeVisible();
    await expectAccessible(page);
  });
});

test("every shipped language marks its pages' language and direction, and they pass axe", async ({ page, baseURL }) => {
  // Two pages with axe in four languages: a long journey on a shared machine.
  test.slow();
  await signInAsAdmin(page);
  // Typed by the shipped languages, so a new one joins this journey.
  const directions: Record<Exclude<(typeof shippedLocales)[number], "en">, "ltr" | "rtl"> = {
    de: "ltr",
    es: "ltr",
    fr: "ltr",
    ar: "rtl",
  };
  for (const [locale, direction] of Object.entries(directions)) {
    // The footer's switcher remembers a choice in this cookie; it outranks the browser's languages.
    await page.context().addCookies([{ name: "sb_locale", value: locale, url: baseURL ?? "" }]);
    // A portal page and a workspace page, as an agent who is also a customer of the help desk would see them.
    for (const path of ["/", "/agent/tickets"]) {
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(page.locator("html")).toHaveAttribute("dir", direction);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.locator(".mantine-Loader-root")).toHaveCount(0);
      await expectAccessible(page);
    }
  }
});

test.describe("the help desk's default language", () => {
  test("an admin sets German, and a visitor whose browser asks for no language we speak gets German", async ({
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(240_000);
    await signInAsAdmin(page);
    await page.goto("/admin/users");
    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Languages" }).click();
    await expect(page.getByRole("heading", { name: "Languages", level: 1 })).toBeVisible();
    await expectAccessible(page);

    const setDefault = async (language: string) => {
      await page.getByLabel("Default language", { exact: true }).selectOption({ label: language });
      await page.getByRole("button", { name: "Save language" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
    };
    await setDefault("Deutsch");
    try {
      // The admin's own browser asks for English, so the admin pages stay English for them.
      await expect(page.getByRole("heading", { name: "Languages", level: 1 })).toBeVisible();

      // A signed-out visitor, no language chosen, whose browser asks for Japanese only.
      const visitor = await browser.newContext({ locale: "ja-JP", baseURL });
      const portal = await visitor.newPage();
      await portal.goto("/");
      await expect(portal.locator("html")).toHaveAttribute("lang", "de");
      await expect(portal.getByRole("heading", { name: "Wie können wir helfen?", level: 1 })).toBeVisible();
      await expectAccessible(portal);
      await visitor.close();
    } finally {
      // Later journeys expect the English default.
      await setDefault("English");
    }
    await expect(page.getByLabel("Default language", { exact: true })).toHaveValue("en");
  });
});

test.describe("an admin whose profile says French", () => {
  test.use({ locale: "en-US" });

  test("reads Groups, Triggers and a ticket's tags and comment actions in French", async ({ page }) => {
    test.setTimeout(300_000);
    const id = `${Date.now()}`;
    const subject = `Badge ${id}`;
    const number = await submitRequest(page, { name: "Léa", email: `lea.${id}@example.com`, subject });
    await signInAsAdmin(page);
    const roles = (await (await page.request.get("/api/v1/admin/roles")).json()) as {
      roles: { id: string; name: string }[];
    };
    const email = `margot.${id}@example.com`;
    await callApi(page, "POST", "/api/v1/admin/users", {
      name: `Margot ${id}`,
      email,
      licence: "admin",
      roleIds: [roles.roles.find((r) => r.name === "Administrator")?.id],
    });
    await page.getByRole("button", { name: "Sign out" }).click();
    await acceptInvitation(page, email, "correct horse battery staple");
    await callApi(page, "PUT", "/api/v1/account/preferences", { locale: "fr", timeZone: null });
    const group = `Accueil ${id}`;
    await callApi(page, "POST", "/api/v1/admin/groups", { name: group });
    // Switched off: it is here to be described, not to act on other journeys' tickets.
    const rule = `Relance ${id}`;
    const created = await callApi(page, "POST", "/api/v1/admin/automation-rules", {
      name: rule,
      kind: "time_rule",
      active: false,
      position: 0,
      conditions: { priorities: ["low"], serviceIds: [], organizationIds: [], ticketTypeIds: [] },
      statusCategory: "pending",
      afterBusinessDays: 3,
      actions: { groupId: null, priority: "high", remindRequester: true, notifyEmail: null, notifyGroupLead: false },
    });

    try {
      await page.goto("/admin/groups");
      await expect(page.locator("html")).toHaveAttribute("lang", "fr");
      await expect(page.getByRole("heading", { name: "Groupes", level: 1 })).toBeVisible();
      await expect(page.getByRole("columnheader", { name: "Responsable" })).toBeVisible();
      const row = page.getByRole("row").filter({ hasText: group });
      await expect(row).toContainText("Aucun");
      await row.getByRole("button", { name: `Modifier ${group}` }).click();
      const dialog = page.getByRole("dialog");
      await expect(dialog.getByLabel("Responsable", { exact: true })).toBeDisabled();
      await expect(dialog).toContainText("Ajoutez d’abord des agents au groupe sur la page Utilisateurs");
      await expectAccessible(page);
      await page.keyboard.press("Escape");

      await page.goto("/admin/automation");
      await expect(page.getByRole("heading", { name: "Déclencheurs et règles temporelles", level: 1 })).toBeVisible();
      const rules = page.getByRole("table", { name: "Règles" });
      await expect(rules.getByRole("columnheader", { name: "Quand" })).toBeVisible();
      // The stored codes (pending, low, high) in French words, and the actions as a French list.
      const described = rules.getByRole("row").filter({ hasText: rule });
      await expect(described).toContainText("Désactivée");
      await expect(described).toContainText("Un ticket est en attente depuis 3 jours ouvrés, avec priorité Basse");
      await expect(described).toContainText("définir la priorité Haute et relancer le demandeur");
      await expect(page.getByRole("heading", { name: "Ce qui s’est exécuté" })).toBeVisible();
      await page.getByRole("button", { name: "Nouvelle règle" }).click();
      const form = page.getByRole("dialog", { name: "Nouvelle règle" });
      await expect(form.getByLabel("S’exécute", { exact: true })).toHaveValue("Quand un ticket est créé");
      await expect(form.getByText("Prévenir le responsable du groupe par courriel")).toBeVisible();
      await expect(form.getByRole("button", { name: "Enregistrer la règle" })).toBeVisible();
      await expectAccessible(page);
      await page.keyboard.press("Escape");

      await page.goto(`/agent/tickets/${number}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`#${number} ${subject}`);
      const tags = page.getByRole("region", { name: "Étiquettes" });
      await expect(tags).toContainText("Aucune étiquette pour l’instant.");
      await tags.getByLabel("Ajouter une étiquette", { exact: true }).fill("accueil");
      await tags.getByRole("button", { name: "Ajouter", exact: true }).click();
      await expect(tags.getByRole("button", { name: "Retirer l’étiquette accueil" })).toBeVisible();
      await page.getByRole("textbox", { name: "Commentaire" }).click();
      await page.keyboard.type("Le lecteur de badge est remplacé");
      await page.getByRole("button", { name: "Envoyer la réponse publique" }).click();
      const feed = page.getByRole("list", { name: "Entrées de l’historique" });
      await expect(feed).toContainText("Le lecteur de badge est remplacé");
      await feed.getByRole("button", { name: "Modifier le commentaire" }).click();
      const edit = page.getByRole("dialog", { name: "Modifier le commentaire" });
      await expect(edit.getByRole("textbox", { name: "Texte du commentaire" })).toBeVisible();
      await expect(edit).toContainText("Le texte d’avant votre modification reste dans l’historique pour les agents.");
      await expectAccessible(page);
      await edit.getByRole("button", { name: "Annuler" }).click();
      await feed.getByRole("button", { name: "Supprimer le commentaire" }).click();
      await expect(page.getByRole("dialog", { name: "Supprimer ce commentaire ?" })).toBeVisible();
      await expectAccessible(page);
    } finally {
      const { csrfToken } = (await (await page.request.get("/api/v1/session")).json()) as { csrfToken: string };
      await page.request.delete(`/api/v1/admin/automation-rules/${String(created?.id)}`, {
        headers: { "x-csrf-token": csrfToken },
      });
    }
  });
});
