/** NUL characters and lone surrogates: PostgreSQL refuses them where SQLite stores them; both engines must agree. */
import path from "node:path";
import { expect, it } from "vitest";
import { cleanStrings, cleanText } from "../../common/text.ts";
import { describeEachEngine } from "../test/engines.ts";
import { buildSubmission, buildTestApp, multipartSubmission, testConfig } from "../test/factories.ts";
import type { App } from "./types.ts";

it("strips NUL and replaces lone surrogates, keeping whole characters", () => {
  expect(cleanText("a\u0000b")).toBe("ab");
  expect(cleanText("x\uD800y\uDC00z")).toBe("x\uFFFDy\uFFFDz");
  expect(cleanText("emoji 😀 stays")).toBe("emoji 😀 stays");
  expect(cleanStrings({ a: ["\u0000"], b: { c: "\uDBFF" }, n: 1, t: true })).toEqual({
    a: [""],
    b: { c: "\uFFFD" },
    n: 1,
    t: true,
  });
});

describeEachEngine("text from outside is normalised before it is stored", ({ db, engine }) => {
  let app: App;
  const config = testConfig({ dataDir: path.resolve(`.tmp/clean-input-${engine}-${process.pid}`) });

  const ticket = (number: number) =>
    db()
      .selectFrom("tickets")
      .select(["subject", "message", "requester_name"])
      .where("number", "=", number)
      .executeTakeFirstOrThrow();

  it("files a request whose subject, message and name hold a NUL or a lone surrogate", async () => {
    app = await buildTestApp(db(), engine, config);
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/tickets",
      payload: await buildSubmission(db(), {
        subject: "Printer\u0000 jam",
        message: "It says \uD800 and stops.\u0000",
        name: "Nu\u0000l Person",
      }),
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(await ticket(response.json().number)).toEqual({
      subject: "Printer jam",
      message: "It says \uFFFD and stops.",
      requester_name: "Nul Person",
    });
  });

  it("does the same for a request with attachments (multipart)", async () => {
    const body = multipartSubmission(
      await buildSubmission(db(), { subject: "Scan\u0000ner", message: "Half \uDC00" }),
      [{ name: "scan\u0000.txt", content: "hello" }],
    );
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/tickets/with-attachments",
      headers: body.headers,
      payload: body.payload,
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(await ticket(response.json().number)).toMatchObject({ subject: "Scanner", message: "Half \uFFFD" });
  });

  it("registers an account whose name holds a NUL", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/accounts",
      payload: { name: "Zero\u0000 Byte", email: "zero.byte@example.com", password: "long enough password" },
    });
    expect(response.statusCode, response.body).toBe(202);
    const user = await db()
      .selectFrom("users")
      .select("name")
      .where("email", "=", "zero.byte@example.com")
      .executeTakeFirstOrThrow();
    expect(user.name).toBe("Zero Byte");
  });

  it("refuses JSON nested thousands deep with a clear 400, in a body and in a multipart form, and files nothing", async () => {
    const before = await db()
      .selectFrom("tickets")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const deep = `{"subject":"Deep","message":"x","fields":${"[".repeat(10_000)}${"]".repeat(10_000)}}`;
    const plain = await app.inject({
      method: "POST",
      url: "/api/v1/tickets",
      headers: { "content-type": "application/json" },
      payload: deep,
    });
    expect(plain.statusCode, plain.body).toBe(400);
    expect(plain.json().error).toMatchObject({
      code: "validation_failed",
      message: "The request body is nested too deeply.",
    });
    const form = multipartSubmission(await buildSubmission(db()), [{ name: "a.txt", content: "hello" }]);
    const deepForm = form.payload
      .toString("latin1")
      .replace(/"subject":/, `"nested":${"[".repeat(10_000)}${"]".repeat(10_000)},"subject":`);
    const multipart = await app.inject({
      method: "POST",
      url: "/api/v1/tickets/with-attachments",
      headers: { ...form.headers, "content-length": String(Buffer.byteLength(deepForm, "latin1")) },
      payload: Buffer.from(deepForm, "latin1"),
    });
    expect(multipart.statusCode, multipart.body).toBe(400);
    expect(multipart.json().error.message).toBe("The request body is nested too deeply.");
    const after = await db()
      .selectFrom("tickets")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it("refuses a request naming thousands of fields with one sentence for them all, and files nothing", async () => {
    const fields = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`made_up_${i}`, "x"]));
    const submission = { ...(await buildSubmission(db())), fields };
    const refused = await app.inject({ method: "POST", url: "/api/v1/tickets", payload: submission });
    expect(refused.statusCode, refused.body).toBe(400);
    // One sentence for the whole set, not five thousand (the answer to each unknown key, one by one, took seconds).
    expect(refused.json().error.fields).toEqual({ fields: "At most 500 fields can be sent at once." });
    const filed = await db()
      .selectFrom("tickets")
      .select("id")
      .where("subject", "=", submission.subject)
      .executeTakeFirst();
    expect(filed).toBeUndefined();
  });
});
