import { describe, expect } from "vitest";
import { createUser } from "../../accounts/commands/create-user.ts";
import { hashToken, newToken } from "../../accounts/tokens.ts";
import { buildTestApp, testConfig } from "../../test/factories.ts";
import { itFromMigration } from "../../test/migration-test.ts";
import { migrateToLatest } from "../migrate.ts";

describe("migration 0093: a confirmation link carries its registration", () => {
  itFromMigration(
    "keeps a link mailed before it working, confirming the account as it stands",
    "0092_open_work_index",
    async (db, engine) => {
      const user = await createUser(db, {
        email: "before@example.com",
        name: "Before",
        password: "the password chosen",
        licence: "customer",
        confirmed: false,
      });
      // A link as a server before the migration stored it: no registration columns yet.
      const token = newToken();
      await db
        .insertInto("account_tokens")
        .values({
          id: hashToken(token),
          user_id: user.id,
          purpose: "confirm_email",
          created_at: new Date().toISOString(),
          expires_at: new Date(Date.now() + 60_000).toISOString(),
          used_at: null,
        })
        .execute();
      await migrateToLatest(db, engine);
      const app = await buildTestApp(db, engine, testConfig({ dataDir: `.tmp/migration-0093-${engine}` }));
      try {
        const confirmed = await app.inject({
          method: "POST",
          url: "/api/v1/accounts/confirmation",
          payload: { token },
        });
        expect(confirmed.statusCode, confirmed.body).toBe(200);
        const signedIn = await app.inject({
          method: "POST",
          url: "/api/v1/session",
          payload: { email: "before@example.com", password: "the password chosen" },
        });
        expect(signedIn.statusCode).toBe(200);
        expect(signedIn.json().user.name).toBe("Before");
      } finally {
        await app.close();
      }
    },
  );
});
