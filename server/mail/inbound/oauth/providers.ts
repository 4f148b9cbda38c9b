import { z } from "zod";
import type { Mailbox } from "../../../db/schema.ts";

/** Where to send the admin to sign in, where to redeem codes, and what to ask for. */
export type OAuthEndpoints = {
  authorizationUrl: string;
  tokenUrl: string;
  scopes: string;
  /** Extra authorization parameters a provider needs to hand out a refresh token. */
  extraParams: Record<string, string>;
};

/** Every call to a provider gives up after this long, so a hanging provider cannot hold a poll or a request. */
export const providerTimeoutMs = 10_000;

export class OAuthError extends Error {
  /** The provider refused the stored authorization for good (invalid_grant): only reconnecting helps. */
  readonly revoked: boolean;
  constructor(message: string, revoked = false) {
    super(message);
    this.revoked = revoked;
  }
}

const discoverySchema = z.object({ authorization_endpoint: z.url(), token_endpoint: z.url() });

/** Reads an OIDC issuer's discovery document (`/.well-known/openid-configuration`). */
async function discover(issuer: string): Promise<{ authorizationUrl: string; tokenUrl: string }> {
  const url = `${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`;
  let body: unknown;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(providerTimeoutMs) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    body = await response.json();
  } catch (error) {
    throw new OAuthError(
      `Could not read the provider's discovery document at ${url}: ${error instanceof Error ? error.message : error}.`,
    );
  }
  const parsed = discoverySchema.safeParse(body);
  if (!parsed.success)
    throw new OAuthError(`The discovery document at ${url} names no authorization and token endpoints.`);
  return { authorizationUrl: parsed.data.authorization_endpoint, tokenUrl: parsed.data.token_endpoint };
}

/**
 * The endpoints for a mailbox's provider. Microsoft 365 and Google are known; their scopes are the ones
 * their IMAP and SMTP servers accept. A generic provider names its endpoints or is discovered from its issuer.
 */
export async function endpointsFor(mailbox: Mailbox): Promise<OAuthEndpoints> {
  const custom = mailbox.oauth_scopes;
  switch (mailbox.oauth_provider) {
    case "microsoft": {
      const tenant = encodeURIComponent(mailbox.oauth_tenant ?? "organizations");
      return {
        authorizationUrl: `https://login.microsoftonline.com/${tenant}/oauth2/v2.0/authorize`,
        tokenUrl: `https://login.microsoftonline.com/${tenant}/oauth2/v2.0/token`,
        scopes:
          custom ??
          `https://outlook.office365.com/IMAP.AccessAsUser.All${mailbox.smtp_oauth ? " https://outlook.office365.com/SMTP.Send" : ""} offline_access`,
        extraParams: {},
      };
    }
    case "google":
      return {
        authorizationUrl: "https://accounts.google.com/o/oauth2/v2/auth",
        tokenUrl: "https://oauth2.googleapis.com/token",
        scopes: custom ?? "https://mail.google.com/",
        // Google hands out a refresh token only for offline access.
        extraParams: { access_type: "offline" },
      };
    case "oidc": {
      const found =
        mailbox.oauth_authorization_url && mailbox.oauth_token_url
          ? { authorizationUrl: mailbox.oauth_authorization_url, tokenUrl: mailbox.oauth_token_url }
          : mailbox.oauth_issuer
            ? await discover(mailbox.oauth_issuer)
            : undefined;
      if (!found) throw new OAuthError("Enter the provider's issuer, or its authorization and token endpoints.");
      return { ...found, scopes: custom ?? "openid offline_access", extraParams: {} };
    }
    default:
      throw new OAuthError("This mailbox signs in with a password, not OAuth2.");
  }
}

const tokenSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().positive().optional(),
  refresh_token: z.string().min(1).optional(),
});
const tokenErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() });
export type TokenResponse = z.infer<typeof tokenSchema>;

/** One call to a token endpoint (client_secret_post, which Microsoft, Google and OIDC providers accept). */
export async function requestToken(tokenUrl: string, form: Record<string, string>): Promise<TokenResponse> {
  let response: Response;
  try {
    response = await fetch(tokenUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: new URLSearchParams(form),
      signal: AbortSignal.timeout(providerTimeoutMs),
    });
  } catch (error) {
    throw new OAuthError(
      `The token endpoint ${tokenUrl} did not answer: ${error instanceof Error ? error.message : error}.`,
    );
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const refusal = tokenErrorSchema.safeParse(body);
    if (refusal.success) {
      const { error, error_description: description } = refusal.data;
      throw new OAuthError(
        `The provider refused: ${error}${description ? ` (${description})` : ""}.`,
        error === "invalid_grant",
      );
    }
    throw new OAuthError(`The token endpoint answered HTTP ${response.status}.`);
  }
  const parsed = tokenSchema.safeParse(body);
  if (!parsed.success) throw new OAuthError("The token endpoint's answer holds no access token.");
  return parsed.data;
}
