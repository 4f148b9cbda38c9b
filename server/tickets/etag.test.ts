import { beforeAll, expect, it } from "vitest";
import type { App } from "../http/types.ts";
import { describeEachEngine } from "../test/engines.ts";
import { buildAgent, buildSubmission, buildTestApp, type SignedInClient, signInAs } from "../test/factories.ts";

describeEachEngine("ETag and If-Match on tickets", ({ db, engine }) => {
  let app: App;
  let agent: SignedInClient;
  let number: number;

  beforeAll(async () => {
    app = await buildTestApp(db(), engine);
    agent = await signInAs(app, await buildAgent(db()));
    const submitted = await app.inject({
      method: "POST",
      url: "/api/v1/tickets",
      payload: await buildSubmission(db()),
    });
    number = submitted.json().number;
  });

  const read = () => app.inject({ url: `/api/v1/tickets/${number}`, headers: { cookie: agent.cookie } });
  const patch = (payload: object, ifMatch?: string) =>
    app.inject({
      method: "PATCH",
      url: `/api/v1/tickets/${number}`,
      headers: {
        cookie: agent.cookie,
        "x-csrf-token": agent.csrfToken,
        ...(ifMatch === undefined ? {} : { "if-match": ifMatch }),
      },
      payload,
    });

  it("gives the same strong ETag while nothing changes, also when someone opens the ticket", async () => {
    const first = await read();
    expect(first.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    await app.inject({
      method: "POST",
      url: `/api/v1/tickets/${number}/views`,
      headers: { cookie: agent.cookie, "x-csrf-token": agent.csrfToken },
    });
    expect((await read()).headers.etag).toBe(first.headers.etag);
  });

  it("lets a write with the current ETag through and answers the new one", async () => {
    const etag = String((await read()).headers.etag);
    const changed = await patch({ priority: "urgent" }, etag);
    expect(changed.statusCode).toBe(204);
    expect(changed.headers.etag).not.toBe(etag);
    expect(changed.headers.etag).toBe((await read()).headers.etag);
  });

  it("refuses a write with a stale ETag with 412 and changes nothing", async () => {
    const stale = String((await read()).headers.etag);
    expect((await patch({ subject: "Changed by the first integration" }, stale)).statusCode).toBe(204);
    const second = await patch({ subject: "Changed by the second integration" }, stale);
    expect(second.statusCode).toBe(412);
    expect(second.json().error.code).toBe("precondition_failed");
    expect((await read()).json().subject).toBe("Changed by the first integration");
  });

  it("moves the ETag on for changes other than edits, such as a comment", async () => {
    const before = String((await read()).headers.etag);
    await app.inject({
      method: "POST",
      url: `/api/v1/tickets/${number}/comments`,
      headers: { cookie: agent.cookie, "x-csrf-token": agent.csrfToken },
      payload: { body: "Looking into it", kind: "note" },
    });
    expect((await patch({ priority: "low" }, before)).statusCode).toBe(412);
  });

  it("lets exactly one of two writers racing with the same ETag through", async () => {
    const etag = String((await read()).headers.etag);
    const answers = await Promise.all([patch({ subject: "Racer one" }, etag), patch({ subject: "Racer two" }, etag)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([204, 412]);
  });

  it("never matches a weak tag, matches * always, and writes unconditionally without If-Match", async () => {
    const etag = String((await read()).headers.etag);
    expect((await patch({ priority: "high" }, `W/${etag}`)).statusCode).toBe(412);
    expect((await patch({ priority: "high" }, `"other", ${etag}`)).statusCode).toBe(204);
    expect((await patch({ priority: "medium" }, "*")).statusCode).toBe(204);
    expect((await patch({ priority: "low" })).statusCode).toBe(204);
  });

  it("says not found, not 412, for a ticket out of reach", async () => {
    const response = await app.inject({
      method: "PATCH",
      url: "/api/v1/tickets/999999",
      headers: { cookie: agent.cookie, "x-csrf-token": agent.csrfToken, "if-match": '"x"' },
      payload: { priority: "low" },
    });
    expect(response.statusCode).toBe(404);
  });
});
