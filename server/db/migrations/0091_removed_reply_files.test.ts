import { describe, expect } from "vitest";
import {
  buildAgent,
  buildCustomer,
  buildSubmission,
  buildTestApp,
  multipartForm,
  type SignedInClient,
  signInAs,
  testConfig,
} from "../../test/factories.ts";
import { itFromMigration } from "../../test/migration-test.ts";
import { migrateToLatest } from "../migrate.ts";

describe("migration 0091: the files of replies removed before it become the agents'", () => {
  itFromMigration(
    "takes a removed reply's files from the requester and leaves the other replies' files",
    "0090_search_follows_comment_changes",
    async (db, engine) => {
      const app = await buildTestApp(db, engine, testConfig({ dataDir: `.tmp/migration-0091-${engine}` }));
      try {
        const agent = await signInAs(app, await buildAgent(db));
        const customer = await signInAs(app, await buildCustomer(db));
        const headers = (client: SignedInClient) => ({ cookie: client.cookie, "x-csrf-token": client.csrfToken });
        const number = (
          await app.inject({
            method: "POST",
            url: "/api/v1/tickets",
            headers: headers(customer),
            payload: await buildSubmission(db),
          })
        ).json().number;
        const reply = async (body: string, file: string) => {
          const form = multipartForm("comment", { body }, [{ name: file, content: "x" }]);
          const sent = await app.inject({
            method: "POST",
            url: `/api/v1/tickets/${number}/comments/with-attachments`,
            headers: { ...headers(agent), ...form.headers },
            payload: form.payload,
          });
          expect(sent.statusCode, sent.body).toBe(201);
          return sent.json().id as string;
        };
        const wrong = await reply("Here is the invoice", "someone-elses-invoice.pdf");
        await reply("Here is the manual", "manual.pdf");
        const removed = await app.inject({
          method: "DELETE",
          url: `/api/v1/tickets/${number}/comments/${wrong}`,
          headers: headers(agent),
        });
        expect(removed.statusCode).toBe(204);
        // As a server before the fix left it: the removed reply's file still public.
        await db.updateTable("attachments").set({ visibility: "public" }).execute();
        const listed = async () =>
          (await app.inject({ method: "GET", url: `/api/v1/tickets/${number}`, headers: headers(customer) }))
            .json()
            .attachments.map((a: { fileName: string }) => a.fileName);
        expect(await listed()).toEqual(["someone-elses-invoice.pdf", "manual.pdf"]);

        await migrateToLatest(db, engine);
        expect(await listed()).toEqual(["manual.pdf"]);
        const all = await app.inject({ method: "GET", url: `/api/v1/tickets/${number}`, headers: headers(agent) });
        expect(all.json().attachments).toHaveLength(2);
      } finally {
        await app.close();
      }
    },
  );
});
