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

test("with a modal dialog open, the accessibility check judges the dialog, not the page dimmed behind it", async ({
  page,
}) => {
  // The page behind has a fault of its own (an image with no text), which the check finds while nothing covers it.
  await page.setContent(`<!doctype html><html lang="en"><head><title>Check</title>
    <style>.overlay { position: fixed; inset: 0; background: rgb(0 0 0 / 60%); }</style></head>
    <body><main><h1>Check</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>`);
  await expect(expectAccessible(page)).rejects.toThrow(/image-alt/);
  await page.evaluate(() => {
    document.body.insertAdjacentHTML(
      "beforeend",
      `<div class="overlay"></div>
       <section role="dialog" aria-modal="true" aria-labelledby="title" style="position: fixed; top: 2rem; background: #fff">
         <h2 id="title">Delete this comment?</h2><button type="button">Delete</button>
       </section>`,
    );
  });
  await expectAccessible(page);
});
