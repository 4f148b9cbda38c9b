import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import type { App } from "../http/types.ts";
import { cleanUp } from "../jobs/cleanup.ts";
import { describeEachEngine } from "../test/engines.ts";
import {
  buildAgent,
  buildCustomer,
  buildSubmission,
  buildTestApp,
  multipartForm,
  type SignedInClient,
  signInAs,
  testConfig,
} from "../test/factories.ts";
import { maxWaitingUploads } from "./attachments/standalone-uploads.ts";

type Attachment = { id: string; fileName: string; size: number };

describeEachEngine("standalone uploads", ({ db, engine }) => {
  let app: App;
  let agent: SignedInClient;
  let customer: SignedInClient;
  let stranger: SignedInClient;
  const dataDir = path.resolve(".tmp", `standalone-uploads-${engine}`);
  const config = testConfig({ dataDir });
  const headersOf = (client?: SignedInClient) =>
    client ? { cookie: client.cookie, "x-csrf-token": client.csrfToken } : {};
  const upload = (client: SignedInClient | undefined, name: string, content: string) => {
    const form = multipartForm("metadata", {}, [{ name, content, type: "text/plain" }], "file");
    return app.inject({
      method: "POST",
      url: "/api/v1/uploads",
      headers: { ...headersOf(client), ...form.headers },
      payload: form.payload,
    });
  };
  const post = (client: SignedInClient, url: string, payload: object) =>
    app.inject({ method: "POST", url, headers: headersOf(client), payload: payload as Record<string, unknown> });
  const ticket = async (client: SignedInClient, number: number) =>
    (await app.inject({ url: `/api/v1/tickets/${number}`, headers: headersOf(client) })).json() as {
      attachments: Attachment[];
    };
  const waitingFiles = () => {
    try {
      return readdirSync(path.join(dataDir, "uploads")).length;
    } catch {
      return 0;
    }
  };

  it("keeps a file under a token its uploader attaches to a new request, once", async () => {
    rmSync(dataDir, { recursive: true, force: true });
    app = await buildTestApp(db(), engine, config);
    agent = await signInAs(app, await buildAgent(db()));
    customer = await signInAs(app, await buildCustomer(db()));
    stranger = await signInAs(app, await buildCustomer(db()));

    const sent = await upload(customer, "../error.log", "E42 paper jam\n");
    expect(sent.statusCode).toBe(201);
    const waiting = sent.json();
    expect(waiting).toMatchObject({ fileName: "error.log", contentType: "text/plain", size: 14 });
    expect(new Date(waiting.expiresAt).getTime() - Date.now()).toBeGreaterThan(50 * 60 * 1000);

    // Someone else's token is nobody's business: refused as unknown, and the owner can still use it.
    const stolen = await post(stranger, "/api/v1/tickets", {
      ...(await buildSubmission(db(), { email: stranger.user.email })),
      attachments: [waiting.token],
    });
    expect(stolen.statusCode).toBe(400);
    expect(stolen.json().error.fields.attachments).toContain("upload the file again");

    const submitted = await post(customer, "/api/v1/tickets", {
      ...(await buildSubmission(db(), { email: customer.user.email, subject: "Printer log" })),
      attachments: [waiting.token],
    });
    expect(submitted.statusCode).toBe(201);
    const number = submitted.json().number as number;
    const [attached] = (await ticket(customer, number)).attachments;
    expect(attached).toMatchObject({ fileName: "error.log", size: 14 });
    const download = await app.inject({ url: `/api/v1/attachments/${attached?.id}`, headers: headersOf(agent) });
    expect(download.body).toBe("E42 paper jam\n");

    // Used up: naming it again is refused, and nothing waits any more.
    const again = await post(customer, `/api/v1/tickets/${number}/comments`, {
      body: "Once more",
      attachments: [waiting.token],
    });
    expect(again.statusCode).toBe(400);
    expect(waitingFiles()).toBe(0);
  });

  it("attaches uploads to comments and to tickets agents open, and gives them back when the request fails", async () => {
    const number = (
      await post(customer, "/api/v1/tickets", await buildSubmission(db(), { email: customer.user.email }))
    ).json().number as number;
    const token = (await upload(agent, "steps.txt", "1. Restart")).json().token as string;

    // A comment on a ticket out of reach fails: the token still works afterwards.
    expect(
      (await post(agent, "/api/v1/tickets/999999/comments", { body: "Hi", attachments: [token] })).statusCode,
    ).toBe(404);
    const noted = await post(agent, `/api/v1/tickets/${number}/comments`, {
      body: "What I tried",
      kind: "note",
      attachments: [token],
    });
    expect(noted.statusCode).toBe(201);
    const feed = (await app.inject({ url: `/api/v1/tickets/${number}/feed`, headers: headersOf(agent) })).json()
      .entries as { type: string; attachments: Attachment[] }[];
    expect(feed.find((e) => e.type === "note")?.attachments.map((a) => a.fileName)).toEqual(["steps.txt"]);
    // Internal like the note it came with: the customer does not see it.
    expect((await ticket(customer, number)).attachments).toEqual([]);

    const photo = (await upload(agent, "photo.txt", "not really a photo")).json().token as string;
    const opened = await post(agent, "/api/v1/agent/tickets", {
      requester: { id: customer.user.id },
      channel: "phone",
      subject: "Called about the scanner",
      message: "Sent a photo by chat.",
      attachments: [photo],
    });
    expect(opened.statusCode).toBe(201);
    expect((await ticket(agent, opened.json().number)).attachments.map((a) => a.fileName)).toEqual(["photo.txt"]);
  });

  it("keeps at most 20 files waiting for one account, and makes room as they are attached", async () => {
    const hoarder = await signInAs(app, await buildCustomer(db()));
    const before = waitingFiles();
    const tokens: string[] = [];
    for (let i = 0; i < maxWaitingUploads; i += 1) {
      const sent = await upload(hoarder, `part-${i}.txt`, `part ${i}`);
      expect(sent.statusCode).toBe(201);
      tokens.push(sent.json().token);
    }
    const refused = await upload(hoarder, "one-more.txt", "one more");
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error).toEqual({
      code: "rate_limited",
      message:
        "You have 20 uploaded files waiting to be attached, the most an account may have. Attach them to a request or comment, or wait until they expire within the hour.",
    });
    // Nothing of the refused file is kept, and other accounts upload as before.
    expect(waitingFiles()).toBe(before + maxWaitingUploads);
    const other = await upload(stranger, "mine.txt", "mine");
    expect(other.statusCode).toBe(201);

    // Attaching some frees their places.
    const submitted = await post(hoarder, "/api/v1/tickets", {
      ...(await buildSubmission(db(), { email: hoarder.user.email })),
      attachments: tokens.slice(0, 10),
    });
    expect(submitted.statusCode).toBe(201);
    expect((await upload(hoarder, "now-fits.txt", "fits")).statusCode).toBe(201);
    // Expired ones no longer count, even before the clean-up removes them.
    await db()
      .updateTable("uploads")
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where("uploader_id", "=", hoarder.user.id)
      .execute();
    expect((await upload(hoarder, "after-an-hour.txt", "later")).statusCode).toBe(201);
    await cleanUp({ db: db(), config }, new Date(Date.now() + 2 * 60 * 60 * 1000));
    expect(waitingFiles()).toBe(0);
  });

  it("refuses visitors and empty forms, and purges what nobody attached", async () => {
    expect((await upload(undefined, "x.txt", "x")).statusCode).toBe(401);
    const empty = multipartForm("metadata", {}, []);
    const nothing = await app.inject({
      method: "POST",
      url: "/api/v1/uploads",
      headers: { ...headersOf(customer), ...empty.headers },
      payload: empty.payload,
    });
    expect(nothing.statusCode).toBe(400);
    const json = await app.inject({
      method: "POST",
      url: "/api/v1/uploads",
      headers: headersOf(customer),
      payload: {},
    });
    expect(json.statusCode).toBe(415);

    const token = (await upload(customer, "forgotten.txt", "never attached")).json().token as string;
    expect(waitingFiles()).toBe(1);
    const counts = await cleanUp({ db: db(), config }, new Date(Date.now() + 2 * 60 * 60 * 1000));
    expect(counts.expiredUploads).toBe(1);
    expect(waitingFiles()).toBe(0);
    const late = await post(customer, "/api/v1/tickets", {
      ...(await buildSubmission(db(), { email: customer.user.email })),
      attachments: [token],
    });
    expect(late.statusCode).toBe(400);
  });
});
