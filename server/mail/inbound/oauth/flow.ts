import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { OAuthFailure } from "../../../../common/mailboxes.ts";
import type { Clock } from "../../../clock.ts";
import { AppError, notFound } from "../../../core/errors.ts";
import type { Database } from "../../../db/schema.ts";
import { endpointsFor, OAuthError, requestToken } from "./providers.ts";
import type { SecretBox } from "./secret-box.ts";

/** An admin has this long to sign in at the provider and come back. */
const authorizationLifetimeMs = 10 * 60_000;

const sha256 = (value: string) => createHash("sha256").update(value).digest("base64url");

/** The one redirect URI to register at the provider. */
export function oauthRedirectUri(baseUrl: string): string {
  return `${baseUrl}/api/v1/admin/mailboxes/oauth/callback`;
}

function refused(message: string): AppError {
  return new AppError("conflict", message);
}

/** A sign-in the admin came back from that did not connect the mailbox: why, as a code for the page. */
export class OAuthRefusal extends AppError {
  readonly failure: OAuthFailure;
  constructor(failure: OAuthFailure, message: string) {
    super("conflict", message);
    this.failure = failure;
  }
}

/**
 * Starts connecting a mailbox: a random state tied to the admin's session and a PKCE verifier are kept
 * (the state only hashed, the verifier sealed), and the admin's browser is sent to the provider with the
 * state and the verifier's S256 challenge.
 */
export async function startAuthorization(
  db: Kysely<Database>,
  box: SecretBox,
  p: { mailboxId: string; sessionId: string; baseUrl: string; clock: Clock },
): Promise<string> {
  const mailbox = await db.selectFrom("mailboxes").selectAll().where("id", "=", p.mailboxId).executeTakeFirst();
  if (!mailbox) throw notFound("That mailbox");
  if (!mailbox.oauth_provider || !mailbox.oauth_client_id || !mailbox.imap_user) {
    throw refused("Save the mailbox with an IMAP account that signs in with OAuth2 first.");
  }
  let endpoints: Awaited<ReturnType<typeof endpointsFor>>;
  try {
    endpoints = await endpointsFor(mailbox);
  } catch (error) {
    if (error instanceof OAuthError) throw refused(error.message);
    throw error;
  }
  const state = randomBytes(32).toString("base64url");
  const verifier = randomBytes(32).toString("base64url");
  const redirectUri = oauthRedirectUri(p.baseUrl);
  const at = p.clock();
  await db.deleteFrom("oauth_authorizations").where("expires_at", "<", at.toISOString()).execute();
  await db
    .insertInto("oauth_authorizations")
    .values({
      state_hash: sha256(state),
      mailbox_id: mailbox.id,
      session_id: p.sessionId,
      code_verifier: box.seal(verifier),
      token_url: endpoints.tokenUrl,
      redirect_uri: redirectUri,
      expires_at: new Date(at.getTime() + authorizationLifetimeMs).toISOString(),
    })
    .execute();
  const url = new URL(endpoints.authorizationUrl);
  const params = {
    response_type: "code",
    client_id: mailbox.oauth_client_id,
    redirect_uri: redirectUri,
    scope: endpoints.scopes,
    state,
    code_challenge: sha256(verifier),
    code_challenge_method: "S256",
    // Consent every time: providers hand out a (new) refresh token only then.
    prompt: "consent",
    login_hint: mailbox.imap_user,
    ...endpoints.extraParams,
  };
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
}

const notStartedHere = "This sign-in was not started here or has already been used. Start again with Connect.";

/** What the admin reads when the provider sent them back with a refusal; its own words are not shown. */
export const providerRefused =
  "The provider did not let the mailbox connect. Start again with Connect, and allow the access it asks for.";

/**
 * The provider sent the admin back with an error instead of a code. It is believed only with a state this
 * session started (which is used up): anyone can link an admin to the callback with an `error` and a
 * description of their own, and that text must not reach the admin's page as if the provider had said it.
 */
export async function abandonAuthorization(
  db: Kysely<Database>,
  p: { state: string | undefined; sessionId: string },
): Promise<never> {
  const abandoned = p.state
    ? await db
        .deleteFrom("oauth_authorizations")
        .where("state_hash", "=", sha256(p.state))
        .where("session_id", "=", p.sessionId)
        .returning("state_hash")
        .executeTakeFirst()
    : undefined;
  if (!abandoned) throw new OAuthRefusal("not_started", notStartedHere);
  throw new OAuthRefusal("refused", providerRefused);
}

/**
 * The provider sent the admin back. The state must be one we issued, unused, unexpired and started by this
 * same session; the code is redeemed with the PKCE verifier, and the tokens are stored sealed. Answers the
 * mailbox's id.
 */
export async function completeAuthorization(
  db: Kysely<Database>,
  box: SecretBox,
  p: { state: string; code: string; sessionId: string; clock: Clock },
): Promise<string> {
  const stateHash = sha256(p.state);
  const pending = await db
    .selectFrom("oauth_authorizations")
    .selectAll()
    .where("state_hash", "=", stateHash)
    .executeTakeFirst();
  // Another session's state is left alone: it stays usable by the admin who started it.
  if (!pending || pending.session_id !== p.sessionId) {
    throw new OAuthRefusal("not_started", notStartedHere);
  }
  await db.deleteFrom("oauth_authorizations").where("state_hash", "=", stateHash).execute();
  const now = p.clock();
  if (new Date(pending.expires_at).getTime() < now.getTime()) {
    throw new OAuthRefusal("expired", "This sign-in took longer than ten minutes. Start again with Connect.");
  }
  const mailbox = await db
    .selectFrom("mailboxes")
    .selectAll()
    .where("id", "=", pending.mailbox_id)
    .executeTakeFirstOrThrow();
  if (!mailbox.oauth_client_id) throw new OAuthRefusal("not_oauth", "The mailbox no longer signs in with OAuth2.");
  let tokens: Awaited<ReturnType<typeof requestToken>>;
  try {
    tokens = await requestToken(pending.token_url, {
      grant_type: "authorization_code",
      code: p.code,
      redirect_uri: pending.redirect_uri,
      code_verifier: box.open(pending.code_verifier),
      client_id: mailbox.oauth_client_id,
      ...(mailbox.oauth_client_secret ? { client_secret: box.open(mailbox.oauth_client_secret) } : {}),
    });
  } catch (error) {
    if (error instanceof OAuthError) throw new OAuthRefusal("token_failed", error.message);
    throw error;
  }
  if (!tokens.refresh_token) {
    throw new OAuthRefusal(
      "no_refresh_token",
      "The provider gave no refresh token, so the mailbox could not stay connected. Ask for offline access (the offline_access scope) and try again.",
    );
  }
  await db
    .updateTable("mailboxes")
    .set({
      oauth_refresh_token: box.seal(tokens.refresh_token),
      oauth_access_token: box.seal(tokens.access_token),
      oauth_access_expires_at: new Date(now.getTime() + (tokens.expires_in ?? 3600) * 1000).toISOString(),
      oauth_connected_at: now.toISOString(),
      // Reconnecting ends a failure episode: the banner goes, and the next failure is told again.
      last_error: null,
      failing_since: null,
    })
    .where("id", "=", mailbox.id)
    .execute();
  return mailbox.id;
}
