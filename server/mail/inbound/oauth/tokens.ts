import type { Kysely } from "kysely";
import type { Clock } from "../../../clock.ts";
import type { Database, Mailbox } from "../../../db/schema.ts";
import { endpointsFor, OAuthError, requestToken } from "./providers.ts";
import type { SecretBox } from "./secret-box.ts";

/** Tokens are refreshed this long before they expire, so a poll never starts with one about to run out. */
export const refreshMarginMs = 5 * 60_000;

/** Without expires_in we assume the common hour, and refresh before it. */
const defaultLifetimeS = 3600;

/**
 * A current access token for the mailbox: the stored one while it has more than the margin left, else a new
 * one from the refresh token (a rotated refresh token replaces the old one). A refusal for good (invalid_grant:
 * revoked, expired, password changed) forgets the tokens, so the mailbox shows as disconnected until an admin
 * reconnects it.
 */
export async function accessTokenFor(
  db: Kysely<Database>,
  box: SecretBox,
  mailbox: Mailbox,
  clock: Clock,
  /** Refresh even though the stored token has not expired (the server refused it). */
  options: { force?: boolean } = {},
): Promise<string> {
  if (!mailbox.oauth_refresh_token || !mailbox.oauth_client_id) {
    throw new OAuthError("The mailbox is not connected to its OAuth2 account. An admin must connect it.", true);
  }
  const now = clock().getTime();
  if (
    !options.force &&
    mailbox.oauth_access_token &&
    mailbox.oauth_access_expires_at &&
    new Date(mailbox.oauth_access_expires_at).getTime() - refreshMarginMs > now
  ) {
    return box.open(mailbox.oauth_access_token);
  }
  const endpoints = await endpointsFor(mailbox);
  try {
    const tokens = await requestToken(endpoints.tokenUrl, {
      grant_type: "refresh_token",
      refresh_token: box.open(mailbox.oauth_refresh_token),
      client_id: mailbox.oauth_client_id,
      ...(mailbox.oauth_client_secret ? { client_secret: box.open(mailbox.oauth_client_secret) } : {}),
    });
    await db
      .updateTable("mailboxes")
      .set({
        oauth_access_token: box.seal(tokens.access_token),
        oauth_access_expires_at: new Date(now + (tokens.expires_in ?? defaultLifetimeS) * 1000).toISOString(),
        ...(tokens.refresh_token ? { oauth_refresh_token: box.seal(tokens.refresh_token) } : {}),
      })
      .where("id", "=", mailbox.id)
      .execute();
    return tokens.access_token;
  } catch (error) {
    if (error instanceof OAuthError && error.revoked) {
      await db
        .updateTable("mailboxes")
        .set({ oauth_refresh_token: null, oauth_access_token: null, oauth_access_expires_at: null })
        .where("id", "=", mailbox.id)
        .execute();
      throw new OAuthError(`Refreshing the OAuth2 token failed. ${error.message} Reconnect the mailbox.`, true);
    }
    throw error;
  }
}
