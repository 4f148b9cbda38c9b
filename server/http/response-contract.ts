/**
 * Tests only (config.checkResponses): every answer of a documented operation is checked against the OpenAPI
 * document the app serves, the same one integrators generate clients from. The status must be one the
 * operation lists, a 204 must be empty, and a JSON body must match the schema listed for its status. An
 * answer that differs becomes a 500 naming the drift, so the server and e2e suites fail wherever the server
 * and its contract disagree, not only in the client suite.
 *
 * Fastify's serializer already parses declared responses with their zod schemas; this also catches statuses
 * nobody declared, bodies sent around the serializer, and anything the document says that zod did not.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { App } from "./types.ts";

type Json = Record<string, unknown>;
type Validator = ((data: unknown) => boolean) & { errors?: unknown[] | null };
type Contract = { document: Json; validators: Map<string, Validator>; ajv: Ajv2020 };

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Building the document takes a second or two: tests build many apps with the same routes, so the contract
 * is kept per set of routes for the process.
 */
const contracts = new Map<string, Promise<Contract>>();

async function loadContract(app: App): Promise<Contract> {
  // strict: false, because the document is OpenAPI around JSON Schema (keywords like `openapi`, `paths`).
  const ajv = new Ajv2020({ strict: false, formats: { binary: true } });
  addFormats.default(ajv);
  const document = JSON.parse(JSON.stringify(app.swagger())) as Json;
  ajv.addSchema(document, "openapi");
  return { document, validators: new Map(), ajv };
}

const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

function drift(request: FastifyRequest, reply: FastifyReply, problem: string): string {
  const message = `The answer differs from the API contract (client/openapi.json): ${problem}`;
  request.log.error({ url: request.url, method: request.method, status: reply.statusCode }, message);
  reply.code(500).type("application/json; charset=utf-8");
  return JSON.stringify({ error: { code: "internal", message } });
}

export function registerResponseContract(app: App): void {
  const routes: string[] = [];
  app.addHook("onRoute", (route) => {
    routes.push(`${[route.method].flat().join(",")} ${route.url}`);
  });

  app.addHook("onSend", async (request, reply, payload) => {
    const route = request.routeOptions.url;
    if (!route?.startsWith("/api/v1/") || request.method === "HEAD") return payload;
    const fingerprint = routes.join("\n");
    let pending = contracts.get(fingerprint);
    if (!pending) {
      pending = loadContract(app);
      contracts.set(fingerprint, pending);
    }
    const contract = await pending;
    const path = route.replace(/:(\w+)/g, "{$1}");
    const method = request.method.toLowerCase();
    const paths = isObject(contract.document.paths) ? contract.document.paths : {};
    const operation = isObject(paths[path]) ? paths[path][method] : undefined;
    // Hidden operations (the test clock, the OAuth callback) are not part of the contract.
    if (!isObject(operation) || !isObject(operation.responses)) return payload;

    const status = String(reply.statusCode);
    let response = operation.responses[status];
    if (response === undefined) {
      return drift(request, reply, `${request.method} ${path} answered ${status}, which the document does not list.`);
    }
    if (isObject(response) && typeof response.$ref === "string") {
      const name = response.$ref.replace("#/components/responses/", "");
      const components = isObject(contract.document.components) ? contract.document.components : {};
      response = isObject(components.responses) ? components.responses[name] : undefined;
    }
    const content = isObject(response) && isObject(response.content) ? response.content : undefined;
    const body = typeof payload === "string" ? payload : Buffer.isBuffer(payload) ? payload.toString() : undefined;
    if (!content) {
      if (body) return drift(request, reply, `${request.method} ${path} ${status} has a body; the document says none.`);
      return payload;
    }
    const contentType = String(reply.getHeader("content-type") ?? "").split(";")[0] ?? "";
    if (!contentType.includes("json") || body === undefined) return payload;
    if (!isObject(content[contentType])) {
      return drift(request, reply, `${request.method} ${path} ${status} answered ${contentType}, which is not listed.`);
    }
    const key = pointer("paths", path, method, "responses", status, "content", contentType, "schema");
    let validate = contract.validators.get(key);
    if (validate === undefined) {
      const raw = operation.responses[status];
      const at =
        isObject(raw) && typeof raw.$ref === "string"
          ? `${raw.$ref.replace("#/", "")}/content/${pointer(contentType)}/schema`
          : key;
      validate = contract.ajv.getSchema(`openapi#/${at}`);
      if (!validate) throw new Error(`The response contract has no schema at ${at}.`);
      contract.validators.set(key, validate);
    }
    let data: unknown;
    try {
      data = JSON.parse(body);
    } catch {
      return drift(request, reply, `${request.method} ${path} ${status} is not valid JSON.`);
    }
    if (!validate(data)) {
      const problems = JSON.stringify(validate.errors?.slice(0, 3));
      return drift(request, reply, `${request.method} ${path} ${status} does not match its schema: ${problems}`);
    }
    return payload;
  });
}
