import { expect, it } from "vitest";
import { describeEachEngine } from "../test/engines.ts";
import { buildSubmission, buildTestApp, countRows, multipartSubmission } from "../test/factories.ts";

describeEachEngine("requests in a form the operation does not take", ({ db, engine }) => {
  it("answers 415 to a body of the wrong type, JSON or multipart, and saves nothing", async () => {
    const app = await buildTestApp(db(), engine);
    const before = await countRows(db(), "tickets");
    const submission = await buildSubmission(db());

    const asText = await app.inject({
      method: "POST",
      url: "/api/v1/tickets",
      headers: { "content-type": "text/plain" },
      payload: JSON.stringify(submission),
    });
    expect(asText.statusCode).toBe(415);
    expect(asText.json().error).toMatchObject({ code: "unsupported_media_type" });

    const asForm = await app.inject({ method: "POST", url: "/api/v1/tickets", ...multipartSubmission(submission) });
    expect(asForm.statusCode).toBe(415);
    expect(asForm.json().error).toMatchObject({
      code: "unsupported_media_type",
      message: "Send the request body as JSON.",
    });

    const jsonToUpload = await app.inject({
      method: "POST",
      url: "/api/v1/tickets/with-attachments",
      payload: submission,
    });
    expect(jsonToUpload.statusCode).toBe(415);
    expect(jsonToUpload.json().error.message).toContain("multipart/form-data");
    expect(await countRows(db(), "tickets")).toBe(before);
  });

  it("answers 405 with the methods a known path takes, and 404 where there is no such path", async () => {
    const app = await buildTestApp(db(), engine);
    const wrong = await app.inject({ method: "PUT", url: "/api/v1/tickets/1042/comments" });
    expect(wrong.statusCode).toBe(405);
    expect(wrong.headers.allow).toBe("POST");
    expect(wrong.json().error).toMatchObject({ code: "method_not_allowed" });

    const ticket = await app.inject({ method: "PUT", url: "/api/v1/tickets/1042?x=1" });
    expect(ticket.statusCode).toBe(405);
    expect(ticket.headers.allow).toBe("DELETE, GET, HEAD, PATCH");

    const nowhere = await app.inject({ method: "PUT", url: "/api/v1/no-such-thing" });
    expect(nowhere.statusCode).toBe(404);
    expect(nowhere.json().error).toMatchObject({ code: "not_found" });
  });
});
