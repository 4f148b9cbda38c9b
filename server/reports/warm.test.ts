import type { KyselyPlugin } from "kysely";
import { afterEach, expect, it, vi } from "vitest";
import { reportKinds } from "../../common/reports.ts";
import { ensureCategories } from "../bootstrap.ts";
import { systemClock } from "../clock.ts";
import { describeEachEngine } from "../test/engines.ts";
import { testConfig } from "../test/factories.ts";
import { reportBuilders } from "./builders.ts";
import { buildReportCube } from "./cube/build.ts";
import { seedDemoHistory } from "./demo-history.ts";
import { periodOf } from "./period.ts";
import { warmQueries, warmReports } from "./warm.ts";

/**
 * The first report of each kind in a process reads the cube's rows of its periods from the database; later ones
 * add what was kept. The server warms them when it starts (server/main.ts), so the first person to open
 * Reports, with the web app's default periods, reads no cube rows.
 */
describeEachEngine("reports warmed", ({ db, engine }) => {
  afterEach(() => {
    vi.useRealTimers();
  });

  // Two months of worked tickets seeded through the real commands, and every report run four times over: more
  // than the default 20 s on a loaded machine.
  it("leaves every report's default periods kept, so the first request reads no cube rows", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-06-17T12:00:00Z"), shouldAdvanceTime: true });
    const config = testConfig();
    await ensureCategories(db());
    await seedDemoHistory(db(), engine, config, 62);
    let cubeReads = 0;
    const counter: KyselyPlugin = {
      transformQuery: (args) => {
        if (args.node.kind === "SelectQueryNode" && JSON.stringify(args.node).includes('"report_cube"')) cubeReads += 1;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const counted = db().withPlugin(counter);
    const runAll = async () => {
      cubeReads = 0;
      for (const query of warmQueries(systemClock())) {
        for (const kind of reportKinds) {
          await reportBuilders[kind]({
            db: counted,
            scope: { groups: null },
            query,
            period: periodOf(query),
            now: systemClock().toISOString(),
          });
        }
      }
      return cubeReads;
    };

    // Not warmed: the first requests read the cube's rows, the next ones do not.
    await buildReportCube(db(), systemClock());
    expect(await runAll()).toBeGreaterThan(0);
    expect(await runAll()).toBe(0);

    // Every period built again (new build ids, nothing kept of them), then warmed as the server does at start.
    await db().updateTable("report_periods").set({ state: "dirty" }).execute();
    await buildReportCube(db(), systemClock());
    await warmReports(db(), systemClock());
    expect(await runAll()).toBe(0);
  }, 120_000);
});
