import { expect, it } from "vitest";
import { z } from "zod";
import { describeEachEngine } from "../test/engines.ts";
import { buildTestApp } from "../test/factories.ts";

describeEachEngine("the response contract in tests", ({ db, engine }) => {
  it("turns an answer the document does not describe into a 500 that names the drift", async () => {
    const app = await buildTestApp(db(), engine);
    const response = { 200: z.object({ ok: z.boolean() }) };
    // A status nobody documented, and a body sent around the serializer that breaks its schema.
    // Through the raw reply, as a handler that escapes its route's types would.
    app.get("/api/v1/contract-probe/status", { schema: { response } }, async (_request, reply) =>
      reply.raw.statusCode === 200 ? reply.code(202 as 200).send({ ok: true }) : reply,
    );
    app.get("/api/v1/contract-probe/body", { schema: { response } }, async (_request, reply) =>
      reply.type("application/json").send(JSON.stringify({ ok: "yes" }) as unknown as { ok: boolean }),
    );
    app.get("/api/v1/contract-probe/fine", { schema: { response } }, async () => ({ ok: true }));

    const status = await app.inject("/api/v1/contract-probe/status");
    expect(status.statusCode).toBe(500);
    expect(status.json().error.message).toContain("answered 202, a status the document does not list");
    const body = await app.inject("/api/v1/contract-probe/body");
    expect(body.statusCode).toBe(500);
    expect(body.json().error.message).toContain("does not match its schema");
    const fine = await app.inject("/api/v1/contract-probe/fine");
    expect(fine.statusCode).toBe(200);
    expect(fine.json()).toEqual({ ok: true });
  });
});
