/**
 * Outgoing mail over SMTP with XOAUTH2: a real SMTP server that accepts only OAuth2 sign-ins and checks each
 * token at a real OAuth2 provider (introspection), as Microsoft 365's and Google's do.
 */
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { systemClock } from "../../../clock.ts";
import type { App } from "../../../http/types.ts";
import { describeEachEngine } from "../../../test/engines.ts";
import { buildAdmin, buildTestApp, type SignedInClient, signInAs, testConfig } from "../../../test/factories.ts";
import { startOAuthProvider, type TestOAuthProvider } from "../../../test/oauth-provider.ts";
import { smtpTransport } from "../../transport.ts";
import { oauthRedirectUri } from "./flow.ts";
import { secretBox } from "./secret-box.ts";
import { smtpOAuthCredentials } from "./smtp-credentials.ts";

describeEachEngine("outgoing mail as an OAuth2 mailbox", ({ db, engine }) => {
  const config = testConfig({ secretsKey: randomBytes(32).toString("base64") });
  const box = secretBox(config);
  const account = "desk@support.example";
  let provider: TestOAuthProvider;
  let smtp: SMTPServer;
  let smtpUrl = "";
  const signIns: string[] = [];
  const received: string[] = [];
  let app: App;
  let admin: SignedInClient;
  let mailboxId = "";

  beforeAll(async () => {
    provider = await startOAuthProvider({ redirectUris: [oauthRedirectUri(config.baseUrl)] });
    smtp = new SMTPServer({
      authMethods: ["XOAUTH2"],
      disabledCommands: ["STARTTLS"],
      allowInsecureAuth: true,
      logger: false,
      onAuth(auth, _session, callback) {
        provider.isActive(auth.accessToken ?? "").then(
          (active) => {
            if (!active) return callback(new Error("Invalid token"));
            signIns.push(auth.username ?? "");
            callback(null, { user: auth.username });
          },
          (error: Error) => callback(error),
        );
      },
      onData(stream, session, callback) {
        stream.resume();
        stream.on("end", () => {
          received.push(session.envelope.rcptTo.map((r) => r.address).join(","));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
    smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
    app = await buildTestApp(db(), engine, config);
    admin = await signInAs(app, await buildAdmin(db()));
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => smtp?.close(() => resolve()));
    await provider?.stop();
  });
  const as = (client: SignedInClient) => ({ cookie: client.cookie, "x-csrf-token": client.csrfToken });
  const transport = () => smtpTransport(smtpUrl, undefined, smtpOAuthCredentials(db(), box, systemClock));
  const mail = (to: string) => ({
    from: account,
    to,
    subject: "Hello",
    text: "Hello",
    html: "<p>Hello</p>",
    messageId: `<${randomBytes(4).toString("hex")}@support.example>`,
    headers: {},
  });

  it("refuses to send as a chosen mailbox that is not connected yet", async () => {
    const created = await app.inject({
      method: "POST",
      url: "/api/v1/admin/mailboxes",
      headers: as(admin),
      payload: {
        name: "Desk",
        address: account,
        imap: {
          host: "127.0.0.1",
          port: 143,
          tls: false,
          user: account,
          oauth: {
            provider: "oidc",
            issuer: provider.issuer,
            clientId: provider.clientId,
            clientSecret: provider.clientSecret,
            smtp: true,
          },
        },
      },
    });
    expect(created.statusCode).toBe(201);
    mailboxId = created.json().id;
    await expect(transport().send(mail("first@example.com"))).rejects.toThrow("not connected");
    expect(received).toEqual([]);
  });

  it("signs in to SMTP with XOAUTH2 as the connected mailbox", async () => {
    const started = await app.inject({
      method: "POST",
      url: `/api/v1/admin/mailboxes/${mailboxId}/oauth/connect`,
      headers: as(admin),
    });
    const callback = await provider.authorizeAs(started.json().url, account);
    const done = await app.inject({ url: `${callback.pathname}${callback.search}`, headers: { cookie: admin.cookie } });
    expect(done.headers.location).toBe(`/admin/mailboxes?connected=${mailboxId}`);
    await transport().send(mail("second@example.com"));
    expect(signIns).toEqual([account]);
    expect(received).toEqual(["second@example.com"]);
  });
});
