/**
 * The OpenAPI document at /api/openapi.json and its rendered reference at /api/docs (Swagger UI, served from
 * npm, no inline script). Every operation gets a readable operationId derived from its method and path by one
 * rule, so generated clients get stable method names without each route spelling one out (a route may still
 * set its own), and a tag from its feature. The document as a whole is finished in openapi-document.ts (named
 * schemas, shared responses, who may call what), and `redocly lint` checks it in `npm run check`.
 */
import type { FastifyDynamicSwaggerOptions } from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import { createJsonSchemaTransform, createJsonSchemaTransformObject } from "fastify-type-provider-zod";
import { z } from "zod";
import { commentInputSchema } from "../../common/conversation.ts";
import { ticketSubmissionSchema } from "../../common/tickets.ts";
import { guestCookie, sessionCookie } from "./auth.ts";
import { namedSchemas } from "./openapi-components.ts";
import { type DocumentInput, finishDocument } from "./openapi-document.ts";
import type { App } from "./types.ts";

/** Where the rule's name would mislead, keyed by "METHOD /path" as the document lists it. */
const namedOperations: Record<string, string> = {
  "POST /api/v1/accounts/confirmation": "confirmAccount",
  "POST /api/v1/accounts/confirmation/resend": "resendAccountConfirmation",
  "POST /api/v1/password-resets/complete": "completePasswordReset",
  "POST /api/v1/account/password": "changePassword",
  "POST /api/v1/session": "signIn",
  "DELETE /api/v1/session": "signOut",
  "POST /api/v1/tickets/{number}/status": "changeTicketStatus",
  "POST /api/v1/tickets/{number}/views": "recordTicketView",
  "POST /api/v1/tickets/{number}/presence": "reportTicketPresence",
  "POST /api/v1/tickets/{number}/ccs": "addTicketCc",
  "DELETE /api/v1/tickets/{number}/ccs/{email}": "removeTicketCc",
  "PUT /api/v1/tickets/{number}/alerts/{kind}": "subscribeTicketAlert",
  "DELETE /api/v1/tickets/{number}/alerts/{kind}": "unsubscribeTicketAlert",
  "POST /api/v1/tickets/{number}/kb-articles": "createKbArticleFromTicket",
  "POST /api/v1/agent/tickets/bulk": "bulkUpdateAgentTickets",
  "GET /api/v1/search": "searchTickets",
  "GET /api/v1/dev-mailbox": "listDevMailboxMessages",
  "GET /api/v1/dev-mailbox/{id}": "getDevMailboxMessage",
  "GET /api/v1/live": "streamLiveChanges",
  "POST /api/v1/admin/mailboxes/{id}/oauth/connect": "connectAdminMailboxOauth",
  "GET /api/v1/admin/mailboxes/oauth/callback": "completeAdminMailboxOauth",
  "GET /api/v1/admin/inbound-messages/{id}/raw": "getAdminInboundMessageRaw",
  "POST /api/v1/admin/jobs/rerun-failed": "rerunFailedAdminJobs",
  "POST /api/v1/admin/webhooks/{id}/secret": "rotateAdminWebhookSecret",
  "POST /api/v1/admin/webhooks/{id}/test": "testAdminWebhook",
  "POST /api/v1/admin/webhook-deliveries/{id}/redeliver": "redeliverAdminWebhookDelivery",
  "POST /api/v1/kb/suggestions": "suggestKbArticles",
  "POST /api/v1/kb/suggestions/opened": "recordKbSuggestionOpened",
  "POST /api/v1/kb/articles/{slug}/votes": "voteKbArticle",
  "POST /api/v1/kb/articles/{id}/outdated": "flagKbArticleOutdated",
  "GET /api/v1/kb/search": "searchKbArticles",
  "POST /api/v1/admin/kb/articles/{id}/status": "setAdminKbArticleStatus",
  "POST /api/v1/admin/kb/articles/{id}/revisions/{number}/restore": "restoreAdminKbArticleRevision",
  "POST /api/v1/admin/kb/articles/bulk": "bulkUpdateAdminKbArticles",
  "GET /api/v1/admin/kb/stats": "getAdminKbStats",
};

/**
 * Operations that answer without credentials (the portal's visitors): their security lists `{}` beside the
 * schemes. The authorization matrix checks that every operation it lets an anonymous caller use is here.
 */
export const openOperations = new Set([
  "GET /api/v1/session",
  "POST /api/v1/session",
  "DELETE /api/v1/session",
  "POST /api/v1/accounts",
  "POST /api/v1/accounts/confirmation",
  "POST /api/v1/accounts/confirmation/resend",
  "POST /api/v1/password-resets",
  "POST /api/v1/password-resets/complete",
  "POST /api/v1/status-checks",
  "POST /api/v1/guest-sessions",
  "GET /api/v1/categories",
  "GET /api/v1/catalog",
  "GET /api/v1/catalog/services/{slug}",
  "POST /api/v1/tickets",
  "POST /api/v1/tickets/with-attachments",
  "GET /api/v1/statuses",
  "GET /api/v1/withdraw-reasons",
  "GET /api/v1/kb/home",
  "GET /api/v1/kb/categories/{slug}",
  "GET /api/v1/kb/articles/{slug}",
  "POST /api/v1/kb/articles/{slug}/votes",
  "GET /api/v1/kb/search",
  "POST /api/v1/kb/suggestions",
  "POST /api/v1/kb/suggestions/opened",
  "GET /api/v1/kb/images/{id}",
  "GET /api/v1/locale",
  // A survey link is its own credential: the requester rates without signing in.
  "GET /api/v1/satisfaction/{token}",
  "POST /api/v1/satisfaction/{token}",
]);

/** Paths a guest's access link (its cookie) opens: the one ticket it names and what hangs off it. */
const guestPaths =
  /^\/api\/v1\/(tickets(\/\{number\}(\/(comments|feed|views|read-by|alerts|ccs|solve|withdraw|follow-ups|satisfaction)(\/.*)?)?)?|attachments\/\{id\}|live)$/;

export function guestMayCall(method: string, path: string): boolean {
  return guestPaths.test(path) && !(method === "POST" && path === "/api/v1/tickets");
}

/** Up to 10 files of at most 10 MB each (tickets/attachments/uploads.ts), in parts named "attachments". */
const attachments = z.array(z.file()).max(10).optional();

/**
 * What the multipart operations take, for the document only: Fastify does not validate these bodies (the
 * upload reader streams the files and checks the JSON part with the same schema as the JSON sibling route).
 */
const multipartBodies: Record<string, z.ZodType> = {
  "POST /api/v1/tickets/with-attachments": z.object({ submission: ticketSubmissionSchema, attachments }),
  "POST /api/v1/tickets/{number}/comments/with-attachments": z.object({ comment: commentInputSchema, attachments }),
  "POST /api/v1/uploads": z.object({ file: z.file() }),
};

/** Path segments that name what a POST does rather than what it creates. */
const actions = new Set([
  "solve",
  "withdraw",
  "merge",
  "apply",
  "retry",
  "dismiss",
  "rerun",
  "complete",
  "resend",
  "anonymise",
]);

const camel = (words: string[]) =>
  words
    .flatMap((word) => word.split("-"))
    .map((word, i) => (i === 0 ? word : `${word.charAt(0).toUpperCase()}${word.slice(1)}`))
    .join("");

/** categories → category, statuses → status, tickets → ticket; words that are not plurals stay as they are. */
function singular(word: string): string {
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.endsWith("ses") || word.endsWith("xes")) return word.slice(0, -2);
  if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")) return word.slice(0, -1);
  return word;
}

/**
 * GET /api/v1/tickets → listTickets, GET /api/v1/tickets/:number → getTicket, POST → create…, PUT/PATCH →
 * update…, DELETE → delete…, POST …/:number/solve → solveTicket. Nouns before the last are singular (they
 * name one parent), "with-attachments" qualifies the operation.
 */
export function operationIdFor(method: string, url: string): string {
  const segments = url
    .replace(/^\/api\/v1\//, "")
    .split("/")
    .filter(Boolean);
  const isParam = (segment: string) => segment.startsWith(":") || segment.startsWith("{");
  const endsWithParam = isParam(segments.at(-1) ?? "");
  let qualifier: string[] = [];
  if (segments.at(-1) === "with-attachments") {
    segments.pop();
    qualifier = ["with", "attachments"];
  }
  const last = segments.at(-1) ?? "";
  const verbFromPath = method === "POST" && actions.has(last) ? segments.pop() : undefined;
  const nouns = segments.filter((segment) => !isParam(segment));
  const verb =
    verbFromPath ??
    ({ POST: "create", PUT: "update", PATCH: "update", DELETE: "delete" } as Record<string, string>)[method] ??
    (endsWithParam || singular(nouns.at(-1) ?? "") === nouns.at(-1) ? "get" : "list");
  const keepLastPlural = verb === "list";
  const words = nouns.map((noun, i) => (keepLastPlural && i === nouns.length - 1 ? noun : singular(noun)));
  return camel([verb, ...words, ...qualifier]);
}

const schemaTransform = createJsonSchemaTransform({ schemaRegistry: namedSchemas });
const objectTransform = createJsonSchemaTransformObject({ schemaRegistry: namedSchemas });

export const openApiOptions: FastifyDynamicSwaggerOptions = {
  openapi: {
    openapi: "3.1.0",
    info: {
      title: "Switchboard API",
      version: "1",
      description:
        "The help desk's REST API. Integrations authenticate with an API token (created by an admin under " +
        "Admin → API tokens) sent as `Authorization: Bearer <token>`; the web app uses the session cookie, " +
        "with the session's CSRF token in `x-csrf-token` on writes. Errors are JSON, " +
        "`{error: {code, message, fields?}}`, with a stable `code` that always agrees with the status; a method a " +
        "path does not have answers 405 with `Allow`. docs/api.md in the repository has the " +
        "guide: authentication, pagination, retries and the typed client.",
      license: { name: "MIT", identifier: "MIT" },
    },
    // Relative: the document is served by the help desk it describes, under whatever address that has.
    servers: [{ url: "/", description: "This help desk" }],
    components: {
      securitySchemes: {
        apiToken: {
          type: "http",
          scheme: "bearer",
          description: "An API token from Admin → API tokens, with the scopes the operation needs.",
        },
        session: {
          type: "apiKey",
          in: "cookie",
          name: sessionCookie,
          description: "The web app's session, set by signIn.",
        },
        csrfToken: {
          type: "apiKey",
          in: "header",
          name: "x-csrf-token",
          description: "The session's CSRF token (from getSession), required with the session cookie on writes.",
        },
        guestAccess: {
          type: "apiKey",
          in: "cookie",
          name: guestCookie,
          description: "A guest's access link (createGuestSession): opens the one ticket it was sent for.",
        },
      },
    },
  },
  stripBasePath: false,
  transform: (input) => {
    const method = [input.route.method].flat()[0] ?? "GET";
    const multipart = multipartBodies[`${method} ${input.url.replace(/:(\w+)/g, "{$1}")}`];
    const { schema, url } = schemaTransform(
      multipart ? { ...input, schema: { ...input.schema, body: multipart } } : input,
    );
    const own = schema as { operationId?: string; tags?: string[]; hide?: boolean };
    if (own.hide) return { schema, url };
    const feature = url.replace(/^\/api\/v1\//, "").split("/")[0] ?? "other";
    const path = url.replace(/:(\w+)/g, "{$1}");
    const key = `${method} ${path}`;
    const schemes: Record<string, string[]>[] = [
      { apiToken: [] },
      method === "GET" || method === "HEAD" ? { session: [] } : { session: [], csrfToken: [] },
    ];
    if (guestMayCall(method, path)) {
      schemes.push(method === "GET" ? { guestAccess: [] } : { guestAccess: [], csrfToken: [] });
    }
    if (openOperations.has(key)) schemes.push({});
    return {
      url,
      schema: {
        ...schema,
        operationId: own.operationId ?? namedOperations[key] ?? operationIdFor(method, url),
        tags: own.tags ?? [feature],
        security: schemes,
      },
    };
  },
  transformObject: (input) => finishDocument(objectTransform(input) as DocumentInput),
};

/** The rendered reference, linked from Admin → API tokens. */
export async function registerApiReference(app: App): Promise<void> {
  await app.register(fastifySwaggerUi, {
    routePrefix: "/api/docs",
    uiConfig: {
      url: "/api/openapi.json",
      deepLinking: true,
      docExpansion: "list",
      defaultModelsExpandDepth: 0,
      displayOperationId: true,
    },
    theme: { title: "Switchboard API reference" },
  });
}
