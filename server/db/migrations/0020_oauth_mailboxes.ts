import type { Kysely } from "kysely";
import { type Engine, timestampColumnType } from "../engine.ts";

/**
 * Mailboxes that sign in to IMAP (and SMTP) with OAuth2 instead of a password:
 * Microsoft 365, Google, or any OAuth2/OIDC provider. Secrets (the client
 * secret, refresh and access tokens) are stored encrypted (see
 * mail/inbound/oauth/secret-box.ts). A mailbox also remembers its last
 * successful fetch and since when it has been failing, so admins are told
 * once per failure episode. `oauth_authorizations` holds the authorization
 * requests in flight: the state (hashed), the PKCE verifier and the session
 * that started it, for ten minutes.
 */
export function oauthMailboxes(engine: Engine) {
  const ts = timestampColumnType(engine);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const columns: [string, "text" | typeof ts | "integer"][] = [
        ["oauth_provider", "text"],
        ["oauth_tenant", "text"],
        ["oauth_client_id", "text"],
        ["oauth_client_secret", "text"],
        ["oauth_issuer", "text"],
        ["oauth_authorization_url", "text"],
        ["oauth_token_url", "text"],
        ["oauth_scopes", "text"],
        ["oauth_refresh_token", "text"],
        ["oauth_access_token", "text"],
        ["oauth_access_expires_at", ts],
        ["oauth_connected_at", ts],
        ["last_fetched_at", ts],
        ["failing_since", ts],
      ];
      for (const [name, type] of columns) {
        await db.schema.alterTable("mailboxes").addColumn(name, type).execute();
      }
      await db.schema
        .alterTable("mailboxes")
        .addColumn("smtp_oauth", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createTable("oauth_authorizations")
        .addColumn("state_hash", "text", (c) => c.primaryKey())
        .addColumn("mailbox_id", "text", (c) => c.notNull().references("mailboxes.id").onDelete("cascade"))
        .addColumn("session_id", "text", (c) => c.notNull())
        .addColumn("code_verifier", "text", (c) => c.notNull())
        .addColumn("token_url", "text", (c) => c.notNull())
        .addColumn("redirect_uri", "text", (c) => c.notNull())
        .addColumn("expires_at", ts, (c) => c.notNull())
        .execute();
    },
  };
}
