import fastifyHelmet from "@fastify/helmet";
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

/**
 * Security headers on every answer (pages, API, files, errors). The web app is one script file and
 * Mantine injects its CSS variables as a <style> element, so scripts come only from our origin while
 * styles may also be inline; nothing may frame us.
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
    strictTransportSecurity: https ? { maxAge: 365 * 24 * 60 * 60, includeSubDomains: true } : false,
    // The dev mailbox shows mail in a sandboxed frame; no cross-origin isolation is needed.
    crossOriginEmbedderPolicy: false,
  });
}
