import { expect, it } from "vitest";
import type { Report, ReportQuery } from "../../common/reports.ts";
import { createGroup } from "../accounts/commands/manage-directory.ts";
import { describeEachEngine } from "../test/engines.ts";
import { actorOf, buildAdmin, buildCustomer, buildSubmission, testConfig } from "../test/factories.ts";
import { deleteTicket } from "../tickets/commands/delete-ticket.ts";
import { submitTicket } from "../tickets/commands/submit-ticket.ts";
import { updateTicket } from "../tickets/commands/update-ticket.ts";
import { reportBuilders } from "./builders.ts";
import { periodOf } from "./period.ts";

/** The SLA report's "Late now" and "Due within an hour": every such ticket counted, the list the soonest. */
describeEachEngine("the SLA report's due lists", ({ db, engine }) => {
  it("counts every late ticket past the list's hundred, and leaves deleted tickets out of both", async () => {
    const config = testConfig();
    const ctx = { db: db(), engine, config };
    const admin = await actorOf(db(), await buildAdmin(db()));
    const customer = await actorOf(db(), await buildCustomer(db()));
    const team = await createGroup(db(), { name: "Late team" });
    const numbers: number[] = [];
    for (let i = 0; i < 104; i++) numbers.push((await submitTicket(ctx, customer, await buildSubmission(db()))).number);
    const [soon, soonDeleted, deleted, teamLate, ...rest] = numbers as [number, number, number, number, ...number[]];
    await updateTicket(ctx, admin, teamLate, { groupId: team });
    await updateTicket(ctx, admin, soon, { groupId: team });
    await deleteTicket(ctx, admin, deleted);
    await deleteTicket(ctx, admin, soonDeleted);
    // Due times as the SLA would have left them: all late but two, due within the hour.
    const now = Date.now();
    const at = (ms: number) => new Date(ms).toISOString();
    await db()
      .updateTable("tickets")
      .set({ due_at: at(now - 2 * 3_600_000) })
      .where("number", "in", [deleted, teamLate, ...rest])
      .execute();
    await db()
      .updateTable("tickets")
      .set({ due_at: at(now + 30 * 60_000) })
      .where("number", "in", [soon, soonDeleted])
      .execute();

    const sla = async (filters: Partial<ReportQuery> = {}) => {
      const day = at(now).slice(0, 10);
      const query: ReportQuery = {
        from: day,
        to: day,
        timeZone: "UTC",
        interval: "day",
        clock: "calendar",
        ...filters,
      };
      const report: Pick<Report, "figures" | "tables"> = await reportBuilders.sla({
        db: db(),
        scope: { groups: null },
        query,
        period: periodOf(query),
        now: at(now),
      });
      const figure = (key: string) => report.figures.find((f) => f.key === key)?.value;
      const listed = (key: string) => report.tables.find((t) => t.key === key)?.rows.map((r) => r.ticketNumber) ?? [];
      return { late: figure("late"), atRisk: figure("at_risk"), lateList: listed("late"), soonList: listed("at_risk") };
    };

    const everyone = await sla();
    // 101 late (the deleted one is not), of which the list shows the first hundred.
    expect(everyone.late).toBe(101);
    expect(everyone.lateList).toHaveLength(100);
    expect(everyone.lateList).not.toContain(deleted);
    expect(everyone.atRisk).toBe(1);
    expect(everyone.soonList).toEqual([soon]);
    // A group's: its one late ticket and its one due soon.
    const team1 = await sla({ groupId: team });
    expect(team1).toMatchObject({ late: 1, atRisk: 1, lateList: [teamLate], soonList: [soon] });
  });
});
