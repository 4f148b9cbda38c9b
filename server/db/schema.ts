import type { ColumnType, Generated, Insertable, Selectable } from "kysely";
import type { Licence } from "../../common/accounts.ts";
import type { ServiceVisibility } from "../../common/catalog.ts";
import type { CustomerAccess, FieldType } from "../../common/fields.ts";
import type { KbStatus, KbTranslationStatus, KbVisibility } from "../../common/kb.ts";
import type { TicketChannel } from "../../common/new-ticket.ts";
import type { ServiceIconName } from "../../common/service-icons.ts";
import type { Priority, StatusCategory } from "../../common/tickets.ts";

/**
 * Timestamps are ISO-8601 strings in UTC with milliseconds on both engines
 * (TEXT in SQLite, timestamptz in PostgreSQL, parsed back to the same string
 * form in server/db/engine.ts), so they sort and compare the same everywhere.
 */
type Timestamp = string;
/** JSON goes in and comes out as text on both engines; read it with `decodeJson`. */
type Json = ColumnType<unknown, string, string>;

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  licence: Licence;
  created_at: Timestamp;
  updated_at: Timestamp;
  disabled_at: Timestamp | null;
  /** Null until the person followed the link in the confirmation mail; unconfirmed accounts can only confirm. */
  email_confirmed_at: Timestamp | null;
  /** The person's language (a locale from common/locales.ts); null: the help desk's default. */
  locale: Generated<string | null>;
  /** IANA time zone for dates shown to the person; null: their browser's. */
  time_zone: Generated<string | null>;
  /** Set when the person was erased (GDPR): name and email are placeholders from then on (migration 0045). */
  anonymised_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
}

/** Help-desk-wide settings, one row each (`default_locale`). */
export interface SettingsTable {
  key: string;
  value: string;
}

export interface SessionsTable {
  /** SHA-256 of the cookie's token: a stolen database does not yield live sessions. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface CategoriesTable {
  id: string;
  name: string;
  position: number;
  created_at: Timestamp;
  /** Catalog categories nest one level: a category may sit under a top-level one. */
  parent_id: string | null;
  description: string | null;
}

export interface StatusesTable {
  id: string;
  key: string;
  agent_label: string;
  customer_label: string;
  category: StatusCategory;
  position: number;
  /** 1 when a customer's reply reopens a ticket in this (closed) status; 0 otherwise. */
  customers_may_reopen: Generated<number>;
  /** 0 or 1: time spent in this status does not count against SLA targets. */
  pauses_sla: ColumnType<number, number | undefined, number>;
}

export interface CountersTable {
  name: string;
  value: number;
}

export interface TicketsTable {
  id: string;
  /** Human-facing number, separate from the id. */
  number: number;
  subject: string;
  message: string;
  priority: Priority;
  category_id: string | null;
  status_id: string;
  requester_email: string;
  requester_name: string;
  requester_id: string | null;
  organization_id: string | null;
  /** The language the request was submitted in (mail to a guest uses it); null: the default. */
  locale: Generated<string | null>;
  service_id: string | null;
  ticket_type_id: string | null;
  group_id: string | null;
  /** The agent working the ticket; null while unassigned. */
  assignee_id: string | null;
  message_format: "text" | "html";
  /** When the ticket last became solved; the reopen window and auto-close count from here. */
  solved_at: Timestamp | null;
  /** The closed ticket this one follows up on. */
  follow_up_of: string | null;
  /** Set when this ticket was merged into another as a duplicate; it is closed and points there. */
  merged_into_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  // Service levels (server/sla/): the policy that applied and the targets it set.
  sla_policy_id: ColumnType<string | null, string | null | undefined, string | null>;
  first_response_due_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  resolution_due_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  first_responded_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  /** Set while the clock is paused (waiting for the customer, on hold, solved). */
  sla_paused_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  /** The nearest open target; null when none runs (met, paused, finished). Overdue means due_at <= now. */
  due_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  /** When "Ticket is due" fires for due_at. */
  due_soon_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  /** Solved tickets close at this time; the reopen window ends at the same moment. */
  auto_close_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  /** How the request came in (web form, email, or an agent's phone call or walk-in). */
  channel: ColumnType<TicketChannel, TicketChannel | undefined, TicketChannel>;
  /** The last public comment from the requester or a CC; agents see it marked until they open the ticket. */
  customer_replied_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  /** Set while the ticket is deleted: out of every list, count and lookup until restored or purged (0040). */
  deleted_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  deleted_by_name: ColumnType<string | null, string | null | undefined, string | null>;
  /** low 0, medium 1, high 2, urgent 3: generated by the database from `priority` (migration 0025), indexed for sorting. */
  priority_rank: ColumnType<number, never, never>;
}

/** When each agent last opened a ticket (for the "new reply" marker in the queues). */
export interface AgentTicketReadsTable {
  ticket_id: string;
  user_id: string;
  read_at: Timestamp;
}

export type Visibility = "public" | "internal";

export interface TicketEventsTable {
  id: string;
  ticket_id: string;
  type: string;
  actor_id: string | null;
  /** Who did it, as shown in the Feed, kept even if the user is later renamed or removed. */
  actor_name: string;
  visibility: Visibility;
  payload: Json;
  created_at: Timestamp;
}

export type JobStatus = "pending" | "running" | "done" | "failed";

export interface JobsTable {
  id: string;
  kind: string;
  payload: Json;
  status: JobStatus;
  attempts: number;
  max_attempts: number;
  run_at: Timestamp;
  /** While running: when the lease ends and another runner may take the job over. */
  locked_until: Timestamp | null;
  last_error: string | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
  /** Jobs that must exist once (a schedule's slot, a ticket's timer) carry a key; inserting it again does nothing. */
  unique_key: ColumnType<string | null, string | null | undefined, string | null>;
  /** While running: the runner that holds the lease; only it heartbeats or finishes the job. */
  locked_by: ColumnType<string | null, string | null | undefined, string | null>;
}

/** One row per probe: /readyz writes it to prove the database accepts writes. */
export interface WriteChecksTable {
  id: string;
  checked_at: Timestamp;
}

/** Every message we send, rendered when the change that caused it commits: the outbox, the log and the dev mailbox. */
export interface MailMessagesTable {
  id: string;
  message_id: string;
  template: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  headers: Json;
  created_at: Timestamp;
  sent_at: Timestamp | null;
  transport: "smtp" | "dev" | null;
  /** The ticket this message is about: replies to it thread back into that ticket. */
  ticket_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export type AccountTokenPurpose = "confirm_email" | "reset_password";

/** One-time links sent by mail; only the SHA-256 of the token is stored (as the id). */
export interface AccountTokensTable {
  id: string;
  user_id: string;
  purpose: AccountTokenPurpose;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  /** A confirmation link's registration: the name and password chosen in the form that sent it (0093). */
  name: ColumnType<string | null, string | null | undefined, string | null>;
  password_hash: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A guest's emailed access link to one ticket; only the newest unused one per ticket and email is live. */
export interface GuestLinksTable {
  id: string;
  ticket_id: string;
  email: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface GuestSessionsTable {
  id: string;
  ticket_id: string;
  email: string;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface RolesTable {
  id: string;
  /** Set on the built-in roles so code can find them by key; null for roles admins create. */
  key: string | null;
  name: string;
  permissions: Json;
  default_for: Licence | null;
  created_at: Timestamp;
}

export interface UserRolesTable {
  user_id: string;
  role_id: string;
}

export interface OrganizationsTable {
  id: string;
  name: string;
  /** Departments are organizations with a parent (an account). */
  parent_id: string | null;
  created_at: Timestamp;
  /** Set on every change, for the incremental export (migration 0031 filled it from created_at). */
  updated_at: Timestamp;
}

/** A tombstone per deleted record, so the incremental export can tell a sync what is gone. */
/** A tag on a ticket: lowercase, bounded (common/tags.ts). */
export interface TicketTagsTable {
  ticket_id: string;
  tag: string;
  created_at: Timestamp;
}

export interface DeletedRecordsTable {
  resource: "tickets" | "users" | "organizations";
  id: string;
  deleted_at: Timestamp;
}

export interface OrganizationMembersTable {
  user_id: string;
  organization_id: string;
}

export interface GroupsTable {
  id: string;
  name: string;
  created_at: Timestamp;
  /** The business calendar this group's SLA targets count in; null means the default calendar. */
  calendar_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** One of the group's agents, whom "notify the group lead" mails; null when the group has none. */
  lead_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface GroupMembersTable {
  user_id: string;
  group_id: string;
}

/** A file sent on its own (POST /api/v1/uploads), waiting to be attached by its uploader (migration 0046). */
export interface UploadsTable {
  id: string;
  /** SHA-256 of the token handed to the uploader. */
  token_hash: string;
  uploader_id: string;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface ApiTokensTable {
  id: string;
  token_hash: string;
  user_id: string;
  name: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
  /** Space-separated: read, write, admin (see common/admin.ts apiTokenScopes). */
  scopes: ColumnType<string, string | undefined, string>;
  expires_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
}

export interface RateLimitsTable {
  key: string;
  window_start: Timestamp;
  hits: number;
}

/** The first answer to a create sent with an Idempotency-Key (server/http/idempotency.ts). */
export interface IdempotencyKeysTable {
  /** `token:<api token id>` or `user:<user id>`: keys of different callers never meet. */
  owner: string;
  key: string;
  /** A hash of the method, path and body, so a key reused for another request is noticed. */
  fingerprint: string;
  /** Null while the first request is still running. */
  status: number | null;
  content_type: string | null;
  body: string | null;
  created_at: Timestamp;
}

export interface TicketTypesTable {
  id: string;
  key: string | null;
  name: string;
  description: string | null;
  created_at: Timestamp;
}

export interface TicketFieldsTable {
  id: string;
  ticket_type_id: string;
  key: string;
  label: string;
  help_text: string | null;
  type: FieldType;
  /** 0 or 1: the same integer on both engines. */
  required: number;
  options: Json;
  customer_access: CustomerAccess;
  position: number;
  created_at: Timestamp;
}

export interface ServicesTable {
  id: string;
  slug: string;
  name: string;
  category_id: string | null;
  summary: string;
  description: string;
  /** A Tabler icon name; migration 0018 turned the emoji stored before into names. */
  icon: ServiceIconName | null;
  color: string | null;
  ticket_type_id: string;
  group_id: string | null;
  default_priority: Priority;
  visibility: ServiceVisibility;
  request_label: string;
  active: number;
  position: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ServiceOrganizationsTable {
  service_id: string;
  organization_id: string;
}

export interface ServiceRolesTable {
  service_id: string;
  role_id: string;
}

export interface TicketFieldValuesTable {
  ticket_id: string;
  field_id: string;
  value: Json;
}

export interface AttachmentsTable {
  id: string;
  ticket_id: string;
  /** The name shown and offered on download, cleaned of paths and invisible characters. */
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  /** Where the bytes live in attachment storage: generated by the server, never from the upload. */
  storage_key: string;
  visibility: Visibility;
  uploaded_by_id: string | null;
  uploaded_by_name: string;
  created_at: Timestamp;
}

/** Admin-entered text in one language (issue 20); `kind` and `field` are named in common/content-translations.ts. */
export interface ContentTranslationsTable {
  kind: string;
  entity_id: string;
  field: string;
  locale: string;
  text: string;
}

export interface WithdrawReasonsTable {
  id: string;
  label: string;
  position: number;
}

/** People copied on a ticket: they get its public conversation by mail and, with an account, see it. */
export interface TicketCcsTable {
  ticket_id: string;
  email: string;
  added_by_name: string;
  created_at: Timestamp;
}

/** A personal alert: `subscriber` is a user id or, for guests, an email address. */
export interface AlertSubscriptionsTable {
  ticket_id: string;
  subscriber: string;
  alert: string;
  created_at: Timestamp;
}

export interface SavedViewsTable {
  id: string;
  owner_id: string;
  name: string;
  /** The queue filters as JSON (common/queues.ts `queueFiltersSchema`). */
  filters: Json;
  created_at: Timestamp;
}

/** A piece of work on a ticket; agents only. */
export interface TicketTasksTable {
  id: string;
  ticket_id: string;
  title: string;
  assignee_id: string | null;
  /** A calendar day, YYYY-MM-DD. */
  due_on: string | null;
  done_at: Timestamp | null;
  done_by_name: string | null;
  created_by_name: string;
  created_at: Timestamp;
}

/** Related tickets, stored once per direction. */
export interface TicketLinksTable {
  ticket_id: string;
  linked_ticket_id: string;
  created_by_name: string;
  created_at: Timestamp;
}

/** A canned reply: text to insert and fields to set. No owner means shared and admin-managed. */
export interface MacrosTable {
  id: string;
  name: string;
  owner_id: string | null;
  body: string;
  status_id: string | null;
  priority: Priority | null;
  /** Applying the macro assigns the ticket to this agent and/or group (null: leaves it as it is). */
  assignee_id: ColumnType<string | null, string | null | undefined, string | null>;
  group_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** An address we receive mail for: through the built-in SMTP receiver, and from an IMAP account when one is set. */
export interface MailboxesTable {
  id: string;
  name: string;
  address: string;
  group_id: string | null;
  category_id: string | null;
  imap_host: string | null;
  imap_port: number | null;
  imap_tls: number;
  imap_user: string | null;
  /** Never leaves the server: API responses only say whether one is set. */
  imap_password: string | null;
  imap_folder: string;
  active: number;
  last_polled_at: Timestamp | null;
  last_error: string | null;
  /** Senders (addresses or @domains, one per line) whose auto-generated mail opens tickets instead of being ignored. */
  accept_auto_from: ColumnType<string | null, string | null | undefined, string | null>;
  /** Null: IMAP signs in with the password. Otherwise microsoft, google or oidc (see mail/inbound/oauth/). */
  oauth_provider: ColumnType<OAuthProvider | null, OAuthProvider | null | undefined, OAuthProvider | null>;
  oauth_tenant: ColumnType<string | null, string | null | undefined, string | null>;
  oauth_client_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Encrypted, like the tokens below (mail/inbound/oauth/secret-box.ts). */
  oauth_client_secret: ColumnType<string | null, string | null | undefined, string | null>;
  oauth_issuer: ColumnType<string | null, string | null | undefined, string | null>;
  oauth_authorization_url: ColumnType<string | null, string | null | undefined, string | null>;
  oauth_token_url: ColumnType<string | null, string | null | undefined, string | null>;
  oauth_scopes: ColumnType<string | null, string | null | undefined, string | null>;
  oauth_refresh_token: ColumnType<string | null, string | null | undefined, string | null>;
  oauth_access_token: ColumnType<string | null, string | null | undefined, string | null>;
  oauth_access_expires_at: ColumnType<string | null, string | null | undefined, string | null>;
  oauth_connected_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** Outgoing mail is sent over SMTP as this account, with its OAuth2 token. */
  smtp_oauth: ColumnType<number, number | undefined, number>;
  last_fetched_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** Set when fetching starts failing (admins are told then), cleared by the next success. */
  failing_since: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type OAuthProvider = "microsoft" | "google" | "oidc";

/** An authorization request in flight: who started it, and the PKCE verifier its code is redeemed with. */
export interface OAuthAuthorizationsTable {
  state_hash: string;
  mailbox_id: string;
  session_id: string;
  code_verifier: string;
  token_url: string;
  redirect_uri: string;
  expires_at: string;
}

export type InboundStatus = "received" | "processed" | "ignored" | "review" | "quarantined";

/** Every message received, raw bytes kept; one original per mailbox, Message-ID and content hash. */
export interface InboundMessagesTable {
  id: string;
  mailbox_id: string;
  message_id: string;
  source: "smtp" | "imap";
  envelope_from: string | null;
  raw: Buffer;
  size: number;
  status: InboundStatus;
  /** Why it was ignored, held for review or quarantined: a stable code. */
  reason: string | null;
  detail: string | null;
  from_address: string | null;
  subject: string | null;
  ticket_id: string | null;
  received_at: Timestamp;
  processed_at: Timestamp | null;
  /** sha256 of the identifying headers and body (raw-message.ts): tells a true duplicate from a reused Message-ID. */
  content_hash: string | null;
  /** Set on a true duplicate: the original it repeats. Duplicates are kept (status ignored) and never filed. */
  duplicate_of: string | null;
}

/**
 * A message the IMAP poller fetched but could not store: its tries across polls, keyed by the sha256 of its
 * raw bytes. After a few it is kept as a quarantined inbound message (`quarantined_id`) and not tried again.
 */
export interface InboundStoreFailuresTable {
  mailbox_id: string;
  raw_hash: string;
  attempts: number;
  last_error: string;
  first_failed_at: Timestamp;
  last_failed_at: Timestamp;
  quarantined_id: string | null;
}

/** Secrets the server generates for itself (the key that signs reply addresses). */
export interface MailSecretsTable {
  name: string;
  value: string;
  created_at: Timestamp;
}

/** A business calendar: weekly working hours in a time zone, and holidays (local dates). */
export interface CalendarsTable {
  id: string;
  name: string;
  time_zone: string;
  hours: Json;
  holidays: Json;
  is_default: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SlaPoliciesTable {
  id: string;
  name: string;
  /** The first policy (by position) whose conditions match a ticket applies. */
  position: number;
  conditions: Json;
  first_response_minutes: number | null;
  resolution_minutes: number | null;
  /** 1: targets count working time in the calendar; 0: wall-clock time. */
  business_time: number;
  calendar_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One row per alert fired for a ticket's due time: the guard that makes it fire once whoever runs the check. */
export interface SlaNoticesTable {
  ticket_id: string;
  kind: "due" | "overdue";
  due_at: Timestamp;
  created_at: Timestamp;
}

export interface AutomationRulesTable {
  id: string;
  name: string;
  kind: "trigger" | "time_rule" | "satisfaction_bad";
  active: number;
  position: number;
  conditions: Json;
  /** Time rules: the status category the ticket waits in, and for how many business days. */
  status_category: StatusCategory | null;
  after_business_days: number | null;
  actions: Json;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** The log of what automation did; (rule, ticket, run_key) is unique, so a rule acts once per occasion. */
export interface AutomationRunsTable {
  id: string;
  rule_id: string;
  ticket_id: string;
  run_key: string;
  /** What the run did, in English (the only record of runs logged before `outcome`). */
  summary: string;
  /** What the run did as codes (common/automation.ts); null for runs logged before migration 0077. */
  outcome: Json | null;
  ran_at: Timestamp;
}

/** An address outgoing webhooks go to (server/webhooks/). JSON columns hold lists of event types and ids. */
export interface WebhookEndpointsTable {
  id: string;
  url: string;
  description: string;
  events: Json;
  group_ids: Json;
  ticket_type_ids: Json;
  /** 0 or 1: internal events (notes, tasks) are sent too. */
  include_internal: number;
  active: number;
  /** The HMAC key deliveries are signed with: kept readable because signing needs it; the API never returns it. */
  secret: string;
  /** Failed automatic attempts in a row; a success resets it, the configured limit switches the endpoint off. */
  consecutive_failures: number;
  disabled_reason: string | null;
  disabled_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One delivery of one event to one endpoint, with what its latest attempt got back: the delivery log. */
export interface WebhookDeliveriesTable {
  id: string;
  endpoint_id: string;
  /** The ticket event's id (or the test event's): receivers de-duplicate on it, redeliveries keep it. */
  event_id: string;
  event_type: string;
  kind: "event" | "test" | "redelivery";
  /** The JSON text exactly as sent. */
  body: string;
  status: "pending" | "retrying" | "succeeded" | "failed";
  attempts: number;
  response_status: number | null;
  duration_ms: number | null;
  response_excerpt: string | null;
  error: string | null;
  created_at: Timestamp;
  last_attempt_at: Timestamp | null;
  next_attempt_at: Timestamp | null;
}

/**
 * PostgreSQL's full-text index (server/db/full-text.ts), one row per ticket, kept by triggers.
 * SQLite's is the FTS5 table `ticket_fts` (rowid = ticket number), read with raw SQL only.
 */
/**
 * How many tickets there are per status, group, assignee and priority (migration 0027): kept by triggers on
 * `tickets`, read by the queue sidebar, recomputed by `counters:repair`. No group or assignee is ''. Sum over
 * `shard` (PostgreSQL connections add to their own).
 */
export interface TicketCountsTable {
  status_id: string;
  group_key: string;
  assignee_key: string;
  priority: Priority;
  shard: number;
  tickets: number;
}

export interface TicketSearchTable {
  ticket_id: string;
  subject: string;
  public_text: string;
  internal_text: string;
}

// Knowledge base (issue 19): see migrations/0026_knowledge_base.ts.

export interface KbCategoriesTable {
  id: string;
  /** A section is a category with a parent. */
  parent_id: string | null;
  name: string;
  slug: string;
  description: string;
  icon: ServiceIconName | null;
  position: number;
  created_at: Timestamp;
}

/** An image uploaded for knowledge-base articles (server/kb/images.ts). */
export interface KbImagesTable {
  id: string;
  storage_key: string;
  file_name: string;
  content_type: string;
  size: number;
  uploaded_by: string | null;
  created_at: Timestamp;
}

export interface KbArticlesTable {
  id: string;
  slug: string;
  title: string;
  summary: string;
  /** Sanitised HTML (server/kb/article-html.ts). */
  body: string;
  body_text: string;
  /** A JSON array of lower-case tags, as text on both engines. */
  tags: string;
  category_id: string | null;
  owner_id: string | null;
  status: KbStatus;
  visibility: KbVisibility;
  views: number;
  outdated: number;
  outdated_note: string | null;
  created_from_ticket_id: string | null;
  published_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** An article in another shipped language (issue 20); read only while it and its article are published. */
export interface KbArticleTranslationsTable {
  article_id: string;
  locale: string;
  title: string;
  summary: string;
  /** Sanitised HTML, like the article's. */
  body: string;
  body_text: string;
  status: KbTranslationStatus;
  updated_by: string | null;
  published_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface KbArticleOrganizationsTable {
  article_id: string;
  organization_id: string;
}

export interface KbArticleRolesTable {
  article_id: string;
  role_id: string;
}

export interface KbRevisionsTable {
  id: string;
  article_id: string;
  number: number;
  title: string;
  summary: string;
  body: string;
  tags: string;
  author_id: string | null;
  author_name: string;
  note: string | null;
  created_at: Timestamp;
}

export interface KbVotesTable {
  article_id: string;
  voter: string;
  helpful: number;
  comment: string | null;
  updated_at: Timestamp;
}

export interface KbSearchesTable {
  id: string;
  query: string;
  results: number;
  created_at: Timestamp;
}

export interface KbSuggestionsTable {
  token: string;
  article_id: string;
  ticket_id: string | null;
  shown_at: Timestamp;
  opened_at: Timestamp | null;
}

// Satisfaction surveys (issue 18): see migrations/0035_satisfaction.ts.
export interface SatisfactionSettingsTable {
  id: string;
  enabled: number;
  delay_minutes: number;
  updated_at: Timestamp;
}
export interface SatisfactionExcludedGroupsTable {
  group_id: string;
}
export interface SatisfactionExcludedServicesTable {
  service_id: string;
}
export interface SatisfactionReasonsTable {
  id: string;
  label: string;
  position: number;
}
/** One survey per ticket: the link sent (its hash), and the requester's answer once given. */
export interface SatisfactionSurveysTable {
  ticket_id: string;
  /** Who was asked (the requester's address when the survey went out or they first rated). */
  email: string;
  token_hash: string | null;
  expires_at: Timestamp | null;
  /** Null for a ticket rated from its page before (or without) a survey mail. */
  sent_at: Timestamp | null;
  rating: "good" | "bad" | null;
  comment: string | null;
  /** The reason's words at the time, so removing a reason later changes no answer. */
  reason: string | null;
  rated_at: Timestamp | null;
  created_at: Timestamp;
}

type Counter = ColumnType<number, number | undefined, number>;
type Minutes = ColumnType<number, number | undefined, number>;

/** One row per ticket, kept by the metrics reaction (server/reports/); docs/reports.md defines each figure. */
export interface TicketMetricsTable {
  ticket_id: string;
  created_at: Timestamp;
  channel: TicketChannel;
  priority: Priority;
  service_id: string | null;
  ticket_type_id: string | null;
  group_id: string | null;
  assignee_id: string | null;
  organization_id: string | null;
  /** The ticket's service level as it stands (migration 0078). */
  sla_policy_id: string | null;
  status_category: StatusCategory;
  status_since: Timestamp;
  first_reply_at: Timestamp | null;
  solved_at: Timestamp | null;
  replies: Counter;
  agent_touches: Counter;
  reopens: Counter;
  assignee_stations: Counter;
  group_stations: Counter;
  first_reply_due_at: Timestamp | null;
  resolution_due_at: Timestamp | null;
  /** 1 missed, 0 met, null while undecided or without a target. */
  first_reply_breached: number | null;
  resolution_breached: number | null;
  satisfaction_rating: "good" | "bad" | null;
  satisfaction_comment: string | null;
  satisfaction_reason: string | null;
  satisfaction_rated_at: Timestamp | null;
  updated_at: Timestamp;
  first_reply_minutes: number | null;
  first_reply_business_minutes: number | null;
  full_resolution_minutes: number | null;
  full_resolution_business_minutes: number | null;
  /** Time to spare when the target was decided: negative by how much it was missed. */
  first_reply_sla_margin_minutes: number | null;
  first_reply_sla_margin_business_minutes: number | null;
  resolution_sla_margin_minutes: number | null;
  resolution_sla_margin_business_minutes: number | null;
  requester_wait_minutes: Minutes;
  requester_wait_business_minutes: Minutes;
  agent_wait_minutes: Minutes;
  agent_wait_business_minutes: Minutes;
  on_hold_minutes: Minutes;
  on_hold_business_minutes: Minutes;
}

/**
 * Counts per UTC hour, group ('' for none) and slice ('' for every ticket, or one report filter's, as
 * "priority:high" or "assignee:<id>"), added to with report_rollups.
 */
export interface ReportHoursTable {
  hour: Timestamp;
  group_id: string;
  slice: string;
  created: Counter;
  solved: Counter;
  withdrawn: Counter;
  reopened: Counter;
}

/**
 * Report figures per UTC day or month, group and one dimension's value (server/reports/cube): `n` counted
 * (or, for a histogram measure, the values in `bucket`) and `total` their sum. Plain counts use bucket -1.
 */
export interface ReportCubeTable {
  /** "hour" rows only hold ratings (dimension "all"), for satisfaction over time in the viewer's days. */
  grain: "hour" | "day" | "month";
  /** "" for every ticket, or the tickets of one report filter ("priority:high"; server/reports/cube/contributions.ts). */
  slice: string;
  dim: string;
  measure: string;
  /** The day, or the first day of the month, "YYYY-MM-DD" (UTC); an hour's instant for "hour" rows. */
  period: string;
  group_id: string;
  value: string;
  bucket: number;
  n: number;
  total: number;
}

/** Whether a day's or month's cube rows are up to date ("clean") or must be read from the metrics ("dirty"). */
export interface ReportPeriodsTable {
  grain: "day" | "month";
  period: string;
  state: "clean" | "dirty";
  /** Set each time the period is built (an id): what a report read of it can be kept under. */
  build: string | null;
}

/** Counts per UTC hour and slice, added to in the event's transaction; '' stands for "none" in the key. */
export interface ReportRollupsTable {
  hour: Timestamp;
  group_id: string;
  channel: string;
  priority: string;
  service_id: string;
  created: Counter;
  solved: Counter;
  withdrawn: Counter;
  reopened: Counter;
}

export interface Database {
  satisfaction_settings: SatisfactionSettingsTable;
  satisfaction_excluded_groups: SatisfactionExcludedGroupsTable;
  satisfaction_excluded_services: SatisfactionExcludedServicesTable;
  satisfaction_reasons: SatisfactionReasonsTable;
  satisfaction_surveys: SatisfactionSurveysTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  calendars: CalendarsTable;
  sla_policies: SlaPoliciesTable;
  sla_notices: SlaNoticesTable;
  automation_rules: AutomationRulesTable;
  automation_runs: AutomationRunsTable;
  mailboxes: MailboxesTable;
  oauth_authorizations: OAuthAuthorizationsTable;
  inbound_messages: InboundMessagesTable;
  inbound_store_failures: InboundStoreFailuresTable;
  mail_secrets: MailSecretsTable;
  saved_views: SavedViewsTable;
  users: UsersTable;
  settings: SettingsTable;
  sessions: SessionsTable;
  categories: CategoriesTable;
  statuses: StatusesTable;
  counters: CountersTable;
  tickets: TicketsTable;
  agent_ticket_reads: AgentTicketReadsTable;
  ticket_events: TicketEventsTable;
  jobs: JobsTable;
  write_checks: WriteChecksTable;
  mail_messages: MailMessagesTable;
  account_tokens: AccountTokensTable;
  guest_links: GuestLinksTable;
  guest_sessions: GuestSessionsTable;
  roles: RolesTable;
  user_roles: UserRolesTable;
  organizations: OrganizationsTable;
  organization_members: OrganizationMembersTable;
  groups: GroupsTable;
  group_members: GroupMembersTable;
  api_tokens: ApiTokensTable;
  uploads: UploadsTable;
  rate_limits: RateLimitsTable;
  idempotency_keys: IdempotencyKeysTable;
  deleted_records: DeletedRecordsTable;
  ticket_types: TicketTypesTable;
  ticket_fields: TicketFieldsTable;
  services: ServicesTable;
  service_organizations: ServiceOrganizationsTable;
  service_roles: ServiceRolesTable;
  ticket_field_values: TicketFieldValuesTable;
  ticket_search: TicketSearchTable;
  ticket_counts: TicketCountsTable;
  attachments: AttachmentsTable;
  withdraw_reasons: WithdrawReasonsTable;
  content_translations: ContentTranslationsTable;
  ticket_ccs: TicketCcsTable;
  alert_subscriptions: AlertSubscriptionsTable;
  ticket_tasks: TicketTasksTable;
  ticket_links: TicketLinksTable;
  ticket_tags: TicketTagsTable;
  macros: MacrosTable;
  // Knowledge base (issue 19).
  kb_categories: KbCategoriesTable;
  kb_articles: KbArticlesTable;
  kb_article_translations: KbArticleTranslationsTable;
  kb_images: KbImagesTable;
  kb_article_organizations: KbArticleOrganizationsTable;
  kb_article_roles: KbArticleRolesTable;
  kb_revisions: KbRevisionsTable;
  kb_votes: KbVotesTable;
  kb_searches: KbSearchesTable;
  kb_suggestions: KbSuggestionsTable;
  // Reporting (issue 18).
  ticket_metrics: TicketMetricsTable;
  report_rollups: ReportRollupsTable;
  report_hours: ReportHoursTable;
  report_cube: ReportCubeTable;
  report_periods: ReportPeriodsTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type Ticket = Selectable<TicketsTable>;
export type NewTicket = Insertable<TicketsTable>;
export type NewTicketEvent = Insertable<TicketEventsTable>;
export type Status = Selectable<StatusesTable>;
export type Mailbox = Selectable<MailboxesTable>;
