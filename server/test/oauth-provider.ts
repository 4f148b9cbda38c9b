/**
 * A real OAuth2/OpenID Connect provider (the `oidc-provider` package) on a free loopback port, for the
 * OAuth2 mailbox tests and the browser journey: authorization code with PKCE, refresh tokens, token
 * introspection (what Dovecot's oauth2 passdb asks) and revocation. Its sign-in page is ours and tiny: one
 * field for the account, and consent is given by continuing.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export type TestOAuthProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** For Dovecot: the introspection endpoint with the introspecting client's credentials in it. */
  introspectionUrl: string;
  /** Follows the authorization URL through sign-in and consent as `login`; answers where the provider sent us back. */
  authorizeAs(authorizationUrl: string, login: string): Promise<URL>;
  /** Revokes a refresh token at the provider, as an account owner or their admin would. */
  revoke(refreshToken: string): Promise<void>;
  /** Revokes every grant the account gave (as when its owner withdraws consent or an admin blocks the app). */
  revokeAccount(login: string): Promise<void>;
  /** Whether the provider still takes this access token (introspection). */
  isActive(accessToken: string): Promise<boolean>;
  /** How many tokens were issued by refreshing. */
  refreshes(): number;
  stop(): Promise<void>;
};

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function signInPage(uid: string, client: string, scope: string, hint: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in to Test Provider</title></head>
<body><main><h1>Sign in to Test Provider</h1>
<p>${escapeHtml(client)} asks to read and send mail as you (${escapeHtml(scope)}).</p>
<form method="post" action="/interaction/${escapeHtml(uid)}">
<label for="login">Account</label> <input id="login" name="login" autocomplete="username" value="${escapeHtml(hint)}">
<button type="submit">Allow access</button>
</form></main></body></html>`;
}

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

export async function startOAuthProvider(options: {
  redirectUris: string[];
  /** Seconds an access token lives (default one hour). */
  accessTokenTtl?: number;
  port?: number;
}): Promise<TestOAuthProvider> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = "switchboard";
  const clientSecret = "switchboard-test-client-secret";
  let refreshed = 0;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_post",
      },
      // The IMAP server introspects tokens with its own credentials and never takes part in sign-ins.
      {
        client_id: "dovecot",
        client_secret: "dovecot-introspection-secret",
        redirect_uris: [],
        grant_types: [],
        response_types: [],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    cookies: { keys: ["test-provider-cookie-key"] },
    findAccount: async (_ctx, id) => ({ accountId: id, claims: async () => ({ sub: id, email: id }) }),
    features: {
      devInteractions: { enabled: false },
      introspection: { enabled: true, allowedPolicy: async () => true },
      revocation: { enabled: true, allowedPolicy: async (_ctx, client, token) => token.clientId === client.clientId },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    ttl: {
      AccessToken: options.accessTokenTtl ?? 3600,
      AuthorizationCode: 60,
      Grant: 14 * 86_400,
      IdToken: 3600,
      Interaction: 600,
      RefreshToken: 14 * 86_400,
      Session: 86_400,
    },
    pkce: { required: () => true },
  });
  provider.on("grant.success", (ctx) => {
    if (ctx.oidc.params?.grant_type === "refresh_token") refreshed += 1;
  });
  // Opaque refresh tokens by account, so a test can revoke an account's access without knowing our stored token.
  const refreshTokens = new Map<string, string[]>();
  provider.on("refresh_token.saved", (token: { accountId?: string; jti: string }) => {
    if (!token.accountId) return;
    const tokens = refreshTokens.get(token.accountId) ?? [];
    tokens.push(token.jti);
    refreshTokens.set(token.accountId, tokens);
  });
  const callback = provider.callback();

  async function interaction(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    if (req.method === "GET") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(
        signInPage(
          details.uid,
          String(details.params.client_id),
          String(details.params.scope),
          String(details.params.login_hint ?? ""),
        ),
      );
      return;
    }
    const login = (await formBody(req)).get("login")?.trim() || "nobody";
    const grant = new provider.Grant({ accountId: login, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: login }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  }

  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.startsWith("/interaction/")) {
      interaction(req, res).catch((error: unknown) => {
        res.writeHead(400, { "content-type": "text/plain" });
        res.end(error instanceof Error ? error.message : String(error));
      });
      return;
    }
    callback(req, res);
  });

  const form = (values: Record<string, string>) => ({
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(values),
  });

  async function revoke(refreshToken: string): Promise<void> {
    const response = await fetch(
      `${issuer}/token/revocation`,
      form({ token: refreshToken, client_id: clientId, client_secret: clientSecret }),
    );
    if (!response.ok) throw new Error(`Revocation failed: ${response.status}`);
  }

  return {
    issuer,
    clientId,
    clientSecret,
    introspectionUrl: `http://dovecot:dovecot-introspection-secret@127.0.0.1:${port}/token/introspection`,
    async authorizeAs(authorizationUrl, login) {
      const cookies = new Map<string, string>();
      let next = new URL(authorizationUrl);
      let post = false;
      for (let step = 0; step < 10; step += 1) {
        const response = await fetch(next, {
          redirect: "manual",
          ...(post ? form({ login }) : {}),
          headers: {
            ...(post ? { "content-type": "application/x-www-form-urlencoded" } : {}),
            cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; "),
          },
        });
        for (const line of response.headers.getSetCookie()) {
          const [pair = ""] = line.split(";");
          const at = pair.indexOf("=");
          cookies.set(pair.slice(0, at), pair.slice(at + 1));
        }
        const location = response.headers.get("location");
        if (response.status >= 300 && response.status < 400 && location) {
          next = new URL(location, next);
          post = false;
          if (next.origin !== issuer) return next;
          continue;
        }
        if (response.status === 200 && next.pathname.startsWith("/interaction/") && !post) {
          post = true;
          continue;
        }
        throw new Error(`The provider answered ${response.status} at ${next}: ${await response.text()}`);
      }
      throw new Error("The provider kept redirecting.");
    },
    revoke,
    async revokeAccount(login) {
      for (const token of refreshTokens.get(login) ?? []) await revoke(token);
      refreshTokens.delete(login);
    },
    async isActive(accessToken) {
      const response = await fetch(`${issuer}/token/introspection`, {
        ...form({ token: accessToken }),
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          authorization: `Basic ${Buffer.from("dovecot:dovecot-introspection-secret").toString("base64")}`,
        },
      });
      const body = (await response.json()) as { active?: boolean };
      return body.active === true;
    },
    refreshes: () => refreshed,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
