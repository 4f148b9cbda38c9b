import fastifyHelmet from "@fastify/helmet";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import type { ErrorResponse } from "../../common/errors.ts";
import type { Config } from "../config.ts";
import { AppError } from "../core/errors.ts";
import type { App } from "./types.ts";

/** Load balancers probe by address, not by name; these answer whatever Host they are asked under. */
const probes = new Set(["/healthz", "/readyz"]);

/**
 * A request must name one of our host names. A DNS-rebinding page (evil.example resolving to this
 * server) sends its own name in Host, so it is refused before it can use a loopback-only dev mailbox.
 */
export function registerHostCheck(app: App, config: Pick<Config, "allowedHosts" | "baseUrl">): void {
  const allowed = new Set(config.allowedHosts);
  app.addHook("onRequest", async (request) => {
    if (probes.has(request.url.split("?")[0] ?? "")) return;
    const hostname = request.hostname.toLowerCase();
    if (allowed.has(hostname)) return;
    throw new AppError(
      "misdirected",
      `This help desk answers at ${new URL(config.baseUrl).host}, not at "${hostname}". Use its address, or an operator can add the name to ALLOWED_HOSTS.`,
    );
  });
}

const oneYear = 365 * 24 * 60 * 60;

/**
 * The headers of an answer given before any hook runs: Node's HTTP parser refusing a request
 * (client-errors.ts) or the router refusing an address (`answerFrameworkError`). Such an answer is only ever
 * an error body, so it gets the strictest policy (nothing loads, nothing frames it), not the web app's.
 */
export function refusalHeaders(config: Pick<Config, "baseUrl">): Record<string, string> {
  return {
    "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
    ...(config.baseUrl.startsWith("https://")
      ? { "strict-transport-security": `max-age=${oneYear}; includeSubDomains` }
      : {}),
  };
}

/**
 * Fastify's own answer to an address it cannot decode ("/%zz") skips every hook: it came without the
 * security headers and in Fastify's format, quoting the address back. This one is in the API's format.
 * (An overlong parameter never gets here: the router then matches no route, see the not-found handler.)
 */
export function frameworkErrorAnswer(config: Pick<Config, "baseUrl">) {
  const headers = refusalHeaders(config);
  return (error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void => {
    const body: ErrorResponse =
      error.code === "FST_ERR_BAD_URL"
        ? { error: { code: "validation_failed", message: "This address is not valid: check for a stray % sign." } }
        : { error: { code: "validation_failed", message: "This address cannot be read." } };
    void reply.status(400).headers(headers).send(body);
  };
}

/**
 * Security headers on every answer (pages, API, files, errors). The web app is one script file and
 * Mantine injects its CSS variables as a <style> element, so scripts come only from our origin while
 * styles may also be inline; nothing may frame us. Registered before every other onRequest hook, so the
 * answers those hooks give (421 for a foreign host, 503 while shutting down) carry the headers too.
 */
export async function registerSecurityHeaders(app: App, config: Pick<Config, "baseUrl">): Promise<void> {
  const https = config.baseUrl.startsWith("https://");
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        scriptSrcAttr: ["'none'"],
        // Over plain http (a laptop, the tests) upgrading would break every asset.
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "same-origin" },
    // Only a site reached over https can promise to stay on it.
    strictTransportSecurity: https ? { maxAge: oneYear, includeSubDomains: true } : false,
    // The dev mailbox shows mail in a sandboxed frame; no cross-origin isolation is needed.
    crossOriginEmbedderPolicy: false,
  });
}
