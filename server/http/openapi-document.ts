/**
 * Finishes the OpenAPI document the routes describe, by rules that hold for every operation, so no route has
 * to repeat them and a new route gets them for free:
 *
 * - every refusal is a `$ref` to a shared response (components/responses) with the one error schema, and every
 *   status the app can answer with is listed: 401 (a bad or expired token), 403 (scope, CSRF), 421 (a Host
 *   this help desk does not answer for), 429 (rate limits), 503 (shutting down, disk full) and 400 (bad input, or
 *   a query string the operation does not take) anywhere; 413 and 415 where there is a body, 404 where the path names a record; on a POST that creates something, 409 and 422 for a retried or
 *   reused `Idempotency-Key` (http/idempotency.ts); 412 where the operation takes `If-Match`;
 * - 204s carry no body, 2xx responses say what they are;
 * - the `{number}` path parameter is an integer, emails have `format: email`;
 * - response headers are reusable components (components/headers): `X-Request-Id` on every answer,
 *   `RateLimit-*` on every answer (sent to API tokens), `WWW-Authenticate` on 401, `Retry-After` on 429,
 *   `ETag` on single tickets, `Idempotent-Replayed` on creates; the ones marked required are checked on every
 *   answer in tests (response-contract.ts);
 * - inline copies of a named schema become `$ref`s to it, and names no operation uses are dropped (a schema
 *   only ever read as input keeps its plain name rather than fastify-type-provider-zod's `…Input`).
 *
 * The same document drives the test-mode response check (response-contract.ts), so an answer the document
 * does not list fails the tests.
 */

type Json = Record<string, unknown>;
export type DocumentInput = Json & { paths?: Record<string, Record<string, Json>>; components?: Json };

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const errorSchemaRef = { $ref: "#/components/schemas/Error" };

/** The shared refusals, by status: what each means to an integrator. */
const refusals: Record<string, { name: string; description: string }> = {
  "400": {
    name: "BadRequest",
    description:
      "The request is not valid: `error.fields` names each field that needs attention (dot-separated paths).",
  },
  "401": {
    name: "Unauthenticated",
    description:
      "No valid credentials: sign in, or send an API token that exists, has not expired and was not revoked.",
  },
  "403": {
    name: "Forbidden",
    description:
      "Not allowed: the caller's role or the API token's scopes do not cover this, or a cookie-authenticated write came without the CSRF token.",
  },
  "404": {
    name: "NotFound",
    description:
      "Nothing at this address, or nothing the caller may see: records out of reach answer as if they did not exist.",
  },
  "405": {
    name: "MethodNotAllowed",
    description: "The path exists but not with this method; `Allow` lists the methods it has.",
  },
  "409": {
    name: "Conflict",
    description: "The change conflicts with the record's current state or with another record.",
  },
  "412": {
    name: "PreconditionFailed",
    description: "`If-Match` named a version that is no longer the current one: read the record again and retry.",
  },
  "422": {
    name: "IdempotencyKeyReused",
    description: "The `Idempotency-Key` was already used for a different request; use a new key for a new request.",
  },
  "413": { name: "PayloadTooLarge", description: "The request body, a file or the number of files is over the limit." },
  "415": {
    name: "UnsupportedMediaType",
    description:
      "The body's content type is not the one the operation takes (JSON, or multipart/form-data for uploads).",
  },
  "421": { name: "Misdirected", description: "The request named a host this help desk does not answer for." },
  "429": {
    name: "RateLimited",
    description: "Too many requests: wait (see `Retry-After` where it is sent) and try again.",
  },
  "503": {
    name: "Unavailable",
    description:
      "The help desk cannot serve this right now (shutting down, storage full, search rebuilding). Try again later.",
  },
};

/** Response headers integrators rely on (http/api-headers.ts, idempotency.ts, preconditions.ts), declared once. */
export const responseHeaders: Record<string, Json> = {
  "X-Request-Id": {
    description:
      "The request's id: the one the caller sent when it is up to 128 plain characters, else one we made. Every log line about the request carries it; quote it when reporting a problem.",
    required: true,
    schema: { type: "string", maxLength: 128 },
  },
  "RateLimit-Limit": {
    description: "Requests this API token may make in the current window (answers to API tokens only).",
    schema: { type: "integer", minimum: 0 },
  },
  "RateLimit-Remaining": {
    description: "Requests the API token has left in the current window (answers to API tokens only).",
    schema: { type: "integer", minimum: 0 },
  },
  "RateLimit-Reset": {
    description: "Seconds until the window ends and the count starts again (answers to API tokens only).",
    schema: { type: "integer", minimum: 0 },
  },
  "Retry-After": {
    description: "Seconds to wait before trying again (sent when an API token is over its limit).",
    schema: { type: "integer", minimum: 0 },
  },
  "WWW-Authenticate": {
    description:
      'The scheme that would work: `Bearer realm="Switchboard"`, with `error="invalid_token"` when the token sent was not valid.',
    required: true,
    schema: { type: "string" },
  },
  ETag: {
    description:
      "The version of the ticket this answer shows (a strong validator); send it as `If-Match` to change it.",
    schema: { type: "string" },
  },
  "Idempotent-Replayed": {
    description: "`true` when this is the stored answer to an earlier request with the same `Idempotency-Key`.",
    schema: { type: "string", enum: ["true"] },
  },
};

const headerRef = (name: string) => ({ $ref: `#/components/headers/${name}` });
/** On every answer, whatever its status. */
const everyAnswer = ["X-Request-Id", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"];
/** On the shared refusals, by status. */
const refusalHeaders: Record<string, string[]> = { "401": ["WWW-Authenticate"], "429": ["Retry-After"] };
/** Single resources whose answers carry an ETag: "method path" → status → required. */
const etags: Record<string, Record<string, boolean>> = {
  "get /api/v1/tickets/{number}": { "200": true },
  // Not when the edit took the ticket out of the agent's sight (another group): there is no version to name.
  "patch /api/v1/tickets/{number}": { "204": false },
};

function headersFor(names: string[], required: Record<string, boolean> = {}): Json {
  const headers: Json = {};
  for (const name of names) {
    // A header required only here (an ETag on one operation) is written out rather than referenced.
    headers[name] =
      name in required && required[name] !== (responseHeaders[name]?.required === true)
        ? { ...responseHeaders[name], required: required[name] }
        : headerRef(name);
  }
  return headers;
}

const successes: Record<string, string> = {
  "200": "Done; the body is the result.",
  "201": "Created; the body names what was created.",
  "202": "Accepted; what follows happens in the background (often by mail).",
  "204": "Done; there is no body.",
  "303": "Sends the browser on to the web app.",
};

function standardStatuses(method: string, operation: Json, path: string): string[] {
  // 400 anywhere: an operation without a query string still refuses one (http/request-shape.ts).
  const statuses = ["400", "401", "403", "421", "429", "503"];
  const responses = isObject(operation.responses) ? operation.responses : {};
  // A create can be retried with an Idempotency-Key: 409 while the first is running, 422 for a reused key.
  if (method === "post" && "201" in responses) statuses.push("409", "422");
  const hasBody = operation.requestBody !== undefined;
  if (hasBody) statuses.push("413", "415");
  if (path.includes("{")) statuses.push("404");
  return statuses;
}

/** Every schema object in a document part, depth first, with a way to replace it. */
function walkSchemas(value: unknown, visit: (schema: Json) => Json | undefined): unknown {
  if (Array.isArray(value)) return value.map((item) => walkSchemas(item, visit));
  if (!isObject(value)) return value;
  const replaced = visit(value);
  if (replaced) return replaced;
  const result: Json = {};
  for (const [key, child] of Object.entries(value)) result[key] = walkSchemas(child, visit);
  return result;
}

const safeIntegerBound = 9007199254740991;

/** `anyOf: [{type: "string", enum: [a, b]}, {type: "null"}]` → `{type: ["string", "null"], enum: [a, b, null]}`. */
function nullableEnumOf(node: Json): Json | undefined {
  const anyOf = node.anyOf;
  if (!Array.isArray(anyOf) || anyOf.length !== 2) return undefined;
  const values = anyOf.find((branch) => isObject(branch) && Array.isArray(branch.enum));
  const none = anyOf.find((branch) => isObject(branch) && branch.type === "null" && Object.keys(branch).length === 1);
  if (!isObject(values) || !none || !Array.isArray(values.enum) || typeof values.type !== "string") return undefined;
  const { anyOf: _, ...rest } = node;
  return { ...rest, ...values, type: [values.type, "null"], enum: [...values.enum, null] };
}

/** Noise zod emits that says nothing (the safe-integer range) and facts it leaves out (email formats). */
function tidySchema(schema: unknown): unknown {
  return walkSchemas(schema, (node) => {
    const nullableEnum = nullableEnumOf(node);
    if (nullableEnum) return nullableEnum;
    if (node.minimum === -safeIntegerBound) delete node.minimum;
    if (node.maximum === safeIntegerBound) delete node.maximum;
    if (isObject(node.properties)) {
      for (const [name, property] of Object.entries(node.properties)) {
        if (!isObject(property)) continue;
        const emailish = /^(email|.+Email)$/.test(name);
        const emailsish = /^(emails|ccs|notify)$/.test(name);
        if (emailish && property.type === "string" && property.format === undefined) property.format = "email";
        if (emailsish && isObject(property.items) && property.items.type === "string")
          property.items.format ??= "email";
      }
    }
    return undefined;
  });
}

function describeParameter(parameter: Json): Json {
  if (parameter.in !== "path") return parameter;
  if (parameter.name === "number") {
    return {
      ...parameter,
      description: "The ticket's number, as people see it (#1042 is 1042).",
      schema: { type: "integer", minimum: 1 },
    };
  }
  if (parameter.name === "email" && isObject(parameter.schema)) {
    return { ...parameter, schema: { ...parameter.schema, format: "email" } };
  }
  return parameter;
}

function finishOperation(method: string, path: string, operation: Json): Json {
  const responses: Record<string, unknown> = {};
  const declared = isObject(operation.responses) ? operation.responses : {};
  for (const [status, response] of Object.entries(declared)) {
    const refusal = refusals[status];
    if (refusal) {
      responses[status] = { $ref: `#/components/responses/${refusal.name}` };
      continue;
    }
    if (!isObject(response)) continue;
    const finished: Json = { ...response };
    if (finished.description === "Default Response") {
      // A read's answer is what its summary says it is; other answers say what happened.
      const summary = typeof operation.summary === "string" ? operation.summary : undefined;
      finished.description = (method === "get" && status === "200" && summary) || successes[status] || "Done.";
    }
    // A 204 has no body (RFC 9110); z.null() in a route's schema is how Fastify is told to send none.
    if (status === "204" || status === "303") delete finished.content;
    const etag = etags[`${method} ${path}`]?.[status];
    const replayable = method === "post" && status === "201";
    finished.headers = headersFor(
      [...everyAnswer, ...(etag === undefined ? [] : ["ETag"]), ...(replayable ? ["Idempotent-Replayed"] : [])],
      etag === undefined ? {} : { ETag: etag },
    );
    responses[status] = finished;
  }
  for (const status of standardStatuses(method, operation, path)) {
    const refusal = refusals[status];
    if (refusal && !(status in responses)) responses[status] = { $ref: `#/components/responses/${refusal.name}` };
  }
  const parameters = Array.isArray(operation.parameters)
    ? operation.parameters.map((parameter) => (isObject(parameter) ? describeParameter(parameter) : parameter))
    : undefined;
  const sorted = Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
  const finished: Json = { ...operation, responses: sorted };
  if (parameters) finished.parameters = parameters;
  const requestBody = operation.requestBody;
  if (isObject(requestBody)) finished.requestBody = finishRequestBody(requestBody);
  return finished;
}

/** Multipart bodies say their JSON part is JSON, so a client sends it as such. */
function finishRequestBody(requestBody: Json): Json {
  const content = isObject(requestBody.content) ? requestBody.content : {};
  const multipart = content["multipart/form-data"];
  if (!isObject(multipart) || !isObject(multipart.schema) || !isObject(multipart.schema.properties)) {
    return { ...requestBody, required: true };
  }
  const encoding: Json = {};
  for (const [name, property] of Object.entries(multipart.schema.properties)) {
    if (isObject(property) && (property.$ref !== undefined || property.type === "object")) {
      encoding[name] = { contentType: "application/json" };
    }
  }
  return { ...requestBody, required: true, content: { ...content, "multipart/form-data": { ...multipart, encoding } } };
}

function refsIn(value: unknown, found = new Set<string>()): Set<string> {
  walkSchemas(value, (node) => {
    if (typeof node.$ref === "string") found.add(node.$ref.replace("#/components/schemas/", ""));
    return undefined;
  });
  return found;
}

/** Replaces inline copies of named schemas with refs, then keeps only the names something uses. */
function shareNamedSchemas(document: DocumentInput): DocumentInput {
  const components = isObject(document.components) ? document.components : {};
  const schemas = isObject(components.schemas) ? { ...components.schemas } : {};
  const byShape = new Map<string, string>();
  // Inputs first, so that a shape that is both keeps the output's name ("Created" rather than "CreatedInput").
  const inputsFirst = Object.entries(schemas).sort(
    ([a], [b]) => Number(!a.endsWith("Input")) - Number(!b.endsWith("Input")),
  );
  for (const [name, schema] of inputsFirst) byShape.set(JSON.stringify(schema), name);
  // Comparing property names first keeps this fast: only a node with a named schema's properties is serialised.
  const propertyNames = (node: Json) => (isObject(node.properties) ? Object.keys(node.properties).join(",") : "");
  const candidates = new Set(Object.values(schemas).map((schema) => (isObject(schema) ? propertyNames(schema) : "")));
  const fold = (value: unknown, own?: string) =>
    walkSchemas(value, (node) => {
      const names = propertyNames(node);
      if (!names || !candidates.has(names)) return undefined;
      const name = byShape.get(JSON.stringify(node));
      return name && name !== own ? { $ref: `#/components/schemas/${name}` } : undefined;
    });
  const paths = fold(document.paths) as DocumentInput["paths"];
  for (const [name, schema] of Object.entries(schemas)) {
    // Within a named schema only its parts fold (a schema must not become a ref to itself).
    if (isObject(schema) && isObject(schema.properties)) {
      schemas[name] = { ...schema, properties: fold(schema.properties, name) };
    }
  }

  // What the operations use, and what those use in turn.
  const used = new Set<string>();
  const queue = [...refsIn(paths)];
  while (queue.length > 0) {
    const name = queue.pop() ?? "";
    if (used.has(name)) continue;
    used.add(name);
    queue.push(...refsIn(schemas[name]));
  }
  used.add("Error");
  // An input-only schema keeps its plain name ("Comment", not "CommentInput").
  const renames = new Map<string, string>();
  for (const name of used) {
    const plain = name.replace(/Input$/, "");
    if (name.endsWith("Input") && !used.has(plain)) {
      renames.set(name, plain);
    }
  }
  const rename = (value: unknown) =>
    walkSchemas(value, (node) => {
      if (typeof node.$ref !== "string") return undefined;
      const name = node.$ref.replace("#/components/schemas/", "");
      const renamed = renames.get(name);
      return renamed ? { ...node, $ref: `#/components/schemas/${renamed}` } : undefined;
    });
  const kept: Json = {};
  for (const name of [...used].sort()) {
    if (schemas[name] === undefined) continue;
    kept[renames.get(name) ?? name] = rename(tidySchema(schemas[name]));
  }
  return { ...document, paths: rename(paths) as DocumentInput["paths"], components: { ...components, schemas: kept } };
}

/**
 * A JSON body's unknown keys are refused (http/request-validation.ts), so each JSON request body says so:
 * `additionalProperties: false` on its object, named or written out. A schema that takes any key keeps its own.
 */
function closeRequestBodies(paths: Record<string, Record<string, Json>>, schemas: Json): void {
  for (const operations of Object.values(paths)) {
    for (const operation of Object.values(operations)) {
      const body = isObject(operation) ? operation.requestBody : undefined;
      const content = isObject(body) && isObject(body.content) ? body.content["application/json"] : undefined;
      let schema = isObject(content) ? content.schema : undefined;
      if (isObject(schema) && typeof schema.$ref === "string") {
        schema = schemas[schema.$ref.replace("#/components/schemas/", "")];
      }
      if (isObject(schema) && schema.type === "object" && schema.additionalProperties === undefined) {
        schema.additionalProperties = false;
      }
    }
  }
}

export function finishDocument(document: DocumentInput): DocumentInput {
  const paths: Record<string, Record<string, Json>> = {};
  for (const [path, operations] of Object.entries(document.paths ?? {})) {
    paths[path] = {};
    for (const [method, operation] of Object.entries(operations)) {
      paths[path][method] = isObject(operation) ? finishOperation(method, path, operation) : operation;
    }
  }
  const shared = shareNamedSchemas({ ...document, paths: tidySchema(paths) as DocumentInput["paths"] });
  const components = isObject(shared.components) ? shared.components : {};
  const responses: Json = {};
  const usedResponses = JSON.stringify(shared.paths);
  for (const { name, description } of Object.values(refusals)) {
    // 405 answers requests that match no operation; the document's description and docs/api.md say so.
    if (!usedResponses.includes(`"#/components/responses/${name}"`)) continue;
    const status = Object.entries(refusals).find(([, refusal]) => refusal.name === name)?.[0] ?? "";
    responses[name] = {
      description,
      headers: headersFor([...everyAnswer, ...(refusalHeaders[status] ?? [])]),
      content: { "application/json": { schema: errorSchemaRef } },
    };
  }
  const { security: _everywhere, ...rest } = shared;
  closeRequestBodies(shared.paths ?? {}, isObject(components.schemas) ? components.schemas : {});
  return {
    ...rest,
    components: { ...components, responses, headers: responseHeaders },
    tags: tagsOf(shared.paths ?? {}),
  };
}

const tagDescriptions: Record<string, string> = {
  tickets: "Requests: submit, list, read, comment, change status, attachments, alerts, tasks and links.",
  agent: "The agent workspace: queues, saved views, bulk edits, creating tickets for customers.",
  admin: "Administration: people, roles, organizations, groups, API tokens, the catalog, mail, service levels.",
  session: "Signing in and out, and who the caller is.",
  accounts: "Registering and confirming a customer account.",
  account: "The signed-in person's own account.",
  "password-resets": "Forgotten passwords.",
  "status-checks": "Asking for a guest access link to a request by mail.",
  "guest-sessions": "Opening a request from a guest access link.",
  categories: "The request categories.",
  catalog: "The service catalog: services and their request forms.",
  attachments: "Downloading files.",
  statuses: "The ticket statuses.",
  "withdraw-reasons": "The reasons a requester may give for withdrawing a request.",
  search: "Full-text search over tickets.",
  macros: "Agents' canned replies and actions.",
  "dev-mailbox": "The development mailbox (mail the help desk would have sent).",
  live: "Server-sent events: what changed, as it changes.",
  kb: "The knowledge base (Help Centre).",
};

/** The tags the operations use, each described (redocly's recommended rules want them declared). */
function tagsOf(paths: Record<string, Record<string, Json>>): Json[] {
  const names = new Set<string>();
  for (const operations of Object.values(paths)) {
    for (const operation of Object.values(operations)) {
      for (const tag of Array.isArray(operation.tags) ? operation.tags : []) names.add(String(tag));
    }
  }
  return [...names].sort().map((name) => ({ name, description: tagDescriptions[name] ?? `Operations on ${name}.` }));
}
