/**
 * How fast the agent's pages feel in a real browser (Playwright driving Debian's Chromium): time to the first
 * useful paint of the workspace and of a ticket page, cold (empty browser cache) and warm (reload), moving
 * between tickets with the j/k shortcuts once each has been seen, saving the edit dialog, and ticking a task.
 * It starts its own server (e2e/serve.ts, SQLite, on --port) from the current build (`npm run build` first)
 * and adds --tickets tickets through the API. Medians over --runs.
 *
 *   npm run build && npm run bench:pages
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { type Browser, type BrowserContext, chromium, type Page } from "@playwright/test";
import { e2eAdmin } from "../e2e/fixtures.ts";
import { fail, intOption, ms, percentile, table } from "./common.ts";

const usage = `Usage: node bench/pages.ts [options]

  --port N      port for the server it starts (default 4190)
  --runs N      timed runs of each measurement (default 7)
  --tickets N   tickets to add first (default 30)
`;

const { values } = parseArgs({
  options: {
    port: { type: "string" },
    runs: { type: "string" },
    tickets: { type: "string" },
    help: { type: "boolean" },
  },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const port = intOption("port", values.port, 4190);
const runs = intOption("runs", values.runs, 7);
const ticketCount = intOption("tickets", values.tickets, 30);
const base = `http://127.0.0.1:${port}`;

async function startServer(): Promise<ChildProcess> {
  const server = spawn(process.execPath, [path.join(import.meta.dirname, "../e2e/serve.ts"), "sqlite", String(port)], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 120; i++) {
    if (server.exitCode !== null) fail("The server did not start (see above).");
    const ready = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return server;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  fail("The server did not answer /readyz within a minute.");
}

async function signedInContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1366, height: 900 } });
  const answer = await context.request.post("/api/v1/session", { data: e2eAdmin });
  if (!answer.ok()) fail(`Signing in failed: ${answer.status()} ${await answer.text()}`);
  return context;
}

/** Adds tickets and a task on the first one, as the admin, through the API. */
async function seed(context: BrowserContext): Promise<number[]> {
  const { csrfToken } = (await (await context.request.get("/api/v1/session")).json()) as { csrfToken: string };
  const headers = { "x-csrf-token": csrfToken };
  const { categories } = (await (await context.request.get("/api/v1/categories")).json()) as {
    categories: { id: string }[];
  };
  const numbers: number[] = [];
  for (let i = 0; i < ticketCount; i++) {
    const answer = await context.request.post("/api/v1/tickets", {
      headers,
      data: {
        subject: `Benchmark ticket ${i + 1}: the printer on floor ${i % 5} jams`,
        priority: (["low", "medium", "high", "urgent"] as const)[i % 4],
        message: "It jams on every second page since this morning. ".repeat(8),
        name: "Bench Requester",
        email: "bench.requester@example.com",
        categoryId: categories[0]?.id,
      },
    });
    if (!answer.ok()) fail(`Creating a ticket failed: ${answer.status()} ${await answer.text()}`);
    numbers.push(((await answer.json()) as { number: number }).number);
  }
  const first = numbers.at(-1);
  const task = await context.request.post(`/api/v1/tickets/${first}/tasks`, {
    headers,
    data: { title: "Order a new fuser unit" },
  });
  if (!task.ok()) fail(`Adding a task failed: ${task.status()} ${await task.text()}`);
  return numbers;
}

/** Waits, checking every animation frame, until the page shows what `ready` looks for. */
async function until(page: Page, ready: string): Promise<void> {
  await page.waitForFunction(ready, undefined, { polling: "raf", timeout: 60_000 });
}

const listReady = "document.querySelectorAll('main tbody tr a[href^=\"/agent/tickets/\"]').length > 0";
const ticketReady = (n: number) =>
  `(document.querySelector('main h1')?.textContent ?? '').startsWith('#${n} ') && !!document.querySelector('#ticket-message') && !!document.querySelector('ul[aria-label="Task list"], section[aria-labelledby="tasks-heading"] p')`;

/** Milliseconds from the start of navigation until the page is useful, as the page's own clock says. */
async function paintAfterGoto(page: Page, url: string, ready: string): Promise<number> {
  await page.goto(url, { waitUntil: "commit" });
  await until(page, ready);
  return page.evaluate(() => performance.now());
}

async function timed(action: () => Promise<unknown>, page: Page, ready: string): Promise<number> {
  const started = Date.now();
  await action();
  await until(page, ready);
  return Date.now() - started;
}

const samples = new Map<string, number[]>();
function record(name: string, value: number): void {
  if (process.env.BENCH_VERBOSE) console.error(`${name}: ${value}`);
  samples.set(name, [...(samples.get(name) ?? []), value]);
}

const log = (message: string) => process.env.BENCH_VERBOSE && console.error(message);
const server = await startServer();
// However this ends (a failed step exits at once), the server goes with it.
process.on("exit", () => server.kill("SIGTERM"));
log("server ready");
const browser = await chromium.launch({
  // The full browser where it is installed (what people use; the earlier figures come from it), else the headless
  // shell the tests install.
  executablePath:
    process.env.CHROMIUM_PATH ??
    (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : "/usr/bin/chromium-headless-shell"),
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
try {
  const seeding = await signedInContext(browser);
  const numbers = await seed(seeding);
  log(`seeded ${numbers.join(" ")}`);
  await seeding.close();
  const [newest, second] = [numbers.at(-1) ?? 0, numbers.at(-2) ?? 0];

  for (let run = 0; run < runs; run++) {
    const context = await signedInContext(browser);
    const page = await context.newPage();
    record("workspace, cold cache", await paintAfterGoto(page, "/agent/tickets", listReady));
    record("workspace, warm cache (reload)", await paintAfterGoto(page, "/agent/tickets", listReady));
    // From the list (which remembers its order for j/k), into the newest ticket.
    record(
      "list → ticket (click)",
      await timed(
        () => page.locator(`main a[href="/agent/tickets/${newest}"]`).first().click(),
        page,
        ticketReady(newest),
      ),
    );
    // j/k between tickets: the first visit of each loads it, the way back is the warm case.
    record(
      "ticket → next ticket (j), first visit",
      await timed(() => page.keyboard.press("j"), page, ticketReady(second)),
    );
    record(
      "ticket → previous ticket (k), seen before",
      await timed(() => page.keyboard.press("k"), page, ticketReady(newest)),
    );
    record(
      "ticket → next ticket (j), seen before",
      await timed(() => page.keyboard.press("j"), page, ticketReady(second)),
    );
    await page.keyboard.press("k");
    await until(page, ticketReady(newest));

    const checkbox = page.getByRole("checkbox", { name: "Order a new fuser unit" });
    const checked = await checkbox.isChecked();
    record(
      "tick a task",
      await timed(
        () => checkbox.click(),
        page,
        `document.querySelector('ul[aria-label="Task list"] input[type=checkbox]')?.checked === ${!checked}`,
      ),
    );

    await page.getByRole("button", { name: "Edit", exact: true }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Subject", { exact: true }).fill(`Benchmark ticket ${run}: the printer jams`);
    record(
      "save the edit dialog",
      await timed(
        () => dialog.getByRole("button", { name: "Save changes" }).click(),
        page,
        `!document.querySelector('[role=dialog]') && (document.querySelector('main h1')?.textContent ?? '').includes('Benchmark ticket ${run}:')`,
      ),
    );

    const cold = await signedInContext(browser);
    const ticketPage = await cold.newPage();
    record(
      "ticket page, cold cache",
      await paintAfterGoto(ticketPage, `/agent/tickets/${newest}`, ticketReady(newest)),
    );
    record(
      "ticket page, warm cache (reload)",
      await paintAfterGoto(ticketPage, `/agent/tickets/${newest}`, ticketReady(newest)),
    );
    await cold.close();
    await context.close();
  }

  const rows = [["measurement", "median ms", "p90 ms", "min ms"]];
  for (const [name, values] of samples) {
    const sorted = [...values].sort((a, b) => a - b);
    rows.push([name, ms(percentile(sorted, 50)), ms(percentile(sorted, 90)), ms(sorted[0] ?? Number.NaN)]);
  }
  console.log(table(rows));
  console.log(
    `\n${runs} runs, ${ticketCount} tickets, viewport 1366×900; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  );
} finally {
  await browser.close();
  server.kill("SIGTERM");
}
