/**
 * Walks every route in the OpenAPI document with every kind of actor and
 * checks the status each gets. A route added without a row here fails the
 * suite, so nobody can add an endpoint without deciding who may use it.
 */
import type { Kysely } from "kysely";
import { expect, it } from "vitest";
import { automationRuleInputSchema } from "../../common/automation.ts";
import { fieldInputSchema, serviceInputSchema } from "../../common/catalog.ts";
import { kbArticleInputSchema, kbCategoryInputSchema } from "../../common/kb.ts";
import { webhookInputSchema } from "../../common/webhooks.ts";
import { createUser } from "../accounts/commands/create-user.ts";
import { createApiToken } from "../accounts/commands/manage-api-tokens.ts";
import { createGroup, createOrganization, createRole } from "../accounts/commands/manage-directory.ts";
import { createRule } from "../automation/commands/manage-rules.ts";
import { createCategory, createField, createService, createTicketType } from "../catalog/commands/manage-catalog.ts";
import type { Database } from "../db/schema.ts";
import { createKbCategory } from "../kb/commands/manage-categories.ts";
import { createArticle, setArticleStatus } from "../kb/commands/save-article.ts";
import { streamStatus } from "../live/testing.ts";
import { createMailbox } from "../mail/inbound/mailboxes.ts";
import { settleInbound, storeInbound } from "../mail/inbound/store.ts";
import { createSatisfactionReason } from "../satisfaction/reasons.ts";
import { issueSurvey } from "../satisfaction/surveys.ts";
import { createCalendar, createSlaPolicy } from "../sla/commands/manage-service-levels.ts";
import { describeEachEngine } from "../test/engines.ts";
import {
  buildSubmission,
  buildTestApp,
  latestMailTo,
  linkToken,
  multipartForm,
  multipartSubmission,
  testConfig,
  testPassword,
} from "../test/factories.ts";
import { createStatus } from "../tickets/commands/manage-statuses.ts";
import { createWithdrawReason } from "../tickets/commands/manage-withdraw-reasons.ts";
import { createSavedView } from "../tickets/queues/views.ts";
import { createWebhook, sendTestEvent } from "../webhooks/commands/manage-endpoints.ts";
import type { App } from "./types.ts";

const actors = ["anonymous", "guest", "customerA", "customerB", "sameDepartment", "agent", "admin"] as const;
type ActorName = (typeof actors)[number];
type Expected = Record<ActorName, number>;
type Fixture = {
  ticketA: number;
  userId: string;
  /** People to delete and to anonymise (issue 17): their own, so the rows using `userId` keep it. */
  leaverId: string;
  erasedId: string;
  roleId: string;
  orgId: string;
  groupId: string;
  tokenId: string;
  mailId: string;
  attachmentId: string;
  categoryId: string;
  serviceId: string;
  typeId: string;
  fieldId: string;
  generalTypeId: string;
  statusId: string;
  openStatusId: string;
  ticketToSolve: number;
  ticketToWithdraw: number;
  closedTicket: number;
  withdrawReasonId: string;
  scratchReasonId: string;
  // Agent tools (tasks, links, merge, macros).
  taskId: string;
  linkedTicket: number;
  duplicateTicket: number;
  sharedMacroId: string;
  viewId: string;
  // The email channel: a mailbox without mail (changed, then deleted) and two held messages.
  mailboxId: string;
  /** A Microsoft 365 mailbox: connecting it needs no network, the endpoints are known. */
  oauthMailboxId: string;
  heldMessageId: string;
  dismissMessageId: string;
  // Service levels
  calendarId: string;
  slaPolicyId: string;
  failedJobId: string;
  ruleId: string;
  // Webhooks: a switched-off endpoint and a test delivery to it (never sent: no runner in this test).
  webhookId: string;
  deliveryId: string;
  // Knowledge base: a category to change and delete, one to read, a public and a customers-only article.
  kbCategoryId: string;
  kbArticleId: string;
  kbImageId: string;
  // Satisfaction surveys: a survey link for ticket A (the link is the credential) and a reason to change.
  surveyToken: string;
  satisfactionReasonId: string;
  // Issue 17: a comment on ticket A to read and edit, another to remove; tickets to delete and to restore.
  commentId: string;
  scratchCommentId: string;
  ticketToDelete: number;
  deletedTicket: number;
};
type Row = {
  body?: (f: Fixture) => unknown;
  path: (f: Fixture) => string;
  expected: Expected;
  /**
   * Sent as multipart/form-data with one small file; the JSON part is a submission, or `body` for a comment;
   * "image" sends a PNG; "file" sends one file in the part named `file` (a standalone upload).
   */
  multipart?: "submission" | "comment" | "image" | "file";
  /** An event stream: only its status is read. */
  stream?: boolean;
};

/** Mailboxes and held inbound messages for the email channel's admin routes. */
async function emailChannelFixture(db: Kysely<Database>) {
  const withMail = await createMailbox(db, {
    name: "Help",
    address: "help@support.example",
    groupId: null,
    categoryId: null,
    active: true,
    imap: null,
  });
  const hold = async (n: number) => {
    const raw = Buffer.from(
      `To: help@support.example\r\nSubject: Held ${n}\r\nMessage-ID: <held-${n}@example.com>\r\n\r\nHi\r\n`,
    );
    const { id } = await storeInbound(db, { mailboxId: withMail, raw, source: "smtp", envelopeFrom: null });
    await settleInbound(db, id, { status: "review", reason: "no_sender" });
    return id;
  };
  return {
    mailboxId: await createMailbox(db, {
      name: "Scratch",
      address: "scratch@support.example",
      groupId: null,
      categoryId: null,
      active: true,
      imap: null,
    }),
    oauthMailboxId: await createMailbox(db, {
      name: "Office",
      address: "office@support.example",
      groupId: null,
      categoryId: null,
      active: true,
      imap: {
        host: "outlook.office365.com",
        port: 993,
        tls: true,
        user: "office@support.example",
        folder: "INBOX",
        oauth: { provider: "microsoft", tenant: "contoso.example", clientId: "app-id", smtp: false },
      },
    }),
    heldMessageId: await hold(1),
    dismissMessageId: await hold(2),
  };
}

function slaPolicyBody() {
  return {
    name: "Scratch policy",
    conditions: { priorities: ["low"] },
    firstResponseMinutes: 30,
    resolutionMinutes: null,
    businessTime: true,
    calendarId: null,
  };
}

/** Switched off, so the matrix's ticket changes enqueue nothing for it. */
function webhookBody() {
  return { url: "https://hooks.example.com/switchboard", events: ["created"], active: false };
}

/** An inactive time rule: the matrix must not change how the other rows' tickets behave. */
function ruleBody() {
  return {
    name: "Scratch rule",
    kind: "time_rule",
    active: false,
    conditions: {},
    statusCategory: "pending",
    afterBusinessDays: 5,
    actions: { remindRequester: true },
  };
}

const all = (code: number): Expected => Object.fromEntries(actors.map((a) => [a, code])) as Expected;
const agentsOnly = (success: number): Expected => ({ ...all(403), anonymous: 401, agent: success, admin: success });
const adminOnly = (success: number): Expected => ({
  anonymous: 401,
  guest: 401,
  customerA: 403,
  customerB: 403,
  sameDepartment: 403,
  agent: 403,
  admin: success,
});
/** Knowledge base editors: agents and admins hold `kb.edit` through their built-in roles. */
const kbEditors = (success: number): Expected => ({ ...adminOnly(success), agent: success });
/** Reports: `reports.view` comes with the built-in agent and administrator roles. */
const reportViewers = (success: number): Expected => ({ ...adminOnly(success), agent: success });
const signedInUsers = (code: number): Expected => ({ ...all(code), anonymous: 401, guest: 401 });
let unique = 0;
const fresh = () => {
  unique += 1;
  return `${Date.now()}-${unique}`;
};

function serviceBody(f: Fixture, slug: string) {
  return {
    name: "A service",
    slug,
    categoryId: null,
    summary: "Short",
    ticketTypeId: f.generalTypeId,
    defaultPriority: "medium",
    visibility: "public",
  };
}

// The smallest real PNG, for the image upload and download rows.
const tinyPng = {
  name: "dot.png",
  type: "image/png",
  content: Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
    "base64",
  ),
};

const matrix: Record<string, Row> = {
  // Reports (issue 18): read-only, narrowed to the viewer's groups inside (server/reports/reports.test.ts).
  ...Object.fromEntries(
    ["overview", "volume", "efficiency", "sla", "agents", "satisfaction"].map((kind) => [
      `GET /api/v1/reports/${kind}`,
      { path: () => `/api/v1/reports/${kind}?from=2026-01-01&to=2026-01-31`, expected: reportViewers(200) },
    ]),
  ),
  "GET /api/v1/reports/options": { path: () => "/api/v1/reports/options", expected: reportViewers(200) },
  // Knowledge base (issue 19): readers go through articleScope; "matrix-customers" is for signed-in people only.
  "GET /api/v1/kb/home": { path: () => "/api/v1/kb/home", expected: all(200) },
  "GET /api/v1/kb/categories/{slug}": { path: () => "/api/v1/kb/categories/matrix-reading", expected: all(200) },
  "GET /api/v1/kb/articles/{slug}": {
    path: () => "/api/v1/kb/articles/matrix-customers",
    expected: { ...all(200), anonymous: 404, guest: 404 },
  },
  "POST /api/v1/kb/articles/{slug}/votes": {
    path: () => "/api/v1/kb/articles/matrix-public/votes",
    body: () => ({ helpful: true }),
    expected: all(200),
  },
  "GET /api/v1/kb/search": { path: () => "/api/v1/kb/search?q=matrix", expected: all(200) },
  // An image is served to whoever may read an article that shows it: here the customers' article.
  "GET /api/v1/kb/images/{id}": {
    path: (f) => `/api/v1/kb/images/${f.kbImageId}`,
    expected: { ...all(200), anonymous: 404, guest: 404 },
  },
  "POST /api/v1/admin/kb/images": {
    path: () => "/api/v1/admin/kb/images",
    multipart: "image",
    expected: kbEditors(201),
  },
  "POST /api/v1/kb/suggestions": {
    path: () => "/api/v1/kb/suggestions",
    body: () => ({ token: "0195f1c4-7a3b-7c2d-8e9f-0a1b2c3d4e5f", subject: "matrix article" }),
    expected: all(200),
  },
  "POST /api/v1/kb/suggestions/opened": {
    path: () => "/api/v1/kb/suggestions/opened",
    body: (f) => ({ token: "0195f1c4-7a3b-7c2d-8e9f-0a1b2c3d4e5f", articleId: f.kbArticleId }),
    expected: all(204),
  },
  "GET /api/v1/tickets/{number}/kb-suggestions": {
    path: (f) => `/api/v1/tickets/${f.ticketA}/kb-suggestions`,
    expected: agentsOnly(200),
  },
  "POST /api/v1/tickets/{number}/kb-articles": {
    path: (f) => `/api/v1/tickets/${f.ticketA}/kb-articles`,
    expected: agentsOnly(201),
  },
  "POST /api/v1/kb/articles/{id}/outdated": {
    path: (f) => `/api/v1/kb/articles/${f.kbArticleId}/outdated`,
    body: () => ({ note: "Screens changed" }),
    expected: agentsOnly(204),
  },
  "GET /api/v1/admin/kb/categories": { path: () => "/api/v1/admin/kb/categories", expected: kbEditors(200) },
  "POST /api/v1/admin/kb/categories": {
    path: () => "/api/v1/admin/kb/categories",
    body: () => ({ name: "New category", slug: `new-${fresh()}` }),
    expected: kbEditors(201),
  },
  "PUT /api/v1/admin/kb/categories/{id}": {
    path: (f) => `/api/v1/admin/kb/categories/${f.kbCategoryId}`,
    body: () => ({ name: "Renamed", slug: "matrix-scratch" }),
    expected: kbEditors(204),
  },
  // Help Centre categories are translated by their editors, not by the settings' administrators alone.
  "GET /api/v1/admin/translations/{kind}/{id} — a Help Centre category": {
    path: (f) => `/api/v1/admin/translations/kb-category/${f.kbCategoryId}`,
    expected: kbEditors(200),
  },
  "PUT /api/v1/admin/translations/{kind}/{id} — a Help Centre category": {
    path: (f) => `/api/v1/admin/translations/kb-category/${f.kbCategoryId}`,
    body: () => ({ de: { name: "Umbenannt" } }),
    expected: kbEditors(204),
  },
  "DELETE /api/v1/admin/kb/categories/{id}": {
    path: (f) => `/api/v1/admin/kb/categories/${f.kbCategoryId}`,
    expected: { ...kbEditors(204), admin: 404 },
  },
  "GET /api/v1/admin/kb/articles": { path: () => "/api/v1/admin/kb/articles", expected: kbEditors(200) },
  "POST /api/v1/admin/kb/articles": {
    path: () => "/api/v1/admin/kb/articles",
    body: () => ({ title: "A new article", slug: `new-${fresh()}` }),
    expected: kbEditors(201),
  },
  "GET /api/v1/admin/kb/articles/{id}": {
    path: (f) => `/api/v1/admin/kb/articles/${f.kbArticleId}`,
    expected: kbEditors(200),
  },
  "PUT /api/v1/admin/kb/articles/{id}": {
    path: (f) => `/api/v1/admin/kb/articles/${f.kbArticleId}`,
    body: () => ({ title: "Matrix article", slug: "matrix-public", body: "<p>Edited</p>" }),
    expected: kbEditors(204),
  },
  "POST /api/v1/admin/kb/articles/{id}/status": {
    path: (f) => `/api/v1/admin/kb/articles/${f.kbArticleId}/status`,
    body: () => ({ status: "published" }),
    expected: kbEditors(204),
  },
  "GET /api/v1/admin/kb/articles/{id}/revisions": {
    path: (f) => `/api/v1/admin/kb/articles/${f.kbArticleId}/revisions`,
    expected: kbEditors(200),
  },
  "POST /api/v1/admin/kb/articles/{id}/revisions/{number}/restore": {
    path: (f) => `/api/v1/admin/kb/articles/${f.kbArticleId}/revisions/1/restore`,
    expected: kbEditors(204),
  },
  "GET /api/v1/admin/kb/articles/{id}/translations": {
    path: (f) => `/api/v1/admin/kb/articles/${f.kbArticleId}/translations`,
    expected: kbEditors(200),
  },
  "PUT /api/v1/admin/kb/articles/{id}/translations/{locale}": {
    path: (f) => `/api/v1/admin/kb/articles/${f.kbArticleId}/translations/de`,
    body: () => ({ title: "Matrix-Artikel", body: "<p>Hallo</p>", status: "published" }),
    expected: kbEditors(204),
  },
  "DELETE /api/v1/admin/kb/articles/{id}/translations/{locale}": {
    path: (f) => `/api/v1/admin/kb/articles/${f.kbArticleId}/translations/de`,
    expected: { ...kbEditors(204), admin: 404 },
  },
  "POST /api/v1/admin/kb/articles/bulk": {
    path: () => "/api/v1/admin/kb/articles/bulk",
    body: (f) => ({ action: "move", ids: [f.kbArticleId], categoryId: null }),
    expected: kbEditors(200),
  },
  "GET /api/v1/admin/kb/stats": { path: () => "/api/v1/admin/kb/stats", expected: kbEditors(200) },
  "GET /api/v1/session": { path: () => "/api/v1/session", expected: all(200) },
  "GET /api/v1/locale": { path: () => "/api/v1/locale", expected: all(200) },
  "POST /api/v1/session": {
    path: () => "/api/v1/session",
    body: () => ({ email: "nobody@example.com", password: "wrong password" }),
    expected: all(401),
  },
  "POST /api/v1/accounts": {
    path: () => "/api/v1/accounts",
    body: () => ({ name: "New", email: `new-${fresh()}@example.com`, password: "a long password" }),
    expected: all(202),
  },
  "POST /api/v1/accounts/confirmation": {
    path: () => "/api/v1/accounts/confirmation",
    body: () => ({ token: "x".repeat(43) }),
    expected: all(400),
  },
  "POST /api/v1/accounts/confirmation/resend": {
    path: () => "/api/v1/accounts/confirmation/resend",
    body: () => ({ email: "a@example.com" }),
    expected: all(202),
  },
  "POST /api/v1/password-resets": {
    path: () => "/api/v1/password-resets",
    body: () => ({ email: "a@example.com" }),
    expected: all(202),
  },
  "POST /api/v1/password-resets/complete": {
    path: () => "/api/v1/password-resets/complete",
    body: () => ({ token: "x".repeat(43), password: "a long password" }),
    expected: all(400),
  },
  "POST /api/v1/account/password": {
    path: () => "/api/v1/account/password",
    body: () => ({ currentPassword: "not the password", newPassword: "a long password" }),
    // Signed-in users reach the check of their current password; nobody else gets that far.
    expected: signedInUsers(400),
  },
  "PUT /api/v1/account/preferences": {
    path: () => "/api/v1/account/preferences",
    body: () => ({ locale: null, timeZone: null }),
    expected: signedInUsers(204),
  },
  "PUT /api/v1/admin/settings/default-locale": {
    path: () => "/api/v1/admin/settings/default-locale",
    body: () => ({ locale: "en" }),
    expected: adminOnly(204),
  },
  "GET /api/v1/admin/translations/{kind}/{id}": {
    path: (f) => `/api/v1/admin/translations/status/${f.openStatusId}`,
    expected: adminOnly(200),
  },
  "PUT /api/v1/admin/translations/{kind}/{id}": {
    path: (f) => `/api/v1/admin/translations/status/${f.openStatusId}`,
    body: () => ({ de: { customerLabel: "In Bearbeitung" } }),
    expected: adminOnly(204),
  },
  "POST /api/v1/status-checks": {
    path: () => "/api/v1/status-checks",
    body: (f) => ({ email: "someone@example.com", number: f.ticketA }),
    expected: all(202),
  },
  "POST /api/v1/guest-sessions": {
    path: () => "/api/v1/guest-sessions",
    body: () => ({ token: "x".repeat(43) }),
    expected: all(400),
  },
  "GET /api/v1/categories": { path: () => "/api/v1/categories", expected: all(200) },
  "GET /api/v1/catalog": { path: () => "/api/v1/catalog", expected: all(200) },
  "GET /api/v1/catalog/services/{slug}": {
    // A service for signed-in customers with catalog.view: visitors and guests do not even learn it exists.
    path: () => "/api/v1/catalog/services/members-only",
    expected: { ...all(200), anonymous: 404, guest: 404 },
  },
  "POST /api/v1/tickets/with-attachments": {
    path: () => "/api/v1/tickets/with-attachments",
    body: () => undefined,
    multipart: "submission",
    expected: all(201),
  },
  "GET /api/v1/attachments/{id}": {
    // The file is on another of customer A's tickets; the guest's link opens ticket A only.
    path: (f) => `/api/v1/attachments/${f.attachmentId}`,
    expected: { ...all(200), anonymous: 401, guest: 404, customerB: 404 },
  },
  // Satisfaction surveys: the mailed link works for whoever holds it; an unknown one is "not found" for all.
  "GET /api/v1/satisfaction/{token}": { path: (f) => `/api/v1/satisfaction/${f.surveyToken}`, expected: all(200) },
  "POST /api/v1/satisfaction/{token}": {
    path: () => `/api/v1/satisfaction/${"x".repeat(43)}`,
    body: () => ({ rating: "good" }),
    expected: all(404),
  },
  "GET /api/v1/tickets/{number}/satisfaction": {
    // Everyone who sees the ticket gets an answer; only the requester and agents get the rating in it.
    path: (f) => `/api/v1/tickets/${f.ticketA}/satisfaction`,
    expected: { ...all(200), anonymous: 401, customerB: 404 },
  },
  "POST /api/v1/tickets/{number}/satisfaction": {
    // Only the requester rates, and ticket A is not solved yet: they are told so.
    path: (f) => `/api/v1/tickets/${f.ticketA}/satisfaction`,
    body: () => ({ rating: "good" }),
    expected: { ...all(403), anonymous: 401, guest: 409, customerA: 409, customerB: 404 },
  },
  "GET /api/v1/admin/satisfaction-settings": {
    path: () => "/api/v1/admin/satisfaction-settings",
    expected: adminOnly(200),
  },
  "PUT /api/v1/admin/satisfaction-settings": {
    path: () => "/api/v1/admin/satisfaction-settings",
    body: () => ({ enabled: true, delayMinutes: 60, excludedGroupIds: [], excludedServiceIds: [] }),
    expected: adminOnly(204),
  },
  "GET /api/v1/admin/satisfaction-reasons": {
    path: () => "/api/v1/admin/satisfaction-reasons",
    expected: adminOnly(200),
  },
  "POST /api/v1/admin/satisfaction-reasons": {
    path: () => "/api/v1/admin/satisfaction-reasons",
    body: () => ({ label: `Reason ${fresh()}` }),
    expected: adminOnly(201),
  },
  "PUT /api/v1/admin/satisfaction-reasons/{id}": {
    path: (f) => `/api/v1/admin/satisfaction-reasons/${f.satisfactionReasonId}`,
    body: () => ({ label: "Scratch satisfaction reason renamed" }),
    expected: adminOnly(204),
  },
  "DELETE /api/v1/admin/satisfaction-reasons/{id}": {
    path: (f) => `/api/v1/admin/satisfaction-reasons/${f.satisfactionReasonId}`,
    expected: adminOnly(204),
  },
  "GET /api/v1/admin/withdraw-reasons": { path: () => "/api/v1/admin/withdraw-reasons", expected: adminOnly(200) },
  "POST /api/v1/admin/withdraw-reasons": {
    path: () => "/api/v1/admin/withdraw-reasons",
    body: () => ({ label: `Reason ${fresh()}` }),
    expected: adminOnly(201),
  },
  "PUT /api/v1/admin/withdraw-reasons/{id}": {
    path: (f) => `/api/v1/admin/withdraw-reasons/${f.scratchReasonId}`,
    body: () => ({ label: "Scratch reason renamed" }),
    expected: adminOnly(204),
  },
  "DELETE /api/v1/admin/withdraw-reasons/{id}": {
    path: (f) => `/api/v1/admin/withdraw-reasons/${f.scratchReasonId}`,
    expected: adminOnly(204),
  },
  "GET /api/v1/admin/statuses": { path: () => "/api/v1/admin/statuses", expected: adminOnly(200) },
  "POST /api/v1/admin/statuses": {
    path: () => "/api/v1/admin/statuses",
    body: () => ({ agentLabel: `Escalated ${fresh()}`, customerLabel: "In progress", category: "open" }),
    expected: adminOnly(201),
  },
  "PUT /api/v1/admin/statuses/{id}": {
    path: (f) => `/api/v1/admin/statuses/${f.statusId}`,
    body: () => ({ agentLabel: "Scratch renamed", customerLabel: "Scratch", category: "on_hold" }),
    expected: adminOnly(204),
  },
  "DELETE /api/v1/admin/statuses/{id}": {
    path: (f) => `/api/v1/admin/statuses/${f.statusId}`,
    expected: adminOnly(204),
  },
  "GET /api/v1/admin/categories": { path: () => "/api/v1/admin/categories", expected: adminOnly(200) },
  "POST /api/v1/admin/categories": {
    path: () => "/api/v1/admin/categories",
    body: () => ({ name: `Category ${fresh()}` }),
    expected: adminOnly(201),
  },
  "PUT /api/v1/admin/categories/{id}": {
    path: (f) => `/api/v1/admin/categories/${f.categoryId}`,
    body: () => ({ name: `Renamed category ${fresh()}` }),
    expected: adminOnly(204),
  },
  "DELETE /api/v1/admin/categories/{id}": {
    path: (f) => `/api/v1/admin/categories/${f.categoryId}`,
    expected: adminOnly(204),
  },
  "GET /api/v1/admin/services": { path: () => "/api/v1/admin/services", expected: adminOnly(200) },
  "POST /api/v1/admin/services": {
    path: () => "/api/v1/admin/services",
    body: (f) => serviceBody(f, `service-${fresh()}`),
    expected: adminOnly(201),
  },
  "PUT /api/v1/admin/services/{id}": {
    path: (f) => `/api/v1/admin/services/${f.serviceId}`,
    body: (f) => serviceBody(f, `renamed-${fresh()}`),
    expected: adminOnly(204),
  },
  "DELETE /api/v1/admin/services/{id}": {
    path: (f) => `/api/v1/admin/services/${f.serviceId}`,
    expected: adminOnly(204),
  },
  "GET /api/v1/admin/ticket-types": { path: () => "/api/v1/admin/ticket-types", expected: adminOnly(200) },
  "POST /api/v1/admin/ticket-types": {
    path: () => "/api/v1/admin/ticket-types",
    body: () => ({ name: `Type ${fresh()}` }),
    expected: adminOnly(201),
  },
  "PUT /api/v1/admin/ticket-types/{id}": {
    path: (f) => `/api/v1/admin/ticket-types/${f.typeId}`,
    body: () => ({ name: `Renamed type ${fresh()}` }),
    expected: adminOnly(204),
  },
  "POST /api/v1/admin/ticket-types/{id}/fields": {
    path: (f) => `/api/v1/admin/ticket-types/${f.typeId}/fields`,
    body: () => ({
      key: `field_${fresh().replaceAll("-", "_")}`,
      label: "Cost centre",
      type: "text",
      customerAccess: "edit",
    }),
    expected: adminOnly(201),
  },
  "PUT /api/v1/admin/ticket-fields/{id}": {
    path: (f) => `/api/v1/admin/ticket-fields/${f.fieldId}`,
    body: () => ({ key: "scratch", label: "Scratch renamed", type: "text", customerAccess: "none" }),
    expected: adminOnly(204),
  },
  "DELETE /api/v1/admin/ticket-fields/{id}": {
    path: (f) => `/api/v1/admin/ticket-fields/${f.fieldId}`,
    expected: adminOnly(204),
  },
  "DELETE /api/v1/admin/ticket-types/{id}": {
    path: (f) => `/api/v1/admin/ticket-types/${f.typeId}`,
    expected: adminOnly(204),
  },
  "POST /api/v1/tickets": { path: () => "/api/v1/tickets", body: () => undefined, expected: all(201) },
  "GET /api/v1/tickets": { path: () => "/api/v1/tickets", expected: { ...all(200), anonymous: 401 } },
  "GET /api/v1/tickets/{number}": {
    path: (f) => `/api/v1/tickets/${f.ticketA}`,
    expected: { ...all(200), anonymous: 401, customerB: 404 },
  },
  "POST /api/v1/tickets/{number}/comments": {
    path: (f) => `/api/v1/tickets/${f.ticketA}/comments`,
    body: () => ({ body: "A comment" }),
    // A colleague reads the request but acts on it only with tickets.act_department (write-authorization.test.ts).
    expected: { ...all(201), anonymous: 401, customerB: 404, sameDepartment: 403 },
  },
  "POST /api/v1/tickets/{number}/comments/with-attachments": {
    path: (f) => `/api/v1/tickets/${f.ticketA}/comments/with-attachments`,
    body: () => ({ body: "A comment with a file" }),
    multipart: "comment",
    expected: { ...all(201), anonymous: 401, customerB: 404, sameDepartment: 403 },
  },
  "GET /api/v1/tickets/{number}/feed": {
    path: (f) => `/api/v1/tickets/${f.ticketA}/feed`,
    expected: { ...all(200), anonymous: 401, customerB: 404 },
  },
  "GET /api/v1/tickets/{number}/comments/{id}": {
    path: (f) => `/api/v1/tickets/${f.ticketA}/comments/${f.commentId}`,
    expected: { ...all(200), anonymous: 401, customerB: 404 },
  },
  // Customers never edit or remove comments, not even their own: refused before the ticket is looked up.
  "PATCH /api/v1/tickets/{number}/comments/{id}": {
    path: (f) => `/api/v1/tickets/${f.ticketA}/comments/${f.commentId}`,
    body: () => ({ body: `Corrected ${fresh()}` }),
    expected: agentsOnly(204),
  },
  "DELETE /api/v1/tickets/{number}/comments/{id}": {
    path: (f) => `/api/v1/tickets/${f.ticketA}/comments/${f.scratchCommentId}`,
    // The agent removed it first.
    expected: { ...agentsOnly(204), admin: 404 },
  },
  "GET /api/v1/tickets/{number}/tags": {
    path: (f) => `/api/v1/tickets/${f.ticketA}/tags`,
    expected: agentsOnly(200),
  },
  "PUT /api/v1/tickets/{number}/tags/{tag}": {
    path: (f) => `/api/v1/tickets/${f.ticketA}/tags/matrix`,
    expected: agentsOnly(204),
  },
  "DELETE /api/v1/tickets/{number}/tags/{tag}": {
    path: (f) => `/api/v1/tickets/${f.ticketA}/tags/matrix`,
    expected: agentsOnly(204),
  },
  "DELETE /api/v1/tickets/{number}": {
    path: (f) => `/api/v1/tickets/${f.ticketToDelete}`,
    expected: { ...all(403), anonymous: 401, admin: 204 },
  },
  "GET /api/v1/admin/deleted-tickets": { path: () => "/api/v1/admin/deleted-tickets", expected: adminOnly(200) },
  "POST /api/v1/admin/deleted-tickets/{number}/restore": {
    path: (f) => `/api/v1/admin/deleted-tickets/${f.deletedTicket}/restore`,
    expected: adminOnly(204),
  },
  "POST /api/v1/tickets/{number}/views": {
    path: (f) => `/api/v1/tickets/${f.ticketA}/views`,
    expected: { ...all(204), anonymous: 401, customerB: 404 },
  },
  "GET /api/v1/tickets/{number}/read-by": {
    path: (f) => `/api/v1/tickets/${f.ticketA}/read-by`,
    expected: { ...all(200), anonymous: 401, customerB: 404 },
  },
  "GET /api/v1/dev-mailbox": { path: () => "/api/v1/dev-mailbox", expected: { ...all(404), admin: 200 } },
  "GET /api/v1/dev-mailbox/{id}": {
    path: (f) => `/api/v1/dev-mailbox/${f.mailId}`,
    expected: { ...all(404), admin: 200 },
  },
  "GET /api/v1/admin/users": { path: () => "/api/v1/admin/users", expected: adminOnly(200) },
  "POST /api/v1/admin/users": {
    path: () => "/api/v1/admin/users",
    body: () => ({ name: "Invitee", email: `invitee-${fresh()}@example.com`, licence: "customer" }),
    expected: adminOnly(201),
  },
  "PATCH /api/v1/admin/users/{id}": {
    path: (f) => `/api/v1/admin/users/${f.userId}`,
    body: () => ({ name: "Renamed" }),
    expected: adminOnly(200),
  },
  "GET /api/v1/admin/roles": { path: () => "/api/v1/admin/roles", expected: adminOnly(200) },
  "POST /api/v1/admin/roles": {
    path: () => "/api/v1/admin/roles",
    body: () => ({ name: `Role ${fresh()}`, permissions: ["tickets.submit"] }),
    expected: adminOnly(201),
  },
  "PUT /api/v1/admin/roles/{id}": {
    path: (f) => `/api/v1/admin/roles/${f.roleId}`,
    body: () => ({ name: `Renamed role ${fresh()}`, permissions: [] }),
    expected: adminOnly(204),
  },
  "DELETE /api/v1/admin/roles/{id}": { path: (f) => `/api/v1/admin/roles/${f.roleId}`, expected: adminOnly(204) },
  "GET /api/v1/admin/organizations": { path: () => "/api/v1/admin/organizations", expected: adminOnly(200) },
  // Single records and look-ups (issue 17); before the DELETE row below removes the scratch organization.
  "GET /api/v1/admin/organizations/{id}": {
    path: (f) => `/api/v1/admin/organizations/${f.orgId}`,
    expected: adminOnly(200),
  },
  "GET /api/v1/admin/organizations/{id}/members": {
    path: (f) => `/api/v1/admin/organizations/${f.orgId}/members`,
    expected: adminOnly(200),
  },
  "GET /api/v1/admin/users/{id}": { path: (f) => `/api/v1/admin/users/${f.userId}`, expected: adminOnly(200) },
  "POST /api/v1/admin/users/{id}/anonymise": {
    path: (f) => `/api/v1/admin/users/${f.erasedId}/anonymise`,
    expected: adminOnly(200),
  },
  "DELETE /api/v1/admin/users/{id}": { path: (f) => `/api/v1/admin/users/${f.leaverId}`, expected: adminOnly(204) },
  // A file on its own for a later ticket or comment: signed-in people; a guest attaches files to its comment.
  "POST /api/v1/uploads": {
    path: () => "/api/v1/uploads",
    multipart: "file",
    expected: { ...signedInUsers(201), guest: 403 },
  },
  "GET /api/v1/agent/customers/by-email": {
    path: () => "/api/v1/agent/customers/by-email?email=admin-matrix@example.com",
    expected: { ...agentsOnly(404), guest: 401 },
  },
  "POST /api/v1/admin/organizations": {
    path: () => "/api/v1/admin/organizations",
    // Organization names are unique: each run makes its own.
    body: () => ({ name: `Globex ${fresh()}` }),
    expected: adminOnly(201),
  },
  "PUT /api/v1/admin/organizations/{id}": {
    path: (f) => `/api/v1/admin/organizations/${f.orgId}`,
    body: () => ({ name: `Scratch org renamed ${fresh()}` }),
    expected: adminOnly(204),
  },
  "DELETE /api/v1/admin/organizations/{id}": {
    path: (f) => `/api/v1/admin/organizations/${f.orgId}`,
    expected: adminOnly(204),
  },
  "GET /api/v1/admin/groups": { path: () => "/api/v1/admin/groups", expected: adminOnly(200) },
  // The incremental export (issue 17): tickets for agents who see every ticket, the directories for admins.
  "GET /api/v1/export/tickets": { path: () => "/api/v1/export/tickets", expected: { ...agentsOnly(200), guest: 401 } },
  "GET /api/v1/export/users": { path: () => "/api/v1/export/users", expected: adminOnly(200) },
  "GET /api/v1/export/organizations": { path: () => "/api/v1/export/organizations", expected: adminOnly(200) },
  "POST /api/v1/admin/groups": {
    path: () => "/api/v1/admin/groups",
    body: () => ({ name: `Group ${fresh()}` }),
    expected: adminOnly(201),
  },
  "PUT /api/v1/admin/groups/{id}": {
    path: (f) => `/api/v1/admin/groups/${f.groupId}`,
    body: () => ({ name: `Renamed group ${fresh()}` }),
    expected: adminOnly(204),
  },
  "DELETE /api/v1/admin/groups/{id}": { path: (f) => `/api/v1/admin/groups/${f.groupId}`, expected: adminOnly(204) },
  "GET /api/v1/admin/api-tokens": { path: () => "/api/v1/admin/api-tokens", expected: adminOnly(200) },
  "POST /api/v1/admin/api-tokens": {
    path: () => "/api/v1/admin/api-tokens",
    body: (f) => ({ name: "Integration", userId: f.userId }),
    expected: adminOnly(201),
  },
  "DELETE /api/v1/admin/api-tokens/{id}": {
    path: (f) => `/api/v1/admin/api-tokens/${f.tokenId}`,
    expected: adminOnly(204),
  },
  "GET /api/v1/admin/mailboxes": { path: () => "/api/v1/admin/mailboxes", expected: adminOnly(200) },
  "POST /api/v1/admin/mailboxes": {
    path: () => "/api/v1/admin/mailboxes",
    body: () => ({ name: "Sales", address: `sales-${fresh()}@support.example` }),
    expected: adminOnly(201),
  },
  "PUT /api/v1/admin/mailboxes/{id}": {
    path: (f) => `/api/v1/admin/mailboxes/${f.mailboxId}`,
    body: () => ({ name: "Renamed", address: `renamed-${fresh()}@support.example` }),
    expected: adminOnly(204),
  },
  "DELETE /api/v1/admin/mailboxes/{id}": {
    path: (f) => `/api/v1/admin/mailboxes/${f.mailboxId}`,
    expected: adminOnly(204),
  },
  "POST /api/v1/admin/mailboxes/{id}/oauth/connect": {
    path: (f) => `/api/v1/admin/mailboxes/${f.oauthMailboxId}/oauth/connect`,
    expected: adminOnly(200),
  },
  // A state no session started: the admin is sent back to the mailboxes page with the reason.
  "GET /api/v1/admin/mailboxes/oauth/callback": {
    path: () => "/api/v1/admin/mailboxes/oauth/callback?state=made-up&code=made-up",
    expected: adminOnly(303),
  },
  "GET /api/v1/admin/mailbox-alerts": { path: () => "/api/v1/admin/mailbox-alerts", expected: adminOnly(200) },
  "GET /api/v1/admin/inbound-messages": {
    path: () => "/api/v1/admin/inbound-messages?status=review",
    expected: adminOnly(200),
  },
  "GET /api/v1/admin/inbound-messages/{id}/raw": {
    path: (f) => `/api/v1/admin/inbound-messages/${f.heldMessageId}/raw`,
    expected: adminOnly(200),
  },
  "POST /api/v1/admin/inbound-messages/{id}/retry": {
    path: (f) => `/api/v1/admin/inbound-messages/${f.heldMessageId}/retry`,
    body: () => ({ mode: "route" }),
    expected: adminOnly(204),
  },
  "POST /api/v1/admin/inbound-messages/{id}/dismiss": {
    path: (f) => `/api/v1/admin/inbound-messages/${f.dismissMessageId}/dismiss`,
    expected: adminOnly(204),
  },
  "GET /api/v1/withdraw-reasons": { path: () => "/api/v1/withdraw-reasons", expected: all(200) },
  "GET /api/v1/statuses": { path: () => "/api/v1/statuses", expected: all(200) },
  "GET /api/v1/tickets/{number}/alerts": {
    path: (f) => `/api/v1/tickets/${f.ticketA}/alerts`,
    expected: { ...all(200), anonymous: 401, customerB: 404 },
  },
  "PUT /api/v1/tickets/{number}/alerts/{kind}": {
    path: (f) => `/api/v1/tickets/${f.ticketA}/alerts/ticket_completed`,
    expected: { ...all(204), anonymous: 401, customerB: 404 },
  },
  "DELETE /api/v1/tickets/{number}/alerts/{kind}": {
    path: (f) => `/api/v1/tickets/${f.ticketA}/alerts/ticket_completed`,
    expected: { ...all(204), anonymous: 401, customerB: 404 },
  },
  "POST /api/v1/tickets/{number}/ccs": {
    path: (f) => `/api/v1/tickets/${f.ticketA}/ccs`,
    body: () => ({ email: "colleague@example.com" }),
    expected: { ...all(204), anonymous: 401, customerB: 404, sameDepartment: 403 },
  },
  "DELETE /api/v1/tickets/{number}/ccs/{email}": {
    path: (f) => `/api/v1/tickets/${f.ticketA}/ccs/colleague@example.com`,
    expected: { ...all(204), anonymous: 401, customerB: 404, sameDepartment: 403 },
  },
  "POST /api/v1/tickets/{number}/status": {
    // Only agents working the ticket change statuses; a ticket out of reach reads as missing.
    path: (f) => `/api/v1/tickets/${f.ticketA}/status`,
    body: (f) => ({ statusId: f.openStatusId }),
    expected: { ...all(403), anonymous: 401, customerB: 404, agent: 204, admin: 204 },
  },
  // Search: every signed-in user, over their own scope (server/tickets/search/search.test.ts shows what each finds).
  "GET /api/v1/search": { path: () => "/api/v1/search?q=ticket", expected: signedInUsers(200) },
  // The agent workspace: agents and admins only; a guest link is not an agent either.
  "GET /api/v1/agent/queues": { path: () => "/api/v1/agent/queues", expected: agentsOnly(200) },
  "GET /api/v1/agent/tickets": { path: () => "/api/v1/agent/tickets?queue=all", expected: agentsOnly(200) },
  "GET /api/v1/agent/directory": { path: () => "/api/v1/agent/directory", expected: agentsOnly(200) },
  "POST /api/v1/agent/tickets": {
    path: () => "/api/v1/agent/tickets",
    body: () => ({
      requester: { name: "Phone Caller", email: `caller-${fresh()}@example.com` },
      channel: "phone",
      subject: "Called about the VPN",
      message: "The VPN drops.",
    }),
    expected: agentsOnly(201),
  },
  "GET /api/v1/agent/requesters": { path: () => "/api/v1/agent/requesters?q=a", expected: agentsOnly(200) },
  "POST /api/v1/agent/tickets/bulk": {
    path: () => "/api/v1/agent/tickets/bulk",
    body: (f) => ({ numbers: [f.ticketA], priority: "high" }),
    expected: agentsOnly(200),
  },
  "PATCH /api/v1/tickets/{number}": {
    path: (f) => `/api/v1/tickets/${f.ticketA}`,
    body: () => ({ priority: "urgent" }),
    expected: agentsOnly(204),
  },
  "POST /api/v1/agent/views": {
    path: () => "/api/v1/agent/views",
    body: () => ({ name: `View ${fresh()}`, filters: { priority: ["high"] } }),
    expected: agentsOnly(201),
  },
  "PUT /api/v1/agent/views/{id}": {
    // The agent's own view: the admin cannot touch it either.
    path: (f) => `/api/v1/agent/views/${f.viewId}`,
    body: () => ({ name: "Renamed view", filters: {} }),
    expected: { ...agentsOnly(204), admin: 404 },
  },
  "DELETE /api/v1/agent/views/{id}": {
    path: (f) => `/api/v1/agent/views/${f.viewId}`,
    expected: { ...agentsOnly(204), admin: 404 },
  },
  "POST /api/v1/tickets/{number}/solve": {
    // Customer A solves it; the colleague may not, and agents working it then find it already finished.
    path: (f) => `/api/v1/tickets/${f.ticketToSolve}/solve`,
    body: () => ({}),
    expected: {
      anonymous: 401,
      guest: 404,
      customerA: 204,
      customerB: 404,
      sameDepartment: 403,
      agent: 409,
      admin: 409,
    },
  },
  "POST /api/v1/tickets/{number}/withdraw": {
    path: (f) => `/api/v1/tickets/${f.ticketToWithdraw}/withdraw`,
    body: (f) => ({ reasonId: f.withdrawReasonId }),
    expected: {
      anonymous: 401,
      guest: 404,
      customerA: 204,
      customerB: 404,
      sameDepartment: 403,
      agent: 409,
      admin: 409,
    },
  },
  "POST /api/v1/tickets/{number}/follow-ups": {
    path: (f) => `/api/v1/tickets/${f.closedTicket}/follow-ups`,
    body: () => ({ subject: "Still broken", message: "It came back." }),
    expected: { ...all(201), anonymous: 401, guest: 404, customerB: 404, sameDepartment: 403 },
  },
  "GET /api/v1/live": {
    path: (f) => `/api/v1/live?ticket=${f.ticketA}`,
    stream: true,
    expected: { ...all(200), anonymous: 401, customerB: 404 },
  },
  "POST /api/v1/tickets/{number}/presence": {
    path: (f) => `/api/v1/tickets/${f.ticketA}/presence`,
    body: () => ({ state: "viewing" }),
    expected: { ...all(403), anonymous: 401, guest: 401, agent: 204, admin: 204 },
  },
  // Agent tools: only agents who work tickets, and only on tickets they see.
  "GET /api/v1/tickets/{number}/tasks": {
    path: (f) => `/api/v1/tickets/${f.ticketA}/tasks`,
    expected: { ...all(403), anonymous: 401, agent: 200, admin: 200 },
  },
  "POST /api/v1/tickets/{number}/tasks": {
    path: (f) => `/api/v1/tickets/${f.ticketA}/tasks`,
    body: () => ({ title: "Call the requester" }),
    expected: { ...all(403), anonymous: 401, agent: 201, admin: 201 },
  },
  "PATCH /api/v1/tickets/{number}/tasks/{id}": {
    path: (f) => `/api/v1/tickets/${f.ticketA}/tasks/${f.taskId}`,
    body: () => ({ done: true }),
    expected: { ...all(403), anonymous: 401, agent: 204, admin: 204 },
  },
  "DELETE /api/v1/tickets/{number}/tasks/{id}": {
    // The agent removes it; the admin then finds it gone.
    path: (f) => `/api/v1/tickets/${f.ticketA}/tasks/${f.taskId}`,
    expected: { ...all(403), anonymous: 401, agent: 204, admin: 404 },
  },
  "GET /api/v1/tickets/{number}/links": {
    path: (f) => `/api/v1/tickets/${f.ticketA}/links`,
    expected: { ...all(403), anonymous: 401, agent: 200, admin: 200 },
  },
  "POST /api/v1/tickets/{number}/links": {
    path: (f) => `/api/v1/tickets/${f.ticketA}/links`,
    body: (f) => ({ number: f.linkedTicket }),
    expected: { ...all(403), anonymous: 401, agent: 204, admin: 204 },
  },
  "DELETE /api/v1/tickets/{number}/links/{other}": {
    path: (f) => `/api/v1/tickets/${f.ticketA}/links/${f.linkedTicket}`,
    expected: { ...all(403), anonymous: 401, agent: 204, admin: 204 },
  },
  "POST /api/v1/tickets/{number}/merge": {
    // The agent merges the duplicate; the admin then finds it already merged.
    path: (f) => `/api/v1/tickets/${f.duplicateTicket}/merge`,
    body: (f) => ({ into: f.linkedTicket }),
    expected: { ...all(403), anonymous: 401, agent: 204, admin: 409 },
  },
  "GET /api/v1/macros": {
    path: () => "/api/v1/macros",
    expected: { ...all(403), anonymous: 401, agent: 200, admin: 200 },
  },
  "POST /api/v1/macros": {
    path: () => "/api/v1/macros",
    body: () => ({ name: "My reply", body: "<p>Thanks!</p>" }),
    expected: { ...all(403), anonymous: 401, agent: 201, admin: 201 },
  },
  "POST /api/v1/tickets/{number}/macros/{id}/apply": {
    path: (f) => `/api/v1/tickets/${f.ticketA}/macros/${f.sharedMacroId}/apply`,
    expected: { ...all(403), anonymous: 401, agent: 200, admin: 200 },
  },
  "PUT /api/v1/macros/{id}": {
    // Shared macros are the administrators': agents use them but may not change them.
    path: (f) => `/api/v1/macros/${f.sharedMacroId}`,
    body: () => ({ name: "Shared reply", body: "<p>Hello</p>", shared: true }),
    expected: { ...all(403), anonymous: 401, admin: 204 },
  },
  "DELETE /api/v1/macros/{id}": {
    path: (f) => `/api/v1/macros/${f.sharedMacroId}`,
    expected: { ...all(403), anonymous: 401, admin: 204 },
  },
  // Service levels: admins with the settings permission only.
  "GET /api/v1/admin/calendars": { path: () => "/api/v1/admin/calendars", expected: adminOnly(200) },
  "POST /api/v1/admin/calendars": {
    path: () => "/api/v1/admin/calendars",
    body: () => ({ name: `Calendar ${fresh()}`, timeZone: "UTC", hours: [], holidays: [] }),
    expected: adminOnly(201),
  },
  "PUT /api/v1/admin/calendars/{id}": {
    path: (f) => `/api/v1/admin/calendars/${f.calendarId}`,
    body: () => ({ name: "Scratch calendar", timeZone: "Europe/Berlin", hours: [], holidays: ["2026-12-24"] }),
    expected: adminOnly(204),
  },
  "DELETE /api/v1/admin/calendars/{id}": {
    path: (f) => `/api/v1/admin/calendars/${f.calendarId}`,
    expected: adminOnly(204),
  },
  "GET /api/v1/admin/sla-policies": { path: () => "/api/v1/admin/sla-policies", expected: adminOnly(200) },
  "POST /api/v1/admin/sla-policies": {
    path: () => "/api/v1/admin/sla-policies",
    body: () => slaPolicyBody(),
    expected: adminOnly(201),
  },
  "PUT /api/v1/admin/sla-policies/{id}": {
    path: (f) => `/api/v1/admin/sla-policies/${f.slaPolicyId}`,
    body: () => slaPolicyBody(),
    expected: adminOnly(204),
  },
  "DELETE /api/v1/admin/sla-policies/{id}": {
    path: (f) => `/api/v1/admin/sla-policies/${f.slaPolicyId}`,
    expected: adminOnly(204),
  },
  "GET /api/v1/admin/sla-statuses": { path: () => "/api/v1/admin/sla-statuses", expected: adminOnly(200) },
  "PUT /api/v1/admin/sla-statuses/{id}": {
    path: (f) => `/api/v1/admin/sla-statuses/${f.openStatusId}`,
    body: () => ({ pausesClock: false }),
    expected: adminOnly(204),
  },
  "GET /api/v1/admin/jobs": { path: () => "/api/v1/admin/jobs", expected: adminOnly(200) },
  "POST /api/v1/admin/jobs/rerun-failed": {
    path: () => "/api/v1/admin/jobs/rerun-failed",
    // A kind with no failed jobs: the fixture's failed job stays for the per-job row below.
    body: () => ({ kind: "maintenance.nothing" }),
    expected: adminOnly(200),
  },
  "POST /api/v1/admin/jobs/{id}/rerun": {
    path: (f) => `/api/v1/admin/jobs/${f.failedJobId}/rerun`,
    expected: adminOnly(204),
  },
  "GET /api/v1/admin/automation-rules": { path: () => "/api/v1/admin/automation-rules", expected: adminOnly(200) },
  "POST /api/v1/admin/automation-rules": {
    path: () => "/api/v1/admin/automation-rules",
    body: () => ruleBody(),
    expected: adminOnly(201),
  },
  "PUT /api/v1/admin/automation-rules/{id}": {
    path: (f) => `/api/v1/admin/automation-rules/${f.ruleId}`,
    body: () => ruleBody(),
    expected: adminOnly(204),
  },
  "DELETE /api/v1/admin/automation-rules/{id}": {
    path: (f) => `/api/v1/admin/automation-rules/${f.ruleId}`,
    expected: adminOnly(204),
  },
  "GET /api/v1/admin/automation-runs": { path: () => "/api/v1/admin/automation-runs", expected: adminOnly(200) },
  // Webhooks: admins with the settings permission only. The delete comes last, as the others use the endpoint.
  "GET /api/v1/admin/webhooks": { path: () => "/api/v1/admin/webhooks", expected: adminOnly(200) },
  "POST /api/v1/admin/webhooks": {
    path: () => "/api/v1/admin/webhooks",
    body: () => webhookBody(),
    expected: adminOnly(201),
  },
  "GET /api/v1/admin/webhooks/{id}": {
    path: (f) => `/api/v1/admin/webhooks/${f.webhookId}`,
    expected: adminOnly(200),
  },
  "PUT /api/v1/admin/webhooks/{id}": {
    path: (f) => `/api/v1/admin/webhooks/${f.webhookId}`,
    body: () => webhookBody(),
    expected: adminOnly(204),
  },
  "POST /api/v1/admin/webhooks/{id}/secret": {
    path: (f) => `/api/v1/admin/webhooks/${f.webhookId}/secret`,
    expected: adminOnly(200),
  },
  "POST /api/v1/admin/webhooks/{id}/test": {
    path: (f) => `/api/v1/admin/webhooks/${f.webhookId}/test`,
    expected: adminOnly(202),
  },
  "GET /api/v1/admin/webhooks/{id}/deliveries": {
    path: (f) => `/api/v1/admin/webhooks/${f.webhookId}/deliveries`,
    expected: adminOnly(200),
  },
  "POST /api/v1/admin/webhook-deliveries/{id}/redeliver": {
    path: (f) => `/api/v1/admin/webhook-deliveries/${f.deliveryId}/redeliver`,
    expected: adminOnly(202),
  },
  "DELETE /api/v1/admin/webhooks/{id}": {
    path: (f) => `/api/v1/admin/webhooks/${f.webhookId}`,
    expected: adminOnly(204),
  },
  // Last, because it ends each actor's session.
  "DELETE /api/v1/session": { path: () => "/api/v1/session", expected: all(204) },
};

describeEachEngine("authorization matrix", ({ db, engine }) => {
  it("gives every kind of actor exactly the expected answer on every route", async () => {
    const app: App = await buildTestApp(db(), engine, testConfig({ devMailbox: "admins" }));
    const credentials = new Map<ActorName, { cookie: string; csrf: string }>();
    const inject = (method: string, url: string, actor: ActorName, payload?: unknown) => {
      const c = credentials.get(actor);
      return app.inject({
        method: method as "GET",
        url,
        headers: c ? { cookie: c.cookie, "x-csrf-token": c.csrf } : {},
        ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
      });
    };
    const injectMultipart = (url: string, actor: ActorName, body: ReturnType<typeof multipartSubmission>) => {
      const c = credentials.get(actor);
      return app.inject({
        method: "POST",
        url,
        headers: { ...body.headers, ...(c ? { cookie: c.cookie, "x-csrf-token": c.csrf } : {}) },
        payload: body.payload,
      });
    };
    const signIn = async (email: string) => {
      const r = await app.inject({
        method: "POST",
        url: "/api/v1/session",
        payload: { email, password: testPassword },
      });
      return {
        cookie: `sb_session=${r.cookies.find((c) => c.name === "sb_session")?.value}`,
        csrf: r.json().csrfToken,
      };
    };

    // Acme has a Finance department; customer A and the department viewer work there, customer B does not.
    const acme = await createOrganization(db(), { name: "Acme" });
    const finance = await createOrganization(db(), { name: "Finance", parentId: acme });
    const departmentRole = await db()
      .selectFrom("roles")
      .select("id")
      .where("key", "=", "department_viewer")
      .executeTakeFirstOrThrow();
    const users: Partial<Record<ActorName, string>> = {};
    for (const [name, licence] of [
      ["customerA", "customer"],
      ["customerB", "customer"],
      ["sameDepartment", "customer"],
      ["agent", "agent"],
      ["admin", "admin"],
    ] as const) {
      const user = await createUser(db(), {
        email: `${name.toLowerCase()}-${engine}@example.com`,
        name,
        password: testPassword,
        licence,
      });
      users[name] = user.id;
    }
    await db()
      .insertInto("organization_members")
      .values([
        { user_id: users.customerA ?? "", organization_id: finance },
        { user_id: users.sameDepartment ?? "", organization_id: finance },
      ])
      .execute();
    await db()
      .insertInto("user_roles")
      .values({ user_id: users.sameDepartment ?? "", role_id: departmentRole.id })
      .execute();
    for (const name of ["customerA", "customerB", "sameDepartment", "agent", "admin"] as const) {
      credentials.set(name, await signIn(`${name.toLowerCase()}-${engine}@example.com`));
    }
    const submitted = await inject(
      "POST",
      "/api/v1/tickets",
      "customerA",
      await buildSubmission(db(), { subject: "A's ticket" }),
    );
    const ticketA = submitted.json().number as number;
    await app.inject({
      method: "POST",
      url: "/api/v1/status-checks",
      payload: { email: `customera-${engine}@example.com`, number: ticketA },
    });
    const guestToken = linkToken((await latestMailTo(db(), `customera-${engine}@example.com`))?.text_body, "/access/");
    const guest = await app.inject({ method: "POST", url: "/api/v1/guest-sessions", payload: { token: guestToken } });
    credentials.set("guest", {
      cookie: `sb_guest=${guest.cookies.find((c) => c.name === "sb_guest")?.value}`,
      csrf: guest.json().csrfToken,
    });

    const mail = await db().selectFrom("mail_messages").select("id").executeTakeFirstOrThrow();
    const asA = {
      cookie: credentials.get("customerA")?.cookie ?? "",
      "x-csrf-token": credentials.get("customerA")?.csrf ?? "",
    };
    const submitAsA = async (subject: string) =>
      (
        await app.inject({
          method: "POST",
          url: "/api/v1/tickets",
          headers: asA,
          payload: await buildSubmission(db(), { subject }),
        })
      ).json().number as number;
    const ticketToSolve = await submitAsA("To solve");
    const ticketToWithdraw = await submitAsA("To withdraw");
    const closedTicket = await submitAsA("Closed already");
    const closed = await db().selectFrom("statuses").select("id").where("key", "=", "closed").executeTakeFirstOrThrow();
    await db().updateTable("tickets").set({ status_id: closed.id }).where("number", "=", closedTicket).execute();
    const generalTypeId = (
      await db().selectFrom("ticket_types").select("id").where("key", "=", "general").executeTakeFirstOrThrow()
    ).id;
    await createService(db(), {
      ...serviceInputSchema.parse({
        name: "Members only",
        slug: "members-only",
        categoryId: null,
        summary: "For signed-in customers",
        ticketTypeId: generalTypeId,
        defaultPriority: "low",
        visibility: "customers",
      }),
    });
    const withFile = multipartSubmission(await buildSubmission(db(), { subject: "A's file" }), [
      { name: "invoice.pdf", content: "%PDF-1.4 pretend" },
    ]);
    const upload = await app.inject({
      method: "POST",
      url: "/api/v1/tickets/with-attachments",
      headers: {
        ...withFile.headers,
        cookie: credentials.get("customerA")?.cookie ?? "",
        "x-csrf-token": credentials.get("customerA")?.csrf ?? "",
      },
      payload: withFile.payload,
    });
    const uploadedTicket = upload.json().number as number;
    const attachment = await db()
      .selectFrom("attachments")
      .innerJoin("tickets", "tickets.id", "attachments.ticket_id")
      .select("attachments.id")
      .where("tickets.number", "=", uploadedTicket)
      .executeTakeFirstOrThrow();
    const scratchType = await createTicketType(db(), { name: "Scratch type" });
    const agentActor = {
      kind: "user" as const,
      user: { id: users.agent ?? "", email: "", name: "agent", licence: "agent" as const, permissions: [] },
      sessionId: null,
      csrfToken: null,
    };
    const fixture: Fixture = {
      ticketA,
      userId: (
        await createUser(db(), {
          email: `target-${engine}@example.com`,
          name: "Target",
          password: null,
          licence: "customer",
        })
      ).id,
      leaverId: (
        await createUser(db(), {
          email: `leaver-${engine}@example.com`,
          name: "Leaver",
          password: null,
          licence: "customer",
        })
      ).id,
      erasedId: (
        await createUser(db(), {
          email: `erased-${engine}@example.com`,
          name: "Erased",
          password: null,
          licence: "customer",
        })
      ).id,
      roleId: await createRole(db(), { name: "Scratch role", permissions: [] }),
      orgId: await createOrganization(db(), { name: "Scratch org" }),
      groupId: await createGroup(db(), { name: "Scratch group" }),
      tokenId: "",
      mailId: mail.id,
      attachmentId: attachment.id,
      categoryId: await createCategory(db(), { name: "Scratch category" }),
      serviceId: await createService(
        db(),
        serviceInputSchema.parse(serviceBody({ generalTypeId } as Fixture, "scratch-service")),
      ),
      typeId: scratchType,
      fieldId: await createField(
        db(),
        scratchType,
        fieldInputSchema.parse({ key: "scratch", label: "Scratch", type: "text", customerAccess: "edit" }),
      ),
      generalTypeId,
      viewId: await createSavedView(db(), agentActor, { name: "Agent's view", filters: {} }),
      openStatusId: (await db().selectFrom("statuses").select("id").where("key", "=", "open").executeTakeFirstOrThrow())
        .id,
      ticketToSolve,
      ticketToWithdraw,
      closedTicket,
      scratchReasonId: await createWithdrawReason(db(), { label: "Scratch reason", position: 9 }),
      withdrawReasonId: (await db().selectFrom("withdraw_reasons").select("id").executeTakeFirstOrThrow()).id,
      taskId: "",
      linkedTicket: 0,
      duplicateTicket: 0,
      sharedMacroId: "",
      statusId: await createStatus(db(), {
        agentLabel: "Scratch status",
        customerLabel: "Scratch",
        category: "on_hold",
        position: 99,
        customersMayReopen: false,
      }),
      ...(await emailChannelFixture(db())),
      calendarId: "",
      slaPolicyId: "",
      failedJobId: "",
      ruleId: "",
      webhookId: "",
      deliveryId: "",
      kbCategoryId: "",
      kbArticleId: "",
      kbImageId: "",
      surveyToken: "",
      satisfactionReasonId: "",
      commentId: "",
      scratchCommentId: "",
      ticketToDelete: await submitAsA("To delete"),
      deletedTicket: await submitAsA("Deleted already"),
    };
    fixture.calendarId = await createCalendar(db(), {
      name: "Scratch calendar",
      timeZone: "UTC",
      hours: [],
      holidays: [],
      isDefault: false,
      groupIds: [],
    });
    fixture.slaPolicyId = await createSlaPolicy(db(), {
      ...slaPolicyBody(),
      position: 50,
      conditions: { priorities: ["low"], serviceIds: [], organizationIds: [], ticketTypeIds: [] },
    });
    fixture.failedJobId = (
      await db()
        .updateTable("jobs")
        .set({ status: "failed" })
        .where("id", "=", (await db().selectFrom("jobs").select("id").executeTakeFirstOrThrow()).id)
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    const kbEditor = { ...agentActor, user: { ...agentActor.user, permissions: ["kb.edit" as const] } };
    const kbReading = await createKbCategory(
      db(),
      kbCategoryInputSchema.parse({ name: "Reading", slug: "matrix-reading" }),
    );
    fixture.kbCategoryId = await createKbCategory(
      db(),
      kbCategoryInputSchema.parse({ name: "Scratch", slug: "matrix-scratch" }),
    );
    for (const [slug, visibility] of [
      ["matrix-public", "public"],
      ["matrix-customers", "customers"],
    ] as const) {
      const id = await createArticle(
        { db: db(), engine },
        kbEditor,
        kbArticleInputSchema.parse({ title: "Matrix article", slug, visibility, categoryId: kbReading }),
      );
      await setArticleStatus(db(), id, "published");
      if (visibility === "public") fixture.kbArticleId = id;
    }
    fixture.ruleId = await createRule(db(), automationRuleInputSchema.parse(ruleBody()));
    const ticketAId = (
      await db().selectFrom("tickets").select("id").where("number", "=", ticketA).executeTakeFirstOrThrow()
    ).id;
    fixture.surveyToken = await db()
      .transaction()
      .execute((trx) => issueSurvey(trx, ticketAId, `customera-${engine}@example.com`, new Date()));
    fixture.satisfactionReasonId = await createSatisfactionReason(db(), {
      label: "Scratch satisfaction reason",
      position: 9,
    });
    fixture.webhookId = (
      await createWebhook({ db: db(), config: testConfig() }, webhookInputSchema.parse(webhookBody()))
    ).id;
    fixture.deliveryId = await sendTestEvent(db(), fixture.webhookId, { id: users.admin ?? "", name: "admin" });
    fixture.tokenId = (
      await createApiToken(db(), { name: "Scratch token", userId: fixture.userId, scopes: ["read"], expiresInDays: 1 })
    ).id;
    fixture.commentId = (
      await inject("POST", `/api/v1/tickets/${ticketA}/comments`, "admin", { body: "A reply to correct" })
    ).json().id;
    fixture.scratchCommentId = (
      await inject("POST", `/api/v1/tickets/${ticketA}/comments`, "admin", { body: "A reply to remove" })
    ).json().id;
    expect((await inject("DELETE", `/api/v1/tickets/${fixture.deletedTicket}`, "admin")).statusCode).toBe(204);
    // Agent tools' fixtures, made through the API as the admin.
    fixture.taskId = (
      await inject("POST", `/api/v1/tickets/${ticketA}/tasks`, "admin", { title: "Scratch task" })
    ).json().id;
    fixture.linkedTicket = await submitAsA("Related to A's");
    fixture.duplicateTicket = await submitAsA("Duplicate of the related one");
    // An image uploaded by the admin, shown in the customers' article.
    const image = await injectMultipart("/api/v1/admin/kb/images", "admin", multipartForm("image", {}, [tinyPng]));
    fixture.kbImageId = image.json().id;
    await db()
      .updateTable("kb_articles")
      .set({ body: `<p>Look:</p><img src="/api/v1/kb/images/${fixture.kbImageId}" alt="">` })
      .where("slug", "=", "matrix-customers")
      .execute();
    fixture.sharedMacroId = (
      await inject("POST", "/api/v1/macros", "admin", { name: "Shared reply", body: "<p>Hi</p>", shared: true })
    ).json().id;

    const doc = (await app.inject("/api/openapi.json")).json() as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(
      operations.filter((op) => !(op in matrix)),
      "routes without a row in the authorization matrix",
    ).toEqual([]);

    const failures: string[] = [];
    for (const [operation, row] of Object.entries(matrix)) {
      const [method = "GET"] = operation.split(" ");
      for (const actor of actors) {
        const submission = await buildSubmission(db(), { subject: `From ${actor}` });
        const payload = operation === "POST /api/v1/tickets" ? submission : row.body?.(fixture);
        const response = row.stream
          ? await streamStatus(app, row.path(fixture), credentials.get(actor)?.cookie)
          : row.multipart
            ? await injectMultipart(
                row.path(fixture),
                actor,
                row.multipart === "image"
                  ? multipartForm("image", {}, [tinyPng])
                  : row.multipart === "file"
                    ? multipartForm("metadata", {}, [{ name: "log.txt", content: "E42" }], "file")
                    : multipartForm(
                        row.multipart === "comment" ? "comment" : "submission",
                        row.multipart === "comment" ? payload : submission,
                        [{ name: "note.txt", content: "hello" }],
                      ),
              )
            : await inject(method, row.path(fixture), actor, payload);
        if (response.statusCode !== row.expected[actor]) {
          failures.push(
            `${operation} as ${actor}: expected ${row.expected[actor]}, got ${response.statusCode} ${response.body.slice(0, 120)}`,
          );
        }
      }
    }
    await app.close(); // the stream rows made it listen on a port
    expect(failures).toEqual([]);

    // The document says who may call each operation (its security): what the matrix lets a visitor without
    // credentials use lists `{}`, what it lets a guest's access link open lists guestAccess.
    const security = (operation: string) => {
      const [method = "", path = ""] = operation.split(" ");
      const op = doc.paths[path]?.[method.toLowerCase()] as { security?: Record<string, unknown>[] } | undefined;
      return op?.security ?? [];
    };
    const undocumented = Object.entries(matrix).flatMap(([operation, row]) => {
      if (!(operation in Object.fromEntries(operations.map((op) => [op, true])))) return [];
      const schemes = security(operation);
      const open = schemes.some((scheme) => Object.keys(scheme).length === 0);
      const guest = open || schemes.some((scheme) => "guestAccess" in scheme);
      if (row.expected.anonymous < 300 && !open)
        return [`${operation}: anonymous callers get ${row.expected.anonymous}`];
      if (row.expected.guest < 300 && !guest) return [`${operation}: guests get ${row.expected.guest}`];
      return [];
    });
    expect(undocumented, "operations whose security in the document leaves out who may call them").toEqual([]);
  }, 120_000);
});
