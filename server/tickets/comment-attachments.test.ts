import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import type { App } from "../http/types.ts";
import { describeEachEngine } from "../test/engines.ts";
import {
  buildAgent,
  buildCustomer,
  buildSubmission,
  buildTestApp,
  latestMailTo,
  type MultipartFile,
  multipartForm,
  type SignedInClient,
  signInAs,
  testConfig,
} from "../test/factories.ts";

type FeedAttachment = { id: string; fileName: string; size: number };
type Entry = { type: string; body: string | null; attachments: FeedAttachment[] };

describeEachEngine("files on comments", ({ db, engine }) => {
  let app: App;
  let agent: SignedInClient;
  let customer: SignedInClient;
  let stranger: SignedInClient;
  let number: number;
  const dataDir = path.resolve(".tmp", `comment-files-${engine}`);
  const headersOf = (client: SignedInClient) => ({ cookie: client.cookie, "x-csrf-token": client.csrfToken });
  const comment = (client: SignedInClient, json: unknown, files: MultipartFile[], on = number) => {
    const form = multipartForm("comment", json, files);
    return app.inject({
      method: "POST",
      url: `/api/v1/tickets/${on}/comments/with-attachments`,
      headers: { ...headersOf(client), ...form.headers },
      payload: form.payload,
    });
  };
  const feed = async (client: SignedInClient) =>
    (await app.inject({ method: "GET", url: `/api/v1/tickets/${number}/feed`, headers: headersOf(client) })).json()
      .entries as Entry[];
  const download = (client: SignedInClient, id: string) =>
    app.inject({ method: "GET", url: `/api/v1/attachments/${id}`, headers: headersOf(client) });
  const attachmentRows = async () =>
    Number(
      (
        await db()
          .selectFrom("attachments")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const storedFiles = () => {
    const root = path.join(dataDir, "attachments");
    try {
      return readdirSync(root, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).length;
    } catch {
      return 0;
    }
  };

  it("lets the requester attach files to a reply, shows them in the Feed and names them in the mail", async () => {
    app = await buildTestApp(db(), engine, testConfig({ dataDir }));
    agent = await signInAs(app, await buildAgent(db()));
    customer = await signInAs(app, await buildCustomer(db()));
    stranger = await signInAs(app, await buildCustomer(db()));
    number = (
      await app.inject({
        method: "POST",
        url: "/api/v1/tickets",
        headers: headersOf(customer),
        payload: await buildSubmission(db(), { subject: "Scanner jams" }),
      })
    ).json().number;

    const sent = await comment(customer, { body: "Here is the error log and a photo." }, [
      { name: "error.log", content: "E42 paper jam\n", type: "text/plain" },
      { name: "../../photo.png", content: Buffer.from([0x89, 0x50, 0x4e, 0x47]), type: "image/png" },
    ]);
    expect(sent.statusCode).toBe(201);

    const reply = (await feed(agent)).find((e) => e.type === "comment");
    expect(reply?.body).toBe("Here is the error log and a photo.");
    expect(reply?.attachments.map((a) => a.fileName)).toEqual(["error.log", "photo.png"]);
    const log = reply?.attachments[0];
    expect((await download(agent, log?.id ?? "")).body).toBe("E42 paper jam\n");
    expect((await download(customer, log?.id ?? "")).statusCode).toBe(200);
    expect((await download(stranger, log?.id ?? "")).statusCode).toBe(404);

    const detail = await app.inject({ method: "GET", url: `/api/v1/tickets/${number}`, headers: headersOf(customer) });
    expect(detail.json().attachments.map((a: { fileName: string }) => a.fileName)).toContain("error.log");

    // The agent replies publicly with a file: the requester's mail names it and links to the page.
    expect(
      (await comment(agent, { body: "Try this driver." }, [{ name: "driver.zip", content: "PK" }])).statusCode,
    ).toBe(201);
    const mail = await latestMailTo(db(), customer.user.email);
    expect(mail?.text_body).toContain("Attached: driver.zip (open the request to download)");
  });

  it("keeps a file on an internal note away from the customer everywhere", async () => {
    const noted = await comment(agent, { body: "Vendor ticket attached", kind: "note" }, [
      { name: "vendor-case.pdf", content: "%PDF-1.7 internal" },
    ]);
    expect(noted.statusCode).toBe(201);
    const note = (await feed(agent)).find((e) => e.type === "note");
    const fileId = note?.attachments[0]?.id ?? "";
    expect(note?.attachments.map((a) => a.fileName)).toEqual(["vendor-case.pdf"]);

    expect((await download(agent, fileId)).statusCode).toBe(200);
    expect((await download(customer, fileId)).statusCode).toBe(404);
    const customerFeed = await feed(customer);
    expect(customerFeed.some((e) => e.attachments.some((a) => a.fileName === "vendor-case.pdf"))).toBe(false);
    const detail = await app.inject({ method: "GET", url: `/api/v1/tickets/${number}`, headers: headersOf(customer) });
    expect(detail.json().attachments.map((a: { fileName: string }) => a.fileName)).not.toContain("vendor-case.pdf");
    expect((await latestMailTo(db(), customer.user.email))?.text_body).not.toContain("vendor-case.pdf");
  });

  it("takes a removed reply's files away from the customer, and leaves them to the agents", async () => {
    // An agent attached another customer's invoice to this ticket by mistake, and removes the reply.
    const sent = await comment(agent, { body: "Here is your invoice" }, [
      { name: "invoice-other-customer.pdf", content: "%PDF-1.7 someone else's" },
    ]);
    expect(sent.statusCode).toBe(201);
    const reply = (await feed(agent)).find((e) => e.body === "Here is your invoice") as Entry & { id: string };
    const fileId = reply.attachments[0]?.id ?? "";
    expect((await download(customer, fileId)).statusCode).toBe(200);

    const removed = await app.inject({
      method: "DELETE",
      url: `/api/v1/tickets/${number}/comments/${reply.id}`,
      headers: headersOf(agent),
    });
    expect(removed.statusCode).toBe(204);

    expect((await download(customer, fileId)).statusCode).toBe(404);
    const detail = await app.inject({ method: "GET", url: `/api/v1/tickets/${number}`, headers: headersOf(customer) });
    expect(detail.json().attachments.map((a: { fileName: string }) => a.fileName)).not.toContain(
      "invoice-other-customer.pdf",
    );
    // The agents keep the file, as they keep the removed words in the ticket's history.
    expect((await download(agent, fileId)).statusCode).toBe(200);
  });
  it("stores nothing when the comment is refused", async () => {
    const rows = await attachmentRows();
    const files = storedFiles();

    const notMine = await comment(stranger, { body: "Sneaky" }, [{ name: "x.txt", content: "x" }]);
    expect(notMine.statusCode).toBe(404);

    const empty = await comment(customer, { body: "   " }, [{ name: "y.txt", content: "y" }]);
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields.body).toBe("Write a comment.");
    // A zero-width space shows nothing: typed as text, or the editor's paragraph holding only one.
    for (const body of [{ body: "\u200b" }, { body: "<p>\u200b\u2060</p>", format: "html" }]) {
      const blank = await comment(customer, body, [{ name: "y.txt", content: "y" }]);
      expect(blank.statusCode).toBe(400);
      expect(blank.json().error.fields.body).toBe("Write a comment.");
    }

    const customerNote = await comment(customer, { body: "Secret", kind: "note" }, [{ name: "z.txt", content: "z" }]);
    expect(customerNote.statusCode).toBe(403);

    expect(await attachmentRows()).toBe(rows);
    expect(storedFiles()).toBe(files);
    expect(readdirSync(path.join(dataDir, "tmp")).length).toBe(0);
  });
  it("refuses a file or a setting sent in a part of another name, instead of dropping it", async () => {
    const rows = await attachmentRows();
    const comments = (await feed(agent)).filter((e) => e.type === "comment").length;

    // Many HTTP libraries call the file part "file" or "files": that was a 201 with nothing attached.
    const misnamed = multipartForm("comment", { body: "Log attached" }, [{ name: "a.log", content: "E1" }], "files");
    const sent = await app.inject({
      method: "POST",
      url: `/api/v1/tickets/${number}/comments/with-attachments`,
      headers: { ...headersOf(customer), ...misnamed.headers },
      payload: misnamed.payload,
    });
    expect(sent.statusCode).toBe(400);
    expect(sent.json().error.message).toBe(
      'This form has no part "files": send the JSON in "comment" and the files in "attachments".',
    );

    // A setting beside the JSON, not in it: the note would have gone out as a public reply.
    const boundary = "----switchboardstray";
    const body = [
      `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nnote\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="comment"\r\n\r\n{"body":"Internal only"}\r\n`,
      `--${boundary}--\r\n`,
    ].join("");
    const stray = await app.inject({
      method: "POST",
      url: `/api/v1/tickets/${number}/comments/with-attachments`,
      headers: { ...headersOf(agent), "content-type": `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
    expect(stray.statusCode).toBe(400);
    expect(stray.json().error.message).toContain('no part "kind"');

    // A misspelt key in the JSON part, as in a JSON body: refused, not dropped (this went out as a public reply).
    const misspelt = await comment(agent, { body: "Internal only", kindd: "note" }, [{ name: "b.log", content: "E2" }]);
    expect(misspelt.statusCode).toBe(400);
    expect(misspelt.json().error.fields).toEqual({
      kindd: "This field is not known here: check its name in the API reference.",
    });

    expect((await feed(agent)).filter((e) => e.type === "comment")).toHaveLength(comments);
    expect(await attachmentRows()).toBe(rows);
    expect(readdirSync(path.join(dataDir, "tmp")).length).toBe(0);
  });
});
