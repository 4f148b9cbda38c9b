import type { Kysely } from "kysely";
import type { Clock } from "../../../clock.ts";
import type { Database } from "../../../db/schema.ts";
import type { SmtpOAuth } from "../../transport.ts";
import { OAuthError } from "./providers.ts";
import type { SecretBox } from "./secret-box.ts";
import { accessTokenFor } from "./tokens.ts";

/**
 * Outgoing mail signs in as the active mailbox an admin chose to send with ("send outgoing mail as this
 * account"), with a current token from its OAuth2 connection; without such a mailbox, with SMTP_URL's own
 * credentials. A chosen mailbox that is not connected fails the send, so the job retries and an admin sees
 * why, rather than mail going out under other credentials.
 */
export function smtpOAuthCredentials(db: Kysely<Database>, box: SecretBox, clock: Clock): SmtpOAuth {
  return async () => {
    const mailbox = await db
      .selectFrom("mailboxes")
      .selectAll()
      .where("smtp_oauth", "=", 1)
      .where("active", "=", 1)
      .where("oauth_provider", "is not", null)
      .orderBy("address")
      .executeTakeFirst();
    if (!mailbox?.imap_user) return undefined;
    if (!mailbox.oauth_refresh_token) {
      throw new OAuthError(
        `Outgoing mail signs in as ${mailbox.address}, which is not connected to its OAuth2 account.`,
      );
    }
    return { user: mailbox.imap_user, accessToken: await accessTokenFor(db, box, mailbox, clock) };
  };
}
