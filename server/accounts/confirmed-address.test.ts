import { sql } from "kysely";
import { expect, it } from "vitest";
import { describeEachEngine } from "../test/engines.ts";
import { planOf } from "../test/plans.ts";

/**
 * Every guest submission asks whether its address ever used an access link (confirmed-address.ts); what the
 * answer means for the confirmation mail is tested in tickets/open-form-abuse.test.ts. This is about its cost:
 * the question must not read every link kept (migration 0082).
 */
describeEachEngine("whether an address has used an access link", ({ db, engine }) => {
  it("is looked up in an index of the used links' addresses, not through every link", async () => {
    const query = sql`select id from guest_links where email = ${"a@example.com"} and used_at is not null`;
    const plan = await planOf(db(), engine, query.compile(db()));
    expect(plan).toContain("guest_links_used_email");
  });
});
