/**
 * The OpenAPI document at /api/openapi.json and its rendered reference at /api/docs (Swagger UI, served from
 * npm, no inline script). Every operation gets a readable operationId derived from its method and path by one
 * rule, so generated clients get stable method names without each route spelling one out (a route may still
 * set its own), and a tag from its feature.
 */
import type { FastifyDynamicSwaggerOptions } from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import { jsonSchemaTransform } from "fastify-type-provider-zod";
import { sessionCookie } from "./auth.ts";
import type { App } from "./types.ts";

/** Where the rule's name would mislead, keyed by "METHOD /path" as the document lists it. */
const namedOperations: Record<string, string> = {
  "POST /api/v1/accounts/confirmation": "confirmAccount",
  "POST /api/v1/account/password": "changePassword",
  "POST /api/v1/tickets/{number}/status": "changeTicketStatus",
  "POST /api/v1/tickets/{number}/views": "recordTicketView",
  "POST /api/v1/tickets/{number}/presence": "reportTicketPresence",
  "POST /api/v1/agent/tickets/bulk": "bulkUpdateAgentTickets",
  "GET /api/v1/dev-mailbox": "listDevMailboxMessages",
  "GET /api/v1/dev-mailbox/{id}": "getDevMailboxMessage",
  "GET /api/v1/live": "streamLiveChanges",
};

/** Path segments that name what a POST does rather than what it creates. */
const actions = new Set(["solve", "withdraw", "merge", "apply", "retry", "dismiss", "rerun", "complete", "resend"]);

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

export const openApiOptions: FastifyDynamicSwaggerOptions = {
  openapi: {
    info: {
      title: "Switchboard API",
      version: "1",
      description:
        "The help desk's REST API. Integrations authenticate with an API token (created by an admin under " +
        "Admin → API tokens) sent as `Authorization: Bearer <token>`; the web app uses the session cookie, " +
        "with the session's CSRF token in `x-csrf-token` on writes. Errors are JSON with a stable `code`.",
    },
    components: {
      securitySchemes: {
        apiToken: { type: "http", scheme: "bearer", description: "An API token from Admin → API tokens." },
        session: {
          type: "apiKey",
          in: "cookie",
          name: sessionCookie,
          description: "The web app's session; writes also send the session's CSRF token in x-csrf-token.",
        },
      },
    },
    // Either works on every operation; public operations (the catalog, submitting a request) also answer without.
    security: [{ apiToken: [] }, { session: [] }, {}],
  },
  transform: (input) => {
    const { schema, url } = jsonSchemaTransform(input);
    const method = [input.route.method].flat()[0] ?? "GET";
    const own = schema as { operationId?: string; tags?: string[] };
    const feature = url.replace(/^\/api\/v1\//, "").split("/")[0] ?? "other";
    return {
      url,
      schema: {
        ...schema,
        operationId:
          own.operationId ??
          namedOperations[`${method} ${url.replace(/:(\w+)/g, "{$1}")}`] ??
          operationIdFor(method, url),
        tags: own.tags ?? [feature],
      },
    };
  },
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
