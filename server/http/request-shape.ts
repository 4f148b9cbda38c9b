/**
 * Requests that reach a path the API has but not in a form it takes, answered in the API's own error format:
 *
 * - a JSON operation sent anything but JSON (text/plain and multipart/form-data would otherwise be parsed for
 *   every route) answers 415, and so does a multipart operation sent JSON (http/errors.ts);
 * - a method the path does not have answers 405 with `Allow`, rather than the router's 404;
 * - a query string sent to an operation that takes none answers 400, naming its keys, and so does a key sent
 *   twice (`?queue=all&queue=mine`) where the operation takes one value: the schema's own sentence ("That is not
 *   a queue.") was wrong about a value that is a queue.
 */
import { z } from "zod";
import { AppError } from "../core/errors.ts";
import { repeatedFieldSentence, unknownFieldSentence } from "./request-validation.ts";
import type { App } from "./types.ts";

type KnownPath = { pattern: RegExp; methods: Set<string> };

/** Registers the 415 check and starts collecting routes; the returned function lists a URL's methods. */
export function registerRequestShape(app: App): (url: string) => string[] {
  const known = new Map<string, KnownPath>();
  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api/")) return;
    const source = route.url
      .split("/")
      .map((segment) => (segment.startsWith(":") ? "[^/]+" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
      .join("/");
    const entry = known.get(route.url) ?? { pattern: new RegExp(`^${source}/?$`), methods: new Set<string>() };
    for (const method of [route.method].flat()) entry.methods.add(method);
    known.set(route.url, entry);
  });

  app.addHook("preValidation", async (request) => {
    // Fastify itself parses text/plain, and the multipart plugin multipart/form-data, for every route.
    const type = (request.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
    const json = type === "application/json" || type.endsWith("+json");
    const schema = request.routeOptions.schema;
    if (schema?.consumes?.includes("multipart/form-data")) {
      if (type !== "multipart/form-data") {
        throw new AppError(
          "unsupported_media_type",
          "Send this request as multipart/form-data, with the files as parts.",
        );
      }
    } else if (type && !json && schema?.body !== undefined) {
      throw new AppError("unsupported_media_type", "Send the request body as JSON.");
    }
    // An operation that takes no query string answered as if none were sent: `?limit=10` listed every row, and
    // the integrator could not tell. Routes that take one refuse keys they do not name (request-validation.ts).
    if (!request.is404 && schema?.querystring === undefined && request.url.startsWith("/api/")) {
      const keys = Object.keys(request.query ?? {});
      if (keys.length > 0) {
        const fields = Object.fromEntries(keys.map((key) => [key, unknownFieldSentence]));
        throw new AppError("validation_failed", "Some fields need attention.", fields);
      }
    }
    const repeated = repeatedSingleKeys(schema?.querystring, request.query);
    if (repeated.length > 0) {
      const fields = Object.fromEntries(repeated.map((key) => [key, repeatedFieldSentence]));
      throw new AppError("validation_failed", "Some fields need attention.", fields);
    }
  });

  return (url) => {
    const path = url.split("?")[0] ?? "";
    const methods = new Set<string>();
    for (const { pattern, methods: own } of known.values()) {
      if (pattern.test(path)) for (const method of own) methods.add(method);
    }
    return [...methods].sort();
  };
}

/**
 * The keys of a query string sent more than once (the parser makes them a list) where the operation takes one
 * value: each value alone would do, the list does not. A key whose values are wrong anyway is left to the
 * schema, which names what is wrong with them.
 */
function repeatedSingleKeys(schema: unknown, query: unknown): string[] {
  if (!(schema instanceof z.ZodObject) || typeof query !== "object" || query === null) return [];
  const shape: Record<string, z.ZodType> = schema.shape;
  return Object.entries(query).flatMap(([key, value]) => {
    const field = shape[key];
    if (!Array.isArray(value) || field === undefined) return [];
    const eachAlone = value.every((one) => field.safeParse(one).success);
    return eachAlone && !field.safeParse(value).success ? [key] : [];
  });
}
