import { expect, test } from "@playwright/test";
import { expectAccessible } from "./fixtures.ts";

// The journeys' accessibility check judges a page as it settles, not a frame of a transition.
test("the accessibility check waits for a transition to end before it measures colours", async ({ page }) => {
  await page.setContent(`<!doctype html><html lang="en"><head><title>Check</title>
    <style>
      p { color: #000; background: #fff; transition: color 1.5s linear; }
      p.faint { color: #eee; }
    </style></head>
    <body><main><h1>Check</h1><p class="faint" id="text">Text that turns dark</p></main></body></html>`);
  // Starts a transition from a faint colour to black: half-way through it, the text is too faint to read.
  await page.evaluate(() => {
    const text = document.getElementById("text");
    text?.getBoundingClientRect();
    text?.classList.remove("faint");
  });
  await expect(page.locator("#text")).toBeVisible();
  await expectAccessible(page);
});
