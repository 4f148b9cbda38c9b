/**
 * Tests only (config.checkResponses): every answer of a documented operation is checked against the OpenAPI
 * document the app serves, the same one integrators generate clients from. The status must be one the
 * operation lists, a 204 must be empty, the headers the document marks required for that answer must be sent
 * (`X-Request-Id` on every answer, `WWW-Authenticate` on 401, a ticket's `ETag`), and a JSON body must match
 * the schema listed for its status. An
 * answer that differs becomes a 500 naming the drift, so the server and e2e suites fail wherever the server
 * and its contract disagree, not only in the client suite (which runs the same check on its side).
 *
 * Fastify's serializer already parses declared responses with their zod schemas; this also catches statuses
 * nobody declared, bodies sent around the serializer, and anything the document says that zod did not.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { App } from "./types.ts";

type Json = Record<string, unknown>;
export type Answer = {
  method: string;
  path: string;
  status: number;
  contentType: string;
  body: string | undefined;
  /** The answer's headers, names in lower case: each header the document marks required must be there. */
  headers: Record<string, unknown>;
};
/** A sentence naming the drift, or undefined when the answer is what the document says. */
export type ContractCheck = (answer: Answer) => string | undefined;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

/** Checks answers against an OpenAPI 3.1 document; `path` is the operation's path as the document lists it. */
export function createContractCheck(document: Json): ContractCheck {
  // strict: false, because the document is OpenAPI around JSON Schema (keywords like `openapi`, `paths`).
  const ajv = new Ajv2020({ strict: false, formats: { binary: true } });
  addFormats.default(ajv);
  ajv.addSchema(document, "openapi");
  const paths = isObject(document.paths) ? document.paths : {};
  const components = isObject(document.components) ? document.components : {};
  const sharedResponses = isObject(components.responses) ? components.responses : {};
  const sharedHeaders = isObject(components.headers) ? components.headers : {};
  const resolveHeader = (header: unknown): unknown =>
    isObject(header) && typeof header.$ref === "string"
      ? sharedHeaders[header.$ref.replace("#/components/headers/", "")]
      : header;
  /** The required headers a response declares that the answer did not send. */
  const missingHeaders = (response: unknown, sent: Record<string, unknown>): string[] => {
    const declared = isObject(response) && isObject(response.headers) ? response.headers : {};
    return Object.entries(declared)
      .filter(([name, header]) => {
        const resolved = resolveHeader(header);
        return isObject(resolved) && resolved.required === true && sent[name.toLowerCase()] === undefined;
      })
      .map(([name]) => name);
  };

  return ({ method, path, status, contentType, body, headers }) => {
    const at = `${method} ${path} answered ${status}`;
    const operation = isObject(paths[path]) ? paths[path][method.toLowerCase()] : undefined;
    // Hidden operations (the test clock, the OAuth callback) are not part of the contract.
    if (!isObject(operation) || !isObject(operation.responses)) return undefined;
    const listed = operation.responses[String(status)];
    if (listed === undefined) return `${at}, a status the document does not list.`;
    let schemaAt = pointer("paths", path, method.toLowerCase(), "responses", String(status));
    let response: unknown = listed;
    if (isObject(listed) && typeof listed.$ref === "string") {
      const name = listed.$ref.replace("#/components/responses/", "");
      schemaAt = pointer("components", "responses", name);
      response = sharedResponses[name];
    }
    const missing = missingHeaders(response, headers);
    if (missing.length) return `${at} without ${missing.join(", ")}, which the document says it always has.`;
    // Fastify never puts a body on the wire with these, whatever the handler passed to send().
    if (status === 204 || status === 304) return undefined;
    const content = isObject(response) && isObject(response.content) ? response.content : undefined;
    if (!content) return body ? `${at} with a body; the document says none.` : undefined;
    if (!contentType.includes("json") || body === undefined) return undefined;
    if (!isObject(content[contentType])) return `${at} with ${contentType}, which the document does not list.`;
    const validate = ajv.getSchema(`openapi#/${schemaAt}/content/${pointer(contentType)}/schema`);
    if (!validate) return `${at}: the document has no schema for it.`;
    let data: unknown;
    try {
      data = JSON.parse(body);
    } catch {
      return `${at} with a body that is not JSON.`;
    }
    if (validate(data)) return undefined;
    return `${at} with a body that does not match its schema: ${JSON.stringify(validate.errors?.slice(0, 3))}`;
  };
}

/**
 * Building the document takes a second or two: tests build many apps with the same routes, so the check is
 * kept per set of routes for the process.
 */
const checks = new Map<string, ContractCheck>();

export function registerResponseContract(app: App): void {
  const routes: string[] = [];
  app.addHook("onRoute", (route) => {
    routes.push(`${[route.method].flat().join(",")} ${route.url}`);
  });

  app.addHook("onSend", async (request, reply, payload) => {
    const route = request.routeOptions.url;
    if (!route?.startsWith("/api/v1/") || request.method === "HEAD") return payload;
    const fingerprint = routes.join("\n");
    let check = checks.get(fingerprint);
    if (!check) {
      check = createContractCheck(JSON.parse(JSON.stringify(app.swagger())) as Json);
      checks.set(fingerprint, check);
    }
    const problem = check({
      method: request.method,
      path: route.replace(/:(\w+)/g, "{$1}"),
      status: reply.statusCode,
      contentType: String(reply.getHeader("content-type") ?? "").split(";")[0] ?? "",
      body: typeof payload === "string" ? payload : Buffer.isBuffer(payload) ? payload.toString() : undefined,
      headers: reply.getHeaders(),
    });
    if (!problem) return payload;
    const message = `Contract drift: ${problem} (see client/openapi.json)`;
    request.log.error({ url: request.url }, message);
    reply.code(500).type("application/json; charset=utf-8");
    return JSON.stringify({ error: { code: "internal", message } });
  });
}
