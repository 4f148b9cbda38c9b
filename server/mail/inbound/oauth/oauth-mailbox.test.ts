/**
 * OAuth2 mailboxes end to end, against real components: an OAuth2/OIDC provider (`oidc-provider`) started
 * here, and a private Dovecot whose oauth2 passdb introspects every XOAUTH2 token at that provider. An admin
 * connects (authorization code with PKCE, the state bound to their session), the poller fetches mail over
 * XOAUTH2 and refreshes the token before it expires; a revoked grant tells the admins once (mail and banner)
 * until they reconnect. With CI=true these tests never skip; elsewhere they skip without Dovecot.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clock } from "../../../clock.ts";
import type { App } from "../../../http/types.ts";
import { describeEachEngine } from "../../../test/engines.ts";
import {
  buildAdmin,
  buildAgent,
  buildTestApp,
  type SignedInClient,
  signInAs,
  testConfig,
} from "../../../test/factories.ts";
import { startOAuthProvider, type TestOAuthProvider } from "../../../test/oauth-provider.ts";
import { createImapPoller } from "../imap-poller.ts";
import { appendToInbox, dovecotBinary, startTestImapServer, type TestImapServer } from "../test-dovecot.ts";
import { oauthRedirectUri } from "./flow.ts";
import { secretBox } from "./secret-box.ts";

const binary = dovecotBinary();

describe.skipIf(binary === undefined && process.env.CI !== "true")("OAuth2 mailboxes against Dovecot", () => {
  describeEachEngine("an OAuth2 mailbox", ({ db, engine }) => {
    const config = testConfig({ secretsKey: randomBytes(32).toString("base64") });
    const box = secretBox(config);
    let provider: TestOAuthProvider;
    let imap: TestImapServer;
    let app: App;
    let admin: SignedInClient;
    let otherAdmin: SignedInClient;
    let agent: SignedInClient;
    let mailboxId = "";

    beforeAll(async () => {
      if (!binary) throw new Error("Dovecot is not installed: apt-get install dovecot-imapd");
      provider = await startOAuthProvider({ redirectUris: [oauthRedirectUri(config.baseUrl)] });
      imap = await startTestImapServer(binary, { oauth2IntrospectionUrl: provider.introspectionUrl });
      app = await buildTestApp(db(), engine, config);
      admin = await signInAs(app, await buildAdmin(db()));
      otherAdmin = await signInAs(app, await buildAdmin(db()));
      agent = await signInAs(app, await buildAgent(db()));
    });
    afterAll(async () => {
      await imap?.stop();
      await provider?.stop();
    });

    const as = (client: SignedInClient) => ({ cookie: client.cookie, "x-csrf-token": client.csrfToken });
    const mailbox = () =>
      db().selectFrom("mailboxes").selectAll().where("id", "=", mailboxId).executeTakeFirstOrThrow();
    const poller = (clock?: Clock) =>
      createImapPoller(db(), {
        intervalMs: 60_000,
        maxBytes: 1024 * 1024,
        box,
        baseUrl: config.baseUrl,
        ...(clock ? { clock } : {}),
      });
    const storedCount = async () =>
      (await db().selectFrom("inbound_messages").select("id").where("mailbox_id", "=", mailboxId).execute()).length;
    /** Mail arrives in the account the way any sender's would: appended with the account's password. */
    async function deliver(subject: string): Promise<void> {
      await appendToInbox(
        imap,
        `From: Ann <ann@example.com>\r\nTo: ${imap.user}\r\nSubject: ${subject}\r\nMessage-ID: <${randomBytes(6).toString("hex")}@example.com>\r\n\r\nHello\r\n`,
      );
    }
    async function connect(client: SignedInClient): Promise<URL> {
      const started = await app.inject({
        method: "POST",
        url: `/api/v1/admin/mailboxes/${mailboxId}/oauth/connect`,
        headers: as(client),
      });
      expect(started.statusCode).toBe(200);
      return new URL(started.json().url);
    }
    const comeBack = (client: SignedInClient, callback: URL) =>
      app.inject({ url: `${callback.pathname}${callback.search}`, headers: { cookie: client.cookie } });

    it("connects with the authorization code and PKCE, bound to the admin's session, and keeps the tokens sealed", async () => {
      const created = await app.inject({
        method: "POST",
        url: "/api/v1/admin/mailboxes",
        headers: as(admin),
        payload: {
          name: "Help",
          address: imap.user,
          imap: {
            host: imap.host,
            port: imap.port,
            tls: false,
            user: imap.user,
            folder: "INBOX",
            oauth: {
              provider: "oidc",
              issuer: provider.issuer,
              clientId: provider.clientId,
              clientSecret: provider.clientSecret,
            },
          },
        },
      });
      expect(created.statusCode).toBe(201);
      mailboxId = created.json().id;
      const refused = await app.inject({
        method: "POST",
        url: `/api/v1/admin/mailboxes/${mailboxId}/oauth/connect`,
        headers: as(agent),
      });
      expect(refused.statusCode).toBe(403);

      const url = await connect(admin);
      expect(url.origin).toBe(provider.issuer);
      expect(url.searchParams.get("code_challenge_method")).toBe("S256");
      expect(url.searchParams.get("code_challenge")).toBeTruthy();
      expect(url.searchParams.get("redirect_uri")).toBe(oauthRedirectUri(config.baseUrl));
      const callback = await provider.authorizeAs(url.toString(), imap.user);
      expect(callback.searchParams.get("code")).toBeTruthy();

      // Another admin's browser cannot finish this admin's sign-in, and trying does not spoil it.
      const stolen = await comeBack(otherAdmin, callback);
      expect(stolen.statusCode).toBe(303);
      expect(stolen.headers.location).toBe("/admin/mailboxes?oauthError=not_started");
      expect((await mailbox()).oauth_refresh_token).toBeNull();

      const done = await comeBack(admin, callback);
      expect(done.statusCode).toBe(303);
      expect(done.headers.location).toBe(`/admin/mailboxes?connected=${mailboxId}`);
      // A state is used once.
      const again = await comeBack(admin, callback);
      expect(again.headers.location).toBe("/admin/mailboxes?oauthError=not_started");

      const row = await mailbox();
      expect(row.oauth_refresh_token).toMatch(/^v1:/);
      expect(row.oauth_client_secret).toMatch(/^v1:/);
      expect(row.oauth_client_secret).not.toContain(provider.clientSecret);
      expect(await provider.isActive(box.open(row.oauth_access_token ?? ""))).toBe(true);
      const list = await app.inject({ url: "/api/v1/admin/mailboxes", headers: as(admin) });
      expect(list.body).not.toContain(provider.clientSecret);
      expect(list.body).not.toContain(box.open(row.oauth_refresh_token ?? ""));
      expect(list.json().mailboxes[0].imap.oauth).toMatchObject({
        provider: "oidc",
        clientSecretSet: true,
        connectedAt: expect.any(String),
      });
    });

    it("believes a refusal only with this session's own state, and tells it by a code the page words, not the link's text", async () => {
      const told = (response: { headers: Record<string, unknown> }) =>
        new URL(String(response.headers.location), "http://x").searchParams.get("oauthError");
      const refusal = (state?: string) =>
        new URL(
          `${oauthRedirectUri(config.baseUrl)}?${new URLSearchParams({
            ...(state ? { state } : {}),
            error: "access_denied",
            error_description: "Your mailbox was compromised: call +1 555 0100 now",
          })}`,
        );
      const notStarted = "not_started";
      // A link anyone could send an admin: no state, or one this admin's session never started.
      expect(told(await comeBack(admin, refusal()))).toBe(notStarted);
      const state = (await connect(otherAdmin)).searchParams.get("state") ?? "";
      expect(told(await comeBack(admin, refusal(state)))).toBe(notStarted);
      // The admin's own sign-in, refused at the provider: our code, and the state is used up.
      const refused = await comeBack(otherAdmin, refusal(state));
      expect(refused.statusCode).toBe(303);
      expect(told(refused)).toBe("refused");
      expect(told(await comeBack(otherAdmin, refusal(state)))).toBe(notStarted);
      expect((await mailbox()).oauth_refresh_token).toMatch(/^v1:/);
    });

    it("fetches mail over XOAUTH2 and shows the last successful fetch", async () => {
      await deliver("Printer on fire");
      await poller().pollAll();
      expect(await storedCount()).toBe(1);
      const row = await mailbox();
      expect(row.last_error).toBeNull();
      expect(row.last_fetched_at).not.toBeNull();
    });

    it("refreshes the access token before it expires and goes on fetching with the new one", async () => {
      const before = await mailbox();
      const refreshes = provider.refreshes();
      await deliver("Second request");
      // 58 minutes on: the hour-long token has less than the margin left.
      await poller(() => new Date(Date.now() + 58 * 60_000)).pollAll();
      expect(provider.refreshes()).toBe(refreshes + 1);
      const after = await mailbox();
      expect(box.open(after.oauth_access_token ?? "")).not.toBe(box.open(before.oauth_access_token ?? ""));
      expect(after.last_error).toBeNull();
      expect(await storedCount()).toBe(2);
    });

    it("tells the admins once when the grant is revoked: a mail, the banner and the last error", async () => {
      const alertsBefore = await db()
        .selectFrom("mail_messages")
        .select("id")
        .where("template", "=", "mailbox-failing")
        .execute();
      expect(alertsBefore).toHaveLength(0);
      await provider.revoke(box.open((await mailbox()).oauth_refresh_token ?? ""));
      await deliver("Lost in the void");
      await poller().pollAll();
      await poller().pollAll();
      const row = await mailbox();
      expect(row.last_error).toContain("invalid_grant");
      expect(row.failing_since).not.toBeNull();
      expect(row.oauth_refresh_token).toBeNull();
      expect(await storedCount()).toBe(2);
      const alerts = await db()
        .selectFrom("mail_messages")
        .select(["to_address", "subject", "text_body"])
        .where("template", "=", "mailbox-failing")
        .execute();
      // One mail per admin for the episode, however often it is polled.
      expect(alerts.map((a) => a.to_address).sort()).toEqual([admin.user.email, otherAdmin.user.email].sort());
      expect(alerts[0]?.subject).toBe(`Mail for ${imap.user} is not being fetched`);
      expect(alerts[0]?.text_body).toContain("invalid_grant");

      const banner = await app.inject({ url: "/api/v1/admin/mailbox-alerts", headers: as(admin) });
      expect(banner.json().alerts).toEqual([
        expect.objectContaining({ mailboxId, address: imap.user, error: expect.stringContaining("invalid_grant") }),
      ]);
      expect((await app.inject({ url: "/api/v1/admin/mailbox-alerts", headers: as(agent) })).statusCode).toBe(403);
      const list = await app.inject({ url: "/api/v1/admin/mailboxes", headers: as(admin) });
      expect(list.json().mailboxes[0]).toMatchObject({
        lastError: expect.stringContaining("invalid_grant"),
        failingSince: expect.any(String),
        imap: { oauth: { connectedAt: null } },
      });
    });

    it("fetches again after reconnecting, and the banner goes", async () => {
      const callback = await provider.authorizeAs((await connect(admin)).toString(), imap.user);
      expect((await comeBack(admin, callback)).headers.location).toBe(`/admin/mailboxes?connected=${mailboxId}`);
      const banner = await app.inject({ url: "/api/v1/admin/mailbox-alerts", headers: as(admin) });
      expect(banner.json().alerts).toEqual([]);
      await poller().pollAll();
      expect(await storedCount()).toBe(3);
      const row = await mailbox();
      expect(row.last_error).toBeNull();
      expect(row.failing_since).toBeNull();
    });
  });
});
