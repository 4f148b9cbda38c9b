/**
 * Fills a PostgreSQL bench database's report metrics from a SQLite one that `bench:seed` filled with the same
 * --seed and --tickets (so ticket N has the same history in both), instead of replaying every ticket's events
 * again (`metrics:backfill` takes 45 minutes at a million tickets on the 2-core machine). Ids differ between
 * the two databases, so rows are mapped by ticket number, group name, user email, type and policy name. Copies
 * `ticket_metrics`, `report_rollups` and `report_hours`; bench:reports then builds the report cube.
 *
 *   node bench/copy-metrics.ts --from-data-dir .tmp/bench-1m --to postgres://postgres@127.0.0.1:5432/sb_1m
 */
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { readConfig } from "../server/config.ts";
import { openDatabase } from "../server/db/database.ts";
import { migrateToLatest } from "../server/db/migrate.ts";
import { count, fail } from "./common.ts";

const PAGE = 5_000;
const INSERT_ROWS = 1_000;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { "from-data-dir": { type: "string" }, to: { type: "string" } } });
  const fromDir = values["from-data-dir"];
  const to = values.to;
  if (!fromDir || !to || !/^postgres(ql)?:\/\//.test(to)) fail("Give --from-data-dir DIR and --to postgres://…");
  const source = openDatabase(readConfig({ DATA_DIR: fromDir, LOG_LEVEL: "silent" })).db;
  const target = openDatabase(readConfig({ DATABASE_URL: to, LOG_LEVEL: "silent" })).db;
  await migrateToLatest(target, "postgres");
  try {
    const began = performance.now();
    const byName = async (table: "groups" | "ticket_types" | "sla_policies") => {
      const [from, into] = await Promise.all([
        source.selectFrom(table).select(["id", "name"]).execute(),
        target.selectFrom(table).select(["id", "name"]).execute(),
      ]);
      const ids = new Map(into.map((r) => [r.name, r.id]));
      return new Map(from.map((r) => [r.id, ids.get(r.name) ?? null]));
    };
    const groups = await byName("groups");
    const types = await byName("ticket_types");
    const policies = await byName("sla_policies");
    const [fromUsers, intoUsers] = await Promise.all([
      source.selectFrom("users").select(["id", "email"]).execute(),
      target.selectFrom("users").select(["id", "email"]).execute(),
    ]);
    const userIds = new Map(intoUsers.map((u) => [u.email, u.id]));
    const users = new Map(fromUsers.map((u) => [u.id, userIds.get(u.email) ?? null]));
    const tickets = new Map(
      (await target.selectFrom("tickets").select(["id", "number"]).execute()).map((t) => [t.number, t.id]),
    );
    const mapped = (map: Map<string, string | null>, id: string | null) => (id === null ? null : (map.get(id) ?? null));

    await target.deleteFrom("ticket_metrics").execute();
    let after = "";
    let copied = 0;
    for (;;) {
      const page = await source
        .selectFrom("ticket_metrics")
        .innerJoin("tickets", "tickets.id", "ticket_metrics.ticket_id")
        .selectAll("ticket_metrics")
        .select("tickets.number")
        .where("ticket_metrics.ticket_id", ">", after)
        .orderBy("ticket_metrics.ticket_id")
        .limit(PAGE)
        .execute();
      if (page.length === 0) break;
      after = page.at(-1)?.ticket_id ?? after;
      const rows = page.flatMap(({ number, ...row }) => {
        const ticketId = tickets.get(number);
        if (!ticketId) return [];
        return [
          {
            ...row,
            ticket_id: ticketId,
            group_id: mapped(groups, row.group_id),
            assignee_id: mapped(users, row.assignee_id),
            ticket_type_id: mapped(types, row.ticket_type_id),
            sla_policy_id: mapped(policies, row.sla_policy_id),
            // The seed sets neither.
            service_id: null,
            organization_id: null,
          },
        ];
      });
      for (let i = 0; i < rows.length; i += INSERT_ROWS) {
        await target
          .insertInto("ticket_metrics")
          .values(rows.slice(i, i + INSERT_ROWS))
          .execute();
      }
      copied += rows.length;
      process.stderr.write(`\r  ${count(copied)} metrics rows`);
    }
    process.stderr.write("\n");
    await target.deleteFrom("report_rollups").execute();
    const rollups = await source.selectFrom("report_rollups").selectAll().execute();
    const mappedRollups = rollups.map((r) => ({ ...r, group_id: r.group_id ? (groups.get(r.group_id) ?? "") : "" }));
    for (let i = 0; i < mappedRollups.length; i += INSERT_ROWS) {
      await target
        .insertInto("report_rollups")
        .values(mappedRollups.slice(i, i + INSERT_ROWS))
        .execute();
    }
    await target.deleteFrom("report_hours").execute();
    const hours = await source.selectFrom("report_hours").selectAll().execute();
    // An agent's slice is named by the agent's id ("assignee:<id>"); the seed gives no service or organization.
    const slice = (name: string) =>
      name.startsWith("assignee:") ? `assignee:${mapped(users, name.slice("assignee:".length)) ?? ""}` : name;
    const mappedHours = hours.map((r) => ({
      ...r,
      group_id: r.group_id ? (groups.get(r.group_id) ?? "") : "",
      slice: slice(r.slice),
    }));
    for (let i = 0; i < mappedHours.length; i += INSERT_ROWS) {
      await target
        .insertInto("report_hours")
        .values(mappedHours.slice(i, i + INSERT_ROWS))
        .execute();
    }
    await target.deleteFrom("report_cube").execute();
    await target.deleteFrom("report_periods").execute();
    console.log(
      `Copied ${count(copied)} metrics rows, ${count(rollups.length)} rollups and ${count(hours.length)} hours in ${((performance.now() - began) / 1000).toFixed(1)} s`,
    );
  } finally {
    await source.destroy();
    await target.destroy();
  }
}

main().catch((error: unknown) => {
  console.error("The copy failed:", error);
  process.exit(1);
});
