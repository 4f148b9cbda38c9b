import { beforeAll, expect, it } from "vitest";
import { describeEachEngine } from "../test/engines.ts";
import { buildSubmission, buildTestApp, buildUser, type SignedInClient, signInAs } from "../test/factories.ts";
import type { App } from "./types.ts";

describeEachEngine("requests an integrator gets wrong are refused, saying which field and why", ({ db, engine }) => {
  let app: App;
  let admin: SignedInClient;
  let number: number;

  const call = (method: "GET" | "POST" | "PATCH", url: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: { cookie: admin.cookie, "x-csrf-token": admin.csrfToken, "content-type": "application/json" },
      ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
    });
  const ticket = async () => (await call("GET", `/api/v1/tickets/${number}`)).json();

  beforeAll(async () => {
    app = await buildTestApp(db(), engine);
    admin = await signInAs(app, await buildUser(db(), "admin"));
    number = (await call("POST", "/api/v1/tickets", await buildSubmission(db()))).json().number;
  });

  it("refuses a misspelt key instead of answering 204 with nothing changed", async () => {
    const before = await ticket();
    const answer = await call("PATCH", `/api/v1/tickets/${number}`, { prority: "urgent", subject: "Renamed" });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().error).toEqual({
      code: "validation_failed",
      message: "Some fields need attention.",
      fields: { prority: "This field is not known here: check its name in the API reference." },
    });
    // Nothing of the request applied, not even its valid part.
    const after = await ticket();
    expect(after.subject).toBe(before.subject);
    expect(after.priority).toBe(before.priority);
  });

  it("refuses a misspelt filter in a query string instead of listing every ticket", async () => {
    const answer = await call("GET", "/api/v1/tickets?priorty=urgent");
    expect(answer.statusCode).toBe(400);
    expect(answer.json().error.fields).toEqual({
      priorty: "This field is not known here: check its name in the API reference.",
    });
    // The same in the agent's queues and the admin's lists; the names they do take still work.
    expect((await call("GET", "/api/v1/agent/tickets?queue=all&statusID=x")).statusCode).toBe(400);
    expect((await call("GET", "/api/v1/admin/users?q=someone")).statusCode).toBe(400);
    expect((await call("GET", "/api/v1/admin/users?search=someone")).statusCode).toBe(200);
    expect((await call("GET", "/api/v1/tickets?limit=1")).statusCode).toBe(200);
  });

  it("refuses a query string on an operation that takes none, instead of answering as if it were not sent", async () => {
    // `?limit=10` on the automation log listed every run: the integrator could not tell it was ignored.
    const runs = await call("GET", "/api/v1/admin/automation-runs?limit=10");
    expect(runs.statusCode).toBe(400);
    expect(runs.json().error.fields).toEqual({
      limit: "This field is not known here: check its name in the API reference.",
    });
    expect((await call("GET", "/api/v1/admin/automation-runs")).statusCode).toBe(200);
    // A write too: nothing of it applies.
    const before = await ticket();
    const renamed = await call("PATCH", `/api/v1/tickets/${number}?notify=false`, { subject: "Quietly renamed" });
    expect(renamed.statusCode).toBe(400);
    expect((await ticket()).subject).toBe(before.subject);
  });

  it("says a query key sent twice must be sent once, where the operation takes one value", async () => {
    // "That is not a queue." was wrong about `mine`, which is one.
    const twice = await call("GET", "/api/v1/agent/tickets?queue=all&queue=mine");
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.fields).toEqual({ queue: "Send this field once." });
    const search = await call("GET", "/api/v1/search?q=vpn&q=printer");
    expect(search.json().error.fields).toEqual({ q: "Send this field once." });
    // A value wrong in itself is named by its own sentence, and a filter that takes a list takes it.
    const wrong = await call("GET", "/api/v1/agent/tickets?queue=all&queue=nowhere");
    expect(wrong.json().error.fields).toEqual({ queue: "That is not a queue." });
    const priorities = await call("GET", "/api/v1/agent/tickets?queue=all&priority=high&priority=urgent");
    expect(priorities.statusCode).toBe(200);
    expect(priorities.json().tickets.map((t: { number: number }) => t.number)).toEqual([number]);
  });

  it("names a field whose value has the wrong type in plain words, not zod's", async () => {
    const limit = await call("GET", "/api/v1/tickets?limit=abc");
    expect(limit.statusCode).toBe(400);
    expect(limit.json().error.fields).toEqual({ limit: "Enter a number." });
    const tooMany = await call("GET", "/api/v1/tickets?limit=100000");
    expect(tooMany.json().error.fields).toEqual({ limit: "Use a number no larger than 100." });
    const fields = await call("PATCH", `/api/v1/tickets/${number}`, { fields: "domain=example.com" });
    expect(fields.json().error.fields).toEqual({ fields: "Send an object." });
  });

  it("says the body must be an object only when it is not one, not when a field called body is wrong", async () => {
    const comment = await call("POST", `/api/v1/tickets/${number}/comments`, { body: 5 });
    expect(comment.statusCode).toBe(400);
    expect(comment.json().error.message).toBe("Some fields need attention.");
    expect(comment.json().error.fields).toEqual({ body: "Write a comment." });
    const list = await call("PATCH", `/api/v1/tickets/${number}`, [{ priority: "high" }]);
    expect(list.statusCode).toBe(400);
    expect(list.json().error.message).toBe("The request body must be a JSON object.");
  });
});

describeEachEngine("every object inside a request body names its keys", ({ db, engine }) => {
  it("is strict at every depth (the request check makes only the top level strict)", async () => {
    const app = await buildTestApp(db(), engine);
    const document = (await app.inject({ url: "/api/openapi.json" })).json() as {
      paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: unknown }> } }>>;
    };
    // A nested object that takes unknown keys drops a misspelt one: {"comment":{"kindd":"note"}} went out public.
    const loose: string[] = [];
    const walk = (schema: unknown, at: string, depth: number) => {
      if (!schema || typeof schema !== "object") return;
      const s = schema as Record<string, unknown>;
      if (s.properties && depth > 0 && s.additionalProperties !== false) loose.push(at);
      for (const [key, value] of Object.entries((s.properties ?? {}) as Record<string, unknown>))
        walk(value, `${at}.${key}`, depth + 1);
      for (const key of ["anyOf", "oneOf", "allOf"] as const)
        for (const option of (s[key] ?? []) as unknown[]) walk(option, at, depth);
      if (s.items) walk(s.items, `${at}[]`, depth + 1);
      if (typeof s.additionalProperties === "object") walk(s.additionalProperties, `${at}{}`, depth + 1);
    };
    for (const [path, operations] of Object.entries(document.paths))
      for (const [method, operation] of Object.entries(operations))
        walk(operation.requestBody?.content?.["application/json"]?.schema, `${method.toUpperCase()} ${path}`, 0);
    expect(loose).toEqual([]);

    // One of them: a rule whose condition was misspelt ran on every ticket.
    const admin = await signInAs(app, await buildUser(db(), "admin"));
    const rule = await app.inject({
      method: "POST",
      url: "/api/v1/admin/automation-rules",
      headers: { cookie: admin.cookie, "x-csrf-token": admin.csrfToken },
      payload: {
        name: "Urgent to the leads",
        kind: "trigger",
        conditions: { priorty: ["urgent"] },
        actions: { groupId: null, priority: "low", remindRequester: false },
      },
    });
    expect(rule.statusCode).toBe(400);
    expect(rule.json().error.fields).toEqual({
      "conditions.priorty": "This field is not known here: check its name in the API reference.",
    });
    await app.close();
  });
});
