/**
 * Requests that reach a path the API has but not in a form it takes, answered in the API's own error format:
 *
 * - a JSON operation sent anything but JSON (text/plain and multipart/form-data would otherwise be parsed for
 *   every route) answers 415, and so does a multipart operation sent JSON (http/errors.ts);
 * - a method the path does not have answers 405 with `Allow`, rather than the router's 404;
 * - a query string sent to an operation that takes none answers 400, naming its keys.
 */
import { AppError } from "../core/errors.ts";
import { unknownFieldSentence } from "./request-validation.ts";
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
