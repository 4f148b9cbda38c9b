import { defineConfig } from "@playwright/test";

/**
 * The browser journeys run against real servers started here, one per engine,
 * in Debian's Chromium headless shell (no browser download; CHROMIUM_PATH picks another). Set E2E_ENGINES=sqlite to skip
 * PostgreSQL locally; CI always runs both.
 */
// E2E_PORT_BASE lets two runs on one machine use different ports.
const base = Number(process.env.E2E_PORT_BASE ?? 4101);
const ports = { sqlite: base, postgres: base + 1 } as const;
const requested = (process.env.CI === "true" ? undefined : process.env.E2E_ENGINES)?.split(",") ?? [
  "sqlite",
  "postgres",
];
const engines = (["sqlite", "postgres"] as const).filter((engine) => requested.includes(engine));

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  // One journey at a time per engine (each engine's server is shared state), both engines side by side:
  // the suite takes about half as long, and a journey never sees another journey's tickets on its server.
  workers: engines.length,
  forbidOnly: process.env.CI === "true",
  retries: 0,
  reporter: [["list"], ["json", { outputFile: ".tmp/playwright-report.json" }]],
  // Journeys are long and CI machines are shared (a loaded 2-core machine answered trivial requests in 100–400 ms
  // during the suite); these only bound a hung test or a missing element, they measure nothing.
  timeout: 180_000,
  expect: { timeout: 20_000 },
  use: {
    // A click or fill whose element never comes fails within a minute, naming the element, instead of holding the
    // journey to its whole limit (a second sign-in once waited ten minutes for a form a signed-in admin never sees).
    actionTimeout: 60_000,
    navigationTimeout: 60_000,
    // No transitions: axe then never samples a dialog halfway through fading in.
    reducedMotion: "reduce",
    // A trace records every action's DOM and a screencast, which cost a third of a journey's CPU; CI's output is
    // text only, so CI runs without one (the failure's screenshot and error context are still written).
    trace: process.env.CI === "true" ? "off" : "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      // Chromium's headless shell (Debian's chromium-headless-shell), not the full browser run headless: the
      // same engine, and about a third less CPU per journey (docs/decisions.md, "The suite's time").
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium-headless-shell",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: engines.map((engine) => ({
    name: engine,
    workers: 1,
    use: { baseURL: `http://127.0.0.1:${ports[engine]}` },
  })),
  webServer: engines.map((engine) => ({
    command: `node e2e/serve.ts ${engine} ${ports[engine]}`,
    url: `http://127.0.0.1:${ports[engine]}/readyz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  })),
});
