import { Migrator } from "kysely/migration";
import { afterEach, describe, expect, it } from "vitest";
import { anonymous } from "../core/actor.ts";
import { openPostgres } from "../db/database.ts";
import { migrateToLatest, migrations } from "../db/migrate.ts";
import { createBlankDatabase, describeEachEngine, isPostgresReachable } from "../test/engines.ts";
import { buildSubmission, testConfig } from "../test/factories.ts";
import { submitTicket } from "./commands/submit-ticket.ts";
import { nextTicketNumber } from "./numbers.ts";

describeEachEngine("ticket numbers", ({ db, engine }) => {
  const ctx = () => ({ db: db(), config: testConfig() });

  it("gives creates made at once distinct numbers, all after the ones before and before the ones after", async () => {
    const submission = await buildSubmission(db());
    const first = await submitTicket(ctx(), anonymous, submission);
    const together = await Promise.all(
      Array.from({ length: 40 }, (_, i) => submitTicket(ctx(), anonymous, { ...submission, subject: `At once ${i}` })),
    );
    const last = await submitTicket(ctx(), anonymous, submission);
    const numbers = together.map((t) => t.number);
    expect(new Set(numbers).size).toBe(40);
    expect(Math.min(...numbers)).toBeGreaterThan(first.number);
    expect(Math.max(...numbers)).toBeLessThan(last.number);
    const stored = await db().selectFrom("tickets").select("number").where("number", "in", numbers).execute();
    expect(stored).toHaveLength(40);
  });

  it.skipIf(engine !== "postgres")(
    "lets a create finish while another create's transaction, holding its number, is still open",
    async () => {
      // With a counter row locked until commit, the second create would wait for the first forever here.
      const [held, meanwhile] = await db()
        .transaction()
        .execute(async (trx) => {
          const number = await nextTicketNumber(trx);
          const other = await submitTicket(ctx(), anonymous, await buildSubmission(db()));
          return [number, other.number];
        });
      expect(meanwhile).toBeGreaterThan(held);
    },
  );

  it.skipIf(engine !== "postgres")(
    "never gives two app instances (separate connection pools) the same number",
    async () => {
      const { url } = await db()
        .selectNoFrom((eb) => eb.fn<string>("current_database", []).as("url"))
        .executeTakeFirstOrThrow();
      const address = new URL(process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
      address.pathname = `/${url}`;
      const other = openPostgres(address.toString(), 4);
      try {
        const submission = await buildSubmission(db());
        const results = await Promise.all(
          Array.from({ length: 30 }, (_, i) =>
            submitTicket({ db: i % 2 ? db() : other.db, config: testConfig() }, anonymous, submission),
          ),
        );
        expect(new Set(results.map((r) => r.number)).size).toBe(30);
      } finally {
        await other.db.destroy();
      }
    },
  );
});

describe("migration 0028: PostgreSQL numbers come from a sequence", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  for (const engine of ["sqlite", "postgres"] as const) {
    it(`numbers on after the highest number the counter handed out before the upgrade (${engine})`, async () => {
      if (engine === "postgres" && !(await isPostgresReachable())) {
        if (process.env.CI === "true") throw new Error("PostgreSQL is not reachable");
        return;
      }
      const scratch = await createBlankDatabase(engine);
      cleanups.push(scratch.drop);
      const migrator = new Migrator({ db: scratch.db, provider: { getMigrations: async () => migrations(engine) } });
      expect((await migrator.migrateTo("0026_knowledge_base")).error).toBeUndefined();
      await scratch.db.updateTable("counters").set({ value: 52_000 }).where("name", "=", "ticket_number").execute();

      await migrateToLatest(scratch.db, engine);
      const { number } = await submitTicket(
        { db: scratch.db, config: testConfig() },
        anonymous,
        await buildSubmission(scratch.db),
      );
      expect(number).toBe(52_001);
    });
  }
});
