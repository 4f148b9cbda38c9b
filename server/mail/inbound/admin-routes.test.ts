import { beforeAll, expect, it } from "vitest";
import type { App } from "../../http/types.ts";
import { describeEachEngine } from "../../test/engines.ts";
import {
  buildAdmin,
  buildAgent,
  buildNarrowAdmin,
  buildTestApp,
  type SignedInClient,
  signInAs,
  testConfig,
} from "../../test/factories.ts";
import { processInbound } from "./router.ts";
import { storeInbound } from "./store.ts";

describeEachEngine("email channel admin routes", ({ db, engine }) => {
  let app: App;
  let admin: SignedInClient;
  let agent: SignedInClient;
  beforeAll(async () => {
    app = await buildTestApp(db(), engine);
    admin = await signInAs(app, await buildAdmin(db()));
    agent = await signInAs(app, await buildAgent(db()));
  });
  const as = (client: SignedInClient) => ({ cookie: client.cookie, "x-csrf-token": client.csrfToken });

  it("keeps the IMAP password on the server, and an empty password field keeps the stored one", async () => {
    const imap = {
      host: "imap.example.com",
      port: 993,
      tls: true,
      user: "help",
      password: "s3cret-imap",
      folder: "INBOX",
    };
    const created = await app.inject({
      method: "POST",
      url: "/api/v1/admin/mailboxes",
      headers: as(admin),
      payload: { name: "Help", address: "Help@Support.example", imap },
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json();
    const changed = await app.inject({
      method: "PUT",
      url: `/api/v1/admin/mailboxes/${id}`,
      headers: as(admin),
      payload: { name: "Help desk", address: "help@support.example", imap: { ...imap, password: "" } },
    });
    expect(changed.statusCode).toBe(204);
    const list = await app.inject({ url: "/api/v1/admin/mailboxes", headers: as(admin) });
    expect(list.body).not.toContain("s3cret-imap");
    expect(list.json().mailboxes).toEqual([
      expect.objectContaining({
        name: "Help desk",
        address: "help@support.example",
        imap: expect.objectContaining({ host: "imap.example.com", passwordSet: true }),
      }),
    ]);
    const stored = await db()
      .selectFrom("mailboxes")
      .select("imap_password")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(stored.imap_password).toBe("s3cret-imap");
    const taken = await app.inject({
      method: "POST",
      url: "/api/v1/admin/mailboxes",
      headers: as(admin),
      payload: { name: "Again", address: "help@support.example" },
    });
    expect(taken.statusCode).toBe(400);
    expect(taken.json().error.fields.address).toContain("already");
  });

  it("refuses incomplete OAuth2 settings with a message per field, and changes nothing", async () => {
    const imap = { host: "imap.example.com", port: 993, tls: true, user: "office@support.example", folder: "INBOX" };
    const before = await app.inject({ url: "/api/v1/admin/mailboxes", headers: as(admin) });
    const generic = await app.inject({
      method: "POST",
      url: "/api/v1/admin/mailboxes",
      headers: as(admin),
      payload: {
        name: "Office",
        address: "office@support.example",
        imap: { ...imap, oauth: { provider: "oidc", clientId: "app" } },
      },
    });
    expect(generic.statusCode).toBe(400);
    expect(generic.json().error.fields["imap.oauth.issuer"]).toContain("issuer URL");
    const microsoft = await app.inject({
      method: "POST",
      url: "/api/v1/admin/mailboxes",
      headers: as(admin),
      payload: {
        name: "Office",
        address: "office@support.example",
        imap: { ...imap, oauth: { provider: "microsoft", clientId: "" } },
      },
    });
    expect(microsoft.statusCode).toBe(400);
    expect(Object.keys(microsoft.json().error.fields)).toEqual(
      expect.arrayContaining(["imap.oauth.tenant", "imap.oauth.clientId"]),
    );
    const after = await app.inject({ url: "/api/v1/admin/mailboxes", headers: as(admin) });
    expect(after.json()).toEqual(before.json());
    // A password mailbox cannot be "connected".
    const plain = (after.json().mailboxes as { id: string }[])[0];
    if (plain) {
      const connect = await app.inject({
        method: "POST",
        url: `/api/v1/admin/mailboxes/${plain.id}/oauth/connect`,
        headers: as(admin),
      });
      expect(connect.statusCode).toBe(409);
    }
  });

  it("keeps the senders whose automatic mail opens requests, and refuses what is not an address or domain", async () => {
    const created = await app.inject({
      method: "POST",
      url: "/api/v1/admin/mailboxes",
      headers: as(admin),
      payload: {
        name: "Alerts",
        address: "alerts@support.example",
        acceptAutoFrom: ["Nagios@Monitoring.example", "@itsm.example"],
      },
    });
    expect(created.statusCode).toBe(201);
    const list = await app.inject({ url: "/api/v1/admin/mailboxes", headers: as(admin) });
    const mailbox = list.json().mailboxes.find((m: { address: string }) => m.address === "alerts@support.example");
    expect(mailbox.acceptAutoFrom).toEqual(["nagios@monitoring.example", "@itsm.example"]);
    const bad = await app.inject({
      method: "PUT",
      url: `/api/v1/admin/mailboxes/${created.json().id}`,
      headers: as(admin),
      payload: { name: "Alerts", address: "alerts@support.example", acceptAutoFrom: ["everyone"] },
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.fields)).toContain("one address");
    const refused = await app.inject({
      method: "PUT",
      url: `/api/v1/admin/mailboxes/${created.json().id}`,
      headers: as(agent),
      payload: { name: "Alerts", address: "alerts@support.example", acceptAutoFrom: ["@evil.example"] },
    });
    expect(refused.statusCode).toBe(403);
  });

  it("shows held mail to admins only, and files it when an admin says it is a new request", async () => {
    const mailbox = await db().selectFrom("mailboxes").select("id").executeTakeFirstOrThrow();
    const raw = Buffer.from(
      "From: Zed Stranger <zed@example.com>\r\nTo: help+t999999-0123456789abcdef0123@support.example\r\nSubject: Re: something\r\nMessage-ID: <zed-1@example.com>\r\nIn-Reply-To: <ticket-00000000-0000-7000-8000-000000000000@localhost>\r\n\r\nHello\r\n",
    );
    const { id } = await storeInbound(db(), { mailboxId: mailbox.id, raw, source: "smtp", envelopeFrom: null });
    // No such ticket: a new request. Hold one by hand to exercise the queue.
    await db()
      .updateTable("inbound_messages")
      .set({ status: "review", reason: "no_sender" })
      .where("id", "=", id)
      .execute();

    const refused = await app.inject({ url: "/api/v1/admin/inbound-messages?status=review", headers: as(agent) });
    expect(refused.statusCode).toBe(403);
    const held = await app.inject({ url: "/api/v1/admin/inbound-messages?status=review", headers: as(admin) });
    expect(held.json().messages.map((m: { id: string }) => m.id)).toContain(id);
    const original = await app.inject({ url: `/api/v1/admin/inbound-messages/${id}/raw`, headers: as(admin) });
    expect(original.headers["content-disposition"]).toContain("attachment");
    expect(original.body).toContain("Message-ID: <zed-1@example.com>");

    const retry = await app.inject({
      method: "POST",
      url: `/api/v1/admin/inbound-messages/${id}/retry`,
      headers: as(admin),
      payload: { mode: "new_ticket" },
    });
    expect(retry.statusCode).toBe(204);
    await processInbound({ db: db(), config: testConfig() }, id, "new_ticket");
    const row = await db().selectFrom("inbound_messages").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.status).toBe("processed");
    const again = await app.inject({
      method: "POST",
      url: `/api/v1/admin/inbound-messages/${id}/dismiss`,
      headers: as(admin),
    });
    expect(again.statusCode).toBe(409);
  });

  it("gives the original of a message only to someone who may see every ticket", async () => {
    const created = await app.inject({
      method: "POST",
      url: "/api/v1/admin/mailboxes",
      headers: as(admin),
      payload: { name: "Payroll", address: "payroll@support.example" },
    });
    expect(created.statusCode, created.body).toBe(201);
    const mailbox = { id: created.json().id as string };
    const raw = Buffer.from(
      "From: Ada Customer <ada@example.com>\r\nTo: help@support.example\r\nSubject: Payroll\r\nMessage-ID: <ada-raw@example.com>\r\n\r\nMy salary is 99999\r\n",
    );
    const { id } = await storeInbound(db(), { mailboxId: mailbox.id, raw, source: "smtp", envelopeFrom: null });
    await db()
      .updateTable("inbound_messages")
      .set({ status: "review", reason: "no_sender" })
      .where("id", "=", id)
      .execute();

    // Settings alone run the mailboxes and the queue, not the conversations that come through them.
    const settings = await signInAs(app, await buildNarrowAdmin(db(), ["admin.settings"]));
    const held = await app.inject({ url: "/api/v1/admin/inbound-messages?status=review", headers: as(settings) });
    expect(held.statusCode).toBe(200);
    expect(held.json().messages.map((m: { id: string }) => m.id)).toContain(id);
    const original = await app.inject({ url: `/api/v1/admin/inbound-messages/${id}/raw`, headers: as(settings) });
    expect(original.statusCode).toBe(403);
    expect(original.body).not.toContain("99999");
    const full = await app.inject({ url: `/api/v1/admin/inbound-messages/${id}/raw`, headers: as(admin) });
    expect(full.body).toContain("My salary is 99999");
  });
});
