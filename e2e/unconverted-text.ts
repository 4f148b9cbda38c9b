import type { Page } from "@playwright/test";

/**
 * Visible text on the page that did not come from a catalog. Every letter of a pseudo-locale message is an
 * accented look-alike, so two plain ASCII letters in a row are text that bypassed the catalogs, unless they are
 * words the page may show as they are: what the test typed, what admins entered or the seed wrote (service
 * names, ticket subjects, article text), passed as `allowed`, and the words the browser's Intl writes for dates
 * and relative times and the conjunctions it joins lists with in the page's language (the pseudo-locale's are
 * English). A text is clean once those are
 * taken out of it, each as a whole word. Attributes people hear or hover (aria-label, placeholder, title, alt)
 * count as text, and dotted code names (permissions, job kinds) do not. Left out: what is marked as being in
 * another language (`lang`: a language's own name, an untranslated article), a switcher's options, and what is
 * hidden from everyone.
 */
export async function unconvertedText(page: Page, allowed: readonly string[]): Promise<string[]> {
  const words = [...new Set(allowed.map((a) => a.trim()).filter((a) => /[A-Za-z]/.test(a)))];
  return page.evaluate((words) => {
    const language = document.documentElement.lang || "en";
    const intl: string[] = [];
    for (let month = 0; month < 12; month++) {
      for (const style of ["short", "long"] as const) {
        intl.push(new Intl.DateTimeFormat(language, { month: style }).format(new Date(2026, month, 15)));
        intl.push(new Intl.DateTimeFormat(language, { weekday: style }).format(new Date(2026, 0, 5 + month)));
      }
    }
    for (const hour of [9, 21]) {
      const parts = new Intl.DateTimeFormat(language, { hour: "numeric", hour12: true }).formatToParts(
        new Date(2026, 0, 1, hour),
      );
      intl.push(...parts.filter((p) => p.type === "dayPeriod").map((p) => p.value));
    }
    // Durations ("3 hr 20 min") are Intl's unit names, and a time zone is named by Intl or by its IANA id.
    for (const unit of ["minute", "hour", "day"] as const) {
      for (const unitDisplay of ["short", "long", "narrow"] as const) {
        for (const value of [0, 1, 2, 5]) {
          const parts = new Intl.NumberFormat(language, { style: "unit", unit, unitDisplay }).formatToParts(value);
          intl.push(...parts.filter((p) => p.type === "unit").map((p) => p.value));
        }
      }
    }
    intl.push("UTC", "GMT", Intl.DateTimeFormat().resolvedOptions().timeZone);
    // Lists ("a, b and c") are joined by Intl's conjunction in the page's language.
    for (const type of ["conjunction", "disjunction"] as const) {
      for (const items of [
        ["a", "b"],
        ["a", "b", "c"],
      ]) {
        const parts = new Intl.ListFormat(language, { type }).formatToParts(items);
        intl.push(...parts.filter((p) => p.type === "literal").map((p) => p.value));
      }
    }
    const relative = new Intl.RelativeTimeFormat(language, { numeric: "auto" });
    for (const unit of ["second", "minute", "hour", "day", "week", "month", "year"] as const) {
      for (let value = -3; value <= 3; value++) {
        intl.push(
          ...relative
            .formatToParts(value, unit)
            .filter((p) => p.type === "literal")
            .map((p) => p.value),
        );
      }
    }
    // Longest first, so "General question" is taken out before "General" could split it.
    const all = [...new Set([...words, ...intl.map((w) => w.trim()).filter((w) => /[A-Za-z]/.test(w))])].sort(
      (a, b) => b.length - a.length,
    );
    const escaped = all.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    const known = escaped.length ? new RegExp(`(?<![A-Za-z])(?:${escaped.join("|")})(?![A-Za-z])`, "g") : null;
    // Code names (tickets.submit, mail.send) are names in every language, like a ticket number.
    const codeName = /(?<![A-Za-z])[a-z_]+(?:\.[a-z_]+)+(?![A-Za-z])/g;
    const unknown = (text: string) =>
      /[A-Za-z]{2,}/.test((known ? text.replace(known, " ") : text).replace(codeName, " "));

    // Marked as being in another language (a language's own name, an article not yet translated): its words
    // are that language's, as the page says to assistive technology.
    const inOtherLanguage = (element: Element) => {
      const marked = element.closest("[lang]");
      return marked !== null && marked !== document.documentElement && marked.getAttribute("lang") !== language;
    };
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? "";
      const parent = node.parentElement;
      if (!parent || !/[A-Za-z]{2,}/.test(text)) continue;
      if (parent.closest("option, script, style, [hidden]")) continue;
      if (inOtherLanguage(parent)) continue;
      if (!parent.checkVisibility({ visibilityProperty: true })) continue;
      if (unknown(text)) found.push(text);
    }
    for (const element of document.body.querySelectorAll("[aria-label], [placeholder], [title], img[alt]")) {
      // Not read out (aria-hidden) and not seen: a measuring copy of a field, say.
      if (element.closest("[hidden], [aria-hidden='true']")) continue;
      if (inOtherLanguage(element)) continue;
      if (!element.checkVisibility({ visibilityProperty: true })) continue;
      for (const name of ["aria-label", "placeholder", "title", "alt"]) {
        const text = element.getAttribute(name)?.trim() ?? "";
        if (/[A-Za-z]{2,}/.test(text) && unknown(text)) found.push(`${name}="${text}"`);
      }
    }
    return found;
  }, words);
}
