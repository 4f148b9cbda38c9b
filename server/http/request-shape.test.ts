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

  // The OpenAPI document declares the JSON part's encoding as application/json, so a client generated from it
  // (or curl -F "submission=<file;type=application/json") labels the part so. Before, such a request was refused
  // with 'The "submission" part must be JSON.' (multipart had parsed it already), and a labelled part that was
  // not JSON answered 406 with an untranslated sentence, a status the document does not list.
  it("takes an upload's JSON part labelled application/json, as the document declares it", async () => {
    const app = await buildTestApp(db(), engine);
    const labelled = (json: string) => {
      const form = multipartSubmission({}, [{ name: "note.txt", content: "a file", type: "text/plain" }]);
      const text = form.payload
        .toString("latin1")
        .replace('name="submission"\r\n\r\n{}', `name="submission"\r\nContent-Type: application/json\r\n\r\n${json}`);
      return { headers: form.headers, payload: Buffer.from(text, "latin1") };
    };
    const submission = await buildSubmission(db(), { subject: "Sent by a generated client" });
    const sent = await app.inject({
      method: "POST",
      url: "/api/v1/tickets/with-attachments",
      ...labelled(JSON.stringify(submission)),
    });
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toMatchObject({ subject: "Sent by a generated client" });

    const before = await countRows(db(), "tickets");
    const broken = await app.inject({ method: "POST", url: "/api/v1/tickets/with-attachments", ...labelled("{oops") });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error).toEqual({ code: "validation_failed", message: 'The "submission" part must be JSON.' });
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
