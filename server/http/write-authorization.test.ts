/**
 * The write matrix: every mutating route of the OpenAPI document (POST, PUT,
 * PATCH, DELETE), with every kind of actor, answers exactly as the policy
 * says, and a refused write answers with its error code and changes nothing.
 *
 * Ticket writes (`rows`) are tried on a ticket of the actor's own and on a
 * foreign one. A write that goes through leaves a changed world, so the next
 * case gets fresh tickets; a refused one is proven to have changed nothing,
 * so the next case reuses them. Every other write (`routeRows`: accounts and
 * sessions, the request forms, new tickets, views, macros, administration)
 * is tried on its own resource, the actor's own and someone else's where a
 * resource belongs to someone; a refusal must leave the tables the route
 * writes exactly as they were. A mutating route without a row, or a row
 * without a route, fails the suite.
 */
import { type Kysely, sql } from "kysely";
import { expect, it } from "vitest";
import { createApiToken } from "../accounts/commands/manage-api-tokens.ts";
import { createGroup, createOrganization, createRole } from "../accounts/commands/manage-directory.ts";
import { issueGuestLink } from "../accounts/guest-links.ts";
import { encodeJson } from "../db/engine.ts";
import { newId } from "../db/ids.ts";
import type { Database } from "../db/schema.ts";
import { createMailbox } from "../mail/inbound/mailboxes.ts";
import { settleInbound, storeInbound } from "../mail/inbound/store.ts";
import { issueSurvey } from "../satisfaction/surveys.ts";
import { describeEachEngine } from "../test/engines.ts";
import {
  buildSubmission,
  buildTestApp,
  buildUser,
  type MultipartFile,
  multipartForm,
  signInAs,
  testConfig,
  testPassword,
} from "../test/factories.ts";
import { sendTestEvent } from "../webhooks/commands/manage-endpoints.ts";
import type { App } from "./types.ts";

const actors = [
  "anonymous",
  "guestLink",
  "requester",
  "ccCustomer",
  "ccGuest",
  "departmentViewer",
  "otherCustomer",
  "readOnlyAgent",
  "groupAgent",
  "agent",
  "admin",
] as const;
type ActorName = (typeof actors)[number];
/** An HTTP status, or "failed": a bulk edit answers 200 and lists the ticket it refused. */
type Outcome = number | "failed";

/**
 * What each way of standing to a ticket gets: its requester, someone copied,
 * a colleague in the department (reading, not acting), a read-only agent, an
 * agent working it, and someone who cannot see it at all.
 */
type ByStanding = {
  requester: Outcome;
  copied: Outcome;
  colleague: Outcome;
  viewer: Outcome;
  worker: Outcome;
  outsider: Outcome;
  /** Exceptions, on both tickets (e.g. a route refused to guests before any lookup). */
  except?: Partial<Record<ActorName, Outcome>>;
  /** Exceptions on their own ticket only (e.g. a CC removing their own address). */
  exceptOwn?: Partial<Record<ActorName, Outcome>>;
};

type World = {
  ids: string[];
  own: number;
  foreign: number;
  /** Another of the requester's tickets, in the same group: the other end of links and merges. */
  sibling: number;
  ownTask: string;
  foreignTask: string;
  /** A public reply from an agent on each ticket, to correct or remove. */
  ownComment: string;
  foreignComment: string;
  guests: Record<"guestLink" | "ccGuest", { cookie: string; csrf: string }>;
};

type Row = {
  path: (number: number, w: World, which: "own" | "foreign") => string;
  body?: (w: World) => unknown;
  multipart?: boolean;
  /** The tickets start closed (follow-ups are for finished requests). */
  closed?: boolean;
  expected: ByStanding;
  outcome?: (status: number, body: string) => Outcome;
};

/** Routes refused to everyone but agents who work tickets before any ticket is looked up. */
const agentTool = (success: number): ByStanding => ({
  requester: 403,
  copied: 403,
  colleague: 403,
  viewer: 403,
  worker: success,
  outsider: 403,
  except: { anonymous: 401, groupAgent: 404 },
});
/** Anyone who can see the ticket (reading, recording a visit, their own alerts). */
const anyReader = (success: number): ByStanding => ({
  requester: success,
  copied: success,
  colleague: success,
  viewer: success,
  worker: success,
  outsider: 404,
});
/** The requester's own decisions (solve, withdraw, follow up, copy people), which agents working it share. */
const requesterOrWorker = (success: number): ByStanding => ({
  requester: success,
  copied: 403,
  colleague: 403,
  viewer: 403,
  worker: success,
  outsider: 404,
});

const rows: Record<string, Row> = {
  "POST /api/v1/tickets/{number}/comments": {
    path: (n) => `/api/v1/tickets/${n}/comments`,
    body: () => ({ body: "A public comment" }),
    expected: { ...requesterOrWorker(201), copied: 201 },
  },
  "POST /api/v1/tickets/{number}/comments — internal note": {
    path: (n) => `/api/v1/tickets/${n}/comments`,
    body: () => ({ body: "An internal note", kind: "note" }),
    expected: { ...requesterOrWorker(201), requester: 403 },
  },
  "POST /api/v1/tickets/{number}/comments — private comment": {
    path: (n) => `/api/v1/tickets/${n}/comments`,
    body: () => ({ body: "A private comment", kind: "private" }),
    expected: { ...requesterOrWorker(201), requester: 403 },
  },
  "POST /api/v1/tickets/{number}/comments/with-attachments": {
    path: (n) => `/api/v1/tickets/${n}/comments/with-attachments`,
    body: () => ({ body: "A comment with a file" }),
    multipart: true,
    expected: { ...requesterOrWorker(201), copied: 201 },
  },
  // Issue 17: comments are corrected and removed by agents working the ticket, never by customers.
  "PATCH /api/v1/tickets/{number}/comments/{id}": {
    path: (n, w, which) => `/api/v1/tickets/${n}/comments/${which === "own" ? w.ownComment : w.foreignComment}`,
    body: () => ({ body: "Corrected words" }),
    expected: agentTool(204),
  },
  "DELETE /api/v1/tickets/{number}/comments/{id}": {
    path: (n, w, which) => `/api/v1/tickets/${n}/comments/${which === "own" ? w.ownComment : w.foreignComment}`,
    expected: agentTool(204),
  },
  "PUT /api/v1/tickets/{number}/tags/{tag}": {
    path: (n) => `/api/v1/tickets/${n}/tags/billing`,
    expected: agentTool(204),
  },
  "DELETE /api/v1/tickets/{number}/tags/{tag}": {
    path: (n) => `/api/v1/tickets/${n}/tags/billing`,
    expected: agentTool(204),
  },
  // Deleting is for admins (tickets.delete), refused to everyone else before the ticket is looked up.
  "DELETE /api/v1/tickets/{number}": {
    path: (n) => `/api/v1/tickets/${n}`,
    expected: {
      requester: 403,
      copied: 403,
      colleague: 403,
      viewer: 403,
      worker: 403,
      outsider: 403,
      except: { anonymous: 401, groupAgent: 403, admin: 204 },
    },
  },
  "POST /api/v1/tickets/{number}/views": { path: (n) => `/api/v1/tickets/${n}/views`, expected: anyReader(204) },
  "PUT /api/v1/tickets/{number}/alerts/{kind}": {
    path: (n) => `/api/v1/tickets/${n}/alerts/ticket_completed`,
    expected: anyReader(204),
  },
  "DELETE /api/v1/tickets/{number}/alerts/{kind}": {
    path: (n) => `/api/v1/tickets/${n}/alerts/ticket_completed`,
    expected: anyReader(204),
  },
  "POST /api/v1/tickets/{number}/ccs": {
    // Copying someone mails them the conversation and an access link: the requester's call, or an agent's.
    path: (n) => `/api/v1/tickets/${n}/ccs`,
    body: () => ({ email: "outsider@elsewhere.example" }),
    expected: requesterOrWorker(204),
  },
  "DELETE /api/v1/tickets/{number}/ccs/{email}": {
    // The guest's address: someone else for everybody but the CC'd guest, who may remove themselves.
    path: (n) => `/api/v1/tickets/${n}/ccs/cc.guest@example.com`,
    expected: { ...requesterOrWorker(204), exceptOwn: { ccGuest: 204 } },
  },
  "POST /api/v1/tickets/{number}/status": {
    path: (n) => `/api/v1/tickets/${n}/status`,
    body: () => ({ statusId: openStatusId }),
    expected: { ...requesterOrWorker(204), requester: 403 },
  },
  "PATCH /api/v1/tickets/{number}": {
    path: (n) => `/api/v1/tickets/${n}`,
    body: () => ({ priority: "urgent" }),
    expected: agentTool(204),
  },
  "POST /api/v1/tickets/{number}/solve": {
    path: (n) => `/api/v1/tickets/${n}/solve`,
    body: () => ({}),
    expected: requesterOrWorker(204),
  },
  "POST /api/v1/tickets/{number}/solve — with a comment": {
    path: (n) => `/api/v1/tickets/${n}/solve`,
    body: () => ({ comment: { body: "Works now, thanks" } }),
    expected: requesterOrWorker(204),
  },
  "POST /api/v1/tickets/{number}/withdraw": {
    path: (n) => `/api/v1/tickets/${n}/withdraw`,
    body: () => ({ reasonId: withdrawReasonId }),
    expected: requesterOrWorker(204),
  },
  "POST /api/v1/tickets/{number}/follow-ups": {
    path: (n) => `/api/v1/tickets/${n}/follow-ups`,
    body: () => ({ subject: "Still broken", message: "It came back." }),
    closed: true,
    expected: requesterOrWorker(201),
  },
  // Satisfaction: only the requester rates, once the request is solved; these tickets are open, so they are told so.
  "POST /api/v1/tickets/{number}/satisfaction": {
    path: (n) => `/api/v1/tickets/${n}/satisfaction`,
    body: () => ({ rating: "good" }),
    expected: { ...requesterOrWorker(409), copied: 403, colleague: 403, viewer: 403, worker: 403 },
  },
  "POST /api/v1/tickets/{number}/presence": {
    path: (n) => `/api/v1/tickets/${n}/presence`,
    body: () => ({ state: "viewing" }),
    expected: { ...agentTool(204), except: { anonymous: 401, guestLink: 401, ccGuest: 401, groupAgent: 404 } },
  },
  // Knowledge base from a ticket: agents who work tickets and may edit articles (kb.edit).
  "POST /api/v1/tickets/{number}/kb-articles": {
    path: (n) => `/api/v1/tickets/${n}/kb-articles`,
    // The group agents' role here works tickets but has no kb.edit: refused before the ticket is looked up.
    expected: { ...agentTool(201), except: { anonymous: 401, groupAgent: 403 } },
  },
  "POST /api/v1/tickets/{number}/tasks": {
    path: (n) => `/api/v1/tickets/${n}/tasks`,
    body: () => ({ title: "Call the requester" }),
    expected: agentTool(201),
  },
  "PATCH /api/v1/tickets/{number}/tasks/{id}": {
    path: (n, w, which) => `/api/v1/tickets/${n}/tasks/${which === "own" ? w.ownTask : w.foreignTask}`,
    body: () => ({ done: true }),
    expected: agentTool(204),
  },
  "DELETE /api/v1/tickets/{number}/tasks/{id}": {
    path: (n, w, which) => `/api/v1/tickets/${n}/tasks/${which === "own" ? w.ownTask : w.foreignTask}`,
    expected: agentTool(204),
  },
  "POST /api/v1/tickets/{number}/links": {
    path: (n) => `/api/v1/tickets/${n}/links`,
    body: (w) => ({ number: w.sibling }),
    expected: agentTool(204),
  },
  "DELETE /api/v1/tickets/{number}/links/{other}": {
    path: (n, w) => `/api/v1/tickets/${n}/links/${w.sibling}`,
    expected: agentTool(204),
  },
  "POST /api/v1/tickets/{number}/merge": {
    path: (n) => `/api/v1/tickets/${n}/merge`,
    body: (w) => ({ into: w.sibling }),
    expected: agentTool(204),
  },
  "POST /api/v1/tickets/{number}/macros/{id}/apply": {
    path: (n) => `/api/v1/tickets/${n}/macros/${macroId}/apply`,
    expected: agentTool(200),
  },
  "POST /api/v1/agent/tickets/bulk": {
    path: () => "/api/v1/agent/tickets/bulk",
    body: () => undefined, // set per ticket below
    expected: { ...agentTool(200), except: { anonymous: 401, groupAgent: "failed" } },
    outcome: (status, body) => (status === 200 && JSON.parse(body).failed.length > 0 ? "failed" : status),
  },
};

/**
 * Every other mutating route: accounts and sessions, the public forms, the
 * agent tools that are not about one ticket (new tickets, views, macros) and
 * every admin route. A route acts on the caller themselves (password), on a
 * resource the caller may own (views, macros, their own user and API
 * tokens), or on one shared resource; `targets` lists which are tried.
 */
type Target = "one" | "own" | "foreign" | "shared";
/** `multipart` names the JSON part; the file goes in `fileField` ("attachments" unless said otherwise). */
type Prepared = { url: string; body?: unknown; multipart?: string; file?: MultipartFile; fileField?: string };
// The smallest real PNG, for uploads that take images only.
const tinyPng = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);
type RouteRow = {
  targets?: Target[];
  prepare: (c: RouteContext, actor: ActorName, target: Target) => Promise<Prepared>;
  expected: (target: Target) => Record<ActorName, Outcome>;
  /**
   * The tables the route writes: a refusal must leave them exactly as they were. "table#count" compares only
   * how many rows it has, for the big append-only ones (a refused create adds none).
   */
  tables: string[];
};
type RouteContext = {
  app: App;
  db: Kysely<Database>;
  userId: (actor: ActorName) => string | null;
  /** Another agent, whose views and personal macros are everybody else's "foreign" ones. */
  bystanderId: string;
  /** The group agent's group: a ticket opened there stays in sight of everyone who may open one. */
  groupId: string;
  /** Creates something through the admin API and answers its id. */
  created: (url: string, body: unknown) => Promise<string>;
  /** The administrator's credentials, for a setup step that is not a create. */
  adminHeaders: () => Record<string, string>;
};

const every = (outcome: Outcome): Record<ActorName, Outcome> =>
  Object.fromEntries(actors.map((a) => [a, outcome])) as Record<ActorName, Outcome>;
/** Admin routes: visitors and guests are asked to sign in, every user without the permission is refused. */
const adminOnly = (success: number) => () => ({
  ...every(403),
  anonymous: 401,
  guestLink: 401,
  ccGuest: 401,
  admin: success,
});
/** Agent tools: only users who work tickets (tickets.work), refused before anything is looked up. */
const ticketWorkers = (success: Outcome): Record<ActorName, Outcome> => ({
  ...every(403),
  anonymous: 401,
  groupAgent: success,
  agent: success,
  admin: success,
});
const signedInUsers = (success: number) => () => ({ ...every(success), anonymous: 401, guestLink: 401, ccGuest: 401 });
/** Open to everyone alike (sign-in, registration, resets, access links): the answer says nothing about the caller. */
const anyone = (outcome: number) => () => every(outcome);
/** The request forms: visitors and guests use them; account holders need tickets.submit. */
const submitters = (success: number) => () => ({ ...every(success), readOnlyAgent: 403, groupAgent: 403 });

let counter = 0;
const unique = () => {
  counter += 1;
  return `${Date.now().toString(36)}-${counter}`;
};
const randomId = () => newId();

function serviceBody(slug: string, ticketTypeId: string) {
  return {
    name: `Service ${slug}`,
    slug,
    categoryId: null,
    summary: "Short",
    ticketTypeId,
    defaultPriority: "medium",
    visibility: "public",
  };
}
const slaPolicyBody = () => ({
  name: `Policy ${unique()}`,
  conditions: { priorities: ["low"] },
  firstResponseMinutes: 30,
  resolutionMinutes: null,
  businessTime: true,
  calendarId: null,
});
/** Switched off, so the tickets of the other rows enqueue nothing for it. */
const webhookBody = () => ({ url: "https://hooks.example.com/switchboard", events: ["created"], active: false });
/** Inactive, so it changes nothing about the tickets of the other rows. */
const ruleBody = () => ({
  name: `Rule ${unique()}`,
  kind: "time_rule",
  active: false,
  conditions: {},
  statusCategory: "pending",
  afterBusinessDays: 5,
  actions: { remindRequester: true },
});
const generalType = async (db: Kysely<Database>) =>
  (await db.selectFrom("ticket_types").select("id").where("key", "=", "general").executeTakeFirstOrThrow()).id;

/** A message held for review in a mailbox of its own. */
async function heldMessage(db: Kysely<Database>): Promise<string> {
  const address = `held-${unique()}@support.example`;
  const mailboxId = await createMailbox(db, {
    name: "Held",
    address,
    groupId: null,
    categoryId: null,
    active: true,
    imap: null,
  });
  const raw = Buffer.from(`To: ${address}\r\nSubject: Held\r\nMessage-ID: <${unique()}@example.com>\r\n\r\nHi\r\n`);
  const { id } = await storeInbound(db, { mailboxId, raw, source: "smtp", envelopeFrom: null });
  await settleInbound(db, id, { status: "review", reason: "no_sender" });
  return id;
}

async function personalMacro(db: Kysely<Database>, ownerId: string): Promise<string> {
  const id = newId();
  const at = new Date().toISOString();
  await db
    .insertInto("macros")
    .values({
      id,
      name: `Mine ${unique()}`,
      owner_id: ownerId,
      body: "<p>Hi</p>",
      status_id: null,
      priority: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}
async function savedView(db: Kysely<Database>, ownerId: string): Promise<string> {
  const id = newId();
  await db
    .insertInto("saved_views")
    .values({ id, owner_id: ownerId, name: `View ${unique()}`, filters: "{}", created_at: new Date().toISOString() })
    .execute();
  return id;
}
/** The actor's own user (null for those without an account), else the bystander. */
const ownerFor = (c: RouteContext, actor: ActorName, target: Target) =>
  target === "own" ? c.userId(actor) : c.bystanderId;
/** An id for the owner's new resource; for nobody, an id nothing has. */
const madeFor = async (owner: string | null, make: (owner: string) => Promise<string>) =>
  owner ? make(owner) : randomId();

const adminCollection = (path: string, body: () => unknown, tables: string[]): Record<string, RouteRow> => ({
  [`POST ${path}`]: { prepare: async () => ({ url: path, body: body() }), expected: adminOnly(201), tables },
  [`PUT ${path}/{id}`]: {
    prepare: async (c) => ({ url: `${path}/${await c.created(path, body())}`, body: body() }),
    expected: adminOnly(204),
    tables,
  },
  [`DELETE ${path}/{id}`]: {
    prepare: async (c) => ({ url: `${path}/${await c.created(path, body())}` }),
    expected: adminOnly(204),
    tables,
  },
});

/** Knowledge base editors: `kb.edit`, which the built-in Agent and Administrator roles hold. */
const kbEditors = (success: number) => () => ({ ...adminOnly(success)(), agent: success });
/** Help Centre writes anyone may make: votes and the form's suggestions (a browser, signed in or not). */
const kbReaders = (success: number) => () => every(success);
const kbCategoryBody = () => ({ name: `Section ${unique()}`, slug: `section-${unique()}` });
const kbArticleBody = () => ({ title: `Article ${unique()}`, slug: `article-${unique()}`, body: "<p>How to</p>" });
/** A published public article, made by the administrator: its id and slug. */
async function publishedArticle(c: RouteContext): Promise<{ id: string; slug: string }> {
  const body = kbArticleBody();
  const id = await c.created("/api/v1/admin/kb/articles", body);
  const published = await c.app.inject({
    method: "POST",
    url: `/api/v1/admin/kb/articles/${id}/status`,
    headers: c.adminHeaders(),
    payload: { status: "published" },
  });
  if (published.statusCode !== 204) throw new Error(`publishing failed: ${published.body}`);
  return { id, slug: body.slug };
}

/** A guest's request, solved, with its survey sent: answers the survey link's token. */
async function solvedTicketSurvey(c: RouteContext): Promise<string> {
  const email = `rater-${unique()}@example.com`;
  const submitted = await c.app.inject({
    method: "POST",
    url: "/api/v1/tickets",
    payload: await buildSubmission(c.db, { email, subject: "To rate" }),
  });
  if (submitted.statusCode !== 201) throw new Error(`submitting failed: ${submitted.body}`);
  const solved = await c.db
    .selectFrom("statuses")
    .select("id")
    .where("category", "=", "solved")
    .executeTakeFirstOrThrow();
  const ticket = await c.db
    .updateTable("tickets")
    .set({ status_id: solved.id })
    .where("number", "=", submitted.json().number)
    .returning("id")
    .executeTakeFirstOrThrow();
  return c.db.transaction().execute((trx) => issueSurvey(trx, ticket.id, email, new Date()));
}

const routeRows: Record<string, RouteRow> = {
  // Signing in and out, accounts, resets, access links: open to all, and the same for all.
  "POST /api/v1/session": {
    prepare: async () => ({
      url: "/api/v1/session",
      body: { email: "nobody@example.com", password: "wrong password" },
    }),
    expected: anyone(401),
    tables: ["sessions"],
  },
  "POST /api/v1/accounts": {
    prepare: async () => ({
      url: "/api/v1/accounts",
      body: { name: "New", email: `new-${unique()}@example.com`, password: "a long password" },
    }),
    expected: anyone(202),
    tables: ["users"],
  },
  "POST /api/v1/accounts/confirmation": {
    prepare: async () => ({ url: "/api/v1/accounts/confirmation", body: { token: "x".repeat(43) } }),
    expected: anyone(400),
    tables: ["users", "sessions"],
  },
  "POST /api/v1/accounts/confirmation/resend": {
    prepare: async () => ({ url: "/api/v1/accounts/confirmation/resend", body: { email: "someone@example.com" } }),
    expected: anyone(202),
    tables: [],
  },
  "POST /api/v1/password-resets": {
    prepare: async () => ({ url: "/api/v1/password-resets", body: { email: "someone@example.com" } }),
    expected: anyone(202),
    tables: [],
  },
  "POST /api/v1/password-resets/complete": {
    prepare: async () => ({
      url: "/api/v1/password-resets/complete",
      body: { token: "x".repeat(43), password: "a long password" },
    }),
    expected: anyone(400),
    tables: ["users"],
  },
  "POST /api/v1/status-checks": {
    prepare: async () => ({ url: "/api/v1/status-checks", body: { email: "someone@example.com", number: 1 } }),
    expected: anyone(202),
    tables: [],
  },
  // A survey link is the requester's proof, whoever holds it: each try gets a fresh survey of a solved ticket.
  "POST /api/v1/satisfaction/{token}": {
    prepare: async (c) => ({ url: `/api/v1/satisfaction/${await solvedTicketSurvey(c)}`, body: { rating: "good" } }),
    expected: anyone(204),
    tables: ["satisfaction_surveys", "ticket_events#count"],
  },
  "POST /api/v1/guest-sessions": {
    prepare: async () => ({ url: "/api/v1/guest-sessions", body: { token: "x".repeat(43) } }),
    expected: anyone(400),
    tables: ["guest_sessions"],
  },
  "POST /api/v1/account/password": {
    // Their own password, set to what it is: it works for every account holder and changes nothing for the next rows.
    prepare: async () => ({
      url: "/api/v1/account/password",
      body: { currentPassword: testPassword, newPassword: testPassword },
    }),
    expected: signedInUsers(200),
    tables: ["users"],
  },
  "PUT /api/v1/account/preferences": {
    // Back to the defaults each time: every account holder may set their own, and the next rows see no change.
    prepare: async () => ({ url: "/api/v1/account/preferences", body: { locale: null, timeZone: null } }),
    expected: signedInUsers(204),
    tables: ["users"],
  },
  "PUT /api/v1/admin/settings/default-locale": {
    prepare: async () => ({ url: "/api/v1/admin/settings/default-locale", body: { locale: "en" } }),
    expected: adminOnly(204),
    tables: ["settings"],
  },
  "PUT /api/v1/admin/translations/{kind}/{id}": {
    prepare: async (c) => ({
      url: `/api/v1/admin/translations/ticket-type/${await generalType(c.db)}`,
      body: { de: { name: "Allgemeine Anfrage" } },
    }),
    expected: adminOnly(204),
    tables: ["content_translations"],
  },
  // The request forms.
  "POST /api/v1/tickets": {
    prepare: async (c, actor) => ({
      url: "/api/v1/tickets",
      body: await buildSubmission(c.db, { subject: `From ${actor}` }),
    }),
    expected: submitters(201),
    tables: ["ticket_events#count"],
  },
  "POST /api/v1/tickets — a service for signed-in customers": {
    // The catalog's scope decides the form too: visitors and guests cannot file under a service they cannot see.
    prepare: async (c, actor) => ({
      url: "/api/v1/tickets",
      body: await buildSubmission(c.db, {
        subject: `Members' service, from ${actor}`,
        categoryId: undefined,
        serviceId: await c.created("/api/v1/admin/services", {
          ...serviceBody(`members-${unique()}`, await generalType(c.db)),
          visibility: "customers",
        }),
      }),
    }),
    expected: () => ({ ...submitters(201)(), anonymous: 400, guestLink: 400, ccGuest: 400 }),
    tables: ["ticket_events#count"],
  },
  "POST /api/v1/tickets/with-attachments": {
    prepare: async (c, actor) => ({
      url: "/api/v1/tickets/with-attachments",
      body: await buildSubmission(c.db, { subject: `With a file from ${actor}` }),
      multipart: "submission",
    }),
    expected: submitters(201),
    tables: ["attachments#count"],
  },
  // Agent tools that are not about one ticket.
  "POST /api/v1/agent/tickets": {
    prepare: async (c) => ({
      url: "/api/v1/agent/tickets",
      body: {
        requester: { name: "Phone Caller", email: `caller-${unique()}@example.com` },
        groupId: c.groupId,
        channel: "phone",
        subject: "Called about the VPN",
        message: "The VPN drops.",
      },
    }),
    expected: () => ticketWorkers(201),
    tables: ["ticket_events#count"],
  },
  "POST /api/v1/admin/deleted-tickets/{number}/restore": {
    prepare: async (c) => {
      const submitted = await c.app.inject({
        method: "POST",
        url: "/api/v1/tickets",
        payload: await buildSubmission(c.db, { subject: "Deleted by mistake" }),
      });
      const number = submitted.json().number as number;
      await c.app.inject({ method: "DELETE", url: `/api/v1/tickets/${number}`, headers: c.adminHeaders() });
      return { url: `/api/v1/admin/deleted-tickets/${number}/restore` };
    },
    expected: adminOnly(204),
    tables: ["tickets", "deleted_records"],
  },
  "POST /api/v1/agent/views": {
    prepare: async () => ({ url: "/api/v1/agent/views", body: { name: `View ${unique()}`, filters: {} } }),
    expected: () => ticketWorkers(201),
    tables: ["saved_views"],
  },
  "PUT /api/v1/agent/views/{id}": {
    // An agent's views are their own: anyone else's reads as not found.
    targets: ["own", "foreign"],
    prepare: async (c, actor, target) => ({
      url: `/api/v1/agent/views/${await madeFor(ownerFor(c, actor, target), (o) => savedView(c.db, o))}`,
      body: { name: `Renamed ${unique()}`, filters: {} },
    }),
    expected: (target) => ticketWorkers(target === "own" ? 204 : 404),
    tables: ["saved_views"],
  },
  "DELETE /api/v1/agent/views/{id}": {
    targets: ["own", "foreign"],
    prepare: async (c, actor, target) => ({
      url: `/api/v1/agent/views/${await madeFor(ownerFor(c, actor, target), (o) => savedView(c.db, o))}`,
    }),
    expected: (target) => ticketWorkers(target === "own" ? 204 : 404),
    tables: ["saved_views"],
  },
  "POST /api/v1/macros": {
    targets: ["own", "shared"],
    prepare: async (_c, _actor, target) => ({
      url: "/api/v1/macros",
      body: { name: `Reply ${unique()}`, body: "<p>Thanks!</p>", shared: target === "shared" },
    }),
    // A personal macro is any agent's; a shared one is the administrators' (admin.settings).
    expected: (target) =>
      target === "own" ? ticketWorkers(201) : { ...ticketWorkers(403), groupAgent: 403, agent: 403, admin: 201 },
    tables: ["macros"],
  },
  "PUT /api/v1/macros/{id}": {
    targets: ["own", "foreign", "shared"],
    prepare: async (c, actor, target) => ({
      url: `/api/v1/macros/${target === "shared" ? await c.created("/api/v1/macros", { name: `Shared ${unique()}`, body: "<p>Hi</p>", shared: true }) : await madeFor(ownerFor(c, actor, target), (o) => personalMacro(c.db, o))}`,
      body: { name: `Renamed ${unique()}`, body: "<p>Hello</p>", shared: target === "shared" },
    }),
    expected: (target) =>
      target === "own"
        ? ticketWorkers(204)
        : target === "foreign"
          ? ticketWorkers(404)
          : { ...ticketWorkers(403), groupAgent: 403, agent: 403, admin: 204 },
    tables: ["macros"],
  },
  "PUT /api/v1/macros/{id} — sharing one's own": {
    // Turning a personal macro into a shared one is an administrator's call, even for its owner.
    targets: ["own"],
    prepare: async (c, actor, target) => ({
      url: `/api/v1/macros/${await madeFor(ownerFor(c, actor, target), (o) => personalMacro(c.db, o))}`,
      body: { name: `Shared now ${unique()}`, body: "<p>Hello</p>", shared: true },
    }),
    expected: () => ({ ...ticketWorkers(403), admin: 204 }),
    tables: ["macros"],
  },
  "DELETE /api/v1/macros/{id}": {
    targets: ["own", "foreign", "shared"],
    prepare: async (c, actor, target) => ({
      url: `/api/v1/macros/${target === "shared" ? await c.created("/api/v1/macros", { name: `Shared ${unique()}`, body: "<p>Hi</p>", shared: true }) : await madeFor(ownerFor(c, actor, target), (o) => personalMacro(c.db, o))}`,
    }),
    expected: (target) =>
      target === "own"
        ? ticketWorkers(204)
        : target === "foreign"
          ? ticketWorkers(404)
          : { ...ticketWorkers(403), groupAgent: 403, agent: 403, admin: 204 },
    tables: ["macros"],
  },
  // Administration: only users with the permission (the administrator here), whoever else asks.
  ...adminCollection("/api/v1/admin/withdraw-reasons", () => ({ label: `Reason ${unique()}` }), ["withdraw_reasons"]),
  ...adminCollection("/api/v1/admin/satisfaction-reasons", () => ({ label: `Reason ${unique()}` }), [
    "satisfaction_reasons",
  ]),
  "PUT /api/v1/admin/satisfaction-settings": {
    prepare: async () => ({
      url: "/api/v1/admin/satisfaction-settings",
      body: { enabled: true, delayMinutes: 30, excludedGroupIds: [], excludedServiceIds: [] },
    }),
    expected: adminOnly(204),
    tables: ["satisfaction_settings", "satisfaction_excluded_groups", "satisfaction_excluded_services"],
  },
  ...adminCollection(
    "/api/v1/admin/statuses",
    () => ({ agentLabel: `Status ${unique()}`, customerLabel: "In progress", category: "on_hold" }),
    ["statuses"],
  ),
  ...adminCollection("/api/v1/admin/categories", () => ({ name: `Category ${unique()}` }), ["categories"]),
  ...adminCollection("/api/v1/admin/ticket-types", () => ({ name: `Type ${unique()}` }), ["ticket_types"]),
  ...adminCollection("/api/v1/admin/roles", () => ({ name: `Role ${unique()}`, permissions: [] }), [
    "roles",
    "user_roles",
  ]),
  ...adminCollection("/api/v1/admin/organizations", () => ({ name: `Org ${unique()}` }), ["organizations"]),
  ...adminCollection("/api/v1/admin/groups", () => ({ name: `Group ${unique()}` }), ["groups", "group_members"]),
  ...adminCollection(
    "/api/v1/admin/mailboxes",
    () => ({ name: "Sales", address: `sales-${unique()}@support.example` }),
    ["mailboxes"],
  ),
  // A password mailbox cannot be connected (409): what matters here is that nobody but the admin gets that far.
  "POST /api/v1/admin/mailboxes/{id}/oauth/connect": {
    prepare: async (c) => ({
      url: `/api/v1/admin/mailboxes/${await c.created("/api/v1/admin/mailboxes", { name: "Sales", address: `sales-${unique()}@support.example` })}/oauth/connect`,
    }),
    expected: adminOnly(409),
    tables: ["oauth_authorizations"],
  },
  ...adminCollection(
    "/api/v1/admin/calendars",
    () => ({ name: `Calendar ${unique()}`, timeZone: "UTC", hours: [], holidays: [] }),
    ["calendars"],
  ),
  ...adminCollection("/api/v1/admin/sla-policies", slaPolicyBody, ["sla_policies"]),
  ...adminCollection("/api/v1/admin/automation-rules", ruleBody, ["automation_rules"]),
  ...adminCollection("/api/v1/admin/webhooks", webhookBody, ["webhook_endpoints"]),
  "POST /api/v1/admin/webhooks/{id}/secret": {
    prepare: async (c) => ({
      url: `/api/v1/admin/webhooks/${await c.created("/api/v1/admin/webhooks", webhookBody())}/secret`,
    }),
    expected: adminOnly(200),
    tables: ["webhook_endpoints"],
  },
  "POST /api/v1/admin/webhooks/{id}/test": {
    prepare: async (c) => ({
      url: `/api/v1/admin/webhooks/${await c.created("/api/v1/admin/webhooks", webhookBody())}/test`,
    }),
    expected: adminOnly(202),
    tables: ["webhook_deliveries"],
  },
  "POST /api/v1/admin/webhook-deliveries/{id}/redeliver": {
    prepare: async (c) => {
      const webhook = await c.created("/api/v1/admin/webhooks", webhookBody());
      const delivery = await sendTestEvent(c.db, webhook, { id: c.bystanderId, name: "Bystander" });
      return { url: `/api/v1/admin/webhook-deliveries/${delivery}/redeliver` };
    },
    expected: adminOnly(202),
    tables: ["webhook_deliveries"],
  },
  // Knowledge base: editors manage categories and articles; readers vote and get suggestions.
  "POST /api/v1/admin/kb/categories": {
    prepare: async () => ({ url: "/api/v1/admin/kb/categories", body: kbCategoryBody() }),
    targets: ["own"],
    expected: kbEditors(201),
    tables: ["kb_categories"],
  },
  "PUT /api/v1/admin/kb/categories/{id}": {
    prepare: async (c) => ({
      url: `/api/v1/admin/kb/categories/${await c.created("/api/v1/admin/kb/categories", kbCategoryBody())}`,
      body: kbCategoryBody(),
    }),
    targets: ["own"],
    expected: kbEditors(204),
    tables: ["kb_categories"],
  },
  "PUT /api/v1/admin/translations/{kind}/{id} — a Help Centre category": {
    prepare: async (c) => ({
      url: `/api/v1/admin/translations/kb-category/${await c.created("/api/v1/admin/kb/categories", kbCategoryBody())}`,
      body: { de: { name: "Reisen", description: "Alles zur Reise" } },
    }),
    targets: ["own"],
    expected: kbEditors(204),
    tables: ["content_translations"],
  },
  "DELETE /api/v1/admin/kb/categories/{id}": {
    prepare: async (c) => {
      const id = await c.created("/api/v1/admin/kb/categories", kbCategoryBody());
      const translated = await c.app.inject({
        method: "PUT",
        url: `/api/v1/admin/translations/kb-category/${id}`,
        headers: c.adminHeaders(),
        payload: { de: { name: "Zu löschen" } },
      });
      if (translated.statusCode !== 204) throw new Error(`translating failed: ${translated.body}`);
      return { url: `/api/v1/admin/kb/categories/${id}` };
    },
    targets: ["own"],
    expected: kbEditors(204),
    // Its translations go with it, and stay when the deletion is refused.
    tables: ["kb_categories", "content_translations"],
  },
  "POST /api/v1/admin/kb/images": {
    prepare: async () => ({
      url: "/api/v1/admin/kb/images",
      body: {},
      multipart: "image",
      file: { name: "tray.png", content: tinyPng, type: "image/png" },
    }),
    targets: ["own"],
    expected: kbEditors(201),
    tables: ["kb_images"],
  },
  "POST /api/v1/admin/kb/articles": {
    prepare: async () => ({ url: "/api/v1/admin/kb/articles", body: kbArticleBody() }),
    targets: ["own"],
    expected: kbEditors(201),
    tables: ["kb_articles", "kb_revisions"],
  },
  "PUT /api/v1/admin/kb/articles/{id}": {
    prepare: async (c) => ({
      url: `/api/v1/admin/kb/articles/${await c.created("/api/v1/admin/kb/articles", kbArticleBody())}`,
      body: kbArticleBody(),
    }),
    targets: ["own"],
    expected: kbEditors(204),
    tables: ["kb_articles", "kb_revisions"],
  },
  "POST /api/v1/admin/kb/articles/{id}/status": {
    prepare: async (c) => ({
      url: `/api/v1/admin/kb/articles/${await c.created("/api/v1/admin/kb/articles", kbArticleBody())}/status`,
      body: { status: "published" },
    }),
    targets: ["own"],
    expected: kbEditors(204),
    tables: ["kb_articles"],
  },
  "POST /api/v1/admin/kb/articles/{id}/revisions/{number}/restore": {
    prepare: async (c) => ({
      url: `/api/v1/admin/kb/articles/${await c.created("/api/v1/admin/kb/articles", kbArticleBody())}/revisions/1/restore`,
    }),
    targets: ["own"],
    expected: kbEditors(204),
    tables: ["kb_articles", "kb_revisions"],
  },
  "PUT /api/v1/admin/kb/articles/{id}/translations/{locale}": {
    prepare: async (c) => ({
      url: `/api/v1/admin/kb/articles/${await c.created("/api/v1/admin/kb/articles", kbArticleBody())}/translations/de`,
      body: { title: "Anleitung", body: "<p>So geht es</p>", status: "published" },
    }),
    targets: ["own"],
    expected: kbEditors(204),
    tables: ["kb_article_translations"],
  },
  "DELETE /api/v1/admin/kb/articles/{id}/translations/{locale}": {
    prepare: async (c) => {
      const url = `/api/v1/admin/kb/articles/${await c.created("/api/v1/admin/kb/articles", kbArticleBody())}/translations/fr`;
      const saved = await c.app.inject({
        method: "PUT",
        url,
        headers: c.adminHeaders(),
        payload: { title: "Mode d’emploi", body: "<p>Voilà</p>", status: "draft" },
      });
      if (saved.statusCode !== 204) throw new Error(`translating failed: ${saved.body}`);
      return { url };
    },
    targets: ["own"],
    expected: kbEditors(204),
    tables: ["kb_article_translations"],
  },
  "POST /api/v1/admin/kb/articles/bulk": {
    prepare: async (c) => ({
      url: "/api/v1/admin/kb/articles/bulk",
      body: { action: "archive", ids: [await c.created("/api/v1/admin/kb/articles", kbArticleBody())] },
    }),
    targets: ["own"],
    expected: kbEditors(200),
    tables: ["kb_articles"],
  },
  "POST /api/v1/kb/articles/{id}/outdated": {
    prepare: async (c) => ({
      url: `/api/v1/kb/articles/${(await publishedArticle(c)).id}/outdated`,
      body: { note: "The screens changed" },
    }),
    targets: ["own"],
    expected: () => ticketWorkers(204),
    tables: ["kb_articles"],
  },
  "POST /api/v1/kb/articles/{slug}/votes": {
    prepare: async (c) => ({
      url: `/api/v1/kb/articles/${(await publishedArticle(c)).slug}/votes`,
      body: { helpful: false, comment: "Not what I needed" },
    }),
    targets: ["own"],
    expected: kbReaders(200),
    tables: ["kb_votes"],
  },
  "POST /api/v1/kb/suggestions": {
    prepare: async () => ({
      url: "/api/v1/kb/suggestions",
      body: { token: crypto.randomUUID(), subject: "article" },
    }),
    targets: ["own"],
    expected: kbReaders(200),
    tables: ["kb_suggestions"],
  },
  "POST /api/v1/kb/suggestions/opened": {
    prepare: async (c) => ({
      url: "/api/v1/kb/suggestions/opened",
      body: { token: crypto.randomUUID(), articleId: (await publishedArticle(c)).id },
    }),
    targets: ["own"],
    expected: kbReaders(204),
    tables: ["kb_suggestions"],
  },
  "POST /api/v1/admin/services": {
    prepare: async (c) => ({
      url: "/api/v1/admin/services",
      body: serviceBody(`s-${unique()}`, await generalType(c.db)),
    }),
    expected: adminOnly(201),
    tables: ["services"],
  },
  "PUT /api/v1/admin/services/{id}": {
    prepare: async (c) => {
      const type = await generalType(c.db);
      const id = await c.created("/api/v1/admin/services", serviceBody(`s-${unique()}`, type));
      return { url: `/api/v1/admin/services/${id}`, body: serviceBody(`renamed-${unique()}`, type) };
    },
    expected: adminOnly(204),
    tables: ["services"],
  },
  "DELETE /api/v1/admin/services/{id}": {
    prepare: async (c) => ({
      url: `/api/v1/admin/services/${await c.created("/api/v1/admin/services", serviceBody(`s-${unique()}`, await generalType(c.db)))}`,
    }),
    expected: adminOnly(204),
    tables: ["services"],
  },
  "POST /api/v1/admin/ticket-types/{id}/fields": {
    prepare: async (c) => ({
      url: `/api/v1/admin/ticket-types/${await generalType(c.db)}/fields`,
      body: { key: `f_${unique().replaceAll("-", "_")}`, label: "Cost centre", type: "text", customerAccess: "edit" },
    }),
    expected: adminOnly(201),
    tables: ["ticket_fields"],
  },
  "PUT /api/v1/admin/ticket-fields/{id}": {
    prepare: async (c) => {
      const key = `f_${unique().replaceAll("-", "_")}`;
      const body = { key, label: "Scratch", type: "text", customerAccess: "none" };
      const id = await c.created(`/api/v1/admin/ticket-types/${await generalType(c.db)}/fields`, body);
      return { url: `/api/v1/admin/ticket-fields/${id}`, body: { ...body, label: "Renamed" } };
    },
    expected: adminOnly(204),
    tables: ["ticket_fields"],
  },
  "DELETE /api/v1/admin/ticket-fields/{id}": {
    prepare: async (c) => {
      const body = {
        key: `f_${unique().replaceAll("-", "_")}`,
        label: "Scratch",
        type: "text",
        customerAccess: "none",
      };
      return {
        url: `/api/v1/admin/ticket-fields/${await c.created(`/api/v1/admin/ticket-types/${await generalType(c.db)}/fields`, body)}`,
      };
    },
    expected: adminOnly(204),
    tables: ["ticket_fields"],
  },
  "PUT /api/v1/admin/sla-statuses/{id}": {
    prepare: async (c) => ({
      url: `/api/v1/admin/sla-statuses/${(await c.db.selectFrom("statuses").select("id").where("key", "=", "on_hold").executeTakeFirstOrThrow()).id}`,
      body: { pausesClock: true },
    }),
    expected: adminOnly(204),
    tables: ["statuses"],
  },
  "POST /api/v1/admin/users": {
    prepare: async () => ({
      url: "/api/v1/admin/users",
      body: { name: "Invitee", email: `invitee-${unique()}@example.com`, licence: "admin" },
    }),
    expected: adminOnly(201),
    tables: ["users", "user_roles"],
  },
  "PATCH /api/v1/admin/users/{id}": {
    // Their own account made an administrator's, or someone else's renamed: the same refusal for both.
    targets: ["own", "foreign"],
    prepare: async (c, actor, target) => ({
      url: `/api/v1/admin/users/${ownerFor(c, actor, target) ?? randomId()}`,
      body: target === "own" ? { licence: "admin" } : { name: `Renamed ${unique()}` },
    }),
    expected: adminOnly(200),
    tables: ["users", "user_roles", "organization_members", "group_members"],
  },
  // Removing people (issue 17): their own account is refused to admins too (a help desk never loses its way in).
  "DELETE /api/v1/admin/users/{id}": {
    targets: ["own", "foreign"],
    prepare: async (c, actor, target) => ({
      url: `/api/v1/admin/users/${target === "own" ? (c.userId(actor) ?? randomId()) : await c.created("/api/v1/admin/users", { name: "Leaver", email: `leaver-${unique()}@example.com`, licence: "customer" })}`,
    }),
    expected: (target) => ({ ...adminOnly(204)(), ...(target === "own" ? { admin: 400 } : {}) }),
    tables: ["users", "sessions", "api_tokens", "deleted_records"],
  },
  "POST /api/v1/admin/users/{id}/anonymise": {
    targets: ["own", "foreign"],
    prepare: async (c, actor, target) => ({
      url: `/api/v1/admin/users/${target === "own" ? (c.userId(actor) ?? randomId()) : await c.created("/api/v1/admin/users", { name: "Erased", email: `erased-${unique()}@example.com`, licence: "customer" })}/anonymise`,
    }),
    expected: (target) => ({ ...adminOnly(200)(), ...(target === "own" ? { admin: 400 } : {}) }),
    tables: ["users", "sessions", "api_tokens", "tickets", "ticket_events#count"],
  },
  // A file on its own, waiting for its uploader: any signed-in user; a guest link attaches files to its comment.
  "POST /api/v1/uploads": {
    prepare: async () => ({
      url: "/api/v1/uploads",
      body: {},
      multipart: "metadata",
      file: { name: "log.txt", content: "E42", type: "text/plain" },
      fileField: "file",
    }),
    expected: () => ({ ...every(201), anonymous: 401, guestLink: 403, ccGuest: 403 }),
    tables: ["uploads"],
  },
  "POST /api/v1/admin/api-tokens": {
    // A token acting as themselves, or as someone else.
    targets: ["own", "foreign"],
    prepare: async (c, actor, target) => ({
      url: "/api/v1/admin/api-tokens",
      body: {
        name: "Integration",
        userId: ownerFor(c, actor, target) ?? randomId(),
        scopes: ["read", "write", "admin"],
      },
    }),
    expected: adminOnly(201),
    tables: ["api_tokens"],
  },
  "DELETE /api/v1/admin/api-tokens/{id}": {
    targets: ["own", "foreign"],
    prepare: async (c, actor, target) => {
      const userId = target === "own" ? c.userId(actor) : c.bystanderId;
      return {
        url: `/api/v1/admin/api-tokens/${userId ? (await createApiToken(c.db, { name: "Theirs", userId, scopes: ["read"], expiresInDays: 1 })).id : randomId()}`,
      };
    },
    expected: adminOnly(204),
    tables: ["api_tokens"],
  },
  "POST /api/v1/admin/inbound-messages/{id}/retry": {
    prepare: async (c) => ({
      url: `/api/v1/admin/inbound-messages/${await heldMessage(c.db)}/retry`,
      body: { mode: "route" },
    }),
    expected: adminOnly(204),
    tables: ["inbound_messages"],
  },
  "POST /api/v1/admin/inbound-messages/{id}/dismiss": {
    prepare: async (c) => ({ url: `/api/v1/admin/inbound-messages/${await heldMessage(c.db)}/dismiss` }),
    expected: adminOnly(204),
    tables: ["inbound_messages"],
  },
  "POST /api/v1/admin/jobs/rerun-failed": {
    prepare: async (c) => {
      await failedJob(c.db, "maintenance.cleanup");
      return { url: "/api/v1/admin/jobs/rerun-failed", body: { kind: "maintenance.cleanup" } };
    },
    expected: adminOnly(200),
    tables: ["jobs"],
  },
  "POST /api/v1/admin/jobs/{id}/rerun": {
    prepare: async (c) => ({ url: `/api/v1/admin/jobs/${await failedJob(c.db, "maintenance.cleanup")}/rerun` }),
    expected: adminOnly(204),
    tables: ["jobs"],
  },
  // Last: it ends the caller's session.
  "DELETE /api/v1/session": {
    prepare: async () => ({ url: "/api/v1/session" }),
    expected: anyone(204),
    tables: [],
  },
};

/** A job that failed for good, for the re-run routes (the jobs table is compared in every snapshot). */
async function failedJob(db: Kysely<Database>, kind: string): Promise<string> {
  const id = newId();
  const at = new Date().toISOString();
  await db
    .insertInto("jobs")
    .values({
      id,
      kind,
      payload: "{}",
      status: "failed",
      attempts: 5,
      max_attempts: 5,
      run_at: at,
      locked_until: null,
      last_error: "SMTP down",
      created_at: at,
      finished_at: at,
    })
    .execute();
  return id;
}

// Set once per engine, read by the rows' bodies.
let openStatusId = "";
let withdrawReasonId = "";
let macroId = "";

function expectedFor(row: Row, actor: ActorName, which: "own" | "foreign"): Outcome {
  const e = row.expected;
  if (which === "own" && e.exceptOwn?.[actor] !== undefined) return e.exceptOwn[actor];
  if (e.except?.[actor] !== undefined) return e.except[actor];
  if (actor === "anonymous") return 401;
  if (actor === "readOnlyAgent") return e.viewer;
  if (actor === "agent" || actor === "admin") return e.worker;
  if (actor === "groupAgent") return e.outsider === 403 ? 404 : e.outsider;
  // The foreign ticket is the other customer's own request, and nobody else's business.
  if (which === "foreign") return actor === "otherCustomer" ? e.requester : e.outsider;
  switch (actor) {
    case "guestLink":
    case "requester":
      return e.requester;
    case "ccCustomer":
    case "ccGuest":
      return e.copied;
    case "departmentViewer":
      return e.colleague;
    default:
      return e.outsider;
  }
}

/**
 * Everything a write on these tickets could touch: their rows in full, and how
 * many tickets, mails, jobs and access links exist (a write that creates one).
 * Sessions and rate limits are the sign-ins', not the writes'.
 */
async function snapshot(db: Kysely<Database>, ticketIds: string[]): Promise<string> {
  const sorted = (rows: unknown[]) => JSON.stringify(rows.map((r) => JSON.stringify(r)).sort());
  // Side by side: on PostgreSQL each is a round trip, and the matrix takes two snapshots per case.
  const parts = await Promise.all([
    db.selectFrom("tickets").selectAll().where("id", "in", ticketIds).execute().then(sorted),
    ...(
      [
        "ticket_events",
        "ticket_ccs",
        "ticket_tasks",
        "ticket_field_values",
        "alert_subscriptions",
        "attachments",
        "ticket_links",
      ] as const
    ).map((table) =>
      db
        .selectFrom(table)
        .selectAll()
        .where("ticket_id", "in", ticketIds)
        .execute()
        .then((rows) => `${table}:${sorted(rows)}`),
    ),
    sql<Record<string, unknown>>`select
      (select count(*) from tickets) as tickets,
      (select count(*) from mail_messages) as mails,
      (select count(*) from jobs) as jobs,
      (select count(*) from guest_links) as links`
      .execute(db)
      .then((r) => JSON.stringify(r.rows)),
  ]);
  return parts.join("\n");
}

/** The error code a refusal's status stands for (http/errors.ts): a 403 that is a CSRF failure is no policy answer. */
const refusalCodes: Record<number, string[]> = {
  400: ["validation_failed"],
  401: ["unauthenticated", "invalid_credentials"],
  403: ["forbidden"],
  404: ["not_found"],
  409: ["conflict"],
};
function refusalCodeMismatch(status: number, body: string): string | null {
  const codes = refusalCodes[status];
  if (!codes) return `refused with an unexpected status ${status}`;
  const code = (JSON.parse(body) as { error?: { code?: string } }).error?.code ?? "";
  return codes.includes(code) ? null : `refused with ${status} but error code "${code}"`;
}

/**
 * The tables a route writes, in full, and how many tickets, mails, jobs and
 * access links exist: what a refused write must leave as it was.
 */
async function tablesSnapshot(db: Kysely<Database>, tables: string[]): Promise<string> {
  const parts = await Promise.all([
    ...tables.map(async (spec) => {
      const [table = spec, only] = spec.split("#");
      const result =
        only === "count"
          ? await sql<Record<string, unknown>>`select count(*) as n from ${sql.table(table)}`.execute(db)
          : await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
      return `${spec}:${JSON.stringify(result.rows.map((r) => JSON.stringify(r)).sort())}`;
    }),
    sql<Record<string, unknown>>`select
      (select count(*) from tickets) as tickets,
      (select count(*) from mail_messages) as mails,
      (select count(*) from jobs) as jobs,
      (select count(*) from guest_links) as links`
      .execute(db)
      .then((r) => JSON.stringify(r.rows)),
  ]);
  return parts.join("\n");
}

describeEachEngine("write authorization matrix", ({ db, engine }) => {
  it("gives every actor the policy's answer on every write, own and foreign, and refusals change nothing", async () => {
    const app: App = await buildTestApp(db(), engine, testConfig());
    const finance = await createOrganization(db(), { name: "Finance" });
    const support = await createGroup(db(), { name: "Support" });
    const elsewhere = await createGroup(db(), { name: "Elsewhere" });
    const other = await createGroup(db(), { name: "Other team" });
    const viewOnly = await createRole(db(), { name: "Reads every ticket", permissions: ["tickets.view_all"] });
    const worksGroups = await createRole(db(), { name: "Works its groups' tickets", permissions: ["tickets.work"] });
    const departmentRole = await db()
      .selectFrom("roles")
      .select("id")
      .where("key", "=", "department_viewer")
      .executeTakeFirstOrThrow();

    const requester = await buildUser(db(), "customer", `Requester ${engine}`);
    const ccCustomer = await buildUser(db(), "customer", `Copied ${engine}`);
    const colleague = await buildUser(db(), "customer", `Colleague ${engine}`);
    const otherCustomer = await buildUser(db(), "customer", `Other ${engine}`);
    const readOnlyAgent = await buildUser(db(), "agent", `Auditor ${engine}`);
    const groupAgent = await buildUser(db(), "agent", `Group agent ${engine}`);
    const agent = await buildUser(db(), "agent", `Agent ${engine}`);
    const admin = await buildUser(db(), "admin", `Admin ${engine}`);
    const bystander = await buildUser(db(), "agent", `Bystander ${engine}`);
    await db()
      .insertInto("organization_members")
      .values([
        { user_id: requester.id, organization_id: finance },
        { user_id: colleague.id, organization_id: finance },
      ])
      .execute();
    for (const [user, role] of [
      [colleague.id, departmentRole.id],
      [readOnlyAgent.id, viewOnly],
      [groupAgent.id, worksGroups],
    ] as const) {
      await db().deleteFrom("user_roles").where("user_id", "=", user).execute();
      await db().insertInto("user_roles").values({ user_id: user, role_id: role }).execute();
    }
    await db().insertInto("group_members").values({ group_id: other, user_id: groupAgent.id }).execute();

    const signedIn = new Map<ActorName, { cookie: string; csrf: string }>();
    for (const [name, user] of [
      ["requester", requester],
      ["ccCustomer", ccCustomer],
      ["departmentViewer", colleague],
      ["otherCustomer", otherCustomer],
      ["readOnlyAgent", readOnlyAgent],
      ["groupAgent", groupAgent],
      ["agent", agent],
      ["admin", admin],
    ] as const) {
      const client = await signInAs(app, user);
      signedIn.set(name, { cookie: client.cookie, csrf: client.csrfToken });
    }
    const as = (name: ActorName, world: World | null) =>
      name === "guestLink" || name === "ccGuest" ? world?.guests[name] : signedIn.get(name);
    const headers = (c: { cookie: string; csrf: string } | undefined) =>
      c ? { cookie: c.cookie, "x-csrf-token": c.csrf } : {};

    openStatusId = (await db().selectFrom("statuses").select("id").where("key", "=", "open").executeTakeFirstOrThrow())
      .id;
    withdrawReasonId = (await db().selectFrom("withdraw_reasons").select("id").executeTakeFirstOrThrow()).id;
    macroId = (
      await app.inject({
        method: "POST",
        url: "/api/v1/macros",
        headers: headers(signedIn.get("admin")),
        payload: { name: "Escalate", body: "<p>On it</p>", shared: true, priority: "high" },
      })
    ).json().id;
    const closedStatus = await db()
      .selectFrom("statuses")
      .select("id")
      .where("key", "=", "closed")
      .executeTakeFirstOrThrow();

    const submit = async (name: ActorName, subject: string) => {
      const response = await app.inject({
        method: "POST",
        url: "/api/v1/tickets",
        headers: headers(signedIn.get(name)),
        payload: await buildSubmission(db(), { subject }),
      });
      return response.json().number as number;
    };
    const idOf = async (number: number) =>
      (await db().selectFrom("tickets").select("id").where("number", "=", number).executeTakeFirstOrThrow()).id;
    const guestSession = async (ticketId: string, email: string) => {
      const token = await db()
        .transaction()
        .execute((trx) => issueGuestLink(trx, ticketId, email, new Date()));
      const response = await app.inject({ method: "POST", url: "/api/v1/guest-sessions", payload: { token } });
      return {
        cookie: `sb_guest=${response.cookies.find((c) => c.name === "sb_guest")?.value}`,
        csrf: response.json().csrfToken as string,
      };
    };
    const task = async (ticketId: string) => {
      const id = newId();
      await db()
        .insertInto("ticket_tasks")
        .values({
          id,
          ticket_id: ticketId,
          title: "Check the logs",
          assignee_id: null,
          due_on: null,
          done_at: null,
          done_by_name: null,
          created_by_name: "Admin",
          created_at: new Date().toISOString(),
        })
        .execute();
      return id;
    };
    /** An agent's public reply on the ticket, as the Feed stores it. */
    const comment = async (ticketId: string) => {
      const id = newId();
      await db()
        .insertInto("ticket_events")
        .values({
          id,
          ticket_id: ticketId,
          type: "comment",
          actor_id: agent.id,
          actor_name: agent.name,
          visibility: "public",
          payload: encodeJson({ body: "Restart the rooter", format: "text", kind: "public", fromAgent: true }),
          created_at: new Date().toISOString(),
        })
        .execute();
      return id;
    };
    /** The requester's ticket (in Finance, with the Support group, two CCs) and the other customer's. */
    /**
     * The requester's ticket (in Finance, with the Support group, two CCs and a link to its sibling) and its
     * sibling; and, apart, the other customer's ticket. A write on one of them makes only that part again.
     */
    const buildOwn = async (closed: boolean) => {
      const [own, sibling] = await Promise.all([
        submit("requester", "Own ticket"),
        submit("requester", "Sibling ticket"),
      ]);
      const [ownId, siblingId] = await Promise.all([idOf(own), idOf(sibling)]);
      await db()
        .updateTable("tickets")
        .set({ organization_id: finance, group_id: support })
        .where("id", "in", [ownId, siblingId])
        .execute();
      if (closed)
        await db().updateTable("tickets").set({ status_id: closedStatus.id }).where("id", "=", ownId).execute();
      const at = new Date().toISOString();
      await db()
        .insertInto("ticket_ccs")
        .values([
          { ticket_id: ownId, email: ccCustomer.email, added_by_name: "Requester", created_at: at },
          { ticket_id: ownId, email: "cc.guest@example.com", added_by_name: "Requester", created_at: at },
        ])
        .execute();
      await db()
        .insertInto("ticket_links")
        .values([
          { ticket_id: ownId, linked_ticket_id: siblingId, created_by_name: "Admin", created_at: at },
          { ticket_id: siblingId, linked_ticket_id: ownId, created_by_name: "Admin", created_at: at },
        ])
        .execute();
      const [ownTask, ownComment, guestLink, ccGuest] = await Promise.all([
        task(ownId),
        comment(ownId),
        guestSession(ownId, requester.email),
        guestSession(ownId, "cc.guest@example.com"),
      ]);
      return { own, ownId, sibling, siblingId, ownTask, ownComment, guests: { guestLink, ccGuest } };
    };
    const buildForeign = async (closed: boolean) => {
      const foreign = await submit("otherCustomer", "Foreign ticket");
      const foreignId = await idOf(foreign);
      await db()
        .updateTable("tickets")
        .set({ group_id: elsewhere, ...(closed ? { status_id: closedStatus.id } : {}) })
        .where("id", "=", foreignId)
        .execute();
      return { foreign, foreignId, foreignTask: await task(foreignId), foreignComment: await comment(foreignId) };
    };
    type OwnPart = Awaited<ReturnType<typeof buildOwn>>;
    type ForeignPart = Awaited<ReturnType<typeof buildForeign>>;
    const worldOf = (o: OwnPart, f: ForeignPart): World => ({
      ids: [o.ownId, o.siblingId, f.foreignId],
      own: o.own,
      sibling: o.sibling,
      ownTask: o.ownTask,
      ownComment: o.ownComment,
      guests: o.guests,
      foreign: f.foreign,
      foreignTask: f.foreignTask,
      foreignComment: f.foreignComment,
    });
    let [ownPart, foreignPart] = await Promise.all([buildOwn(false), buildForeign(false)]);
    const buildWorld = async (closed: boolean): Promise<World> => {
      [ownPart, foreignPart] = await Promise.all([buildOwn(closed), buildForeign(closed)]);
      return worldOf(ownPart, foreignPart);
    };

    // Every mutating operation of the OpenAPI document has a row: a ticket row (own and foreign ticket) or a route row.
    const doc = (await app.inject("/api/openapi.json")).json() as { paths: Record<string, Record<string, unknown>> };
    const writes = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods)
        .filter((m) => m !== "get" && m !== "head")
        .map((m) => `${m.toUpperCase()} ${path}`),
    );
    // A row's name is its operation, optionally followed by " — " and the case it tries.
    const operationsOf = (table: Record<string, unknown>) =>
      new Set(Object.keys(table).map((k) => k.split(" — ")[0] ?? k));
    const ticketOperations = operationsOf(rows);
    const routeOperations = operationsOf(routeRows);
    expect(
      writes.filter((op) => !ticketOperations.has(op) && !routeOperations.has(op)),
      "mutating routes without a row in the write matrix",
    ).toEqual([]);
    expect(
      [...ticketOperations, ...routeOperations].filter((op) => !writes.includes(op)),
      "rows for routes that do not exist",
    ).toEqual([]);
    expect(
      [...ticketOperations].filter((op) => routeOperations.has(op)),
      "routes with both a ticket row and a route row",
    ).toEqual([]);

    const failures: string[] = [];
    let world = worldOf(ownPart, foreignPart);
    let worldClosed = false;
    // A write that went through on the foreign ticket may have touched the sibling (a link, a merge into it):
    // the next row starts from a whole new world then.
    let siblingTouched = false;
    for (const [operation, row] of Object.entries(rows)) {
      const [method = "POST"] = operation.split(" ");
      if (siblingTouched || (row.closed ?? false) !== worldClosed) {
        worldClosed = row.closed ?? false;
        world = await buildWorld(worldClosed);
        siblingTouched = false;
      }
      for (const which of ["own", "foreign"] as const) {
        for (const actor of actors) {
          const number = which === "own" ? world.own : world.foreign;
          const before = await snapshot(db(), world.ids);
          const credentials = headers(as(actor, world));
          const body = operation.endsWith("/bulk") ? { numbers: [number], priority: "high" } : row.body?.(world);
          const response = row.multipart
            ? await (async () => {
                const form = multipartForm("comment", body, [{ name: "note.txt", content: "hello" }]);
                return app.inject({
                  method: "POST",
                  url: row.path(number, world, which),
                  headers: { ...form.headers, ...credentials },
                  payload: form.payload,
                });
              })()
            : await app.inject({
                method: method as "POST",
                url: row.path(number, world, which),
                headers: credentials,
                ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
              });
          const outcome = row.outcome ? row.outcome(response.statusCode, response.body) : response.statusCode;
          const expected = expectedFor(row, actor, which);
          if (outcome !== expected) {
            failures.push(
              `${operation} on ${which} as ${actor}: expected ${expected}, got ${outcome} ${response.body.slice(0, 140)}`,
            );
          }
          const succeeded = typeof outcome === "number" && outcome < 300;
          if (!succeeded) {
            // A bulk edit answers 200 and names the tickets it refused; anything else is a refusal with its code.
            const wrongCode = outcome === "failed" ? null : refusalCodeMismatch(response.statusCode, response.body);
            if (wrongCode) failures.push(`${operation} on ${which} as ${actor}: ${wrongCode}`);
            if ((await snapshot(db(), world.ids)) !== before)
              failures.push(`${operation} on ${which} as ${actor}: refused with ${outcome} but changed data`);
          } else if (which === "own") {
            ownPart = await buildOwn(worldClosed);
            world = worldOf(ownPart, foreignPart);
          } else {
            foreignPart = await buildForeign(worldClosed);
            world = worldOf(ownPart, foreignPart);
            siblingTouched = true;
          }
        }
      }
    }

    // The other mutating routes, each on a resource prepared for it (made again after a write went through).
    const userIds = new Map<ActorName, string>([
      ["requester", requester.id],
      ["ccCustomer", ccCustomer.id],
      ["departmentViewer", colleague.id],
      ["otherCustomer", otherCustomer.id],
      ["readOnlyAgent", readOnlyAgent.id],
      ["groupAgent", groupAgent.id],
      ["agent", agent.id],
      ["admin", admin.id],
    ]);
    const routeContext: RouteContext = {
      app,
      db: db(),
      userId: (actor) => userIds.get(actor) ?? null,
      bystanderId: bystander.id,
      groupId: other,
      created: async (url, body) => {
        const response = await app.inject({
          method: "POST",
          url,
          headers: headers(signedIn.get("admin")),
          payload: body as Record<string, unknown>,
        });
        if (response.statusCode !== 201) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
        return response.json().id as string;
      },
      adminHeaders: () => {
        const admin = signedIn.get("admin");
        const signed: Record<string, string> = admin ? { cookie: admin.cookie, "x-csrf-token": admin.csrf } : {};
        return signed;
      },
    };
    for (const [operation, row] of Object.entries(routeRows)) {
      const [method = "POST"] = operation.split(" ");
      for (const target of row.targets ?? ["one"]) {
        const prepared = new Map<string, Prepared>();
        for (const actor of actors) {
          const key = target === "own" ? actor : target;
          const request = prepared.get(key) ?? (await row.prepare(routeContext, actor, target));
          prepared.set(key, request);
          const before = await tablesSnapshot(db(), row.tables);
          const credentials = headers(as(actor, world));
          const response = request.multipart
            ? await (async () => {
                const form = multipartForm(
                  request.multipart ?? "",
                  request.body,
                  [request.file ?? { name: "note.txt", content: "hello" }],
                  request.fileField,
                );
                return app.inject({
                  method: "POST",
                  url: request.url,
                  headers: { ...form.headers, ...credentials },
                  payload: form.payload,
                });
              })()
            : await app.inject({
                method: method as "POST",
                url: request.url,
                headers: credentials,
                ...(request.body === undefined ? {} : { payload: request.body as Record<string, unknown> }),
              });
          const expected = row.expected(target)[actor];
          const label = `${operation}${target === "one" ? "" : ` on ${target}`} as ${actor}`;
          if (response.statusCode !== expected) {
            failures.push(`${label}: expected ${expected}, got ${response.statusCode} ${response.body.slice(0, 140)}`);
          }
          if (response.statusCode < 300) {
            prepared.delete(key);
          } else {
            const wrongCode = refusalCodeMismatch(response.statusCode, response.body);
            if (wrongCode) failures.push(`${label}: ${wrongCode}`);
            if ((await tablesSnapshot(db(), row.tables)) !== before)
              failures.push(`${label}: refused with ${response.statusCode} but changed data`);
          }
        }
      }
    }
    await app.close();
    expect(failures).toEqual([]);
  }, 600_000);
});
