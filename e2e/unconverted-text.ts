import type { Page } from "@playwright/test";

/**
 * Visible text on the page that did not come from a catalog. Every letter of a pseudo-locale message is an
 * accented look-alike, so two plain ASCII letters in a row are text that bypassed the catalogs, unless they are
 * words the page may show as they are: what the test typed, what admins entered or the seed wrote (service
 * names, ticket subjects, article text), passed as `allowed`. A text node is clean once every allowed string is
 * taken out of it. Attributes people hear or hover (aria-label, placeholder, title, alt) count as text. Left out: a language's own name in the switcher's options, and times (`<time>`), which the
 * browser's Intl writes in the pseudo-locale's base language.
 */
export async function unconvertedText(page: Page, allowed: readonly string[]): Promise<string[]> {
  // Longest first, so "General question" is taken out before "General" could split it.
  const words = [...new Set(allowed.map((a) => a.trim()).filter((a) => /[A-Za-z]/.test(a)))].sort(
    (a, b) => b.length - a.length,
  );
  return page.evaluate((words) => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? "";
      const parent = node.parentElement;
      if (!parent || !/[A-Za-z]{2,}/.test(text)) continue;
      if (parent.closest("option, script, style, time, [hidden]")) continue;
      const style = getComputedStyle(parent);
      if (style.display === "none" || style.visibility === "hidden") continue;
      let rest = text;
      for (const word of words) rest = rest.split(word).join(" ");
      if (/[A-Za-z]{2,}/.test(rest)) found.push(text);
    }
    // What assistive technology and hovering read out counts too: names, placeholders, tooltips, alt texts.
    for (const element of document.body.querySelectorAll("[aria-label], [placeholder], [title], img[alt]")) {
      if (element.closest("time, [hidden]") || !(element as HTMLElement).checkVisibility?.()) continue;
      for (const name of ["aria-label", "placeholder", "title", "alt"]) {
        const text = element.getAttribute(name)?.trim() ?? "";
        if (!/[A-Za-z]{2,}/.test(text)) continue;
        let rest = text;
        for (const word of words) rest = rest.split(word).join(" ");
        if (/[A-Za-z]{2,}/.test(rest)) found.push(`${name}="${text}"`);
      }
    }
    return found;
  }, words);
}
