/**
 * Generated from client/openapi.json by scripts/openapi.ts: do not edit by hand.
 */


/** OneOf type helpers */
type Without<T, U> = { [P in Exclude<keyof T, keyof U>]?: never };
type XOR<T, U> = (T | U) extends object ? (Without<T, U> & U) | (Without<U, T> & T) : T | U;
type OneOf<T extends any[]> = T extends [infer Only] ? Only : T extends [infer A, infer B, ...infer Rest] ? OneOf<[XOR<A, B>, ...Rest]> : never;

export interface paths {
  "/api/v1/account/password": {
    /** Change your password (signs out your other sessions) */
    post: operations["changePassword"];
  };
  "/api/v1/account/preferences": {
    /** Set your language and time zone (null: the help desk's default language, your browser's zone) */
    put: operations["updateAccountPreference"];
  };
  "/api/v1/accounts": {
    /** Register a customer account (confirmed by a link sent by mail) */
    post: operations["createAccount"];
  };
  "/api/v1/accounts/confirmation": {
    /** Confirm an email address with the token from the confirmation mail */
    post: operations["confirmAccount"];
  };
  "/api/v1/accounts/confirmation/resend": {
    /** Send the confirmation link again */
    post: operations["resendAccountConfirmation"];
  };
  "/api/v1/admin/api-tokens": {
    /** API tokens for integrations */
    get: operations["listAdminApiTokens"];
    /** Create an API token acting as a user; the token is shown only in this answer */
    post: operations["createAdminApiToken"];
  };
  "/api/v1/admin/api-tokens/{id}": {
    /** Revoke an API token */
    delete: operations["deleteAdminApiToken"];
  };
  "/api/v1/admin/automation-rules": {
    /** Triggers and time rules */
    get: operations["listAdminAutomationRules"];
    /** Add a trigger or time rule */
    post: operations["createAdminAutomationRule"];
  };
  "/api/v1/admin/automation-rules/{id}": {
    /** Change a trigger or time rule */
    put: operations["updateAdminAutomationRule"];
    /** Delete a trigger or time rule */
    delete: operations["deleteAdminAutomationRule"];
  };
  "/api/v1/admin/automation-runs": {
    /** What triggers and time rules did, newest first */
    get: operations["listAdminAutomationRuns"];
  };
  "/api/v1/admin/calendars": {
    /** Business calendars with their hours, holidays and groups */
    get: operations["listAdminCalendars"];
    /** Add a calendar */
    post: operations["createAdminCalendar"];
  };
  "/api/v1/admin/calendars/{id}": {
    /** Change a calendar */
    put: operations["updateAdminCalendar"];
    /** Delete a calendar that is not the default */
    delete: operations["deleteAdminCalendar"];
  };
  "/api/v1/admin/categories": {
    /** Catalog categories */
    get: operations["listAdminCategories"];
    /** Create a category */
    post: operations["createAdminCategory"];
  };
  "/api/v1/admin/categories/{id}": {
    /** Change a category */
    put: operations["updateAdminCategory"];
    /** Delete a category no ticket uses */
    delete: operations["deleteAdminCategory"];
  };
  "/api/v1/admin/deleted-tickets": {
    /** Admins: deleted tickets not yet purged, most recently deleted first (up to 500) */
    get: operations["listDeletedTickets"];
  };
  "/api/v1/admin/deleted-tickets/{number}/restore": {
    /** Admins: bring a deleted ticket back, as it was, before it is purged */
    post: operations["restoreTicket"];
  };
  "/api/v1/admin/groups": {
    /** Agent groups */
    get: operations["listAdminGroups"];
    /** Create an agent group */
    post: operations["createAdminGroup"];
  };
  "/api/v1/admin/groups/{id}": {
    /** Rename a group or choose its lead */
    put: operations["updateAdminGroup"];
    /** Delete a group */
    delete: operations["deleteAdminGroup"];
  };
  "/api/v1/admin/inbound-messages": {
    /** Inbound mail by outcome: held for review, quarantined, ignored or processed (newest 200) */
    get: operations["listAdminInboundMessages"];
  };
  "/api/v1/admin/inbound-messages/{id}/dismiss": {
    /** Set a held or quarantined message aside without filing it (it stays kept) */
    post: operations["dismissAdminInboundMessage"];
  };
  "/api/v1/admin/inbound-messages/{id}/raw": {
    /** The original message as received (.eml), always as a download */
    get: operations["getAdminInboundMessageRaw"];
  };
  "/api/v1/admin/inbound-messages/{id}/retry": {
    /** Run a held or quarantined message again (mode new_ticket: file it as a new request) */
    post: operations["retryAdminInboundMessage"];
  };
  "/api/v1/admin/jobs": {
    /** Background jobs: backlog, failures and recent runs */
    get: operations["listAdminJobs"];
  };
  "/api/v1/admin/jobs/{id}/rerun": {
    /** Run a failed job again */
    post: operations["rerunAdminJob"];
  };
  "/api/v1/admin/jobs/rerun-failed": {
    /** Run every failed job of one kind again */
    post: operations["rerunFailedAdminJobs"];
  };
  "/api/v1/admin/kb/articles": {
    /** Articles in every status, filtered */
    get: operations["listAdminKbArticles"];
    /** Write a new article (a draft) */
    post: operations["createAdminKbArticle"];
  };
  "/api/v1/admin/kb/articles/{id}": {
    /** An article as its editors see it */
    get: operations["getAdminKbArticle"];
    /** Save an article: a new revision */
    put: operations["updateAdminKbArticle"];
  };
  "/api/v1/admin/kb/articles/{id}/revisions": {
    /** An article's revisions, newest first */
    get: operations["listAdminKbArticleRevisions"];
  };
  "/api/v1/admin/kb/articles/{id}/revisions/{number}/restore": {
    /** Make an old revision the current content again (as a new revision) */
    post: operations["restoreAdminKbArticleRevision"];
  };
  "/api/v1/admin/kb/articles/{id}/status": {
    /** Publish, archive, or return an article to draft */
    post: operations["setAdminKbArticleStatus"];
  };
  "/api/v1/admin/kb/articles/{id}/translations": {
    /** An article's translations into the other languages, drafts too */
    get: operations["listAdminKbArticleTranslations"];
  };
  "/api/v1/admin/kb/articles/{id}/translations/{locale}": {
    /** Save an article's translation into one language, as a draft or published */
    put: operations["updateAdminKbArticleTranslation"];
    /** Remove an article's translation into one language; its readers get the default text */
    delete: operations["deleteAdminKbArticleTranslation"];
  };
  "/api/v1/admin/kb/articles/bulk": {
    /** Move or archive several articles at once */
    post: operations["bulkUpdateAdminKbArticles"];
  };
  "/api/v1/admin/kb/categories": {
    /** Knowledge base categories and sections */
    get: operations["listAdminKbCategories"];
    /** Create a category or section */
    post: operations["createAdminKbCategory"];
  };
  "/api/v1/admin/kb/categories/{id}": {
    /** Change a category or section */
    put: operations["updateAdminKbCategory"];
    /** Delete a category and its sections (their articles stay, without a category) */
    delete: operations["deleteAdminKbCategory"];
  };
  "/api/v1/admin/kb/images": {
    /** Upload an image for knowledge-base articles (multipart, one file in the part named attachments) */
    post: operations["createAdminKbImage"];
  };
  "/api/v1/admin/kb/stats": {
    /** Views, helpfulness, deflections per article; searches that found nothing; comments on 'No' */
    get: operations["getAdminKbStats"];
  };
  "/api/v1/admin/mailbox-alerts": {
    /** Mailboxes whose fetching is failing, with the reason (the banner admins see in the workspace) */
    get: operations["listAdminMailboxAlerts"];
  };
  "/api/v1/admin/mailboxes": {
    /** Mailboxes we receive mail for (IMAP passwords are never returned) */
    get: operations["listAdminMailboxes"];
    /** Add a mailbox */
    post: operations["createAdminMailbox"];
  };
  "/api/v1/admin/mailboxes/{id}": {
    /** Change a mailbox (an empty IMAP password keeps the stored one) */
    put: operations["updateAdminMailbox"];
    /** Delete a mailbox that has not received mail */
    delete: operations["deleteAdminMailbox"];
  };
  "/api/v1/admin/mailboxes/{id}/oauth/connect": {
    /** Start connecting a mailbox's OAuth2 account (or reconnecting it): the URL to send the admin's browser to */
    post: operations["connectAdminMailboxOauth"];
  };
  "/api/v1/admin/organizations": {
    /** Organizations (accounts) and their departments */
    get: operations["listAdminOrganizations"];
    /** Create an account, or a department under one */
    post: operations["createAdminOrganization"];
  };
  "/api/v1/admin/organizations/{id}": {
    /** One organization, with its member count and departments */
    get: operations["getAdminOrganization"];
    /** Rename or move an organization */
    put: operations["updateAdminOrganization"];
    /** Delete an organization without departments */
    delete: operations["deleteAdminOrganization"];
  };
  "/api/v1/admin/organizations/{id}/members": {
    /** The people in an organization, by name */
    get: operations["listAdminOrganizationMembers"];
  };
  "/api/v1/admin/roles": {
    /** Roles and the permissions they can grant */
    get: operations["listAdminRoles"];
    /** Create a role */
    post: operations["createAdminRole"];
  };
  "/api/v1/admin/roles/{id}": {
    /** Rename a role or change its permissions */
    put: operations["updateAdminRole"];
    /** Delete a role (not a built-in one) */
    delete: operations["deleteAdminRole"];
  };
  "/api/v1/admin/satisfaction-reasons": {
    /** Reasons a requester can give when rating the support Bad */
    get: operations["listAdminSatisfactionReasons"];
    /** Add a reason for a Bad rating */
    post: operations["createAdminSatisfactionReason"];
  };
  "/api/v1/admin/satisfaction-reasons/{id}": {
    /** Change a reason for a Bad rating */
    put: operations["updateAdminSatisfactionReason"];
    /** Remove a reason for a Bad rating */
    delete: operations["deleteAdminSatisfactionReason"];
  };
  "/api/v1/admin/satisfaction-settings": {
    /** Satisfaction survey settings: on or off, the delay after solving, excluded groups and services */
    get: operations["listAdminSatisfactionSettings"];
    /** Change the satisfaction survey settings */
    put: operations["updateAdminSatisfactionSetting"];
  };
  "/api/v1/admin/services": {
    /** All services, active or not */
    get: operations["listAdminServices"];
    /** Create a service */
    post: operations["createAdminService"];
  };
  "/api/v1/admin/services/{id}": {
    /** Change a service */
    put: operations["updateAdminService"];
    /** Delete a service no ticket came through */
    delete: operations["deleteAdminService"];
  };
  "/api/v1/admin/settings/default-locale": {
    /** Set the help desk's default language (for visitors whose browser asks for none we speak) */
    put: operations["updateAdminSettingDefaultLocale"];
  };
  "/api/v1/admin/sla-policies": {
    /** SLA policies in the order they are tried */
    get: operations["listAdminSlaPolicies"];
    /** Add an SLA policy */
    post: operations["createAdminSlaPolicy"];
  };
  "/api/v1/admin/sla-policies/{id}": {
    /** Change an SLA policy */
    put: operations["updateAdminSlaPolicy"];
    /** Delete an SLA policy */
    delete: operations["deleteAdminSlaPolicy"];
  };
  "/api/v1/admin/sla-statuses": {
    /** Statuses and whether they pause the SLA clock */
    get: operations["listAdminSlaStatuses"];
  };
  "/api/v1/admin/sla-statuses/{id}": {
    /** Turn a status's clock pause on or off */
    put: operations["updateAdminSlaStatus"];
  };
  "/api/v1/admin/statuses": {
    /** Ticket statuses, in order, with how many tickets have each */
    get: operations["listAdminStatuses"];
    /** Add a status */
    post: operations["createAdminStatus"];
  };
  "/api/v1/admin/statuses/{id}": {
    /** Rename, recategorise or move a status */
    put: operations["updateAdminStatus"];
    /** Delete a status no ticket has */
    delete: operations["deleteAdminStatus"];
  };
  "/api/v1/admin/ticket-fields/{id}": {
    /** Change a custom field */
    put: operations["updateAdminTicketField"];
    /** Delete a custom field without values */
    delete: operations["deleteAdminTicketField"];
  };
  "/api/v1/admin/ticket-types": {
    /** Ticket types with their fields */
    get: operations["listAdminTicketTypes"];
    /** Create a ticket type */
    post: operations["createAdminTicketType"];
  };
  "/api/v1/admin/ticket-types/{id}": {
    /** Rename a ticket type */
    put: operations["updateAdminTicketType"];
    /** Delete an unused ticket type */
    delete: operations["deleteAdminTicketType"];
  };
  "/api/v1/admin/ticket-types/{id}/fields": {
    /** Add a custom field to a ticket type */
    post: operations["createAdminTicketTypeField"];
  };
  "/api/v1/admin/translations/{kind}/{id}": {
    /** The translations of one service, category, ticket type, field, status, withdraw reason or Help Centre category */
    get: operations["getAdminTranslation"];
    /** Replace the translations of one entity: per language, per field, the text (empty: use the default) */
    put: operations["updateAdminTranslation"];
  };
  "/api/v1/admin/users": {
    /** Users, newest first, with their roles, organizations and groups */
    get: operations["listAdminUsers"];
    /** Invite a user: they receive a link to choose a password */
    post: operations["createAdminUser"];
  };
  "/api/v1/admin/users/{id}": {
    /** One user, with their roles, organizations and groups */
    get: operations["getAdminUser"];
    /** Delete a user no ticket needs (never asked, acted on or attached to one); anyone else is refused with 409: anonymise them instead */
    delete: operations["deleteAdminUser"];
    /** Change a user's name, licence, roles, organizations, groups, or disable them */
    patch: operations["updateAdminUser"];
  };
  "/api/v1/admin/users/{id}/anonymise": {
    /** Erase a person (GDPR): name and address replaced by placeholders, sign-in, tokens, alerts and copies removed, their tickets kept */
    post: operations["anonymiseAdminUser"];
  };
  "/api/v1/admin/webhook-deliveries/{id}/redeliver": {
    /** Send a delivery's event again, as a new delivery, once */
    post: operations["redeliverAdminWebhookDelivery"];
  };
  "/api/v1/admin/webhooks": {
    /** Webhook endpoints (secrets are never returned) */
    get: operations["listAdminWebhooks"];
    /** Add a webhook endpoint; the answer holds its signing secret, shown this once */
    post: operations["createAdminWebhook"];
  };
  "/api/v1/admin/webhooks/{id}": {
    /** One webhook endpoint */
    get: operations["getAdminWebhook"];
    /** Change a webhook endpoint (switching it on clears its failure streak) */
    put: operations["updateAdminWebhook"];
    /** Delete a webhook endpoint and its delivery log */
    delete: operations["deleteAdminWebhook"];
  };
  "/api/v1/admin/webhooks/{id}/deliveries": {
    /** The endpoint's delivery log, newest first (50) */
    get: operations["listAdminWebhookDeliveries"];
  };
  "/api/v1/admin/webhooks/{id}/secret": {
    /** Replace the signing secret (the old one stops working at once); the answer shows the new one once */
    post: operations["rotateAdminWebhookSecret"];
  };
  "/api/v1/admin/webhooks/{id}/test": {
    /** Send a test event (type ping, no ticket) once, even to a switched-off endpoint */
    post: operations["testAdminWebhook"];
  };
  "/api/v1/admin/withdraw-reasons": {
    /** Reasons requesters choose from when withdrawing */
    get: operations["listAdminWithdrawReasons"];
    /** Add a reason */
    post: operations["createAdminWithdrawReason"];
  };
  "/api/v1/admin/withdraw-reasons/{id}": {
    /** Change a reason */
    put: operations["updateAdminWithdrawReason"];
    /** Remove a reason */
    delete: operations["deleteAdminWithdrawReason"];
  };
  "/api/v1/agent/customers/by-email": {
    /** The person with an account at exactly this email address (agents), with their organizations */
    get: operations["getAgentCustomerByEmail"];
  };
  "/api/v1/agent/directory": {
    /** Agents, groups, ticket types with their fields and categories, for the edit and bulk forms */
    get: operations["getAgentDirectory"];
  };
  "/api/v1/agent/queues": {
    /** The built-in queues and the caller's saved views, each with its number of tickets */
    get: operations["listAgentQueues"];
  };
  "/api/v1/agent/requesters": {
    /** People with an account whose name or email contains the words, for choosing a requester */
    get: operations["listAgentRequesters"];
  };
  "/api/v1/agent/tickets": {
    /** One page of a queue, with filters (repeat a parameter for several values) and any sort column */
    get: operations["listAgentTickets"];
    /** Open a ticket for someone else: a requester by id, or by name and email (their account when one has that address), with the channel it came by */
    post: operations["createAgentTicket"];
  };
  "/api/v1/agent/tickets/bulk": {
    /** Change status, priority, assignee or group of several tickets, or add a note to each */
    post: operations["bulkUpdateAgentTickets"];
  };
  "/api/v1/agent/views": {
    /** Save the current filters as a personal view */
    post: operations["createAgentView"];
  };
  "/api/v1/agent/views/{id}": {
    /** Rename a saved view or change its filters (only its owner) */
    put: operations["updateAgentView"];
    /** Delete a saved view (only its owner) */
    delete: operations["deleteAgentView"];
  };
  "/api/v1/attachments/{id}": {
    /** Download an attachment (always as a download, never shown inline) */
    get: operations["getAttachment"];
  };
  "/api/v1/catalog": {
    /** The services the caller may request, with the categories, optionally searched */
    get: operations["getCatalog"];
  };
  "/api/v1/catalog/services/{slug}": {
    /** One service and its request form */
    get: operations["getCatalogService"];
  };
  "/api/v1/categories": {
    /** Request categories */
    get: operations["listCategories"];
  };
  "/api/v1/dev-mailbox": {
    /**
     * Messages kept by the dev mailbox (when no SMTP server is configured), newest first
     * @description The newest 100, or the newest 100 to one address (`to`) and with a part of the subject.
     */
    get: operations["listDevMailboxMessages"];
  };
  "/api/v1/dev-mailbox/{id}": {
    /** One message in the dev mailbox */
    get: operations["getDevMailboxMessage"];
  };
  "/api/v1/export/organizations": {
    /**
     * The organizations that changed since a cursor or a time, with deletions
     * @description Changes in the order they happened (last change, then id), deletions as tombstones. Start with `since` (or from the beginning), then pass each page's `nextCursor` back; store the last one and ask again later for what changed since. See docs/api.md, "Incremental export".
     */
    get: operations["listExportOrganizations"];
  };
  "/api/v1/export/tickets": {
    /**
     * The tickets that changed since a cursor or a time, with deletions
     * @description Changes in the order they happened (last change, then id), deletions as tombstones. Start with `since` (or from the beginning), then pass each page's `nextCursor` back; store the last one and ask again later for what changed since. See docs/api.md, "Incremental export".
     */
    get: operations["listExportTickets"];
  };
  "/api/v1/export/users": {
    /**
     * The users that changed since a cursor or a time, with deletions
     * @description Changes in the order they happened (last change, then id), deletions as tombstones. Start with `since` (or from the beginning), then pass each page's `nextCursor` back; store the last one and ask again later for what changed since. See docs/api.md, "Incremental export".
     */
    get: operations["listExportUsers"];
  };
  "/api/v1/guest-sessions": {
    /** Open a guest session for one ticket with the token of an emailed access link */
    post: operations["createGuestSession"];
  };
  "/api/v1/kb/articles/{id}/outdated": {
    /** Flag an article as outdated, for its editors to look at */
    post: operations["flagKbArticleOutdated"];
  };
  "/api/v1/kb/articles/{slug}": {
    /** A published article the reader may see, in their language when it has a published translation */
    get: operations["getKbArticle"];
  };
  "/api/v1/kb/articles/{slug}/votes": {
    /** Was this article helpful? One vote per person or browser; voting again changes it */
    post: operations["voteKbArticle"];
  };
  "/api/v1/kb/categories/{slug}": {
    /** A category with its sections and the articles the reader may see */
    get: operations["getKbCategory"];
  };
  "/api/v1/kb/home": {
    /** The Help Centre's front page */
    get: operations["getKbHome"];
  };
  "/api/v1/kb/images/{id}": {
    /** An image shown in an article the reader may read */
    get: operations["getKbImage"];
  };
  "/api/v1/kb/search": {
    /** Search the articles the reader may see; a search that finds nothing is recorded */
    get: operations["searchKbArticles"];
  };
  "/api/v1/kb/suggestions": {
    /** Up to five articles for a request form's subject; they are remembered for the form's visit */
    post: operations["suggestKbArticles"];
  };
  "/api/v1/kb/suggestions/opened": {
    /** The requester opened an article their form offered */
    post: operations["recordKbSuggestionOpened"];
  };
  "/api/v1/live": {
    /** Server-sent events: `ticket` when a ticket you may see changes, and (agents, with ?ticket=N) `presence` of who else has it open */
    get: operations["streamLiveChanges"];
  };
  "/api/v1/locale": {
    /** The language, writing direction and time zone to show this visitor */
    get: operations["getLocale"];
  };
  "/api/v1/macros": {
    /** Agents: the shared macros and my own */
    get: operations["listMacros"];
    /** Agents: add a macro of my own; administrators: a shared one */
    post: operations["createMacro"];
  };
  "/api/v1/macros/{id}": {
    /** Change a macro: my own, or (administrators) a shared one */
    put: operations["updateMacro"];
    /** Delete a macro: my own, or (administrators) a shared one */
    delete: operations["deleteMacro"];
  };
  "/api/v1/password-resets": {
    /** Ask for a password reset link */
    post: operations["createPasswordReset"];
  };
  "/api/v1/password-resets/complete": {
    /** Choose a new password with the token from the reset mail */
    post: operations["completePasswordReset"];
  };
  "/api/v1/reports/agents": {
    /** Agents and groups report */
    get: operations["getAgentsReport"];
  };
  "/api/v1/reports/efficiency": {
    /** Efficiency report */
    get: operations["getEfficiencyReport"];
  };
  "/api/v1/reports/options": {
    /** Services and organizations the reports can be filtered by */
    get: operations["getReportOptions"];
  };
  "/api/v1/reports/overview": {
    /** Overview report */
    get: operations["getOverviewReport"];
  };
  "/api/v1/reports/satisfaction": {
    /** Satisfaction report */
    get: operations["getSatisfactionReport"];
  };
  "/api/v1/reports/sla": {
    /** Service levels report */
    get: operations["getSlaReport"];
  };
  "/api/v1/reports/volume": {
    /** Volume report */
    get: operations["getVolumeReport"];
  };
  "/api/v1/satisfaction/{token}": {
    /** The survey behind a rating link: the ticket's number and subject, the answer so far, the reasons */
    get: operations["getSatisfaction"];
    /** Rate the support through the survey link (Good or Bad, an optional comment and reason) */
    post: operations["createSatisfaction"];
  };
  "/api/v1/search": {
    /** Full-text search over the tickets the caller may see: words match as prefixes, "quoted phrases" exactly; #1234, an email, priority:, status: and <field>: filter */
    get: operations["searchTickets"];
  };
  "/api/v1/session": {
    /** Who is signed in, and the CSRF token to send with writes */
    get: operations["getSession"];
    /** Sign in with email and password */
    post: operations["signIn"];
    /** Sign out (also ends a guest's access-link session) */
    delete: operations["signOut"];
  };
  "/api/v1/status-checks": {
    /** Guest status check: email + ticket number; an access link is mailed on a match */
    post: operations["createStatusCheck"];
  };
  "/api/v1/statuses": {
    /** The statuses in order: agents get both labels, everyone else the customer label */
    get: operations["listStatuses"];
  };
  "/api/v1/tickets": {
    /** List tickets, newest first */
    get: operations["listTickets"];
    /** Submit a request (JSON; use /api/v1/tickets/with-attachments to attach files) */
    post: operations["createTicket"];
  };
  "/api/v1/tickets/{number}": {
    /**
     * One ticket by its number, with the custom fields and attachments the caller may see
     * @description The `ETag` header names this version of the ticket; send it as `If-Match` when you change it.
     */
    get: operations["getTicket"];
    /** Admins: delete the ticket. It leaves every list, count and search at once; it can be restored until the retention period ends, then it is purged */
    delete: operations["deleteTicket"];
    /**
     * Update a ticket (agents): subject, priority, status, assignee, group, category, type and fields
     * @description Send `If-Match` with the ETag of GET /api/v1/tickets/{number} to change only the version you read: a ticket changed since answers 412 `precondition_failed`. The answer carries the new ETag.
     */
    patch: operations["updateTicket"];
  };
  "/api/v1/tickets/{number}/alerts": {
    /** My active alerts on this ticket */
    get: operations["listTicketAlerts"];
  };
  "/api/v1/tickets/{number}/alerts/{kind}": {
    /** Add an alert */
    put: operations["subscribeTicketAlert"];
    /** Remove an alert */
    delete: operations["unsubscribeTicketAlert"];
  };
  "/api/v1/tickets/{number}/ccs": {
    /** Copy someone on the ticket */
    post: operations["addTicketCc"];
  };
  "/api/v1/tickets/{number}/ccs/{email}": {
    /** Stop copying someone on the ticket */
    delete: operations["removeTicketCc"];
  };
  "/api/v1/tickets/{number}/comments": {
    /** Add a public comment, or (agents) a private comment or an internal note */
    post: operations["createTicketComment"];
  };
  "/api/v1/tickets/{number}/comments/{id}": {
    /** One comment or note with its latest words (private comments and notes: agents only) */
    get: operations["getTicketComment"];
    /** Agents: remove a comment; the Feed says who removed it instead of its words */
    delete: operations["deleteTicketComment"];
    /** Agents: change a comment's words; the words before stay in the Feed, customers see it marked edited */
    patch: operations["updateTicketComment"];
  };
  "/api/v1/tickets/{number}/comments/with-attachments": {
    /** Add a comment with files: multipart/form-data with a `comment` part (the JSON of POST /api/v1/tickets/:number/comments) and up to 10 `attachments` of at most 10 MB each */
    post: operations["createTicketCommentWithAttachments"];
  };
  "/api/v1/tickets/{number}/feed": {
    /** The ticket's history, oldest first: what was asked, comments, notes (agents) and status changes */
    get: operations["getTicketFeed"];
  };
  "/api/v1/tickets/{number}/follow-ups": {
    /** Open a follow-up to a closed ticket (or a solved one past the reopen window) */
    post: operations["createTicketFollowUp"];
  };
  "/api/v1/tickets/{number}/kb-articles": {
    /** Write a draft article from this ticket's question and the latest public answer */
    post: operations["createKbArticleFromTicket"];
  };
  "/api/v1/tickets/{number}/kb-suggestions": {
    /** The articles the requester was offered while writing this ticket */
    get: operations["listTicketKbSuggestions"];
  };
  "/api/v1/tickets/{number}/links": {
    /** Agents: linked tickets, the ticket this one was merged into, and those merged into it */
    get: operations["listTicketLinks"];
    /** Agents: link another ticket to this one (both show the link) */
    post: operations["createTicketLink"];
  };
  "/api/v1/tickets/{number}/links/{other}": {
    /** Agents: remove the link between two tickets */
    delete: operations["deleteTicketLink"];
  };
  "/api/v1/tickets/{number}/macros/{id}/apply": {
    /** Agents: set the macro's fields on the ticket and get its text, placeholders filled, to send */
    post: operations["applyTicketMacro"];
  };
  "/api/v1/tickets/{number}/merge": {
    /** Agents: merge this ticket (a duplicate) into another; it closes and its requester is told */
    post: operations["mergeTicket"];
  };
  "/api/v1/tickets/{number}/presence": {
    /** Agents: say you are viewing or typing on a ticket (repeat every 15 s), or that you left */
    post: operations["reportTicketPresence"];
  };
  "/api/v1/tickets/{number}/read-by": {
    /** Who opened the ticket, and when last */
    get: operations["getTicketReadBy"];
  };
  "/api/v1/tickets/{number}/satisfaction": {
    /** The ticket's satisfaction rating (agents and the requester) and whether the caller may rate now */
    get: operations["getTicketSatisfaction"];
    /** The requester rates the support on their solved ticket (or changes the rating until it closes) */
    post: operations["createTicketSatisfaction"];
  };
  "/api/v1/tickets/{number}/solve": {
    /** Requester: mark as solved (with an optional comment) */
    post: operations["solveTicket"];
  };
  "/api/v1/tickets/{number}/status": {
    /** Agents: change the status (with an optional comment first) */
    post: operations["changeTicketStatus"];
  };
  "/api/v1/tickets/{number}/tags": {
    /** Agents: the ticket's tags, in alphabetical order */
    get: operations["listTicketTags"];
  };
  "/api/v1/tickets/{number}/tags/{tag}": {
    /** Agents: tag the ticket (lowercased; at most 40 characters, 20 tags a ticket); a tag already there is no change */
    put: operations["updateTicketTag"];
    /** Agents: remove a tag from the ticket; a tag it does not carry is no change */
    delete: operations["deleteTicketTag"];
  };
  "/api/v1/tickets/{number}/tasks": {
    /** Agents: the ticket's tasks, oldest first, and the agents a task can be given to */
    get: operations["listTicketTasks"];
    /** Agents: add a task (title, optional assignee and due date) */
    post: operations["createTicketTask"];
  };
  "/api/v1/tickets/{number}/tasks/{id}": {
    /** Agents: remove a task */
    delete: operations["deleteTicketTask"];
    /** Agents: change a task, tick it off or open it again */
    patch: operations["updateTicketTask"];
  };
  "/api/v1/tickets/{number}/views": {
    /** Record that the caller opened the ticket (for Read By) */
    post: operations["recordTicketView"];
  };
  "/api/v1/tickets/{number}/withdraw": {
    /** Requester: withdraw with a reason (and an optional comment) */
    post: operations["withdrawTicket"];
  };
  "/api/v1/tickets/with-attachments": {
    /** Submit a request with files: multipart/form-data with a `submission` part (the JSON of POST /api/v1/tickets) and up to 10 `attachments` of at most 10 MB each */
    post: operations["createTicketWithAttachments"];
  };
  "/api/v1/uploads": {
    /** Upload one file on its own (multipart/form-data, the part named `file`, at most 10 MB): the token attaches it to a new ticket or comment (`attachments: [token]`) within the hour */
    post: operations["createUpload"];
  };
  "/api/v1/withdraw-reasons": {
    /** Reasons a requester can give for withdrawing */
    get: operations["listWithdrawReasons"];
  };
}

export type webhooks = Record<string, never>;

export interface components {
  schemas: {
    AgentTicketInput: {
      attachments?: components["schemas"]["UploadTokens"];
      categoryId?: string | null;
      /** @enum {string} */
      channel: "web" | "email" | "phone" | "walk_in";
      /** @default {} */
      fields?: {
        [key: string]: unknown;
      };
      groupId?: string | null;
      message: string;
      /**
       * @default text
       * @enum {string}
       */
      messageFormat?: "text" | "html";
      /** @default false */
      notifyRequester?: boolean;
      /**
       * @default medium
       * @enum {string}
       */
      priority?: "low" | "medium" | "high" | "urgent";
      requester: {
        /** Format: email */
        email?: string;
        /** Format: uuid */
        id?: string;
        name?: string;
      };
      subject: string;
      typeId?: string | null;
    };
    AgentTicketPage: {
      nextCursor: string | null;
      tickets: components["schemas"]["AgentTicketSummary"][];
    };
    AgentTicketSummary: {
      assignee: components["schemas"]["NamedRef"] | null;
      category: components["schemas"]["NamedRef"] | null;
      /** Format: date-time */
      createdAt: string;
      dueAt: string | null;
      group: components["schemas"]["NamedRef"] | null;
      id: string;
      newReply: boolean;
      number: number;
      overdue: boolean;
      /** @enum {string} */
      priority: "low" | "medium" | "high" | "urgent";
      requester: {
        /** Format: email */
        email: string;
        name: string;
      };
      status: components["schemas"]["Status"];
      subject: string;
      ticketType: components["schemas"]["NamedRef"] | null;
      /** Format: date-time */
      updatedAt: string;
    };
    ApiToken: {
      /** Format: date-time */
      createdAt: string;
      expiresAt: string | null;
      id: string;
      lastUsedAt: string | null;
      name: string;
      revoked: boolean;
      scopes: ("read" | "write" | "admin")[];
      user: {
        /** Format: email */
        email: string;
        id: string;
        name: string;
      };
    };
    ApiTokenCreated: {
      /** Format: date-time */
      createdAt: string;
      expiresAt: string | null;
      id: string;
      lastUsedAt: string | null;
      name: string;
      revoked: boolean;
      scopes: ("read" | "write" | "admin")[];
      token: string;
      user: {
        /** Format: email */
        email: string;
        id: string;
        name: string;
      };
    };
    Attachment: {
      contentType: string;
      /** Format: date-time */
      createdAt: string;
      fileName: string;
      id: string;
      size: number;
      uploadedBy: string;
    };
    BulkUpdate: {
      assigneeId?: string | null;
      confirmLoseAccess?: boolean;
      groupId?: string | null;
      note?: string;
      numbers: number[];
      /** @enum {string} */
      priority?: "low" | "medium" | "high" | "urgent";
      /** Format: uuid */
      statusId?: string;
    };
    Comment: {
      attachments?: components["schemas"]["UploadTokens"];
      body: string;
      /**
       * @default text
       * @enum {string}
       */
      format?: "text" | "html";
      /**
       * @default public
       * @enum {string}
       */
      kind?: "public" | "private" | "note";
      notify?: string[];
    };
    CommentDetail: {
      /** Format: date-time */
      at: string;
      attachments: {
          fileName: string;
          id: string;
          size: number;
        }[];
      author: string;
      body: string;
      editedAt: string | null;
      /** @enum {string} */
      format: "text" | "html";
      id: string;
      /** @enum {string} */
      kind: "public" | "private" | "note";
    };
    CommentEdit: {
      body: string;
      /** @enum {string} */
      format?: "text" | "html";
    };
    Created: {
      id: string;
    };
    CustomerStatus: {
      /** @enum {string} */
      category: "new" | "open" | "pending" | "on_hold" | "solved" | "closed" | "cancelled";
      customerLabel: string;
      id: string;
    };
    CustomerTicket: {
      abilities: components["schemas"]["TicketAbilities"];
      assignee: components["schemas"]["NamedRef"] | null;
      attachments: components["schemas"]["Attachment"][];
      category: components["schemas"]["NamedRef"] | null;
      ccs: string[];
      /** @enum {string} */
      channel: "web" | "email" | "phone" | "walk_in";
      /** Format: date-time */
      createdAt: string;
      dueAt: string | null;
      fields: ({
          id: string;
          key: string;
          label: string;
          optionLabels?: {
            [key: string]: string;
          };
          type: string;
          value: (string | number | boolean | string[]) | null;
        })[];
      followUpOf: number | null;
      followUps: number[];
      group: components["schemas"]["NamedRef"] | null;
      id: string;
      message: string;
      /** @enum {string} */
      messageFormat: "text" | "html";
      number: number;
      organization: components["schemas"]["NamedRef"] | null;
      overdue: boolean;
      /** @enum {string} */
      priority: "low" | "medium" | "high" | "urgent";
      reopensOnReply: boolean;
      reopenUntil: string | null;
      requester: {
        /** Format: email */
        email: string;
        name: string;
      };
      service: components["schemas"]["NamedRef"] | null;
      serviceLevel: components["schemas"]["TicketServiceLevel"] | null;
      status: components["schemas"]["CustomerStatus"];
      subject: string;
      ticketType: components["schemas"]["NamedRef"] | null;
      /** Format: date-time */
      updatedAt: string;
    };
    CustomerTicketPage: {
      nextCursor: string | null;
      tickets: components["schemas"]["CustomerTicketSummary"][];
    };
    CustomerTicketSummary: {
      category: components["schemas"]["NamedRef"] | null;
      /** Format: date-time */
      createdAt: string;
      dueAt: string | null;
      id: string;
      number: number;
      overdue: boolean;
      /** @enum {string} */
      priority: "low" | "medium" | "high" | "urgent";
      requester: {
        /** Format: email */
        email: string;
        name: string;
      };
      status: components["schemas"]["CustomerStatus"];
      subject: string;
      /** Format: date-time */
      updatedAt: string;
    };
    DeletedTicket: {
      /** Format: date-time */
      deletedAt: string;
      deletedBy: string;
      number: number;
      /** Format: date-time */
      purgeAfter: string;
      requester: string;
      subject: string;
    };
    DeletedTicketList: {
      tickets: components["schemas"]["DeletedTicket"][];
    };
    Error: {
      error: {
        /** @enum {string} */
        code: "validation_failed" | "not_found" | "unauthenticated" | "forbidden" | "csrf_failed" | "invalid_credentials" | "email_unconfirmed" | "payload_too_large" | "unsupported_media_type" | "method_not_allowed" | "rate_limited" | "conflict" | "internal" | "misdirected" | "unavailable" | "query_timeout" | "idempotency_key_reused" | "precondition_failed";
        fields?: {
          [key: string]: string;
        };
        message: string;
      };
    };
    Feed: {
      entries: components["schemas"]["FeedEntry"][];
    };
    FeedEntry: {
      actor: string;
      /** Format: date-time */
      at: string;
      attachments: {
          fileName: string;
          id: string;
          size: number;
        }[];
      body: string | null;
      detail: string | null;
      details: (({
          /** @enum {string|null} */
          channel: "web" | "email" | "phone" | "walk_in" | null;
          /** @constant */
          code: "onBehalfOf";
          name: string;
        }) | {
          /** @constant */
          code: "reason";
          reason: string;
        } | {
          /** @constant */
          code: "followUp";
          number: number;
        } | {
          /** @constant */
          code: "person";
          /** Format: email */
          email: string;
        } | ({
          checked?: {
            from: boolean | null;
            to: boolean | null;
          };
          /** @constant */
          code: "change";
          /** @enum {string|null} */
          field: "subject" | "priority" | "category" | "assignee" | "group" | "type" | null;
          from: string | null;
          label: string;
          to: string | null;
        }) | {
          /** @constant */
          code: "task";
          title: string;
        } | ({
          /** @constant */
          code: "ticket";
          number: number;
          subject: string | null;
        }) | ({
          /** @constant */
          code: "priority";
          /** @enum {string} */
          from: "low" | "medium" | "high" | "urgent";
          /** @enum {string} */
          to: "low" | "medium" | "high" | "urgent";
        }) | ({
          /** @constant */
          code: "rating";
          /** @enum {string|null} */
          previous: "good" | "bad" | null;
          /** @enum {string} */
          rating: "good" | "bad";
        }) | {
          author: string;
          /** @constant */
          code: "commentBy";
        } | {
          /** @constant */
          code: "tag";
          tag: string;
        } | ({
          /** @constant */
          code: "automation";
          did: {
            /** @constant */
            code: "assigned";
            group: string;
          } | ({
            /** @constant */
            code: "priority";
            /** @enum {string} */
            priority: "low" | "medium" | "high" | "urgent";
          }) | {
            /** @constant */
            code: "reminded";
          } | {
            /** @constant */
            code: "notified";
            /** Format: email */
            email: string;
          } | {
            /** @constant */
            code: "groupLeadNotified";
            name: string;
          } | {
            /** @constant */
            code: "noGroupLead";
          };
        }) | {
          /** @constant */
          code: "automationSummary";
          summary: string;
        })[];
      edited: boolean;
      /** @enum {string|null} */
      format: "text" | "html" | null;
      from: string | null;
      id: string;
      to: string | null;
      /** @enum {string} */
      type: "created" | "comment" | "note" | "status_changed" | "edited" | "cc_added" | "cc_removed" | "follow_up_created" | "task_added" | "task_edited" | "task_completed" | "task_reopened" | "task_removed" | "merged_into" | "merged_from" | "linked" | "unlinked" | "priority_changed" | "satisfaction_rated" | "comment_edited" | "comment_deleted" | "tag_added" | "tag_removed" | "deleted" | "restored" | "automation_applied";
      /** @enum {string} */
      visibility: "public" | "internal";
    };
    /**
     * Format: binary
     * @description The file's bytes.
     */
    FileDownload: string;
    Group: {
      id: string;
      lead: components["schemas"]["NamedRef"] | null;
      memberCount: number;
      name: string;
    };
    NamedRef: {
      id: string;
      name: string;
    };
    Organization: {
      id: string;
      memberCount: number;
      name: string;
      parentId: string | null;
    };
    Role: {
      builtin: boolean;
      /** @enum {string|null} */
      defaultFor: "customer" | "agent" | "admin" | null;
      id: string;
      name: string;
      permissions: string[];
      userCount: number;
    };
    SearchHit: {
      internalSnippet: {
          match: boolean;
          text: string;
        }[] | null;
      snippet: {
          match: boolean;
          text: string;
        }[];
      ticket: components["schemas"]["TicketSummary"];
    };
    SearchResults: {
      hits: components["schemas"]["SearchHit"][];
      more: boolean;
    };
    Status: {
      agentLabel: string;
      /** @enum {string} */
      category: "new" | "open" | "pending" | "on_hold" | "solved" | "closed" | "cancelled";
      customerLabel: string;
      id: string;
    };
    TagList: {
      tags: string[];
    };
    Ticket: {
      abilities: components["schemas"]["TicketAbilities"];
      assignee: components["schemas"]["NamedRef"] | null;
      attachments: components["schemas"]["Attachment"][];
      category: components["schemas"]["NamedRef"] | null;
      ccs: string[];
      /** @enum {string} */
      channel: "web" | "email" | "phone" | "walk_in";
      /** Format: date-time */
      createdAt: string;
      dueAt: string | null;
      fields: ({
          id: string;
          key: string;
          label: string;
          optionLabels?: {
            [key: string]: string;
          };
          type: string;
          value: (string | number | boolean | string[]) | null;
        })[];
      followUpOf: number | null;
      followUps: number[];
      group: components["schemas"]["NamedRef"] | null;
      id: string;
      message: string;
      /** @enum {string} */
      messageFormat: "text" | "html";
      number: number;
      organization: components["schemas"]["NamedRef"] | null;
      overdue: boolean;
      /** @enum {string} */
      priority: "low" | "medium" | "high" | "urgent";
      reopensOnReply: boolean;
      reopenUntil: string | null;
      requester: {
        /** Format: email */
        email: string;
        name: string;
      };
      service: components["schemas"]["NamedRef"] | null;
      serviceLevel: components["schemas"]["TicketServiceLevel"] | null;
      status: components["schemas"]["Status"];
      subject: string;
      ticketType: components["schemas"]["NamedRef"] | null;
      /** Format: date-time */
      updatedAt: string;
    };
    TicketAbilities: {
      addCc: boolean;
      assign: boolean;
      changeStatus: boolean;
      edit: boolean;
      followUp: boolean;
      leaveCc: boolean;
      note: boolean;
      removeCc: boolean;
      reopen: boolean;
      reply: boolean;
      solve: boolean;
      subscribe: boolean;
      withdraw: boolean;
      work: boolean;
    };
    TicketPage: {
      nextCursor: string | null;
      tickets: components["schemas"]["TicketSummary"][];
    };
    TicketServiceLevel: {
      dueAt: string | null;
      firstRespondedAt: string | null;
      firstResponseDueAt: string | null;
      overdue: boolean;
      paused: boolean;
      policy: string | null;
      resolutionDueAt: string | null;
    };
    TicketSubmission: {
      attachments?: components["schemas"]["UploadTokens"];
      /** Format: uuid */
      categoryId?: string;
      /** Format: email */
      email: string;
      /** @default {} */
      fields?: {
        [key: string]: unknown;
      };
      /** Format: uuid */
      kbSuggestionToken?: string;
      message: string;
      /**
       * @default text
       * @enum {string}
       */
      messageFormat?: "text" | "html";
      name: string;
      /** @enum {string} */
      priority: "low" | "medium" | "high" | "urgent";
      /** Format: uuid */
      serviceId?: string;
      subject: string;
      website?: string;
    };
    TicketSubmitted: {
      /** Format: email */
      email: string;
      number: number;
      subject: string;
    };
    TicketSummary: {
      category: components["schemas"]["NamedRef"] | null;
      /** Format: date-time */
      createdAt: string;
      dueAt: string | null;
      id: string;
      number: number;
      overdue: boolean;
      /** @enum {string} */
      priority: "low" | "medium" | "high" | "urgent";
      requester: {
        /** Format: email */
        email: string;
        name: string;
      };
      status: components["schemas"]["Status"];
      subject: string;
      /** Format: date-time */
      updatedAt: string;
    };
    TicketUpdate: {
      assigneeId?: string | null;
      categoryId?: string | null;
      confirmLoseAccess?: boolean;
      fields?: {
        [key: string]: unknown;
      };
      groupId?: string | null;
      /** @enum {string} */
      priority?: "low" | "medium" | "high" | "urgent";
      /** Format: uuid */
      statusId?: string;
      subject?: string;
      typeId?: string | null;
    };
    Upload: {
      contentType: string;
      /** Format: date-time */
      expiresAt: string;
      fileName: string;
      size: number;
      token: string;
    };
    UploadTokens: string[];
    User: {
      anonymised: boolean;
      confirmed: boolean;
      /** Format: date-time */
      createdAt: string;
      disabled: boolean;
      /** Format: email */
      email: string;
      groups: components["schemas"]["NamedRef"][];
      id: string;
      /** @enum {string} */
      licence: "customer" | "agent" | "admin";
      name: string;
      organizations: components["schemas"]["NamedRef"][];
      roles: components["schemas"]["NamedRef"][];
    };
    UserInvitation: {
      /** Format: email */
      email: string;
      groupIds?: string[];
      /** @enum {string} */
      licence: "customer" | "agent" | "admin";
      name: string;
      organizationIds?: string[];
      roleIds?: string[];
    };
    UserPage: {
      nextCursor: string | null;
      users: components["schemas"]["User"][];
    };
    UserUpdate: {
      disabled?: boolean;
      groupIds?: string[];
      /** @enum {string} */
      licence?: "customer" | "agent" | "admin";
      name?: string;
      organizationIds?: string[];
      roleIds?: string[];
    };
  };
  responses: {
    /** @description The request is not valid: `error.fields` names each field that needs attention (dot-separated paths). */
    BadRequest: {
      headers: {
        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
        "X-Request-Id": components["headers"]["X-Request-Id"];
      };
      content: {
        "application/json": components["schemas"]["Error"];
      };
    };
    /** @description The change conflicts with the record's current state or with another record. */
    Conflict: {
      headers: {
        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
        "X-Request-Id": components["headers"]["X-Request-Id"];
      };
      content: {
        "application/json": components["schemas"]["Error"];
      };
    };
    /** @description Not allowed: the caller's role or the API token's scopes do not cover this, or a cookie-authenticated write came without the CSRF token. */
    Forbidden: {
      headers: {
        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
        "X-Request-Id": components["headers"]["X-Request-Id"];
      };
      content: {
        "application/json": components["schemas"]["Error"];
      };
    };
    /** @description The `Idempotency-Key` was already used for a different request; use a new key for a new request. */
    IdempotencyKeyReused: {
      headers: {
        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
        "X-Request-Id": components["headers"]["X-Request-Id"];
      };
      content: {
        "application/json": components["schemas"]["Error"];
      };
    };
    /** @description The request named a host this help desk does not answer for. */
    Misdirected: {
      headers: {
        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
        "X-Request-Id": components["headers"]["X-Request-Id"];
      };
      content: {
        "application/json": components["schemas"]["Error"];
      };
    };
    /** @description Nothing at this address, or nothing the caller may see: records out of reach answer as if they did not exist. */
    NotFound: {
      headers: {
        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
        "X-Request-Id": components["headers"]["X-Request-Id"];
      };
      content: {
        "application/json": components["schemas"]["Error"];
      };
    };
    /** @description The request body, a file or the number of files is over the limit. */
    PayloadTooLarge: {
      headers: {
        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
        "X-Request-Id": components["headers"]["X-Request-Id"];
      };
      content: {
        "application/json": components["schemas"]["Error"];
      };
    };
    /** @description `If-Match` named a version that is no longer the current one: read the record again and retry. */
    PreconditionFailed: {
      headers: {
        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
        "X-Request-Id": components["headers"]["X-Request-Id"];
      };
      content: {
        "application/json": components["schemas"]["Error"];
      };
    };
    /** @description Too many requests: wait (see `Retry-After` where it is sent) and try again. */
    RateLimited: {
      headers: {
        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
        "Retry-After": components["headers"]["Retry-After"];
        "X-Request-Id": components["headers"]["X-Request-Id"];
      };
      content: {
        "application/json": components["schemas"]["Error"];
      };
    };
    /** @description No valid credentials: sign in, or send an API token that exists, has not expired and was not revoked. */
    Unauthenticated: {
      headers: {
        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
        "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        "X-Request-Id": components["headers"]["X-Request-Id"];
      };
      content: {
        "application/json": components["schemas"]["Error"];
      };
    };
    /** @description The help desk cannot serve this right now (shutting down, storage full, search rebuilding). Try again later. */
    Unavailable: {
      headers: {
        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
        "X-Request-Id": components["headers"]["X-Request-Id"];
      };
      content: {
        "application/json": components["schemas"]["Error"];
      };
    };
    /** @description The body's content type is not the one the operation takes (JSON, or multipart/form-data for uploads). */
    UnsupportedMediaType: {
      headers: {
        "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
        "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
        "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
        "X-Request-Id": components["headers"]["X-Request-Id"];
      };
      content: {
        "application/json": components["schemas"]["Error"];
      };
    };
  };
  parameters: never;
  requestBodies: never;
  headers: {
    /** @description The version of the ticket this answer shows (a strong validator); send it as `If-Match` to change it. */
    ETag: string;
    /** @description `true` when this is the stored answer to an earlier request with the same `Idempotency-Key`. */
    "Idempotent-Replayed": "true";
    /** @description Requests this API token may make in the current window (answers to API tokens only). */
    "RateLimit-Limit": number;
    /** @description Requests the API token has left in the current window (answers to API tokens only). */
    "RateLimit-Remaining": number;
    /** @description Seconds until the window ends and the count starts again (answers to API tokens only). */
    "RateLimit-Reset": number;
    /** @description Seconds to wait before trying again (sent when an API token is over its limit). */
    "Retry-After": number;
    /** @description The scheme that would work: `Bearer realm="Switchboard"`, with `error="invalid_token"` when the token sent was not valid. */
    "WWW-Authenticate": string;
    /** @description The request's id: the one the caller sent when it is up to 128 plain characters, else one we made. Every log line about the request carries it; quote it when reporting a problem. */
    "X-Request-Id": string;
  };
  pathItems: never;
}

export type $defs = Record<string, never>;

export type external = Record<string, never>;

export interface operations {

  /** Change your password (signs out your other sessions) */
  changePassword: {
    requestBody: {
      content: {
        "application/json": {
          currentPassword: string;
          newPassword: string;
        };
      };
    };
    responses: {
      /** @description Done; the body is the result. */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            message: string;
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Set your language and time zone (null: the help desk's default language, your browser's zone) */
  updateAccountPreference: {
    requestBody: {
      content: {
        "application/json": {
          /** @enum {string|null} */
          locale: "en" | "de" | "es" | "fr" | "ar" | "en-XA" | null;
          timeZone: string | null;
        };
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Register a customer account (confirmed by a link sent by mail) */
  createAccount: {
    requestBody: {
      content: {
        "application/json": {
          /** Format: email */
          email: string;
          name: string;
          password: string;
        };
      };
    };
    responses: {
      /** @description Accepted; what follows happens in the background (often by mail). */
      202: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            message: string;
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Confirm an email address with the token from the confirmation mail */
  confirmAccount: {
    requestBody: {
      content: {
        "application/json": {
          token: string;
        };
      };
    };
    responses: {
      /** @description Done; the body is the result. */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            /** Format: email */
            email: string;
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Send the confirmation link again */
  resendAccountConfirmation: {
    requestBody: {
      content: {
        "application/json": {
          /** Format: email */
          email: string;
        };
      };
    };
    responses: {
      /** @description Accepted; what follows happens in the background (often by mail). */
      202: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            message: string;
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** API tokens for integrations */
  listAdminApiTokens: {
    responses: {
      /** @description API tokens for integrations */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            tokens: components["schemas"]["ApiToken"][];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Create an API token acting as a user; the token is shown only in this answer */
  createAdminApiToken: {
    requestBody: {
      content: {
        "application/json": {
          /** @default 90 */
          expiresInDays?: number | null;
          name: string;
          /**
           * @default [
           *   "read"
           * ]
           */
          scopes?: ("read" | "write" | "admin")[];
          /** Format: uuid */
          userId: string;
        };
      };
    };
    responses: {
      /** @description Created; the body names what was created. */
      201: {
        headers: {
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["ApiTokenCreated"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      422: components["responses"]["IdempotencyKeyReused"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Revoke an API token */
  deleteAdminApiToken: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Triggers and time rules */
  listAdminAutomationRules: {
    responses: {
      /** @description Triggers and time rules */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            rules: ({
                actions: {
                  groupId: string | null;
                  notifyEmail?: string | null;
                  notifyGroupLead?: boolean;
                  /** @enum {string|null} */
                  priority: "low" | "medium" | "high" | "urgent" | null;
                  remindRequester: boolean;
                };
                active: boolean;
                afterBusinessDays: number | null;
                conditions: {
                  /** @default [] */
                  organizationIds: string[];
                  /** @default [] */
                  priorities: ("low" | "medium" | "high" | "urgent")[];
                  /** @default [] */
                  serviceIds: string[];
                  /** @default [] */
                  ticketTypeIds: string[];
                };
                id: string;
                /** @enum {string} */
                kind: "trigger" | "time_rule" | "satisfaction_bad";
                name: string;
                position: number;
                /** @enum {string|null} */
                statusCategory: "new" | "open" | "pending" | "on_hold" | "solved" | "closed" | "cancelled" | null;
              })[];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Add a trigger or time rule */
  createAdminAutomationRule: {
    requestBody: {
      content: {
        "application/json": {
          actions: {
            /** @default null */
            groupId?: string | null;
            notifyEmail?: string | null;
            notifyGroupLead?: boolean;
            /**
             * @default null
             * @enum {string|null}
             */
            priority?: "low" | "medium" | "high" | "urgent" | null;
            /** @default false */
            remindRequester?: boolean;
          };
          /** @default true */
          active?: boolean;
          /** @default null */
          afterBusinessDays?: number | null;
          conditions: {
            /** @default [] */
            organizationIds?: string[];
            /** @default [] */
            priorities?: ("low" | "medium" | "high" | "urgent")[];
            /** @default [] */
            serviceIds?: string[];
            /** @default [] */
            ticketTypeIds?: string[];
          };
          /** @enum {string} */
          kind: "trigger" | "time_rule" | "satisfaction_bad";
          name: string;
          /** @default 0 */
          position?: number;
          /**
           * @default null
           * @enum {string|null}
           */
          statusCategory?: "new" | "open" | "pending" | "on_hold" | "solved" | "closed" | "cancelled" | null;
        };
      };
    };
    responses: {
      /** @description Created; the body names what was created. */
      201: {
        headers: {
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Created"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      422: components["responses"]["IdempotencyKeyReused"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Change a trigger or time rule */
  updateAdminAutomationRule: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          actions: {
            /** @default null */
            groupId?: string | null;
            notifyEmail?: string | null;
            notifyGroupLead?: boolean;
            /**
             * @default null
             * @enum {string|null}
             */
            priority?: "low" | "medium" | "high" | "urgent" | null;
            /** @default false */
            remindRequester?: boolean;
          };
          /** @default true */
          active?: boolean;
          /** @default null */
          afterBusinessDays?: number | null;
          conditions: {
            /** @default [] */
            organizationIds?: string[];
            /** @default [] */
            priorities?: ("low" | "medium" | "high" | "urgent")[];
            /** @default [] */
            serviceIds?: string[];
            /** @default [] */
            ticketTypeIds?: string[];
          };
          /** @enum {string} */
          kind: "trigger" | "time_rule" | "satisfaction_bad";
          name: string;
          /** @default 0 */
          position?: number;
          /**
           * @default null
           * @enum {string|null}
           */
          statusCategory?: "new" | "open" | "pending" | "on_hold" | "solved" | "closed" | "cancelled" | null;
        };
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Delete a trigger or time rule */
  deleteAdminAutomationRule: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** What triggers and time rules did, newest first */
  listAdminAutomationRuns: {
    responses: {
      /** @description What triggers and time rules did, newest first */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            runs: ({
                id: string;
                outcome: (({
                    /** @enum {string} */
                    code: "assigned";
                    group: string;
                  } | ({
                    /** @enum {string} */
                    code: "priority";
                    /** @enum {string} */
                    priority: "low" | "medium" | "high" | "urgent";
                  }) | {
                    /** @enum {string} */
                    code: "reminded";
                  } | {
                    /** @enum {string} */
                    code: "notified";
                    /** Format: email */
                    email: string;
                  } | {
                    /** @enum {string} */
                    code: "groupLeadNotified";
                    name: string;
                  } | {
                    /** @enum {string} */
                    code: "noGroupLead";
                  })[]) | null;
                /** Format: date-time */
                ranAt: string;
                rule: string;
                summary: string;
                ticketNumber: number;
              })[];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Business calendars with their hours, holidays and groups */
  listAdminCalendars: {
    responses: {
      /** @description Business calendars with their hours, holidays and groups */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            calendars: {
                groupIds: string[];
                holidays: string[];
                hours: {
                    day: number;
                    end: string;
                    start: string;
                  }[];
                id: string;
                isDefault: boolean;
                name: string;
                timeZone: string;
              }[];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Add a calendar */
  createAdminCalendar: {
    requestBody: {
      content: {
        "application/json": {
          /** @default [] */
          groupIds?: string[];
          holidays: string[];
          hours: {
              day: number;
              end: string;
              start: string;
            }[];
          /** @default false */
          isDefault?: boolean;
          name: string;
          timeZone: string;
        };
      };
    };
    responses: {
      /** @description Created; the body names what was created. */
      201: {
        headers: {
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Created"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      422: components["responses"]["IdempotencyKeyReused"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Change a calendar */
  updateAdminCalendar: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          /** @default [] */
          groupIds?: string[];
          holidays: string[];
          hours: {
              day: number;
              end: string;
              start: string;
            }[];
          /** @default false */
          isDefault?: boolean;
          name: string;
          timeZone: string;
        };
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Delete a calendar that is not the default */
  deleteAdminCalendar: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Catalog categories */
  listAdminCategories: {
    responses: {
      /** @description Catalog categories */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            categories: ({
                /** @default null */
                description: string | null;
                id: string;
                name: string;
                /** @default null */
                parentId: string | null;
              })[];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Create a category */
  createAdminCategory: {
    requestBody: {
      content: {
        "application/json": {
          description?: string | null;
          name: string;
          parentId?: string | null;
          position?: number;
        };
      };
    };
    responses: {
      /** @description Created; the body names what was created. */
      201: {
        headers: {
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Created"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      422: components["responses"]["IdempotencyKeyReused"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Change a category */
  updateAdminCategory: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          description?: string | null;
          name: string;
          parentId?: string | null;
          position?: number;
        };
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Delete a category no ticket uses */
  deleteAdminCategory: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Admins: deleted tickets not yet purged, most recently deleted first (up to 500) */
  listDeletedTickets: {
    responses: {
      /** @description Admins: deleted tickets not yet purged, most recently deleted first (up to 500) */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["DeletedTicketList"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      413: components["responses"]["PayloadTooLarge"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Admins: bring a deleted ticket back, as it was, before it is purged */
  restoreTicket: {
    parameters: {
      path: {
        /** @description The ticket's number, as people see it (#1042 is 1042). */
        number: number;
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      413: components["responses"]["PayloadTooLarge"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Agent groups */
  listAdminGroups: {
    responses: {
      /** @description Agent groups */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            groups: components["schemas"]["Group"][];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Create an agent group */
  createAdminGroup: {
    requestBody: {
      content: {
        "application/json": {
          leadId?: string | null;
          name: string;
        };
      };
    };
    responses: {
      /** @description Created; the body names what was created. */
      201: {
        headers: {
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Created"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      422: components["responses"]["IdempotencyKeyReused"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Rename a group or choose its lead */
  updateAdminGroup: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          leadId?: string | null;
          name: string;
        };
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Delete a group */
  deleteAdminGroup: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Inbound mail by outcome: held for review, quarantined, ignored or processed (newest 200) */
  listAdminInboundMessages: {
    parameters: {
      query?: {
        status?: "received" | "processed" | "ignored" | "review" | "quarantined";
      };
    };
    responses: {
      /** @description Inbound mail by outcome: held for review, quarantined, ignored or processed (newest 200) */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            messages: ({
                detail: string | null;
                duplicateOf: string | null;
                from: string | null;
                id: string;
                mailbox: string;
                messageId: string;
                reason: string | null;
                receivedAt: string;
                size: number;
                /** @enum {string} */
                status: "received" | "processed" | "ignored" | "review" | "quarantined";
                subject: string | null;
                ticketNumber: number | null;
              })[];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Set a held or quarantined message aside without filing it (it stays kept) */
  dismissAdminInboundMessage: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** The original message as received (.eml), always as a download */
  getAdminInboundMessageRaw: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description The original message as received (.eml), always as a download */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/octet-stream": components["schemas"]["FileDownload"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Run a held or quarantined message again (mode new_ticket: file it as a new request) */
  retryAdminInboundMessage: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          /**
           * @default route
           * @enum {string}
           */
          mode?: "route" | "new_ticket";
        };
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Background jobs: backlog, failures and recent runs */
  listAdminJobs: {
    responses: {
      /** @description Background jobs: backlog, failures and recent runs */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            counts: {
              failed: number;
              pending: number;
              running: number;
            };
            failed: ({
                attempts: number;
                /** Format: date-time */
                createdAt: string;
                finishedAt: string | null;
                id: string;
                kind: string;
                lastError: string | null;
                maxAttempts: number;
                /** Format: date-time */
                runAt: string;
                /** @enum {string} */
                status: "pending" | "running" | "done" | "failed";
              })[];
            oldestPendingSeconds: number | null;
            recent: ({
                attempts: number;
                /** Format: date-time */
                createdAt: string;
                finishedAt: string | null;
                id: string;
                kind: string;
                lastError: string | null;
                maxAttempts: number;
                /** Format: date-time */
                runAt: string;
                /** @enum {string} */
                status: "pending" | "running" | "done" | "failed";
              })[];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Run a failed job again */
  rerunAdminJob: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Run every failed job of one kind again */
  rerunFailedAdminJobs: {
    requestBody: {
      content: {
        "application/json": {
          kind: string;
        };
      };
    };
    responses: {
      /** @description Done; the body is the result. */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            count: number;
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Articles in every status, filtered */
  listAdminKbArticles: {
    parameters: {
      query?: {
        status?: "draft" | "published" | "archived";
        categoryId?: string;
        ownerId?: string;
        outdated?: "true";
        sort?: "updated" | "least_helpful";
      };
    };
    responses: {
      /** @description Articles in every status, filtered */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            articles: ({
                /** @default null */
                categoryId: string | null;
                helpfulTotal: number;
                helpfulYes: number;
                id: string;
                outdated: boolean;
                outdatedNote: string | null;
                /** @default null */
                ownerId: string | null;
                ownerName: string | null;
                publishedAt: string | null;
                slug: string;
                /** @enum {string} */
                status: "draft" | "published" | "archived";
                /** @default */
                summary: string;
                /** @default [] */
                tags: string[];
                title: string;
                updatedAt: string;
                views: number;
                /**
                 * @default public
                 * @enum {string}
                 */
                visibility: "public" | "customers" | "restricted" | "internal";
              })[];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Write a new article (a draft) */
  createAdminKbArticle: {
    requestBody: {
      content: {
        "application/json": {
          /** @default */
          body?: string;
          /** @default null */
          categoryId?: string | null;
          /** @default [] */
          organizationIds?: string[];
          /** @default null */
          ownerId?: string | null;
          /** @default [] */
          roleIds?: string[];
          slug: string;
          /** @default */
          summary?: string;
          /** @default [] */
          tags?: string[];
          title: string;
          /**
           * @default public
           * @enum {string}
           */
          visibility?: "public" | "customers" | "restricted" | "internal";
        };
      };
    };
    responses: {
      /** @description Created; the body names what was created. */
      201: {
        headers: {
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Created"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      422: components["responses"]["IdempotencyKeyReused"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** An article as its editors see it */
  getAdminKbArticle: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description An article as its editors see it */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            /** @default */
            body: string;
            /** @default null */
            categoryId: string | null;
            helpfulTotal: number;
            helpfulYes: number;
            id: string;
            /** @default [] */
            organizationIds: string[];
            outdated: boolean;
            outdatedNote: string | null;
            /** @default null */
            ownerId: string | null;
            ownerName: string | null;
            publishedAt: string | null;
            /** @default [] */
            roleIds: string[];
            slug: string;
            /** @enum {string} */
            status: "draft" | "published" | "archived";
            /** @default */
            summary: string;
            /** @default [] */
            tags: string[];
            title: string;
            updatedAt: string;
            views: number;
            /**
             * @default public
             * @enum {string}
             */
            visibility: "public" | "customers" | "restricted" | "internal";
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Save an article: a new revision */
  updateAdminKbArticle: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          /** @default */
          body?: string;
          /** @default null */
          categoryId?: string | null;
          /** @default [] */
          organizationIds?: string[];
          /** @default null */
          ownerId?: string | null;
          /** @default [] */
          roleIds?: string[];
          slug: string;
          /** @default */
          summary?: string;
          /** @default [] */
          tags?: string[];
          title: string;
          /**
           * @default public
           * @enum {string}
           */
          visibility?: "public" | "customers" | "restricted" | "internal";
        };
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** An article's revisions, newest first */
  listAdminKbArticleRevisions: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description An article's revisions, newest first */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            revisions: ({
                authorName: string;
                body: string;
                createdAt: string;
                note: string | null;
                noteCode: OneOf<[{
                  /** @enum {string} */
                  code: "restored";
                  number: number;
                }, {
                  /** @enum {string} */
                  code: "fromTicket";
                }]> | null;
                number: number;
                summary: string;
                tags: string[];
                title: string;
              })[];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Make an old revision the current content again (as a new revision) */
  restoreAdminKbArticleRevision: {
    parameters: {
      path: {
        id: string;
        /** @description The ticket's number, as people see it (#1042 is 1042). */
        number: number;
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Publish, archive, or return an article to draft */
  setAdminKbArticleStatus: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          /** @enum {string} */
          status: "draft" | "published" | "archived";
        };
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** An article's translations into the other languages, drafts too */
  listAdminKbArticleTranslations: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description An article's translations into the other languages, drafts too */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            defaultLocale: string;
            translations: ({
                body: string;
                /** @enum {string} */
                locale: "en" | "de" | "es" | "fr" | "ar";
                publishedAt: string | null;
                /** @enum {string} */
                status: "draft" | "published";
                summary: string;
                title: string;
                updatedAt: string;
              })[];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Save an article's translation into one language, as a draft or published */
  updateAdminKbArticleTranslation: {
    parameters: {
      path: {
        id: string;
        locale: "en" | "de" | "es" | "fr" | "ar";
      };
    };
    requestBody: {
      content: {
        "application/json": {
          /** @default */
          body?: string;
          /**
           * @default draft
           * @enum {string}
           */
          status?: "draft" | "published";
          /** @default */
          summary?: string;
          title: string;
        };
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Remove an article's translation into one language; its readers get the default text */
  deleteAdminKbArticleTranslation: {
    parameters: {
      path: {
        id: string;
        locale: "en" | "de" | "es" | "fr" | "ar";
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Move or archive several articles at once */
  bulkUpdateAdminKbArticles: {
    requestBody: {
      content: {
        "application/json": OneOf<[{
          /** @enum {string} */
          action: "archive";
          ids: string[];
        }, {
          /** @enum {string} */
          action: "move";
          categoryId: string | null;
          ids: string[];
        }]>;
      };
    };
    responses: {
      /** @description Done; the body is the result. */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            changed: number;
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Knowledge base categories and sections */
  listAdminKbCategories: {
    responses: {
      /** @description Knowledge base categories and sections */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            categories: ({
                description: string;
                /** @enum {string|null} */
                icon: "alert-triangle" | "briefcase" | "bug" | "building" | "bulb" | "calendar" | "camera" | "certificate" | "clock" | "cloud" | "cpu" | "credit-card" | "database" | "device-desktop" | "device-laptop" | "device-mobile" | "file-text" | "folder" | "headset" | "help" | "id-badge" | "info-circle" | "key" | "keyboard" | "lifebuoy" | "lock" | "mail" | "message" | "mouse" | "network" | "package" | "phone" | "plug" | "printer" | "receipt" | "rocket" | "school" | "server" | "settings" | "shield-lock" | "shopping-cart" | "stethoscope" | "ticket" | "tool" | "tools" | "truck" | "user" | "user-plus" | "users" | "video" | "wifi" | "world" | null;
                id: string;
                name: string;
                parentId: string | null;
                position: number;
                slug: string;
              })[];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Create a category or section */
  createAdminKbCategory: {
    requestBody: {
      content: {
        "application/json": {
          /** @default */
          description?: string;
          /**
           * @default null
           * @enum {string|null}
           */
          icon?: "alert-triangle" | "briefcase" | "bug" | "building" | "bulb" | "calendar" | "camera" | "certificate" | "clock" | "cloud" | "cpu" | "credit-card" | "database" | "device-desktop" | "device-laptop" | "device-mobile" | "file-text" | "folder" | "headset" | "help" | "id-badge" | "info-circle" | "key" | "keyboard" | "lifebuoy" | "lock" | "mail" | "message" | "mouse" | "network" | "package" | "phone" | "plug" | "printer" | "receipt" | "rocket" | "school" | "server" | "settings" | "shield-lock" | "shopping-cart" | "stethoscope" | "ticket" | "tool" | "tools" | "truck" | "user" | "user-plus" | "users" | "video" | "wifi" | "world" | null;
          name: string;
          /** @default null */
          parentId?: string | null;
          /** @default 0 */
          position?: number;
          slug: string;
        };
      };
    };
    responses: {
      /** @description Created; the body names what was created. */
      201: {
        headers: {
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Created"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      422: components["responses"]["IdempotencyKeyReused"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Change a category or section */
  updateAdminKbCategory: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          /** @default */
          description?: string;
          /**
           * @default null
           * @enum {string|null}
           */
          icon?: "alert-triangle" | "briefcase" | "bug" | "building" | "bulb" | "calendar" | "camera" | "certificate" | "clock" | "cloud" | "cpu" | "credit-card" | "database" | "device-desktop" | "device-laptop" | "device-mobile" | "file-text" | "folder" | "headset" | "help" | "id-badge" | "info-circle" | "key" | "keyboard" | "lifebuoy" | "lock" | "mail" | "message" | "mouse" | "network" | "package" | "phone" | "plug" | "printer" | "receipt" | "rocket" | "school" | "server" | "settings" | "shield-lock" | "shopping-cart" | "stethoscope" | "ticket" | "tool" | "tools" | "truck" | "user" | "user-plus" | "users" | "video" | "wifi" | "world" | null;
          name: string;
          /** @default null */
          parentId?: string | null;
          /** @default 0 */
          position?: number;
          slug: string;
        };
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Delete a category and its sections (their articles stay, without a category) */
  deleteAdminKbCategory: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Upload an image for knowledge-base articles (multipart, one file in the part named attachments) */
  createAdminKbImage: {
    responses: {
      /** @description Created; the body names what was created. */
      201: {
        headers: {
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            fileName: string;
            id: string;
            url: string;
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      422: components["responses"]["IdempotencyKeyReused"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Views, helpfulness, deflections per article; searches that found nothing; comments on 'No' */
  getAdminKbStats: {
    responses: {
      /** @description Views, helpfulness, deflections per article; searches that found nothing; comments on 'No' */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            articles: ({
                deflections: number;
                helpfulTotal: number;
                helpfulYes: number;
                id: string;
                /** @enum {string} */
                status: "draft" | "published" | "archived";
                title: string;
                views: number;
              })[];
            feedback: {
                articleTitle: string;
                at: string;
                comment: string;
              }[];
            unanswered: {
                count: number;
                lastAt: string;
                query: string;
              }[];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Mailboxes whose fetching is failing, with the reason (the banner admins see in the workspace) */
  listAdminMailboxAlerts: {
    responses: {
      /** @description Mailboxes whose fetching is failing, with the reason (the banner admins see in the workspace) */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            alerts: {
                address: string;
                error: string;
                mailboxId: string;
                since: string;
              }[];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Mailboxes we receive mail for (IMAP passwords are never returned) */
  listAdminMailboxes: {
    responses: {
      /** @description Mailboxes we receive mail for (IMAP passwords are never returned) */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            mailboxes: ({
                acceptAutoFrom: string[];
                active: boolean;
                address: string;
                categoryId: string | null;
                failingSince: string | null;
                groupId: string | null;
                id: string;
                imap: ({
                  folder: string;
                  host: string;
                  oauth: ({
                    authorizationUrl: string | null;
                    clientId: string;
                    clientSecretSet: boolean;
                    connectedAt: string | null;
                    issuer: string | null;
                    /** @enum {string} */
                    provider: "microsoft" | "google" | "oidc";
                    scopes: string | null;
                    smtp: boolean;
                    tenant: string | null;
                    tokenUrl: string | null;
                  }) | null;
                  passwordSet: boolean;
                  port: number;
                  tls: boolean;
                  user: string;
                }) | null;
                lastError: string | null;
                lastFetchedAt: string | null;
                lastPolledAt: string | null;
                name: string;
              })[];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Add a mailbox */
  createAdminMailbox: {
    requestBody: {
      content: {
        "application/json": {
          /** @default [] */
          acceptAutoFrom?: string[];
          /** @default true */
          active?: boolean;
          /** Format: email */
          address: string;
          /** @default null */
          categoryId?: string | null;
          /** @default null */
          groupId?: string | null;
          imap?: ({
            /** @default INBOX */
            folder?: string;
            host: string;
            oauth?: ({
              authorizationUrl?: string | "";
              clientId: string;
              clientSecret?: string;
              issuer?: string | "";
              /** @enum {string} */
              provider: "microsoft" | "google" | "oidc";
              scopes?: string;
              /** @default false */
              smtp?: boolean;
              tenant?: string;
              tokenUrl?: string | "";
            }) | null;
            password?: string;
            port: number;
            /** @default true */
            tls?: boolean;
            user: string;
          }) | null;
          name: string;
        };
      };
    };
    responses: {
      /** @description Created; the body names what was created. */
      201: {
        headers: {
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Created"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      422: components["responses"]["IdempotencyKeyReused"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Change a mailbox (an empty IMAP password keeps the stored one) */
  updateAdminMailbox: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          /** @default [] */
          acceptAutoFrom?: string[];
          /** @default true */
          active?: boolean;
          /** Format: email */
          address: string;
          /** @default null */
          categoryId?: string | null;
          /** @default null */
          groupId?: string | null;
          imap?: ({
            /** @default INBOX */
            folder?: string;
            host: string;
            oauth?: ({
              authorizationUrl?: string | "";
              clientId: string;
              clientSecret?: string;
              issuer?: string | "";
              /** @enum {string} */
              provider: "microsoft" | "google" | "oidc";
              scopes?: string;
              /** @default false */
              smtp?: boolean;
              tenant?: string;
              tokenUrl?: string | "";
            }) | null;
            password?: string;
            port: number;
            /** @default true */
            tls?: boolean;
            user: string;
          }) | null;
          name: string;
        };
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Delete a mailbox that has not received mail */
  deleteAdminMailbox: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Start connecting a mailbox's OAuth2 account (or reconnecting it): the URL to send the admin's browser to */
  connectAdminMailboxOauth: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description Done; the body is the result. */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            url: string;
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Organizations (accounts) and their departments */
  listAdminOrganizations: {
    responses: {
      /** @description Organizations (accounts) and their departments */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            organizations: components["schemas"]["Organization"][];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Create an account, or a department under one */
  createAdminOrganization: {
    requestBody: {
      content: {
        "application/json": {
          name: string;
          parentId?: string | null;
        };
      };
    };
    responses: {
      /** @description Created; the body names what was created. */
      201: {
        headers: {
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Created"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      422: components["responses"]["IdempotencyKeyReused"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** One organization, with its member count and departments */
  getAdminOrganization: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description One organization, with its member count and departments */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            departments: components["schemas"]["NamedRef"][];
            id: string;
            memberCount: number;
            name: string;
            parentId: string | null;
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      413: components["responses"]["PayloadTooLarge"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Rename or move an organization */
  updateAdminOrganization: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          name: string;
          parentId?: string | null;
        };
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Delete an organization without departments */
  deleteAdminOrganization: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** The people in an organization, by name */
  listAdminOrganizationMembers: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description The people in an organization, by name */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            members: ({
                disabled: boolean;
                /** Format: email */
                email: string;
                id: string;
                /** @enum {string} */
                licence: "customer" | "agent" | "admin";
                name: string;
              })[];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      413: components["responses"]["PayloadTooLarge"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Roles and the permissions they can grant */
  listAdminRoles: {
    responses: {
      /** @description Roles and the permissions they can grant */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            permissions: {
                description: string;
                name: string;
              }[];
            roles: components["schemas"]["Role"][];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Create a role */
  createAdminRole: {
    requestBody: {
      content: {
        "application/json": {
          name: string;
          permissions: ("tickets.submit" | "catalog.view" | "tickets.view_department" | "tickets.act_department" | "tickets.view_all" | "tickets.work" | "tickets.assign" | "tickets.delete" | "kb.edit" | "reports.view" | "admin.users" | "admin.roles" | "admin.organizations" | "admin.groups" | "admin.api_tokens" | "admin.settings")[];
        };
      };
    };
    responses: {
      /** @description Created; the body names what was created. */
      201: {
        headers: {
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Created"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      422: components["responses"]["IdempotencyKeyReused"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Rename a role or change its permissions */
  updateAdminRole: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          name: string;
          permissions: ("tickets.submit" | "catalog.view" | "tickets.view_department" | "tickets.act_department" | "tickets.view_all" | "tickets.work" | "tickets.assign" | "tickets.delete" | "kb.edit" | "reports.view" | "admin.users" | "admin.roles" | "admin.organizations" | "admin.groups" | "admin.api_tokens" | "admin.settings")[];
        };
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Delete a role (not a built-in one) */
  deleteAdminRole: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Reasons a requester can give when rating the support Bad */
  listAdminSatisfactionReasons: {
    responses: {
      /** @description Reasons a requester can give when rating the support Bad */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            reasons: {
                id: string;
                label: string;
              }[];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Add a reason for a Bad rating */
  createAdminSatisfactionReason: {
    requestBody: {
      content: {
        "application/json": {
          label: string;
          /** @default 0 */
          position?: number;
        };
      };
    };
    responses: {
      /** @description Created; the body names what was created. */
      201: {
        headers: {
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Created"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      422: components["responses"]["IdempotencyKeyReused"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Change a reason for a Bad rating */
  updateAdminSatisfactionReason: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          label: string;
          /** @default 0 */
          position?: number;
        };
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Remove a reason for a Bad rating */
  deleteAdminSatisfactionReason: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Satisfaction survey settings: on or off, the delay after solving, excluded groups and services */
  listAdminSatisfactionSettings: {
    responses: {
      /** @description Satisfaction survey settings: on or off, the delay after solving, excluded groups and services */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            delayMinutes: number;
            enabled: boolean;
            excludedGroupIds: string[];
            excludedServiceIds: string[];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      413: components["responses"]["PayloadTooLarge"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Change the satisfaction survey settings */
  updateAdminSatisfactionSetting: {
    requestBody: {
      content: {
        "application/json": {
          delayMinutes: number;
          enabled: boolean;
          excludedGroupIds: string[];
          excludedServiceIds: string[];
        };
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** All services, active or not */
  listAdminServices: {
    responses: {
      /** @description All services, active or not */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            services: ({
                active: boolean;
                categoryId: string | null;
                color: string | null;
                /** @enum {string} */
                defaultPriority: "low" | "medium" | "high" | "urgent";
                description: string;
                groupId: string | null;
                /** @enum {string|null} */
                icon: "alert-triangle" | "briefcase" | "bug" | "building" | "bulb" | "calendar" | "camera" | "certificate" | "clock" | "cloud" | "cpu" | "credit-card" | "database" | "device-desktop" | "device-laptop" | "device-mobile" | "file-text" | "folder" | "headset" | "help" | "id-badge" | "info-circle" | "key" | "keyboard" | "lifebuoy" | "lock" | "mail" | "message" | "mouse" | "network" | "package" | "phone" | "plug" | "printer" | "receipt" | "rocket" | "school" | "server" | "settings" | "shield-lock" | "shopping-cart" | "stethoscope" | "ticket" | "tool" | "tools" | "truck" | "user" | "user-plus" | "users" | "video" | "wifi" | "world" | null;
                id: string;
                name: string;
                organizationIds: string[];
                position: number;
                requestLabel: string;
                roleIds: string[];
                slug: string;
                summary: string;
                ticketTypeId: string;
                /** @enum {string} */
                visibility: "public" | "customers" | "restricted";
              })[];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Create a service */
  createAdminService: {
    requestBody: {
      content: {
        "application/json": {
          /** @default true */
          active?: boolean;
          categoryId: string | null;
          color?: string | null;
          /** @enum {string} */
          defaultPriority: "low" | "medium" | "high" | "urgent";
          /** @default */
          description?: string;
          groupId?: string | null;
          /** @enum {string|null} */
          icon?: "alert-triangle" | "briefcase" | "bug" | "building" | "bulb" | "calendar" | "camera" | "certificate" | "clock" | "cloud" | "cpu" | "credit-card" | "database" | "device-desktop" | "device-laptop" | "device-mobile" | "file-text" | "folder" | "headset" | "help" | "id-badge" | "info-circle" | "key" | "keyboard" | "lifebuoy" | "lock" | "mail" | "message" | "mouse" | "network" | "package" | "phone" | "plug" | "printer" | "receipt" | "rocket" | "school" | "server" | "settings" | "shield-lock" | "shopping-cart" | "stethoscope" | "ticket" | "tool" | "tools" | "truck" | "user" | "user-plus" | "users" | "video" | "wifi" | "world" | null;
          name: string;
          /** @default [] */
          organizationIds?: string[];
          /** @default 0 */
          position?: number;
          /** @default Request service */
          requestLabel?: string;
          /** @default [] */
          roleIds?: string[];
          slug: string;
          summary: string;
          /** Format: uuid */
          ticketTypeId: string;
          /** @enum {string} */
          visibility: "public" | "customers" | "restricted";
        };
      };
    };
    responses: {
      /** @description Created; the body names what was created. */
      201: {
        headers: {
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Created"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      422: components["responses"]["IdempotencyKeyReused"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Change a service */
  updateAdminService: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          /** @default true */
          active?: boolean;
          categoryId: string | null;
          color?: string | null;
          /** @enum {string} */
          defaultPriority: "low" | "medium" | "high" | "urgent";
          /** @default */
          description?: string;
          groupId?: string | null;
          /** @enum {string|null} */
          icon?: "alert-triangle" | "briefcase" | "bug" | "building" | "bulb" | "calendar" | "camera" | "certificate" | "clock" | "cloud" | "cpu" | "credit-card" | "database" | "device-desktop" | "device-laptop" | "device-mobile" | "file-text" | "folder" | "headset" | "help" | "id-badge" | "info-circle" | "key" | "keyboard" | "lifebuoy" | "lock" | "mail" | "message" | "mouse" | "network" | "package" | "phone" | "plug" | "printer" | "receipt" | "rocket" | "school" | "server" | "settings" | "shield-lock" | "shopping-cart" | "stethoscope" | "ticket" | "tool" | "tools" | "truck" | "user" | "user-plus" | "users" | "video" | "wifi" | "world" | null;
          name: string;
          /** @default [] */
          organizationIds?: string[];
          /** @default 0 */
          position?: number;
          /** @default Request service */
          requestLabel?: string;
          /** @default [] */
          roleIds?: string[];
          slug: string;
          summary: string;
          /** Format: uuid */
          ticketTypeId: string;
          /** @enum {string} */
          visibility: "public" | "customers" | "restricted";
        };
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Delete a service no ticket came through */
  deleteAdminService: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Set the help desk's default language (for visitors whose browser asks for none we speak) */
  updateAdminSettingDefaultLocale: {
    requestBody: {
      content: {
        "application/json": {
          /** @enum {string} */
          locale: "en" | "de" | "es" | "fr" | "ar";
        };
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** SLA policies in the order they are tried */
  listAdminSlaPolicies: {
    responses: {
      /** @description SLA policies in the order they are tried */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            policies: ({
                businessTime: boolean;
                calendarId: string | null;
                conditions: {
                  /** @default [] */
                  organizationIds: string[];
                  /** @default [] */
                  priorities: ("low" | "medium" | "high" | "urgent")[];
                  /** @default [] */
                  serviceIds: string[];
                  /** @default [] */
                  ticketTypeIds: string[];
                };
                firstResponseMinutes: number | null;
                id: string;
                name: string;
                position: number;
                resolutionMinutes: number | null;
              })[];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Add an SLA policy */
  createAdminSlaPolicy: {
    requestBody: {
      content: {
        "application/json": {
          businessTime: boolean;
          calendarId: string | null;
          conditions: {
            /** @default [] */
            organizationIds?: string[];
            /** @default [] */
            priorities?: ("low" | "medium" | "high" | "urgent")[];
            /** @default [] */
            serviceIds?: string[];
            /** @default [] */
            ticketTypeIds?: string[];
          };
          firstResponseMinutes: number | null;
          name: string;
          /** @default 0 */
          position?: number;
          resolutionMinutes: number | null;
        };
      };
    };
    responses: {
      /** @description Created; the body names what was created. */
      201: {
        headers: {
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Created"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      422: components["responses"]["IdempotencyKeyReused"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Change an SLA policy */
  updateAdminSlaPolicy: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          businessTime: boolean;
          calendarId: string | null;
          conditions: {
            /** @default [] */
            organizationIds?: string[];
            /** @default [] */
            priorities?: ("low" | "medium" | "high" | "urgent")[];
            /** @default [] */
            serviceIds?: string[];
            /** @default [] */
            ticketTypeIds?: string[];
          };
          firstResponseMinutes: number | null;
          name: string;
          /** @default 0 */
          position?: number;
          resolutionMinutes: number | null;
        };
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Delete an SLA policy */
  deleteAdminSlaPolicy: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Statuses and whether they pause the SLA clock */
  listAdminSlaStatuses: {
    responses: {
      /** @description Statuses and whether they pause the SLA clock */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            statuses: {
                agentLabel: string;
                category: string;
                id: string;
                pausesClock: boolean;
              }[];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Turn a status's clock pause on or off */
  updateAdminSlaStatus: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          pausesClock: boolean;
        };
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Ticket statuses, in order, with how many tickets have each */
  listAdminStatuses: {
    responses: {
      /** @description Ticket statuses, in order, with how many tickets have each */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            statuses: ({
                agentLabel: string;
                /** @enum {string} */
                category: "new" | "open" | "pending" | "on_hold" | "solved" | "closed" | "cancelled";
                customerLabel: string;
                customersMayReopen: boolean;
                dependents: string[];
                id: string;
                position: number;
                ticketCount: number;
              })[];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Add a status */
  createAdminStatus: {
    requestBody: {
      content: {
        "application/json": {
          agentLabel: string;
          /** @enum {string} */
          category: "new" | "open" | "pending" | "on_hold" | "solved" | "closed" | "cancelled";
          customerLabel: string;
          /** @default false */
          customersMayReopen?: boolean;
          /** @default 0 */
          position?: number;
        };
      };
    };
    responses: {
      /** @description Created; the body names what was created. */
      201: {
        headers: {
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Created"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      422: components["responses"]["IdempotencyKeyReused"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Rename, recategorise or move a status */
  updateAdminStatus: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          agentLabel: string;
          /** @enum {string} */
          category: "new" | "open" | "pending" | "on_hold" | "solved" | "closed" | "cancelled";
          customerLabel: string;
          /** @default false */
          customersMayReopen?: boolean;
          /** @default 0 */
          position?: number;
        };
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Delete a status no ticket has */
  deleteAdminStatus: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Change a custom field */
  updateAdminTicketField: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          /** @enum {string} */
          customerAccess: "edit" | "read" | "none";
          helpText?: string | null;
          key: string;
          label: string;
          /** @default [] */
          options?: string[];
          /** @default 0 */
          position?: number;
          /** @default false */
          required?: boolean;
          /** @enum {string} */
          type: "text" | "long_text" | "number" | "date" | "email" | "url" | "domain" | "single_select" | "multi_select" | "checkbox";
        };
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Delete a custom field without values */
  deleteAdminTicketField: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Ticket types with their fields */
  listAdminTicketTypes: {
    responses: {
      /** @description Ticket types with their fields */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            ticketTypes: ({
                builtin: boolean;
                description: string | null;
                fields: ({
                    /** @enum {string} */
                    customerAccess: "edit" | "read" | "none";
                    helpText: string | null;
                    id: string;
                    key: string;
                    label: string;
                    optionLabels?: {
                      [key: string]: string;
                    };
                    options: string[];
                    position: number;
                    required: boolean;
                    /** @enum {string} */
                    type: "text" | "long_text" | "number" | "date" | "email" | "url" | "domain" | "single_select" | "multi_select" | "checkbox";
                  })[];
                id: string;
                name: string;
              })[];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Create a ticket type */
  createAdminTicketType: {
    requestBody: {
      content: {
        "application/json": {
          description?: string | null;
          name: string;
        };
      };
    };
    responses: {
      /** @description Created; the body names what was created. */
      201: {
        headers: {
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Created"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      422: components["responses"]["IdempotencyKeyReused"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Rename a ticket type */
  updateAdminTicketType: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          description?: string | null;
          name: string;
        };
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Delete an unused ticket type */
  deleteAdminTicketType: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Add a custom field to a ticket type */
  createAdminTicketTypeField: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          /** @enum {string} */
          customerAccess: "edit" | "read" | "none";
          helpText?: string | null;
          key: string;
          label: string;
          /** @default [] */
          options?: string[];
          /** @default 0 */
          position?: number;
          /** @default false */
          required?: boolean;
          /** @enum {string} */
          type: "text" | "long_text" | "number" | "date" | "email" | "url" | "domain" | "single_select" | "multi_select" | "checkbox";
        };
      };
    };
    responses: {
      /** @description Created; the body names what was created. */
      201: {
        headers: {
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Created"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      422: components["responses"]["IdempotencyKeyReused"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** The translations of one service, category, ticket type, field, status, withdraw reason or Help Centre category */
  getAdminTranslation: {
    parameters: {
      path: {
        kind: "category" | "service" | "ticket-type" | "ticket-field" | "status" | "withdraw-reason" | "satisfaction-reason" | "kb-category";
        id: string;
      };
    };
    responses: {
      /** @description The translations of one service, category, ticket type, field, status, withdraw reason or Help Centre category */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            fields: {
                field: string;
                maxLength: number;
              }[];
            id: string;
            /** @enum {string} */
            kind: "category" | "service" | "ticket-type" | "ticket-field" | "status" | "withdraw-reason" | "satisfaction-reason" | "kb-category";
            options: string[];
            translations: {
              [key: string]: {
                [key: string]: string;
              };
            };
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      413: components["responses"]["PayloadTooLarge"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Replace the translations of one entity: per language, per field, the text (empty: use the default) */
  updateAdminTranslation: {
    parameters: {
      path: {
        kind: "category" | "service" | "ticket-type" | "ticket-field" | "status" | "withdraw-reason" | "satisfaction-reason" | "kb-category";
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          [key: string]: {
            [key: string]: string;
          };
        };
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Users, newest first, with their roles, organizations and groups */
  listAdminUsers: {
    parameters: {
      query?: {
        search?: string;
        cursor?: string;
        limit?: number;
      };
    };
    responses: {
      /** @description Users, newest first, with their roles, organizations and groups */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["UserPage"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Invite a user: they receive a link to choose a password */
  createAdminUser: {
    requestBody: {
      content: {
        "application/json": components["schemas"]["UserInvitation"];
      };
    };
    responses: {
      /** @description Created; the body names what was created. */
      201: {
        headers: {
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["User"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      422: components["responses"]["IdempotencyKeyReused"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** One user, with their roles, organizations and groups */
  getAdminUser: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description One user, with their roles, organizations and groups */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["User"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      413: components["responses"]["PayloadTooLarge"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Delete a user no ticket needs (never asked, acted on or attached to one); anyone else is refused with 409: anonymise them instead */
  deleteAdminUser: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Change a user's name, licence, roles, organizations, groups, or disable them */
  updateAdminUser: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["UserUpdate"];
      };
    };
    responses: {
      /** @description Done; the body is the result. */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["User"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Erase a person (GDPR): name and address replaced by placeholders, sign-in, tokens, alerts and copies removed, their tickets kept */
  anonymiseAdminUser: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description Done; the body is the result. */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["User"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Send a delivery's event again, as a new delivery, once */
  redeliverAdminWebhookDelivery: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description Accepted; what follows happens in the background (often by mail). */
      202: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Created"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Webhook endpoints (secrets are never returned) */
  listAdminWebhooks: {
    responses: {
      /** @description Webhook endpoints (secrets are never returned) */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            webhooks: ({
                active: boolean;
                consecutiveFailures: number;
                /** Format: date-time */
                createdAt: string;
                description: string;
                disabledAt: string | null;
                disabledReason: string | null;
                events: ("created" | "comment" | "note" | "status_changed" | "edited" | "priority_changed" | "cc_added" | "cc_removed" | "follow_up_created" | "task_added" | "task_edited" | "task_completed" | "task_reopened" | "task_removed" | "merged_into" | "merged_from" | "linked" | "unlinked" | "sla_due" | "sla_overdue" | "automation_applied" | "satisfaction_rated" | "comment_edited" | "comment_deleted" | "tag_added" | "tag_removed" | "deleted" | "restored")[];
                groupIds: string[];
                id: string;
                includeInternal: boolean;
                ticketTypeIds: string[];
                url: string;
              })[];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Add a webhook endpoint; the answer holds its signing secret, shown this once */
  createAdminWebhook: {
    requestBody: {
      content: {
        "application/json": {
          /** @default true */
          active?: boolean;
          /** @default */
          description?: string;
          events: ("created" | "comment" | "note" | "status_changed" | "edited" | "priority_changed" | "cc_added" | "cc_removed" | "follow_up_created" | "task_added" | "task_edited" | "task_completed" | "task_reopened" | "task_removed" | "merged_into" | "merged_from" | "linked" | "unlinked" | "sla_due" | "sla_overdue" | "automation_applied" | "satisfaction_rated" | "comment_edited" | "comment_deleted" | "tag_added" | "tag_removed" | "deleted" | "restored")[];
          /** @default [] */
          groupIds?: string[];
          /** @default false */
          includeInternal?: boolean;
          /** @default [] */
          ticketTypeIds?: string[];
          url: string;
        };
      };
    };
    responses: {
      /** @description Created; the body names what was created. */
      201: {
        headers: {
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            id: string;
            secret: string;
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      422: components["responses"]["IdempotencyKeyReused"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** One webhook endpoint */
  getAdminWebhook: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description One webhook endpoint */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            webhook: {
              active: boolean;
              consecutiveFailures: number;
              /** Format: date-time */
              createdAt: string;
              description: string;
              disabledAt: string | null;
              disabledReason: string | null;
              events: ("created" | "comment" | "note" | "status_changed" | "edited" | "priority_changed" | "cc_added" | "cc_removed" | "follow_up_created" | "task_added" | "task_edited" | "task_completed" | "task_reopened" | "task_removed" | "merged_into" | "merged_from" | "linked" | "unlinked" | "sla_due" | "sla_overdue" | "automation_applied" | "satisfaction_rated" | "comment_edited" | "comment_deleted" | "tag_added" | "tag_removed" | "deleted" | "restored")[];
              groupIds: string[];
              id: string;
              includeInternal: boolean;
              ticketTypeIds: string[];
              url: string;
            };
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Change a webhook endpoint (switching it on clears its failure streak) */
  updateAdminWebhook: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          /** @default true */
          active?: boolean;
          /** @default */
          description?: string;
          events: ("created" | "comment" | "note" | "status_changed" | "edited" | "priority_changed" | "cc_added" | "cc_removed" | "follow_up_created" | "task_added" | "task_edited" | "task_completed" | "task_reopened" | "task_removed" | "merged_into" | "merged_from" | "linked" | "unlinked" | "sla_due" | "sla_overdue" | "automation_applied" | "satisfaction_rated" | "comment_edited" | "comment_deleted" | "tag_added" | "tag_removed" | "deleted" | "restored")[];
          /** @default [] */
          groupIds?: string[];
          /** @default false */
          includeInternal?: boolean;
          /** @default [] */
          ticketTypeIds?: string[];
          url: string;
        };
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Delete a webhook endpoint and its delivery log */
  deleteAdminWebhook: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** The endpoint's delivery log, newest first (50) */
  listAdminWebhookDeliveries: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description The endpoint's delivery log, newest first (50) */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            deliveries: ({
                attempts: number;
                /** Format: date-time */
                createdAt: string;
                durationMs: number | null;
                error: string | null;
                eventId: string;
                eventType: string;
                id: string;
                /** @enum {string} */
                kind: "event" | "test" | "redelivery";
                lastAttemptAt: string | null;
                nextAttemptAt: string | null;
                requestBody: string | null;
                responseExcerpt: string | null;
                responseStatus: number | null;
                /** @enum {string} */
                status: "pending" | "retrying" | "succeeded" | "failed";
              })[];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Replace the signing secret (the old one stops working at once); the answer shows the new one once */
  rotateAdminWebhookSecret: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description Done; the body is the result. */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            id: string;
            secret: string;
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Send a test event (type ping, no ticket) once, even to a switched-off endpoint */
  testAdminWebhook: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description Accepted; what follows happens in the background (often by mail). */
      202: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Created"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Reasons requesters choose from when withdrawing */
  listAdminWithdrawReasons: {
    responses: {
      /** @description Reasons requesters choose from when withdrawing */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            reasons: {
                id: string;
                label: string;
              }[];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Add a reason */
  createAdminWithdrawReason: {
    requestBody: {
      content: {
        "application/json": {
          label: string;
          /** @default 0 */
          position?: number;
        };
      };
    };
    responses: {
      /** @description Created; the body names what was created. */
      201: {
        headers: {
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Created"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      422: components["responses"]["IdempotencyKeyReused"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Change a reason */
  updateAdminWithdrawReason: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          label: string;
          /** @default 0 */
          position?: number;
        };
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Remove a reason */
  deleteAdminWithdrawReason: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** The person with an account at exactly this email address (agents), with their organizations */
  getAgentCustomerByEmail: {
    parameters: {
      query: {
        email: string;
      };
    };
    responses: {
      /** @description The person with an account at exactly this email address (agents), with their organizations */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            /** Format: email */
            email: string;
            id: string;
            /** @enum {string} */
            licence: "customer" | "agent" | "admin";
            name: string;
            organizations: components["schemas"]["NamedRef"][];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      413: components["responses"]["PayloadTooLarge"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Agents, groups, ticket types with their fields and categories, for the edit and bulk forms */
  getAgentDirectory: {
    responses: {
      /** @description Agents, groups, ticket types with their fields and categories, for the edit and bulk forms */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            agents: {
                /** Format: email */
                email: string;
                groupIds: string[];
                id: string;
                name: string;
              }[];
            categories: components["schemas"]["NamedRef"][];
            groups: components["schemas"]["NamedRef"][];
            ticketTypes: ({
                fields: ({
                    /** @enum {string} */
                    customerAccess: "edit" | "read" | "none";
                    helpText: string | null;
                    id: string;
                    key: string;
                    label: string;
                    optionLabels?: {
                      [key: string]: string;
                    };
                    options: string[];
                    position: number;
                    required: boolean;
                    /** @enum {string} */
                    type: "text" | "long_text" | "number" | "date" | "email" | "url" | "domain" | "single_select" | "multi_select" | "checkbox";
                  })[];
                id: string;
                name: string;
              })[];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      413: components["responses"]["PayloadTooLarge"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** The built-in queues and the caller's saved views, each with its number of tickets */
  listAgentQueues: {
    responses: {
      /** @description The built-in queues and the caller's saved views, each with its number of tickets */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            queues: ({
                count: number;
                /** @enum {string} */
                key: "new" | "unassigned" | "mine" | "my_groups" | "waiting" | "overdue" | "recently_solved" | "all";
                label: string;
                more: boolean;
              })[];
            views: ({
                count: number;
                filters: {
                  assigneeId?: string[];
                  createdFrom?: string;
                  createdTo?: string;
                  groupId?: string[];
                  organizationId?: string[];
                  priority?: ("low" | "medium" | "high" | "urgent")[];
                  q?: string;
                  requester?: string;
                  serviceId?: string[];
                  statusCategory?: ("new" | "open" | "pending" | "on_hold" | "solved" | "closed" | "cancelled")[];
                  statusId?: string[];
                  tag?: string[];
                  typeId?: string[];
                  updatedFrom?: string;
                  updatedTo?: string;
                };
                id: string;
                more: boolean;
                name: string;
              })[];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      413: components["responses"]["PayloadTooLarge"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** People with an account whose name or email contains the words, for choosing a requester */
  listAgentRequesters: {
    parameters: {
      query?: {
        q?: string;
      };
    };
    responses: {
      /** @description People with an account whose name or email contains the words, for choosing a requester */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            requesters: ({
                /** Format: email */
                email: string;
                id: string;
                name: string;
                organization: string | null;
              })[];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      413: components["responses"]["PayloadTooLarge"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** One page of a queue, with filters (repeat a parameter for several values) and any sort column */
  listAgentTickets: {
    parameters: {
      query?: {
        statusId?: string | string[];
        statusCategory?: ("new" | "open" | "pending" | "on_hold" | "solved" | "closed" | "cancelled") | (("new" | "open" | "pending" | "on_hold" | "solved" | "closed" | "cancelled")[]);
        priority?: ("low" | "medium" | "high" | "urgent") | (("low" | "medium" | "high" | "urgent")[]);
        groupId?: ("none" | string) | (("none" | string)[]);
        assigneeId?: ("me" | "none" | string) | (("me" | "none" | string)[]);
        typeId?: string | string[];
        serviceId?: string | string[];
        organizationId?: string | string[];
        requester?: string;
        createdFrom?: string;
        createdTo?: string;
        updatedFrom?: string;
        updatedTo?: string;
        q?: string;
        tag?: string | string[];
        queue?: "new" | "unassigned" | "mine" | "my_groups" | "waiting" | "overdue" | "recently_solved" | "all";
        sort?: "updated" | "created" | "number" | "priority" | "subject" | "due";
        direction?: "asc" | "desc";
        cursor?: string;
        limit?: number;
      };
    };
    responses: {
      /** @description One page of a queue, with filters (repeat a parameter for several values) and any sort column */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["AgentTicketPage"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      413: components["responses"]["PayloadTooLarge"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Open a ticket for someone else: a requester by id, or by name and email (their account when one has that address), with the channel it came by */
  createAgentTicket: {
    requestBody: {
      content: {
        "application/json": components["schemas"]["AgentTicketInput"];
      };
    };
    responses: {
      /** @description Created; the body names what was created. */
      201: {
        headers: {
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["TicketSubmitted"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      422: components["responses"]["IdempotencyKeyReused"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Change status, priority, assignee or group of several tickets, or add a note to each */
  bulkUpdateAgentTickets: {
    requestBody: {
      content: {
        "application/json": components["schemas"]["BulkUpdate"];
      };
    };
    responses: {
      /** @description Done; the body is the result. */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            failed: ({
                /** @enum {string} */
                code: "validation_failed" | "not_found" | "unauthenticated" | "forbidden" | "csrf_failed" | "invalid_credentials" | "email_unconfirmed" | "payload_too_large" | "unsupported_media_type" | "method_not_allowed" | "rate_limited" | "conflict" | "internal" | "misdirected" | "unavailable" | "query_timeout" | "idempotency_key_reused" | "precondition_failed";
                number: number;
                reason: string;
              })[];
            updated: number[];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Save the current filters as a personal view */
  createAgentView: {
    requestBody: {
      content: {
        "application/json": {
          filters: {
            assigneeId?: ("me" | "none" | string) | (("me" | "none" | string)[]);
            /** Format: date */
            createdFrom?: string;
            /** Format: date */
            createdTo?: string;
            groupId?: ("none" | string) | (("none" | string)[]);
            organizationId?: string | string[];
            priority?: ("low" | "medium" | "high" | "urgent") | (("low" | "medium" | "high" | "urgent")[]);
            q?: string;
            requester?: string;
            serviceId?: string | string[];
            statusCategory?: ("new" | "open" | "pending" | "on_hold" | "solved" | "closed" | "cancelled") | (("new" | "open" | "pending" | "on_hold" | "solved" | "closed" | "cancelled")[]);
            statusId?: string | string[];
            tag?: string | string[];
            typeId?: string | string[];
            /** Format: date */
            updatedFrom?: string;
            /** Format: date */
            updatedTo?: string;
          };
          name: string;
        };
      };
    };
    responses: {
      /** @description Created; the body names what was created. */
      201: {
        headers: {
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Created"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      422: components["responses"]["IdempotencyKeyReused"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Rename a saved view or change its filters (only its owner) */
  updateAgentView: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          filters: {
            assigneeId?: ("me" | "none" | string) | (("me" | "none" | string)[]);
            /** Format: date */
            createdFrom?: string;
            /** Format: date */
            createdTo?: string;
            groupId?: ("none" | string) | (("none" | string)[]);
            organizationId?: string | string[];
            priority?: ("low" | "medium" | "high" | "urgent") | (("low" | "medium" | "high" | "urgent")[]);
            q?: string;
            requester?: string;
            serviceId?: string | string[];
            statusCategory?: ("new" | "open" | "pending" | "on_hold" | "solved" | "closed" | "cancelled") | (("new" | "open" | "pending" | "on_hold" | "solved" | "closed" | "cancelled")[]);
            statusId?: string | string[];
            tag?: string | string[];
            typeId?: string | string[];
            /** Format: date */
            updatedFrom?: string;
            /** Format: date */
            updatedTo?: string;
          };
          name: string;
        };
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Delete a saved view (only its owner) */
  deleteAgentView: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      413: components["responses"]["PayloadTooLarge"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Download an attachment (always as a download, never shown inline) */
  getAttachment: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description Download an attachment (always as a download, never shown inline) */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/octet-stream": components["schemas"]["FileDownload"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      413: components["responses"]["PayloadTooLarge"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** The services the caller may request, with the categories, optionally searched */
  getCatalog: {
    parameters: {
      query?: {
        q?: string;
      };
    };
    responses: {
      /** @description The services the caller may request, with the categories, optionally searched */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            categories: ({
                /** @default null */
                description: string | null;
                id: string;
                name: string;
                /** @default null */
                parentId: string | null;
              })[];
            services: ({
                categoryId: string | null;
                color: string | null;
                /** @enum {string|null} */
                icon: "alert-triangle" | "briefcase" | "bug" | "building" | "bulb" | "calendar" | "camera" | "certificate" | "clock" | "cloud" | "cpu" | "credit-card" | "database" | "device-desktop" | "device-laptop" | "device-mobile" | "file-text" | "folder" | "headset" | "help" | "id-badge" | "info-circle" | "key" | "keyboard" | "lifebuoy" | "lock" | "mail" | "message" | "mouse" | "network" | "package" | "phone" | "plug" | "printer" | "receipt" | "rocket" | "school" | "server" | "settings" | "shield-lock" | "shopping-cart" | "stethoscope" | "ticket" | "tool" | "tools" | "truck" | "user" | "user-plus" | "users" | "video" | "wifi" | "world" | null;
                id: string;
                name: string;
                requestLabel: string;
                slug: string;
                summary: string;
                /** @enum {string} */
                visibility: "public" | "customers" | "restricted";
              })[];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** One service and its request form */
  getCatalogService: {
    parameters: {
      path: {
        slug: string;
      };
    };
    responses: {
      /** @description One service and its request form */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            categoryId: string | null;
            color: string | null;
            /** @enum {string} */
            defaultPriority: "low" | "medium" | "high" | "urgent";
            description: string;
            fields: ({
                /** @enum {string} */
                customerAccess: "edit" | "read" | "none";
                helpText: string | null;
                id: string;
                key: string;
                label: string;
                optionLabels?: {
                  [key: string]: string;
                };
                options: string[];
                position: number;
                required: boolean;
                /** @enum {string} */
                type: "text" | "long_text" | "number" | "date" | "email" | "url" | "domain" | "single_select" | "multi_select" | "checkbox";
              })[];
            /** @enum {string|null} */
            icon: "alert-triangle" | "briefcase" | "bug" | "building" | "bulb" | "calendar" | "camera" | "certificate" | "clock" | "cloud" | "cpu" | "credit-card" | "database" | "device-desktop" | "device-laptop" | "device-mobile" | "file-text" | "folder" | "headset" | "help" | "id-badge" | "info-circle" | "key" | "keyboard" | "lifebuoy" | "lock" | "mail" | "message" | "mouse" | "network" | "package" | "phone" | "plug" | "printer" | "receipt" | "rocket" | "school" | "server" | "settings" | "shield-lock" | "shopping-cart" | "stethoscope" | "ticket" | "tool" | "tools" | "truck" | "user" | "user-plus" | "users" | "video" | "wifi" | "world" | null;
            id: string;
            name: string;
            requestLabel: string;
            slug: string;
            summary: string;
            ticketType: components["schemas"]["NamedRef"];
            /** @enum {string} */
            visibility: "public" | "customers" | "restricted";
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Request categories */
  listCategories: {
    responses: {
      /** @description Request categories */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            categories: ({
                /** @default null */
                description: string | null;
                id: string;
                name: string;
                /** @default null */
                parentId: string | null;
              })[];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /**
   * Messages kept by the dev mailbox (when no SMTP server is configured), newest first
   * @description The newest 100, or the newest 100 to one address (`to`) and with a part of the subject.
   */
  listDevMailboxMessages: {
    parameters: {
      query?: {
        to?: string;
        subject?: string;
      };
    };
    responses: {
      /** @description Messages kept by the dev mailbox (when no SMTP server is configured), newest first */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            messages: ({
                /** Format: date-time */
                createdAt: string;
                id: string;
                sentAt: string | null;
                subject: string;
                to: string;
              })[];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** One message in the dev mailbox */
  getDevMailboxMessage: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description One message in the dev mailbox */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            /** Format: date-time */
            createdAt: string;
            html: string;
            id: string;
            messageId: string;
            replyTo: string | null;
            sentAt: string | null;
            subject: string;
            text: string;
            to: string;
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /**
   * The organizations that changed since a cursor or a time, with deletions
   * @description Changes in the order they happened (last change, then id), deletions as tombstones. Start with `since` (or from the beginning), then pass each page's `nextCursor` back; store the last one and ask again later for what changed since. See docs/api.md, "Incremental export".
   */
  listExportOrganizations: {
    parameters: {
      query?: {
        cursor?: string;
        since?: string;
        limit?: number;
      };
    };
    responses: {
      /** @description The organizations that changed since a cursor or a time, with deletions */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            changes: (OneOf<[{
                changedAt: string;
                id: string;
                record: {
                  createdAt: string;
                  id: string;
                  name: string;
                  parentId: string | null;
                  updatedAt: string;
                };
                /** @enum {string} */
                type: "changed";
              }, {
                changedAt: string;
                id: string;
                /** @enum {string} */
                type: "deleted";
              }]>)[];
            hasMore: boolean;
            nextCursor: string;
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      413: components["responses"]["PayloadTooLarge"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /**
   * The tickets that changed since a cursor or a time, with deletions
   * @description Changes in the order they happened (last change, then id), deletions as tombstones. Start with `since` (or from the beginning), then pass each page's `nextCursor` back; store the last one and ask again later for what changed since. See docs/api.md, "Incremental export".
   */
  listExportTickets: {
    parameters: {
      query?: {
        cursor?: string;
        since?: string;
        limit?: number;
      };
    };
    responses: {
      /** @description The tickets that changed since a cursor or a time, with deletions */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            changes: (OneOf<[{
                changedAt: string;
                id: string;
                record: {
                  assigneeId: string | null;
                  categoryId: string | null;
                  channel: string;
                  createdAt: string;
                  groupId: string | null;
                  id: string;
                  number: number;
                  organizationId: string | null;
                  priority: string;
                  requester: {
                    /** Format: email */
                    email: string;
                    id: string | null;
                    name: string;
                  };
                  solvedAt: string | null;
                  status: {
                    category: string;
                    id: string;
                    name: string;
                  };
                  subject: string;
                  ticketTypeId: string | null;
                  updatedAt: string;
                };
                /** @enum {string} */
                type: "changed";
              }, {
                changedAt: string;
                id: string;
                /** @enum {string} */
                type: "deleted";
              }]>)[];
            hasMore: boolean;
            nextCursor: string;
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      413: components["responses"]["PayloadTooLarge"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /**
   * The users that changed since a cursor or a time, with deletions
   * @description Changes in the order they happened (last change, then id), deletions as tombstones. Start with `since` (or from the beginning), then pass each page's `nextCursor` back; store the last one and ask again later for what changed since. See docs/api.md, "Incremental export".
   */
  listExportUsers: {
    parameters: {
      query?: {
        cursor?: string;
        since?: string;
        limit?: number;
      };
    };
    responses: {
      /** @description The users that changed since a cursor or a time, with deletions */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            changes: OneOf<[{
                changedAt: string;
                id: string;
                record: {
                  createdAt: string;
                  disabled: boolean;
                  /** Format: email */
                  email: string;
                  id: string;
                  licence: string;
                  name: string;
                  organizationIds: string[];
                  updatedAt: string;
                };
                /** @enum {string} */
                type: "changed";
              }, {
                changedAt: string;
                id: string;
                /** @enum {string} */
                type: "deleted";
              }]>[];
            hasMore: boolean;
            nextCursor: string;
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      413: components["responses"]["PayloadTooLarge"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Open a guest session for one ticket with the token of an emailed access link */
  createGuestSession: {
    requestBody: {
      content: {
        "application/json": {
          token: string;
        };
      };
    };
    responses: {
      /** @description Done; the body is the result. */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            csrfToken: string | null;
            /** @default null */
            guest: {
              /** Format: email */
              email: string;
              ticketNumber: number;
            } | null;
            user: ({
              /** Format: email */
              email: string;
              id: string;
              /** @enum {string} */
              licence: "customer" | "agent" | "admin";
              name: string;
              permissions: string[];
            }) | null;
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Flag an article as outdated, for its editors to look at */
  flagKbArticleOutdated: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          /** @default */
          note?: string;
          ticketNumber?: number;
        };
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** A published article the reader may see, in their language when it has a published translation */
  getKbArticle: {
    parameters: {
      query?: {
        lang?: string;
      };
      path: {
        slug: string;
      };
    };
    responses: {
      /** @description A published article the reader may see, in their language when it has a published translation */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            body: string;
            breadcrumbs: {
                id: string;
                name: string;
                slug: string;
              }[];
            categoryId: string | null;
            helpful: {
              mine: boolean | null;
              total: number;
              yes: number;
            };
            id: string;
            language: string;
            languages: string[];
            related: ({
                categoryId: string | null;
                id: string;
                slug: string;
                summary: string;
                title: string;
                updatedAt: string;
              })[];
            slug: string;
            summary: string;
            tags: string[];
            title: string;
            updatedAt: string;
            /** @enum {string} */
            visibility: "public" | "customers" | "restricted" | "internal";
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Was this article helpful? One vote per person or browser; voting again changes it */
  voteKbArticle: {
    parameters: {
      path: {
        slug: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          comment?: string;
          helpful: boolean;
        };
      };
    };
    responses: {
      /** @description Done; the body is the result. */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            mine: boolean | null;
            total: number;
            yes: number;
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** A category with its sections and the articles the reader may see */
  getKbCategory: {
    parameters: {
      path: {
        slug: string;
      };
    };
    responses: {
      /** @description A category with its sections and the articles the reader may see */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            articles: ({
                categoryId: string | null;
                id: string;
                slug: string;
                summary: string;
                title: string;
                updatedAt: string;
              })[];
            breadcrumbs: {
                id: string;
                name: string;
                slug: string;
              }[];
            category: {
              description: string;
              /** @enum {string|null} */
              icon: "alert-triangle" | "briefcase" | "bug" | "building" | "bulb" | "calendar" | "camera" | "certificate" | "clock" | "cloud" | "cpu" | "credit-card" | "database" | "device-desktop" | "device-laptop" | "device-mobile" | "file-text" | "folder" | "headset" | "help" | "id-badge" | "info-circle" | "key" | "keyboard" | "lifebuoy" | "lock" | "mail" | "message" | "mouse" | "network" | "package" | "phone" | "plug" | "printer" | "receipt" | "rocket" | "school" | "server" | "settings" | "shield-lock" | "shopping-cart" | "stethoscope" | "ticket" | "tool" | "tools" | "truck" | "user" | "user-plus" | "users" | "video" | "wifi" | "world" | null;
              id: string;
              name: string;
              parentId: string | null;
              position: number;
              slug: string;
            };
            sections: ({
                articles: ({
                    categoryId: string | null;
                    id: string;
                    slug: string;
                    summary: string;
                    title: string;
                    updatedAt: string;
                  })[];
                description: string;
                /** @enum {string|null} */
                icon: "alert-triangle" | "briefcase" | "bug" | "building" | "bulb" | "calendar" | "camera" | "certificate" | "clock" | "cloud" | "cpu" | "credit-card" | "database" | "device-desktop" | "device-laptop" | "device-mobile" | "file-text" | "folder" | "headset" | "help" | "id-badge" | "info-circle" | "key" | "keyboard" | "lifebuoy" | "lock" | "mail" | "message" | "mouse" | "network" | "package" | "phone" | "plug" | "printer" | "receipt" | "rocket" | "school" | "server" | "settings" | "shield-lock" | "shopping-cart" | "stethoscope" | "ticket" | "tool" | "tools" | "truck" | "user" | "user-plus" | "users" | "video" | "wifi" | "world" | null;
                id: string;
                name: string;
                parentId: string | null;
                position: number;
                slug: string;
              })[];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** The Help Centre's front page */
  getKbHome: {
    responses: {
      /** @description The Help Centre's front page */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            categories: ({
                articleCount: number;
                description: string;
                /** @enum {string|null} */
                icon: "alert-triangle" | "briefcase" | "bug" | "building" | "bulb" | "calendar" | "camera" | "certificate" | "clock" | "cloud" | "cpu" | "credit-card" | "database" | "device-desktop" | "device-laptop" | "device-mobile" | "file-text" | "folder" | "headset" | "help" | "id-badge" | "info-circle" | "key" | "keyboard" | "lifebuoy" | "lock" | "mail" | "message" | "mouse" | "network" | "package" | "phone" | "plug" | "printer" | "receipt" | "rocket" | "school" | "server" | "settings" | "shield-lock" | "shopping-cart" | "stethoscope" | "ticket" | "tool" | "tools" | "truck" | "user" | "user-plus" | "users" | "video" | "wifi" | "world" | null;
                id: string;
                name: string;
                parentId: string | null;
                position: number;
                slug: string;
              })[];
            popular: ({
                categoryId: string | null;
                id: string;
                slug: string;
                summary: string;
                title: string;
                updatedAt: string;
              })[];
            recent: ({
                categoryId: string | null;
                id: string;
                slug: string;
                summary: string;
                title: string;
                updatedAt: string;
              })[];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** An image shown in an article the reader may read */
  getKbImage: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description An image shown in an article the reader may read */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Search the articles the reader may see; a search that finds nothing is recorded */
  searchKbArticles: {
    parameters: {
      query: {
        q: string;
      };
    };
    responses: {
      /** @description Search the articles the reader may see; a search that finds nothing is recorded */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            articles: ({
                category: {
                  id: string;
                  name: string;
                  slug: string;
                } | null;
                categoryId: string | null;
                id: string;
                slug: string;
                snippet: string;
                summary: string;
                title: string;
                updatedAt: string;
              })[];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Up to five articles for a request form's subject; they are remembered for the form's visit */
  suggestKbArticles: {
    requestBody: {
      content: {
        "application/json": {
          subject: string;
          /** Format: uuid */
          token: string;
        };
      };
    };
    responses: {
      /** @description Done; the body is the result. */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            articles: ({
                categoryId: string | null;
                id: string;
                slug: string;
                summary: string;
                title: string;
                updatedAt: string;
              })[];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** The requester opened an article their form offered */
  recordKbSuggestionOpened: {
    requestBody: {
      content: {
        "application/json": {
          /** Format: uuid */
          articleId: string;
          /** Format: uuid */
          token: string;
        };
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Server-sent events: `ticket` when a ticket you may see changes, and (agents, with ?ticket=N) `presence` of who else has it open */
  streamLiveChanges: {
    parameters: {
      query?: {
        ticket?: string;
      };
    };
    responses: {
      /** @description Server-sent events: `ticket` when a ticket you may see changes, and (agents, with ?ticket=N) `presence` of who else has it open */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "text/event-stream": string;
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** The language, writing direction and time zone to show this visitor */
  getLocale: {
    responses: {
      /** @description The language, writing direction and time zone to show this visitor */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            /** @enum {string} */
            defaultLocale: "en" | "de" | "es" | "fr" | "ar" | "en-XA";
            /** @enum {string} */
            direction: "ltr" | "rtl";
            /** @enum {string} */
            locale: "en" | "de" | "es" | "fr" | "ar" | "en-XA";
            /** @enum {string|null} */
            profileLocale: "en" | "de" | "es" | "fr" | "ar" | "en-XA" | null;
            pseudoAvailable: boolean;
            timeZone: string | null;
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Agents: the shared macros and my own */
  listMacros: {
    responses: {
      /** @description Agents: the shared macros and my own */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            macros: ({
                assigneeId: string | null;
                body: string;
                editable: boolean;
                groupId: string | null;
                id: string;
                name: string;
                /** @enum {string|null} */
                priority: "low" | "medium" | "high" | "urgent" | null;
                shared: boolean;
                statusId: string | null;
              })[];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Agents: add a macro of my own; administrators: a shared one */
  createMacro: {
    requestBody: {
      content: {
        "application/json": {
          /** @default null */
          assigneeId?: string | null;
          /** @default */
          body?: string;
          /** @default null */
          groupId?: string | null;
          name: string;
          /**
           * @default null
           * @enum {string|null}
           */
          priority?: "low" | "medium" | "high" | "urgent" | null;
          /** @default false */
          shared?: boolean;
          /** @default null */
          statusId?: string | null;
        };
      };
    };
    responses: {
      /** @description Created; the body names what was created. */
      201: {
        headers: {
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Created"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      422: components["responses"]["IdempotencyKeyReused"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Change a macro: my own, or (administrators) a shared one */
  updateMacro: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          /** @default null */
          assigneeId?: string | null;
          /** @default */
          body?: string;
          /** @default null */
          groupId?: string | null;
          name: string;
          /**
           * @default null
           * @enum {string|null}
           */
          priority?: "low" | "medium" | "high" | "urgent" | null;
          /** @default false */
          shared?: boolean;
          /** @default null */
          statusId?: string | null;
        };
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Delete a macro: my own, or (administrators) a shared one */
  deleteMacro: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Ask for a password reset link */
  createPasswordReset: {
    requestBody: {
      content: {
        "application/json": {
          /** Format: email */
          email: string;
        };
      };
    };
    responses: {
      /** @description Accepted; what follows happens in the background (often by mail). */
      202: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            message: string;
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Choose a new password with the token from the reset mail */
  completePasswordReset: {
    requestBody: {
      content: {
        "application/json": {
          password: string;
          token: string;
        };
      };
    };
    responses: {
      /** @description Done; the body is the result. */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            message: string;
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Agents and groups report */
  getAgentsReport: {
    parameters: {
      query: {
        from: string;
        to: string;
        timeZone?: string;
        interval?: "day" | "week" | "month";
        clock?: "business" | "calendar";
        groupId?: string;
        assigneeId?: string;
        priority?: "low" | "medium" | "high" | "urgent";
        serviceId?: string;
        channel?: "web" | "email" | "phone" | "walk_in";
        organizationId?: string;
      };
    };
    responses: {
      /** @description Agents and groups report */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            figures: ({
                higherIsBetter: boolean;
                key: string;
                /** @enum {string} */
                kind: "text" | "count" | "percent" | "minutes" | "date" | "rating";
                label: string;
                previous: number | null;
                tickets?: string;
                value: number | null;
              })[];
            /** @enum {string} */
            kind: "overview" | "volume" | "efficiency" | "sla" | "agents" | "satisfaction";
            range: {
              from: string;
              previousFrom: string;
              previousTo: string;
              timeZone: string;
              to: string;
            };
            tables: ({
                columns: ({
                    key: string;
                    /** @enum {string} */
                    kind: "text" | "count" | "percent" | "minutes" | "date" | "rating";
                    label: string;
                  })[];
                key: string;
                rows: ({
                    cells: {
                      [key: string]: string | number | null;
                    };
                    codes?: {
                      [key: string]: string;
                    };
                    ticketNumber?: number;
                    tickets?: string;
                  })[];
                title: string;
              })[];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Efficiency report */
  getEfficiencyReport: {
    parameters: {
      query: {
        from: string;
        to: string;
        timeZone?: string;
        interval?: "day" | "week" | "month";
        clock?: "business" | "calendar";
        groupId?: string;
        assigneeId?: string;
        priority?: "low" | "medium" | "high" | "urgent";
        serviceId?: string;
        channel?: "web" | "email" | "phone" | "walk_in";
        organizationId?: string;
      };
    };
    responses: {
      /** @description Efficiency report */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            figures: ({
                higherIsBetter: boolean;
                key: string;
                /** @enum {string} */
                kind: "text" | "count" | "percent" | "minutes" | "date" | "rating";
                label: string;
                previous: number | null;
                tickets?: string;
                value: number | null;
              })[];
            /** @enum {string} */
            kind: "overview" | "volume" | "efficiency" | "sla" | "agents" | "satisfaction";
            range: {
              from: string;
              previousFrom: string;
              previousTo: string;
              timeZone: string;
              to: string;
            };
            tables: ({
                columns: ({
                    key: string;
                    /** @enum {string} */
                    kind: "text" | "count" | "percent" | "minutes" | "date" | "rating";
                    label: string;
                  })[];
                key: string;
                rows: ({
                    cells: {
                      [key: string]: string | number | null;
                    };
                    codes?: {
                      [key: string]: string;
                    };
                    ticketNumber?: number;
                    tickets?: string;
                  })[];
                title: string;
              })[];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Services and organizations the reports can be filtered by */
  getReportOptions: {
    responses: {
      /** @description Services and organizations the reports can be filtered by */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            organizations: components["schemas"]["NamedRef"][];
            services: components["schemas"]["NamedRef"][];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Overview report */
  getOverviewReport: {
    parameters: {
      query: {
        from: string;
        to: string;
        timeZone?: string;
        interval?: "day" | "week" | "month";
        clock?: "business" | "calendar";
        groupId?: string;
        assigneeId?: string;
        priority?: "low" | "medium" | "high" | "urgent";
        serviceId?: string;
        channel?: "web" | "email" | "phone" | "walk_in";
        organizationId?: string;
      };
    };
    responses: {
      /** @description Overview report */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            figures: ({
                higherIsBetter: boolean;
                key: string;
                /** @enum {string} */
                kind: "text" | "count" | "percent" | "minutes" | "date" | "rating";
                label: string;
                previous: number | null;
                tickets?: string;
                value: number | null;
              })[];
            /** @enum {string} */
            kind: "overview" | "volume" | "efficiency" | "sla" | "agents" | "satisfaction";
            range: {
              from: string;
              previousFrom: string;
              previousTo: string;
              timeZone: string;
              to: string;
            };
            tables: ({
                columns: ({
                    key: string;
                    /** @enum {string} */
                    kind: "text" | "count" | "percent" | "minutes" | "date" | "rating";
                    label: string;
                  })[];
                key: string;
                rows: ({
                    cells: {
                      [key: string]: string | number | null;
                    };
                    codes?: {
                      [key: string]: string;
                    };
                    ticketNumber?: number;
                    tickets?: string;
                  })[];
                title: string;
              })[];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Satisfaction report */
  getSatisfactionReport: {
    parameters: {
      query: {
        from: string;
        to: string;
        timeZone?: string;
        interval?: "day" | "week" | "month";
        clock?: "business" | "calendar";
        groupId?: string;
        assigneeId?: string;
        priority?: "low" | "medium" | "high" | "urgent";
        serviceId?: string;
        channel?: "web" | "email" | "phone" | "walk_in";
        organizationId?: string;
      };
    };
    responses: {
      /** @description Satisfaction report */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            figures: ({
                higherIsBetter: boolean;
                key: string;
                /** @enum {string} */
                kind: "text" | "count" | "percent" | "minutes" | "date" | "rating";
                label: string;
                previous: number | null;
                tickets?: string;
                value: number | null;
              })[];
            /** @enum {string} */
            kind: "overview" | "volume" | "efficiency" | "sla" | "agents" | "satisfaction";
            range: {
              from: string;
              previousFrom: string;
              previousTo: string;
              timeZone: string;
              to: string;
            };
            tables: ({
                columns: ({
                    key: string;
                    /** @enum {string} */
                    kind: "text" | "count" | "percent" | "minutes" | "date" | "rating";
                    label: string;
                  })[];
                key: string;
                rows: ({
                    cells: {
                      [key: string]: string | number | null;
                    };
                    codes?: {
                      [key: string]: string;
                    };
                    ticketNumber?: number;
                    tickets?: string;
                  })[];
                title: string;
              })[];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Service levels report */
  getSlaReport: {
    parameters: {
      query: {
        from: string;
        to: string;
        timeZone?: string;
        interval?: "day" | "week" | "month";
        clock?: "business" | "calendar";
        groupId?: string;
        assigneeId?: string;
        priority?: "low" | "medium" | "high" | "urgent";
        serviceId?: string;
        channel?: "web" | "email" | "phone" | "walk_in";
        organizationId?: string;
      };
    };
    responses: {
      /** @description Service levels report */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            figures: ({
                higherIsBetter: boolean;
                key: string;
                /** @enum {string} */
                kind: "text" | "count" | "percent" | "minutes" | "date" | "rating";
                label: string;
                previous: number | null;
                tickets?: string;
                value: number | null;
              })[];
            /** @enum {string} */
            kind: "overview" | "volume" | "efficiency" | "sla" | "agents" | "satisfaction";
            range: {
              from: string;
              previousFrom: string;
              previousTo: string;
              timeZone: string;
              to: string;
            };
            tables: ({
                columns: ({
                    key: string;
                    /** @enum {string} */
                    kind: "text" | "count" | "percent" | "minutes" | "date" | "rating";
                    label: string;
                  })[];
                key: string;
                rows: ({
                    cells: {
                      [key: string]: string | number | null;
                    };
                    codes?: {
                      [key: string]: string;
                    };
                    ticketNumber?: number;
                    tickets?: string;
                  })[];
                title: string;
              })[];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Volume report */
  getVolumeReport: {
    parameters: {
      query: {
        from: string;
        to: string;
        timeZone?: string;
        interval?: "day" | "week" | "month";
        clock?: "business" | "calendar";
        groupId?: string;
        assigneeId?: string;
        priority?: "low" | "medium" | "high" | "urgent";
        serviceId?: string;
        channel?: "web" | "email" | "phone" | "walk_in";
        organizationId?: string;
      };
    };
    responses: {
      /** @description Volume report */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            figures: ({
                higherIsBetter: boolean;
                key: string;
                /** @enum {string} */
                kind: "text" | "count" | "percent" | "minutes" | "date" | "rating";
                label: string;
                previous: number | null;
                tickets?: string;
                value: number | null;
              })[];
            /** @enum {string} */
            kind: "overview" | "volume" | "efficiency" | "sla" | "agents" | "satisfaction";
            range: {
              from: string;
              previousFrom: string;
              previousTo: string;
              timeZone: string;
              to: string;
            };
            tables: ({
                columns: ({
                    key: string;
                    /** @enum {string} */
                    kind: "text" | "count" | "percent" | "minutes" | "date" | "rating";
                    label: string;
                  })[];
                key: string;
                rows: ({
                    cells: {
                      [key: string]: string | number | null;
                    };
                    codes?: {
                      [key: string]: string;
                    };
                    ticketNumber?: number;
                    tickets?: string;
                  })[];
                title: string;
              })[];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** The survey behind a rating link: the ticket's number and subject, the answer so far, the reasons */
  getSatisfaction: {
    parameters: {
      path: {
        token: string;
      };
    };
    responses: {
      /** @description The survey behind a rating link: the ticket's number and subject, the answer so far, the reasons */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            answer: ({
              comment: string | null;
              /** Format: date-time */
              ratedAt: string;
              /** @enum {string} */
              rating: "good" | "bad";
              reason: string | null;
            }) | null;
            canRate: boolean;
            reasons: {
                id: string;
                label: string;
              }[];
            subject: string;
            surveySentAt: string | null;
            ticketNumber: number;
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      413: components["responses"]["PayloadTooLarge"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Rate the support through the survey link (Good or Bad, an optional comment and reason) */
  createSatisfaction: {
    parameters: {
      path: {
        token: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          comment?: string;
          /** @enum {string} */
          rating: "good" | "bad";
          reasonId?: string | null;
        };
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Full-text search over the tickets the caller may see: words match as prefixes, "quoted phrases" exactly; #1234, an email, priority:, status: and <field>: filter */
  searchTickets: {
    parameters: {
      query: {
        q: string;
        limit?: number;
      };
    };
    responses: {
      /** @description Full-text search over the tickets the caller may see: words match as prefixes, "quoted phrases" exactly; #1234, an email, priority:, status: and <field>: filter */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["SearchResults"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      413: components["responses"]["PayloadTooLarge"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Who is signed in, and the CSRF token to send with writes */
  getSession: {
    responses: {
      /** @description Who is signed in, and the CSRF token to send with writes */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            csrfToken: string | null;
            /** @default null */
            guest: {
              /** Format: email */
              email: string;
              ticketNumber: number;
            } | null;
            user: ({
              /** Format: email */
              email: string;
              id: string;
              /** @enum {string} */
              licence: "customer" | "agent" | "admin";
              name: string;
              permissions: string[];
            }) | null;
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Sign in with email and password */
  signIn: {
    requestBody: {
      content: {
        "application/json": {
          /** Format: email */
          email: string;
          password: string;
        };
      };
    };
    responses: {
      /** @description Done; the body is the result. */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            csrfToken: string | null;
            /** @default null */
            guest: {
              /** Format: email */
              email: string;
              ticketNumber: number;
            } | null;
            user: ({
              /** Format: email */
              email: string;
              id: string;
              /** @enum {string} */
              licence: "customer" | "agent" | "admin";
              name: string;
              permissions: string[];
            }) | null;
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Sign out (also ends a guest's access-link session) */
  signOut: {
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Guest status check: email + ticket number; an access link is mailed on a match */
  createStatusCheck: {
    requestBody: {
      content: {
        "application/json": {
          /** Format: email */
          email: string;
          number: number;
        };
      };
    };
    responses: {
      /** @description Accepted; what follows happens in the background (often by mail). */
      202: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            message: string;
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** The statuses in order: agents get both labels, everyone else the customer label */
  listStatuses: {
    responses: {
      /** @description The statuses in order: agents get both labels, everyone else the customer label */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            statuses: components["schemas"]["Status"][];
          } | {
            statuses: components["schemas"]["CustomerStatus"][];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** List tickets, newest first */
  listTickets: {
    parameters: {
      query?: {
        view?: "all" | "mine" | "department";
        statusId?: string | string[];
        q?: string;
        tag?: string | string[];
        sort?: "created" | "updated";
        cursor?: string;
        limit?: number;
      };
    };
    responses: {
      /** @description List tickets, newest first */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["TicketPage"] | components["schemas"]["CustomerTicketPage"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      413: components["responses"]["PayloadTooLarge"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Submit a request (JSON; use /api/v1/tickets/with-attachments to attach files) */
  createTicket: {
    requestBody: {
      content: {
        "application/json": components["schemas"]["TicketSubmission"];
      };
    };
    responses: {
      /** @description Created; the body names what was created. */
      201: {
        headers: {
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["TicketSubmitted"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      422: components["responses"]["IdempotencyKeyReused"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /**
   * One ticket by its number, with the custom fields and attachments the caller may see
   * @description The `ETag` header names this version of the ticket; send it as `If-Match` when you change it.
   */
  getTicket: {
    parameters: {
      path: {
        /** @description The ticket's number, as people see it (#1042 is 1042). */
        number: number;
      };
    };
    responses: {
      /** @description One ticket by its number, with the custom fields and attachments the caller may see */
      200: {
        headers: {
          /** @description The version of the ticket this answer shows (a strong validator); send it as `If-Match` to change it. */
          ETag: string;
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Ticket"] | components["schemas"]["CustomerTicket"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      413: components["responses"]["PayloadTooLarge"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Admins: delete the ticket. It leaves every list, count and search at once; it can be restored until the retention period ends, then it is purged */
  deleteTicket: {
    parameters: {
      path: {
        /** @description The ticket's number, as people see it (#1042 is 1042). */
        number: number;
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      413: components["responses"]["PayloadTooLarge"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /**
   * Update a ticket (agents): subject, priority, status, assignee, group, category, type and fields
   * @description Send `If-Match` with the ETag of GET /api/v1/tickets/{number} to change only the version you read: a ticket changed since answers 412 `precondition_failed`. The answer carries the new ETag.
   */
  updateTicket: {
    parameters: {
      path: {
        /** @description The ticket's number, as people see it (#1042 is 1042). */
        number: number;
      };
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["TicketUpdate"];
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          ETag: components["headers"]["ETag"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      412: components["responses"]["PreconditionFailed"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** My active alerts on this ticket */
  listTicketAlerts: {
    parameters: {
      path: {
        /** @description The ticket's number, as people see it (#1042 is 1042). */
        number: number;
      };
    };
    responses: {
      /** @description My active alerts on this ticket */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            active: ("all_tasks_complete" | "ticket_completed" | "ticket_due" | "ticket_in_process" | "ticket_overdue")[];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      413: components["responses"]["PayloadTooLarge"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Add an alert */
  subscribeTicketAlert: {
    parameters: {
      path: {
        /** @description The ticket's number, as people see it (#1042 is 1042). */
        number: number;
        kind: "all_tasks_complete" | "ticket_completed" | "ticket_due" | "ticket_in_process" | "ticket_overdue";
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      413: components["responses"]["PayloadTooLarge"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Remove an alert */
  unsubscribeTicketAlert: {
    parameters: {
      path: {
        /** @description The ticket's number, as people see it (#1042 is 1042). */
        number: number;
        kind: "all_tasks_complete" | "ticket_completed" | "ticket_due" | "ticket_in_process" | "ticket_overdue";
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      413: components["responses"]["PayloadTooLarge"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Copy someone on the ticket */
  addTicketCc: {
    parameters: {
      path: {
        /** @description The ticket's number, as people see it (#1042 is 1042). */
        number: number;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          /** Format: email */
          email: string;
        };
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Stop copying someone on the ticket */
  removeTicketCc: {
    parameters: {
      path: {
        /** @description The ticket's number, as people see it (#1042 is 1042). */
        number: number;
        email: string;
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Add a public comment, or (agents) a private comment or an internal note */
  createTicketComment: {
    parameters: {
      path: {
        /** @description The ticket's number, as people see it (#1042 is 1042). */
        number: number;
      };
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Comment"];
      };
    };
    responses: {
      /** @description Created; the body names what was created. */
      201: {
        headers: {
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Created"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      422: components["responses"]["IdempotencyKeyReused"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** One comment or note with its latest words (private comments and notes: agents only) */
  getTicketComment: {
    parameters: {
      path: {
        /** @description The ticket's number, as people see it (#1042 is 1042). */
        number: number;
        id: string;
      };
    };
    responses: {
      /** @description One comment or note with its latest words (private comments and notes: agents only) */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["CommentDetail"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      413: components["responses"]["PayloadTooLarge"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Agents: remove a comment; the Feed says who removed it instead of its words */
  deleteTicketComment: {
    parameters: {
      path: {
        /** @description The ticket's number, as people see it (#1042 is 1042). */
        number: number;
        id: string;
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      413: components["responses"]["PayloadTooLarge"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Agents: change a comment's words; the words before stay in the Feed, customers see it marked edited */
  updateTicketComment: {
    parameters: {
      path: {
        /** @description The ticket's number, as people see it (#1042 is 1042). */
        number: number;
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["CommentEdit"];
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Add a comment with files: multipart/form-data with a `comment` part (the JSON of POST /api/v1/tickets/:number/comments) and up to 10 `attachments` of at most 10 MB each */
  createTicketCommentWithAttachments: {
    parameters: {
      path: {
        /** @description The ticket's number, as people see it (#1042 is 1042). */
        number: number;
      };
    };
    requestBody: {
      content: {
        "multipart/form-data": {
          attachments?: string[];
          comment: components["schemas"]["Comment"];
        };
      };
    };
    responses: {
      /** @description Created; the body names what was created. */
      201: {
        headers: {
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Created"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      422: components["responses"]["IdempotencyKeyReused"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** The ticket's history, oldest first: what was asked, comments, notes (agents) and status changes */
  getTicketFeed: {
    parameters: {
      path: {
        /** @description The ticket's number, as people see it (#1042 is 1042). */
        number: number;
      };
    };
    responses: {
      /** @description The ticket's history, oldest first: what was asked, comments, notes (agents) and status changes */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Feed"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      413: components["responses"]["PayloadTooLarge"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Open a follow-up to a closed ticket (or a solved one past the reopen window) */
  createTicketFollowUp: {
    parameters: {
      path: {
        /** @description The ticket's number, as people see it (#1042 is 1042). */
        number: number;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          message: string;
          /**
           * @default text
           * @enum {string}
           */
          messageFormat?: "text" | "html";
          subject: string;
        };
      };
    };
    responses: {
      /** @description Created; the body names what was created. */
      201: {
        headers: {
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["TicketSubmitted"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      422: components["responses"]["IdempotencyKeyReused"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Write a draft article from this ticket's question and the latest public answer */
  createKbArticleFromTicket: {
    parameters: {
      path: {
        /** @description The ticket's number, as people see it (#1042 is 1042). */
        number: number;
      };
    };
    responses: {
      /** @description Created; the body names what was created. */
      201: {
        headers: {
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            id: string;
            slug: string;
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      422: components["responses"]["IdempotencyKeyReused"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** The articles the requester was offered while writing this ticket */
  listTicketKbSuggestions: {
    parameters: {
      path: {
        /** @description The ticket's number, as people see it (#1042 is 1042). */
        number: number;
      };
    };
    responses: {
      /** @description The articles the requester was offered while writing this ticket */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            articles: ({
                categoryId: string | null;
                id: string;
                opened: boolean;
                slug: string;
                summary: string;
                title: string;
                updatedAt: string;
              })[];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Agents: linked tickets, the ticket this one was merged into, and those merged into it */
  listTicketLinks: {
    parameters: {
      path: {
        /** @description The ticket's number, as people see it (#1042 is 1042). */
        number: number;
      };
    };
    responses: {
      /** @description Agents: linked tickets, the ticket this one was merged into, and those merged into it */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            links: {
                number: number;
                status: string;
                subject: string;
              }[];
            mergedFrom: {
                number: number;
                status: string;
                subject: string;
              }[];
            mergedInto: {
              number: number;
              status: string;
              subject: string;
            } | null;
          };
        };
      };
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Agents: link another ticket to this one (both show the link) */
  createTicketLink: {
    parameters: {
      path: {
        /** @description The ticket's number, as people see it (#1042 is 1042). */
        number: number;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          number: number;
        };
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Agents: remove the link between two tickets */
  deleteTicketLink: {
    parameters: {
      path: {
        /** @description The ticket's number, as people see it (#1042 is 1042). */
        number: number;
        other: string;
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Agents: set the macro's fields on the ticket and get its text, placeholders filled, to send */
  applyTicketMacro: {
    parameters: {
      path: {
        /** @description The ticket's number, as people see it (#1042 is 1042). */
        number: number;
        id: string;
      };
    };
    responses: {
      /** @description Done; the body is the result. */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            body: string;
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Agents: merge this ticket (a duplicate) into another; it closes and its requester is told */
  mergeTicket: {
    parameters: {
      path: {
        /** @description The ticket's number, as people see it (#1042 is 1042). */
        number: number;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          into: number;
        };
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Agents: say you are viewing or typing on a ticket (repeat every 15 s), or that you left */
  reportTicketPresence: {
    parameters: {
      path: {
        /** @description The ticket's number, as people see it (#1042 is 1042). */
        number: number;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          /** @enum {string} */
          state: "viewing" | "typing" | "left";
        };
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Who opened the ticket, and when last */
  getTicketReadBy: {
    parameters: {
      path: {
        /** @description The ticket's number, as people see it (#1042 is 1042). */
        number: number;
      };
    };
    responses: {
      /** @description Who opened the ticket, and when last */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            readers: ({
                /** Format: date-time */
                at: string;
                name: string;
                /** @enum {string} */
                role: "agent" | "customer";
              })[];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      413: components["responses"]["PayloadTooLarge"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** The ticket's satisfaction rating (agents and the requester) and whether the caller may rate now */
  getTicketSatisfaction: {
    parameters: {
      path: {
        /** @description The ticket's number, as people see it (#1042 is 1042). */
        number: number;
      };
    };
    responses: {
      /** @description The ticket's satisfaction rating (agents and the requester) and whether the caller may rate now */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            answer: ({
              comment: string | null;
              /** Format: date-time */
              ratedAt: string;
              /** @enum {string} */
              rating: "good" | "bad";
              reason: string | null;
            }) | null;
            canRate: boolean;
            reasons: {
                id: string;
                label: string;
              }[];
            surveySentAt: string | null;
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      413: components["responses"]["PayloadTooLarge"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** The requester rates the support on their solved ticket (or changes the rating until it closes) */
  createTicketSatisfaction: {
    parameters: {
      path: {
        /** @description The ticket's number, as people see it (#1042 is 1042). */
        number: number;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          comment?: string;
          /** @enum {string} */
          rating: "good" | "bad";
          reasonId?: string | null;
        };
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Requester: mark as solved (with an optional comment) */
  solveTicket: {
    parameters: {
      path: {
        /** @description The ticket's number, as people see it (#1042 is 1042). */
        number: number;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          comment?: {
            attachments?: components["schemas"]["UploadTokens"];
            body: string;
            /**
             * @default text
             * @enum {string}
             */
            format?: "text" | "html";
            /**
             * @default public
             * @enum {string}
             */
            kind?: "public" | "private" | "note";
            notify?: string[];
          };
        };
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Agents: change the status (with an optional comment first) */
  changeTicketStatus: {
    parameters: {
      path: {
        /** @description The ticket's number, as people see it (#1042 is 1042). */
        number: number;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          comment?: {
            attachments?: components["schemas"]["UploadTokens"];
            body: string;
            /**
             * @default text
             * @enum {string}
             */
            format?: "text" | "html";
            /**
             * @default public
             * @enum {string}
             */
            kind?: "public" | "private" | "note";
            notify?: string[];
          };
          /** Format: uuid */
          statusId: string;
        };
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Agents: the ticket's tags, in alphabetical order */
  listTicketTags: {
    parameters: {
      path: {
        /** @description The ticket's number, as people see it (#1042 is 1042). */
        number: number;
      };
    };
    responses: {
      /** @description Agents: the ticket's tags, in alphabetical order */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["TagList"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      413: components["responses"]["PayloadTooLarge"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Agents: tag the ticket (lowercased; at most 40 characters, 20 tags a ticket); a tag already there is no change */
  updateTicketTag: {
    parameters: {
      path: {
        /** @description The ticket's number, as people see it (#1042 is 1042). */
        number: number;
        tag: string;
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Agents: remove a tag from the ticket; a tag it does not carry is no change */
  deleteTicketTag: {
    parameters: {
      path: {
        /** @description The ticket's number, as people see it (#1042 is 1042). */
        number: number;
        tag: string;
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      413: components["responses"]["PayloadTooLarge"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Agents: the ticket's tasks, oldest first, and the agents a task can be given to */
  listTicketTasks: {
    parameters: {
      path: {
        /** @description The ticket's number, as people see it (#1042 is 1042). */
        number: number;
      };
    };
    responses: {
      /** @description Agents: the ticket's tasks, oldest first, and the agents a task can be given to */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            assignees: components["schemas"]["NamedRef"][];
            tasks: ({
                assignee: components["schemas"]["NamedRef"] | null;
                /** Format: date-time */
                createdAt: string;
                createdBy: string;
                done: boolean;
                doneAt: string | null;
                doneBy: string | null;
                dueOn: string | null;
                id: string;
                title: string;
              })[];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Agents: add a task (title, optional assignee and due date) */
  createTicketTask: {
    parameters: {
      path: {
        /** @description The ticket's number, as people see it (#1042 is 1042). */
        number: number;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          /** @default null */
          assigneeId?: string | null;
          /** @default null */
          dueOn?: string | null;
          title: string;
        };
      };
    };
    responses: {
      /** @description Created; the body names what was created. */
      201: {
        headers: {
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Created"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      422: components["responses"]["IdempotencyKeyReused"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Agents: remove a task */
  deleteTicketTask: {
    parameters: {
      path: {
        /** @description The ticket's number, as people see it (#1042 is 1042). */
        number: number;
        id: string;
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Agents: change a task, tick it off or open it again */
  updateTicketTask: {
    parameters: {
      path: {
        /** @description The ticket's number, as people see it (#1042 is 1042). */
        number: number;
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          assigneeId?: string | null;
          done?: boolean;
          dueOn?: string | null;
          title?: string;
        };
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Record that the caller opened the ticket (for Read By) */
  recordTicketView: {
    parameters: {
      path: {
        /** @description The ticket's number, as people see it (#1042 is 1042). */
        number: number;
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      413: components["responses"]["PayloadTooLarge"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Requester: withdraw with a reason (and an optional comment) */
  withdrawTicket: {
    parameters: {
      path: {
        /** @description The ticket's number, as people see it (#1042 is 1042). */
        number: number;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          comment?: {
            attachments?: components["schemas"]["UploadTokens"];
            body: string;
            /**
             * @default text
             * @enum {string}
             */
            format?: "text" | "html";
            /**
             * @default public
             * @enum {string}
             */
            kind?: "public" | "private" | "note";
            notify?: string[];
          };
          /** Format: uuid */
          reasonId: string;
        };
      };
    };
    responses: {
      /** @description Done; there is no body. */
      204: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Submit a request with files: multipart/form-data with a `submission` part (the JSON of POST /api/v1/tickets) and up to 10 `attachments` of at most 10 MB each */
  createTicketWithAttachments: {
    requestBody: {
      content: {
        "multipart/form-data": {
          attachments?: string[];
          submission: components["schemas"]["TicketSubmission"];
        };
      };
    };
    responses: {
      /** @description Created; the body names what was created. */
      201: {
        headers: {
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["TicketSubmitted"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      422: components["responses"]["IdempotencyKeyReused"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Upload one file on its own (multipart/form-data, the part named `file`, at most 10 MB): the token attaches it to a new ticket or comment (`attachments: [token]`) within the hour */
  createUpload: {
    requestBody: {
      content: {
        "multipart/form-data": {
          /** Format: binary */
          file: string;
        };
      };
    };
    responses: {
      /** @description Created; the body names what was created. */
      201: {
        headers: {
          "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Upload"];
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      413: components["responses"]["PayloadTooLarge"];
      415: components["responses"]["UnsupportedMediaType"];
      421: components["responses"]["Misdirected"];
      422: components["responses"]["IdempotencyKeyReused"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
  /** Reasons a requester can give for withdrawing */
  listWithdrawReasons: {
    responses: {
      /** @description Reasons a requester can give for withdrawing */
      200: {
        headers: {
          "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
          "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
          "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            reasons: {
                id: string;
                label: string;
              }[];
          };
        };
      };
      400: components["responses"]["BadRequest"];
      401: components["responses"]["Unauthenticated"];
      403: components["responses"]["Forbidden"];
      421: components["responses"]["Misdirected"];
      429: components["responses"]["RateLimited"];
      503: components["responses"]["Unavailable"];
    };
  };
}
