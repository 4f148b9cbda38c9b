import { connect } from "node:net";
import { expect, it, vi } from "vitest";
import { describeEachEngine } from "../test/engines.ts";
import { buildSubmission, buildTestApp, countRows, multipartSubmission } from "../test/factories.ts";
import { beginShutdown, closeWithin } from "./shutdown.ts";

describeEachEngine("odd and cut-off requests", ({ db, engine }) => {
  it("answers a multipart body that ends early with a 400 in the API's format, and saves nothing", async () => {
    const app = await buildTestApp(db(), engine);
    const before = await countRows(db(), "tickets");
    const { payload, headers } = multipartSubmission(await buildSubmission(db()), [
      { name: "log.txt", content: "x".repeat(50_000) },
    ]);
    const cut = await app.inject({
      method: "POST",
      url: "/api/v1/tickets/with-attachments",
      headers,
      payload: payload.subarray(0, payload.length - 20_000),
    });
    expect(cut.statusCode).toBe(400);
    expect(cut.json().error).toMatchObject({ code: "validation_failed" });
    expect(cut.json().error.message).toContain("ended before it was complete");
    expect(await countRows(db(), "tickets")).toBe(before);
  });

  it("answers a form with too many parts with a JSON error in the API's format", async () => {
    const app = await buildTestApp(db(), engine);
    const boundary = "----switchboardparts";
    const parts = Array.from(
      { length: 2000 },
      // All of one name the form takes: a part of another name is refused as soon as it is read.
      () => `--${boundary}\r\nContent-Disposition: form-data; name="submission"\r\n\r\n{}\r\n`,
    ).join("");
    const many = await app.inject({
      method: "POST",
      url: "/api/v1/tickets/with-attachments",
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      payload: `${parts}--${boundary}--\r\n`,
    });
    expect(many.statusCode).toBe(413);
    expect(many.json().error).toMatchObject({ code: "payload_too_large" });
    expect(many.json().error.message).toBe("The form has too many parts.");
  });

  it("answers requests that arrive during shutdown with the API's 503, readiness included", async () => {
    const app = await buildTestApp(db(), engine);
    expect((await app.inject("/api/v1/categories")).statusCode).toBe(200);
    beginShutdown(app);
    for (const url of ["/api/v1/categories", "/readyz"]) {
      const late = await app.inject(url);
      expect(late.statusCode).toBe(503);
      expect(late.headers.connection).toBe("close");
      expect(late.json().error).toEqual({
        code: "unavailable",
        message: "Switchboard is restarting. Please try again in a moment.",
      });
    }
  });

  it("cuts an upload still running at the shutdown deadline, and saves nothing of it", async () => {
    const app = await buildTestApp(db(), engine);
    let uploadStarted = false;
    app.addHook("onRequest", async (request) => {
      if (request.url === "/api/v1/tickets/with-attachments") uploadStarted = true;
    });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    const before = await countRows(db(), "tickets");
    const { payload, headers } = multipartSubmission(await buildSubmission(db()), [
      { name: "big.bin", content: Buffer.alloc(1024 * 1024) },
    ]);
    // A client that sends the start of a large upload and then goes quiet.
    const socket = connect(port, "127.0.0.1");
    const socketClosed = new Promise<void>((resolve) => socket.on("close", () => resolve()));
    socket.on("error", () => {});
    socket.write(
      `POST /api/v1/tickets/with-attachments HTTP/1.1\r\nHost: localhost\r\ncontent-type: ${headers["content-type"]}\r\ncontent-length: ${payload.length}\r\n\r\n`,
    );
    socket.write(payload.subarray(0, 64 * 1024));
    await vi.waitFor(() => expect(uploadStarted).toBe(true), { timeout: 10_000, interval: 10 });

    expect(await closeWithin(app, 200)).toEqual({ cut: true });
    await socketClosed;
    expect(await countRows(db(), "tickets")).toBe(before);
  });

  it("answers headers over Node's limit and a request that is not HTTP in the API's error format", async () => {
    const app = await buildTestApp(db(), engine);
    await app.listen({ port: 0, host: "127.0.0.1" });
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    /** The raw answer to `request`, read until the server closes the connection. */
    const answer = (request: string) =>
      new Promise<{ status: number; type: string; body: unknown }>((resolve, reject) => {
        const socket = connect(port, "127.0.0.1");
        let raw = "";
        socket.on("data", (chunk) => {
          raw += chunk.toString("utf8");
        });
        socket.on("error", reject);
        socket.on("close", () => {
          const [head = "", body = ""] = raw.split("\r\n\r\n");
          const type = /content-type: ([^\r]*)/i.exec(head)?.[1] ?? "";
          resolve({ status: Number(head.split(" ")[1]), type, body: JSON.parse(body) });
        });
        socket.write(request);
      });
    const big = await answer(`GET /api/v1/session HTTP/1.1\r\nHost: localhost\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`);
    expect(big.status).toBe(431);
    expect(big.type).toContain("application/json");
    expect(big.body).toEqual({
      error: { code: "validation_failed", message: "The request's headers are too large (16 KB at most)." },
    });
    const garbled = await answer("HELLO THERE\r\n\r\n");
    expect(garbled.status).toBe(400);
    expect(garbled.body).toEqual({ error: { code: "validation_failed", message: "The request is not valid HTTP." } });
    await app.close();
  });
});
