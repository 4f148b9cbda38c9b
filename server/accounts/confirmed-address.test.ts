import { sql } from "kysely";
import { expect, it } from "vitest";
import { describeEachEngine } from "../test/engines.ts";

/**
 * Every guest submission asks whether its address ever used an access link (confirmed-address.ts); what the
 * answer means for the confirmation mail is tested in tickets/open-form-abuse.test.ts. This is about its cost:
 * the question must not read every link kept (migration 0082).
 */
describeEachEngine("whether an address has used an access link", ({ db, engine }) => {
  it("is looked up in an index of the used links' addresses, not through every link", async () => {
    if (engine === "sqlite") {
      const { rows } = await sql<{ detail: string }>`explain query plan select id from guest_links
        where email = ${"a@example.com"} and used_at is not null`.execute(db());
      expect(rows.map((r) => r.detail).join(" ")).toContain("guest_links_used_email");
      return;
    }
    // PostgreSQL reads a table this small whole whatever its indexes; without that option it shows the one it has.
    const plan = await db()
      .transaction()
      .execute(async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx);
        const { rows } = await sql<{ "QUERY PLAN": string }>`explain select id from guest_links
          where email = ${"a@example.com"} and used_at is not null`.execute(trx);
        return rows.map((r) => r["QUERY PLAN"]).join(" ");
      });
    expect(plan).toContain("guest_links_used_email");
  });
});
