import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeAll, expect, it } from "vitest";
import { type WebhookDelivery, webhookInputSchema } from "../../common/webhooks.ts";
import { createGroup } from "../accounts/commands/manage-directory.ts";
import type { Config } from "../config.ts";
import { anonymous } from "../core/actor.ts";
import { decodeJson } from "../db/engine.ts";
import type { User } from "../db/schema.ts";
import type { App } from "../http/types.ts";
import { cleanUp } from "../jobs/cleanup.ts";
import { jobHandlers } from "../jobs/handlers.ts";
import { createJobRunner } from "../jobs/runner.ts";
import { devMailboxTransport } from "../mail/transport.ts";
import { describeEachEngine } from "../test/engines.ts";
import {
  buildAdmin,
  buildAgent,
  buildNarrowAdmin,
  buildSubmission,
  buildTestApp,
  type SignedInClient,
  signInAs,
  testConfig,
} from "../test/factories.ts";
import { submitTicket } from "../tickets/commands/submit-ticket.ts";
import { createWebhook } from "./commands/manage-endpoints.ts";

type Received = { headers: IncomingHttpHeaders; body: string };
type Mode = "ok" | "fail" | "hang" | "redirect" | "cut" | "hang-up";

/** A real HTTP receiver on 127.0.0.1, answering as the test tells it to. */
async function startReceiver(initial: Mode = "ok") {
  const received: Received[] = [];
  const hanging: ServerResponse[] = [];
  let mode = initial;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      if (mode === "hang") hanging.push(response);
      else if (mode === "redirect")
        response.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end();
      else if (mode === "fail") response.writeHead(500).end("receiver is down");
      else if (mode === "hang-up") response.socket?.destroy();
      else if (mode === "cut") {
        // Promises 1000 bytes, sends a few and goes: the status line came, the rest never does.
        response.writeHead(200, { "content-type": "text/plain", "content-length": "1000" });
        response.write("received, thanks", () => response.socket?.destroy());
      } else response.writeHead(200, { "content-type": "text/plain" }).end("thanks");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    setMode: (m: Mode) => {
      mode = m;
    },
    stop: async () => {
      for (const r of hanging) r.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The Node snippet from docs/webhooks.md, loaded as written there: what receivers copy is what is tested. */
type Verify = (secret: string, header: string, rawBody: string, toleranceSeconds?: number) => boolean;
async function documentedVerifier(): Promise<Verify> {
  const doc = readFileSync(path.join(import.meta.dirname, "../../docs/webhooks.md"), "utf8");
  const code = /<!-- verify-snippet[^>]*-->\s*```js\n([\s\S]*?)```/.exec(doc)?.[1];
  if (!code) throw new Error("docs/webhooks.md has no verify-snippet block");
  const file = path.join(tmpdir(), `switchboard-verify-${process.pid}-${Date.now()}.mjs`);
  writeFileSync(file, code);
  try {
    const module = (await import(file)) as { verifySwitchboardSignature: Verify };
    return module.verifySwitchboardSignature;
  } finally {
    rmSync(file, { force: true });
  }
}

describeEachEngine("outgoing webhooks", ({ db, engine }) => {
  // The receivers run on 127.0.0.1, so the tests allow it as an operator would with WEBHOOK_ALLOW_HOSTS.
  const config = (over: Partial<Config["webhooks"]> = {}): Config => {
    const base = testConfig();
    return testConfig({ webhooks: { ...base.webhooks, allowHosts: ["127.0.0.1"], disableAfter: 3, ...over } });
  };
  let app: App;
  let admin: SignedInClient;
  let adminUser: User;
  let verify: Verify;
  // Real time, moved forward by the tests that wait for a retry.
  let offsetMs = 0;
  const clock = () => new Date(Date.now() + offsetMs);
  const runJobs = (c: Config = config()) =>
    createJobRunner({
      db: db(),
      engine,
      clock,
      handlers: jobHandlers({ db: db(), engine, config: c }, devMailboxTransport(), clock),
    }).runDue();

  beforeAll(async () => {
    app = await buildTestApp(db(), engine, config());
    adminUser = await buildAdmin(db());
    admin = await signInAs(app, adminUser);
    verify = await documentedVerifier();
  });
  afterEach(async () => {
    // Each test's endpoints go, so their retries do not reach the next test's receivers.
    await db().deleteFrom("webhook_endpoints").execute();
    offsetMs = 0;
  });

  const call = (method: "GET" | "POST" | "PUT" | "DELETE", url: string, payload?: object, as = admin) =>
    app.inject({
      method,
      url,
      headers: { cookie: as.cookie, "x-csrf-token": as.csrfToken },
      ...(payload ? { payload } : {}),
    });
  const addEndpoint = async (body: object) => {
    const response = await call("POST", "/api/v1/admin/webhooks", { events: ["created"], ...body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string; secret: string };
  };
  const deliveries = async (id: string) =>
    (await call("GET", `/api/v1/admin/webhooks/${id}/deliveries`)).json().deliveries as WebhookDelivery[];
  const newTicket = async (subject: string) =>
    (await submitTicket({ db: db(), config: config() }, anonymous, await buildSubmission(db(), { subject }))).number;

  it("delivers a ticket event with a signature the documented snippet verifies", async () => {
    const receiver = await startReceiver();
    try {
      const { id, secret } = await addEndpoint({ url: receiver.url, description: "CRM" });
      expect(secret).toMatch(/^whsec_/);
      // The secret is shown once: no later answer carries it.
      const list = await call("GET", "/api/v1/admin/webhooks");
      expect(list.body).not.toContain(secret);
      expect(list.json().webhooks).toEqual([expect.objectContaining({ id, url: receiver.url, active: true })]);

      const number = await newTicket("Printer on fire");
      expect(receiver.received).toHaveLength(0); // nothing leaves before the transaction's jobs run
      await runJobs();

      expect(receiver.received).toHaveLength(1);
      const [request] = receiver.received;
      const body = JSON.parse(request?.body ?? "{}");
      expect(body.event).toMatchObject({ type: "created", visibility: "public", actor: { name: "Robin Guest" } });
      expect(body.ticket).toMatchObject({
        number,
        subject: "Printer on fire",
        priority: "high",
        status: { key: "new" },
        requester: { name: "Robin Guest", email: "robin.guest@example.com", id: null },
        assignee: null,
      });
      expect(request?.headers["switchboard-event"]).toBe("created");
      expect(request?.headers["switchboard-event-id"]).toBe(body.event.id);
      expect(request?.headers["content-type"]).toBe("application/json");
      const signature = String(request?.headers["switchboard-signature"]);
      expect(signature).toMatch(new RegExp(`^t=${request?.headers["switchboard-timestamp"]},v1=[0-9a-f]{64}$`));
      expect(verify(secret, signature, request?.body ?? "")).toBe(true);
      // A changed body, another secret or an old timestamp does not verify.
      expect(verify(secret, signature, (request?.body ?? "").replace("Printer", "Scanner"))).toBe(false);
      expect(verify("whsec_other", signature, request?.body ?? "")).toBe(false);
      expect(verify(secret, signature, request?.body ?? "", -1)).toBe(false);

      const [logged] = await deliveries(id);
      expect(logged).toMatchObject({
        eventType: "created",
        status: "succeeded",
        attempts: 1,
        responseStatus: 200,
        responseExcerpt: "thanks",
        error: null,
        requestBody: request?.body,
      });
    } finally {
      await receiver.stop();
    }
  });

  it("sends internal notes only to endpoints that include internal events, and honours conditions", async () => {
    const receiver = await startReceiver();
    try {
      const input = { url: receiver.url, events: ["note", "comment"] };
      const { id } = await addEndpoint(input);
      const number = await newTicket("Internal or not");
      const note = await call("POST", `/api/v1/tickets/${number}/comments`, { body: "Between us", kind: "note" });
      expect(note.statusCode, note.body).toBe(201);
      const reply = await call("POST", `/api/v1/tickets/${number}/comments`, { body: "Hello Robin", kind: "public" });
      expect(reply.statusCode, reply.body).toBe(201);
      await runJobs();
      expect(receiver.received.map((r) => JSON.parse(r.body).event.type)).toEqual(["comment"]);

      expect((await call("PUT", `/api/v1/admin/webhooks/${id}`, { ...input, includeInternal: true })).statusCode).toBe(
        204,
      );
      await call("POST", `/api/v1/tickets/${number}/comments`, { body: "Still between us", kind: "note" });
      await runJobs();
      expect(receiver.received.map((r) => JSON.parse(r.body).event.type)).toEqual(["comment", "note"]);

      // Only tickets in a chosen group: this ticket has none, so nothing more is sent…
      const groupId = await createGroup(db(), { name: `Hooked ${engine}` });
      const inGroup = { ...input, includeInternal: true, groupIds: [groupId] };
      expect((await call("PUT", `/api/v1/admin/webhooks/${id}`, inGroup)).statusCode).toBe(204);
      await call("POST", `/api/v1/tickets/${number}/comments`, { body: "Not for them", kind: "public" });
      await runJobs();
      expect(receiver.received).toHaveLength(2);
      // …until the ticket is in that group.
      await db().updateTable("tickets").set({ group_id: groupId }).where("number", "=", number).execute();
      await call("POST", `/api/v1/tickets/${number}/comments`, { body: "For them", kind: "public" });
      await runJobs();
      expect(receiver.received).toHaveLength(3);
      expect(JSON.parse(receiver.received[2]?.body ?? "{}").ticket.group).toEqual({
        id: groupId,
        name: `Hooked ${engine}`,
      });
    } finally {
      await receiver.stop();
    }
  });

  it("gives up on a receiver that does not answer in time and schedules a retry", async () => {
    const receiver = await startReceiver("hang");
    try {
      const { id } = await addEndpoint({ url: receiver.url });
      await newTicket("Hanging receiver");
      await createJobRunner({
        db: db(),
        engine,
        clock,
        handlers: jobHandlers({ db: db(), engine, config: config({ timeoutMs: 300 }) }, devMailboxTransport(), clock),
      }).runDue();
      expect(receiver.received).toHaveLength(1);
      const [logged] = await deliveries(id);
      expect(logged).toMatchObject({
        status: "retrying",
        attempts: 1,
        responseStatus: null,
        error: "No answer within 0.3 s.",
      });
      // The retry is a job in the outbox, due when the log says.
      const pending = await db()
        .selectFrom("jobs")
        .select(["run_at", "payload"])
        .where("kind", "=", "webhook.deliver")
        .where("status", "=", "pending")
        .execute();
      const retry = pending.find((j) => (decodeJson(j.payload) as { deliveryId: string }).deliveryId === logged?.id);
      if (!retry) throw new Error("no retry job in the outbox");
      expect(retry.run_at).toBe(logged?.nextAttemptAt);
      expect(Date.parse(retry.run_at)).toBe(Date.parse(logged?.lastAttemptAt ?? "") + 60_000);
    } finally {
      await receiver.stop();
    }
  });

  it("retries a receiver that answers 500, then switches the endpoint off and tells the admins", async () => {
    const receiver = await startReceiver("fail");
    try {
      const { id } = await addEndpoint({ url: receiver.url });
      await newTicket("Failing receiver");
      await runJobs();
      expect((await deliveries(id))[0]).toMatchObject({
        status: "retrying",
        responseStatus: 500,
        responseExcerpt: "receiver is down",
        error: "The endpoint answered 500.",
      });
      // Nothing is due until the next attempt's time comes.
      await runJobs();
      expect(receiver.received).toHaveLength(1);
      offsetMs += 60_000;
      await runJobs();
      expect(receiver.received).toHaveLength(2);
      offsetMs += 5 * 60_000;
      await runJobs();
      // The third failure in a row reaches the limit (disableAfter: 3).
      expect(receiver.received).toHaveLength(3);
      const [delivery] = await deliveries(id);
      expect(delivery).toMatchObject({ status: "failed", attempts: 3, nextAttemptAt: null });
      const endpoint = (await call("GET", `/api/v1/admin/webhooks/${id}`)).json().webhook;
      expect(endpoint).toMatchObject({ active: false, consecutiveFailures: 3 });
      expect(endpoint.disabledReason).toBe("Switched off after 3 failed deliveries in a row.");
      const mail = await db()
        .selectFrom("mail_messages")
        .select(["to_address", "text_body"])
        .where("template", "=", "webhook-disabled")
        .where("to_address", "=", adminUser.email)
        .executeTakeFirstOrThrow();
      expect(mail.text_body).toContain(receiver.url);
      expect(mail.text_body).toContain("The endpoint answered 500.");

      // Switched off, it gets no new events.
      await newTicket("While it is off");
      offsetMs += 60 * 60_000;
      await runJobs();
      expect(receiver.received).toHaveLength(3);
      expect(await deliveries(id)).toHaveLength(1);
    } finally {
      await receiver.stop();
    }
  });

  // Before, the log said "aborted" for an answer cut short (and failed a delivery the receiver had taken with
  // 200), "socket hang up" for a connection closed unanswered, and OpenSSL's internals for a TLS failure.
  it("logs a plain reason for a receiver that hangs up, cuts its answer short or does not speak TLS", async () => {
    const cases = [
      { mode: "cut", https: false, status: "succeeded", responseStatus: 200, error: null },
      {
        mode: "hang-up",
        https: false,
        status: "retrying",
        responseStatus: null,
        error: "The endpoint closed the connection without answering.",
      },
      {
        mode: "ok",
        https: true,
        status: "retrying",
        responseStatus: null,
        error: expect.stringMatching(
          /^The TLS handshake with the endpoint failed \([a-z ]+\)\. Check that the URL's port speaks HTTPS\.$/,
        ),
      },
    ] as const;
    for (const c of cases) {
      const receiver = await startReceiver(c.mode);
      try {
        const { id } = await addEndpoint({ url: c.https ? receiver.url.replace("http:", "https:") : receiver.url });
        await newTicket(`A receiver that answers ${c.mode}${c.https ? " over https" : ""}`);
        await runJobs();
        expect((await deliveries(id))[0]).toMatchObject({
          status: c.status,
          responseStatus: c.responseStatus,
          error: c.error,
        });
      } finally {
        await receiver.stop();
      }
    }
  });

  it("does not follow a redirect", async () => {
    const receiver = await startReceiver("redirect");
    try {
      const { id } = await addEndpoint({ url: receiver.url });
      await newTicket("Redirecting receiver");
      await runJobs();
      expect(receiver.received).toHaveLength(1);
      expect((await deliveries(id))[0]).toMatchObject({
        status: "retrying",
        responseStatus: 302,
        error: "Redirects are not followed: the endpoint answered 302 to http://169.254.169.254/latest/meta-data/.",
      });
    } finally {
      await receiver.stop();
    }
  });

  it("refuses loopback, private and metadata addresses unless the allow-list names them", async () => {
    for (const url of [
      "http://127.0.0.1:9/x",
      "http://10.1.2.3/x",
      "http://169.254.169.254/latest/meta-data/",
      "http://[::1]:9/x",
      "http://localhost:9/x",
    ]) {
      const response = await call("POST", "/api/v1/admin/webhooks", { url: `${url}`, events: ["created"] });
      // The test app allows 127.0.0.1 only.
      if (url.startsWith("http://127.0.0.1")) {
        expect(response.statusCode).toBe(201);
        continue;
      }
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error.fields.url, url).toMatch(
        /^Refused: .*\((loopback|private network|cloud metadata)\)/,
      );
    }
    expect((await call("GET", "/api/v1/admin/webhooks")).json().webhooks).toHaveLength(1);

    // Saved while allowed, delivered after the operator took 127.0.0.1 off the list: refused at delivery time,
    // for a literal address and for a host name that resolves to loopback alike.
    const receiver = await startReceiver();
    try {
      await db().deleteFrom("webhook_endpoints").execute();
      const literal = await addEndpoint({ url: receiver.url });
      await newTicket("Nobody may reach this");
      await runJobs(config({ allowHosts: [] }));
      expect(receiver.received).toHaveLength(0);
      expect((await deliveries(literal.id))[0]?.error).toMatch(/^Refused: 127\.0\.0\.1 \(loopback\)/);
    } finally {
      await receiver.stop();
    }
  });

  it("refuses at delivery a host name that resolves to loopback once the allow-list no longer names it", async () => {
    const receiver = await startReceiver();
    try {
      const allowingName = config({ allowHosts: ["localhost"] });
      const byName = receiver.url.replace("127.0.0.1", "localhost");
      // Saving "localhost" needs the name on the list; the app under test has only 127.0.0.1.
      expect((await call("POST", "/api/v1/admin/webhooks", { url: byName, events: ["created"] })).statusCode).toBe(400);
      // An operator allowed it by name when it was saved, and has taken it off the list since.
      const { id } = await createWebhook(
        { db: db(), config: allowingName },
        webhookInputSchema.parse({ url: byName, events: ["created"] }),
      );
      await newTicket("Rebound name");
      await runJobs(config({ allowHosts: [] }));
      expect(receiver.received).toHaveLength(0);
      expect((await deliveries(id))[0]?.error).toMatch(
        /^Refused: localhost resolves to (127\.0\.0\.1|::1) \(loopback\)/,
      );
    } finally {
      await receiver.stop();
    }
  });

  it("redelivers an event and sends a test event, once each, signed with the current secret", async () => {
    const receiver = await startReceiver();
    try {
      const { id, secret } = await addEndpoint({ url: receiver.url });
      await newTicket("Send it again");
      await runJobs();
      const [first] = await deliveries(id);
      const again = await call("POST", `/api/v1/admin/webhook-deliveries/${first?.id}/redeliver`);
      expect(again.statusCode).toBe(202);
      await runJobs();
      expect(receiver.received).toHaveLength(2);
      const [original, repeat] = receiver.received;
      expect(repeat?.body).toBe(original?.body);
      expect(repeat?.headers["switchboard-event-id"]).toBe(original?.headers["switchboard-event-id"]);
      expect(repeat?.headers["switchboard-delivery"]).not.toBe(original?.headers["switchboard-delivery"]);
      const log = await deliveries(id);
      expect(log.map((d) => [d.kind, d.status])).toEqual([
        ["redelivery", "succeeded"],
        ["event", "succeeded"],
      ]);

      const rotated = await call("POST", `/api/v1/admin/webhooks/${id}/secret`);
      const newSecret = rotated.json().secret as string;
      expect(newSecret).not.toBe(secret);
      expect((await call("POST", `/api/v1/admin/webhooks/${id}/test`)).statusCode).toBe(202);
      await runJobs();
      const ping = receiver.received[2];
      expect(JSON.parse(ping?.body ?? "{}")).toMatchObject({ event: { type: "ping" }, ticket: null });
      const signature = String(ping?.headers["switchboard-signature"]);
      expect(verify(newSecret, signature, ping?.body ?? "")).toBe(true);
      expect(verify(secret, signature, ping?.body ?? "")).toBe(false);
    } finally {
      await receiver.stop();
    }
  });

  it("keeps finished deliveries in the log for 30 days", async () => {
    const receiver = await startReceiver();
    try {
      const { id } = await addEndpoint({ url: receiver.url });
      await newTicket("Old news");
      await runJobs();
      expect(await deliveries(id)).toHaveLength(1);
      const logged = () => db().selectFrom("webhook_deliveries").select("id").where("endpoint_id", "=", id).execute();
      await cleanUp({ db: db(), config: config() }, new Date(Date.now() + 29 * 24 * 60 * 60_000));
      expect(await logged()).toHaveLength(1);
      await cleanUp({ db: db(), config: config() }, new Date(Date.now() + 31 * 24 * 60 * 60_000));
      expect(await logged()).toHaveLength(0);
      // The clean-up a month ahead ended the admin's session too.
      admin = await signInAs(app, adminUser);
    } finally {
      await receiver.stop();
    }
  });

  it("lets only admins manage webhooks", async () => {
    const agent = await signInAs(app, await buildAgent(db()));
    const refused = await call(
      "POST",
      "/api/v1/admin/webhooks",
      { url: "https://example.com/h", events: ["created"] },
      agent,
    );
    expect(refused.statusCode).toBe(403);
    expect((await call("GET", "/api/v1/admin/webhooks", undefined, agent)).statusCode).toBe(403);
    expect((await call("GET", "/api/v1/admin/webhooks")).json().webhooks).toEqual([]);
    const bad = await call("POST", "/api/v1/admin/webhooks", { url: "ftp://example.com/h", events: [] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toMatchObject({ events: "Choose at least one event to send." });
  });

  it("shows what deliveries carried, and lets webhooks be pointed or resent, only to someone who sees every ticket", async () => {
    const receiver = await startReceiver();
    try {
      const input = { url: receiver.url, events: ["created", "note"], includeInternal: true };
      const { id } = await addEndpoint(input);
      const number = await newTicket("Door codes");
      const note = await call("POST", `/api/v1/tickets/${number}/comments`, {
        body: "The code is 4711qz",
        kind: "note",
      });
      expect(note.statusCode, note.body).toBe(201);
      await runJobs();
      expect(receiver.received).toHaveLength(2);

      // Settings without tickets: the log says what happened, not what the tickets say.
      const settings = await signInAs(app, await buildNarrowAdmin(db(), ["admin.settings"]));
      const log = await call("GET", `/api/v1/admin/webhooks/${id}/deliveries`, undefined, settings);
      expect(log.statusCode).toBe(200);
      // Letters no id can hold: a hex id with "4711" in it once failed this by chance.
      expect(log.body).not.toContain("4711qz");
      expect(log.body).not.toContain("Door codes");
      const logged = log.json().deliveries as WebhookDelivery[];
      expect(logged.map((d) => [d.eventType, d.status, d.requestBody])).toEqual([
        ["note", "succeeded", null],
        ["created", "succeeded", null],
      ]);
      // Nor can they send the tickets elsewhere: not by pointing this endpoint or a new one at their own
      // server, and not by sending past events again.
      const elsewhere = { ...input, url: "https://attacker.example/hook" };
      expect((await call("PUT", `/api/v1/admin/webhooks/${id}`, elsewhere, settings)).statusCode).toBe(403);
      expect((await call("POST", "/api/v1/admin/webhooks", elsewhere, settings)).statusCode).toBe(403);
      const resend = await call("POST", `/api/v1/admin/webhook-deliveries/${logged[0]?.id}/redeliver`, {}, settings);
      expect(resend.statusCode).toBe(403);
      await runJobs();
      expect(receiver.received).toHaveLength(2);
      expect((await call("GET", "/api/v1/admin/webhooks", undefined, settings)).json().webhooks).toEqual([
        expect.objectContaining({ id, url: receiver.url }),
      ]);
      // A test event carries no ticket: they may send it and read it.
      expect((await call("POST", `/api/v1/admin/webhooks/${id}/test`, {}, settings)).statusCode).toBe(202);
      await runJobs();
      const [ping] = (await call("GET", `/api/v1/admin/webhooks/${id}/deliveries`, undefined, settings)).json()
        .deliveries as WebhookDelivery[];
      expect(JSON.parse(ping?.requestBody ?? "{}")).toMatchObject({ event: { type: "ping" }, ticket: null });
      // Someone who sees every ticket reads the bodies as sent.
      expect((await deliveries(id)).find((d) => d.eventType === "note")?.requestBody).toContain("4711qz");
    } finally {
      await receiver.stop();
    }
  });
});
