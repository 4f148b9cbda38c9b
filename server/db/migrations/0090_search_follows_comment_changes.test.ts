import { describe, expect } from "vitest";
import { buildAgent, buildCustomer, buildSubmission, buildTestApp, signInAs } from "../../test/factories.ts";
import { itFromMigration } from "../../test/migration-test.ts";
import { migrateToLatest } from "../migrate.ts";

describe("migration 0090: the search index follows edited and removed comments", () => {
  itFromMigration(
    "indexes again the tickets whose comments were removed or edited before it",
    "0089_shipped_translations",
    async (db, engine) => {
      const app = await buildTestApp(db, engine);
      try {
        const agent = await signInAs(app, await buildAgent(db));
        const customer = await signInAs(app, await buildCustomer(db));
        const as = (client: typeof agent, method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: object) =>
          app.inject({
            method,
            url,
            headers: { cookie: client.cookie, "x-csrf-token": client.csrfToken },
            ...(payload ? { payload: payload as Record<string, unknown> } : {}),
          });
        const found = async (q: string) =>
          (await as(customer, "GET", `/api/v1/search?q=${q}`))
            .json()
            .hits.map((h: { ticket: { number: number } }) => h.ticket.number);
        const number = (await as(customer, "POST", "/api/v1/tickets", await buildSubmission(db))).json().number;
        const leaked = (
          await as(agent, "POST", `/api/v1/tickets/${number}/comments`, { body: "Password hunter2wombat" })
        ).json().id;
        const typo = (
          await as(agent, "POST", `/api/v1/tickets/${number}/comments`, { body: "Extension quodlibet" })
        ).json().id;
        expect((await as(agent, "DELETE", `/api/v1/tickets/${number}/comments/${leaked}`)).statusCode).toBe(204);
        expect(
          (await as(agent, "PATCH", `/api/v1/tickets/${number}/comments/${typo}`, { body: "Extension 4472" }))
            .statusCode,
        ).toBe(204);
        // Before: the index still had the words.
        expect(await found("hunter2wombat")).toEqual([number]);

        await migrateToLatest(db, engine);
        expect(await found("hunter2wombat")).toEqual([]);
        expect(await found("quodlibet")).toEqual([]);
        expect(await found("4472")).toEqual([number]);
      } finally {
        await app.close();
      }
    },
  );
});
