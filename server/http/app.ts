import { existsSync } from "node:fs";
import path from "node:path";
import fastifyCookie from "@fastify/cookie";
import fastifyMultipart from "@fastify/multipart";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import Fastify, { type FastifyBaseLogger, type FastifyReply, type FastifyRequest } from "fastify";
import { serializerCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { ErrorCode } from "../../common/errors.ts";
import { registerAccountRoutes } from "../accounts/routes.ts";
import { registerAlertRoutes } from "../alerts/routes.ts";
import { registerAutomationRoutes } from "../automation/routes.ts";
import { registerCatalogAdminRoutes } from "../catalog/admin-routes.ts";
import { registerCatalogRoutes } from "../catalog/routes.ts";
import type { AppContext } from "../core/context.ts";
import { readerOf } from "../db/read-pool/reader.ts";
import { registerErasureRoutes } from "../erasure/routes.ts";
import { registerExportRoutes } from "../export/routes.ts";
import { registerContentTranslationRoutes } from "../i18n/content-translation-routes.ts";
import { registerLocaleRoutes } from "../i18n/routes.ts";
import { registerKbAgentRoutes } from "../kb/agent-routes.ts";
import { registerKbEditorRoutes } from "../kb/editor-routes.ts";
import { registerKbImageRoutes } from "../kb/image-routes.ts";
import { registerKbRoutes } from "../kb/routes.ts";
import { registerLiveRoutes } from "../live/routes.ts";
import { registerInboundMailAdminRoutes } from "../mail/inbound/admin-routes.ts";
import { registerMailRoutes } from "../mail/routes.ts";
import { installTicketEventReactions } from "../reactions.ts";
import { registerReportRoutes } from "../reports/routes.ts";
import { registerSatisfactionRoutes } from "../satisfaction/routes.ts";
import { registerServiceLevelRoutes } from "../sla/routes.ts";
import { registerTicketAdminRoutes } from "../tickets/admin-routes.ts";
import { registerAgentToolRoutes } from "../tickets/agent-tools-routes.ts";
import { registerCommentRoutes } from "../tickets/comment-routes.ts";
import { registerConversationRoutes } from "../tickets/conversation-routes.ts";
import { registerDeletionRoutes } from "../tickets/deletion-routes.ts";
import { registerIntakeRoutes } from "../tickets/intake-routes.ts";
import { registerLifecycleRoutes } from "../tickets/lifecycle-routes.ts";
import { registerQueueRoutes } from "../tickets/queues/routes.ts";
import { registerSearchRoutes } from "../tickets/search/routes.ts";
import { registerTagRoutes } from "../tickets/tags/routes.ts";
import { registerTicketRoutes } from "../tickets/ticket-routes.ts";
import { registerUploadRoutes } from "../tickets/upload-routes.ts";
import { registerWebhookRoutes } from "../webhooks/routes.ts";
import { registerAnswerHeaders, registerApiHeaders, requestIdFor } from "./api-headers.ts";
import { registerAuth } from "./auth.ts";
import { registerInputCleaning } from "./clean-input.ts";
import { clientErrorHandler } from "./client-errors.ts";
import { errorPage, openedAsPage } from "./error-page.ts";
import { errorHandlerFor } from "./errors.ts";
import { registerIdempotency } from "./idempotency.ts";
import { requestForLog } from "./log-redaction.ts";
import { openApiOptions, registerApiReference } from "./openapi.ts";
import { registerReadiness } from "./readiness.ts";
import { registerRequestShape } from "./request-shape.ts";
import { requestValidatorCompiler } from "./request-validation.ts";
import { registerResponseContract } from "./response-contract.ts";
import { frameworkErrorAnswer, refusalHeaders, registerHostCheck, registerSecurityHeaders } from "./security.ts";
import { registerShutdownGate } from "./shutdown.ts";
import type { App, Deps } from "./types.ts";

/**
 * Room for a long message plus its JSON framing. Bigger than any valid ticket,
 * so an oversized field reaches validation and gets a field-level message.
 */
const bodyLimit = 2 * 1024 * 1024;

export async function buildApp(context: AppContext, logger: FastifyBaseLogger | false = false): Promise<App> {
  // One reader per database (threads on SQLite), shared by every app on it; closed with the database.
  const deps: Deps = { ...context, reader: readerOf(context.db, context.config.readPool).db };
  // The app is where the features meet: ticket events get their reactions here.
  installTicketEventReactions();
  const app = Fastify({
    // Request logs name the path without the secret of a mailed link (log-redaction.ts).
    loggerInstance: logger === false ? undefined : logger.child({}, { serializers: { req: requestForLog } }),
    bodyLimit,
    trustProxy: false,
    // Ticket numbers and ids are short; nothing legitimate needs a longer parameter.
    routerOptions: { maxParamLength: 200 },
    // The shutdown gate (shutdown.ts) answers requests during shutdown in the API's own format.
    return503OnClosing: false,
    // X-Request-Id (api-headers.ts): the caller's when sane, else a fresh one; logged as reqId.
    requestIdHeader: false,
    genReqId: requestIdFor,
    // Refusals by Node's HTTP parser (oversized headers, malformed requests) in the API's error format too.
    clientErrorHandler: clientErrorHandler(refusalHeaders(context.config)),
    // Addresses the router cannot decode, in the API's format and with the security headers.
    frameworkErrors: frameworkErrorAnswer(context.config),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(requestValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandlerFor({ databaseUrl: deps.config.databaseUrl, dataDir: deps.config.dataDir }));

  await app.register(fastifySwagger, openApiOptions);
  // Answer headers first: the response check (tests only) runs its onSend hook after theirs and sees them.
  registerAnswerHeaders(app);
  if (deps.config.checkResponses) registerResponseContract(app);
  // Headers before the gate and the host check: their refusals are answers too.
  await registerSecurityHeaders(app, deps.config);
  registerShutdownGate(app);
  registerHostCheck(app, deps.config);
  // After the gate, host check and headers, so the reference pages get them too.
  await registerApiReference(app);
  await app.register(fastifyCookie);
  // Limits are set per route when the parts are read (see tickets/attachments/uploads.ts).
  await app.register(fastifyMultipart);
  registerAuth(app, deps);
  registerApiHeaders(app, deps);
  registerInputCleaning(app);
  registerIdempotency(app, deps);
  const methodsAt = registerRequestShape(app);

  app.get("/healthz", { schema: { hide: true } }, async () => ({ status: "ok" }));
  registerReadiness(app, deps);
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  registerAccountRoutes(app, deps);
  registerCatalogRoutes(app, deps);
  registerCatalogAdminRoutes(app, deps);
  registerContentTranslationRoutes(app, deps);
  registerTicketRoutes(app, deps);
  registerConversationRoutes(app, deps);
  registerCommentRoutes(app, deps);
  registerTagRoutes(app, deps);
  registerDeletionRoutes(app, deps);
  registerLifecycleRoutes(app, deps);
  registerAlertRoutes(app, deps);
  registerTicketAdminRoutes(app, deps);
  registerQueueRoutes(app, deps);
  registerSearchRoutes(app, deps);
  registerAgentToolRoutes(app, deps);
  registerIntakeRoutes(app, deps);
  registerMailRoutes(app, deps);
  registerLiveRoutes(app, deps);
  registerInboundMailAdminRoutes(app, deps);
  registerServiceLevelRoutes(app, deps);
  registerAutomationRoutes(app, deps);
  registerWebhookRoutes(app, deps);
  registerSatisfactionRoutes(app, deps);
  registerReportRoutes(app, deps);
  // Knowledge base (issue 19): the Help Centre, the agent's ticket-page tools, the editors' pages.
  registerKbRoutes(app, deps);
  registerLocaleRoutes(app, deps);
  registerKbAgentRoutes(app, deps);
  registerKbEditorRoutes(app, deps);
  registerKbImageRoutes(app, deps);
  // Integrator behaviour (issue 17): the incremental export.
  registerExportRoutes(app, deps);
  registerErasureRoutes(app, deps);
  registerUploadRoutes(app, deps);

  await registerWebApp(app, deps.config.webDistDir, methodsAt);
  return app;
}

/**
 * Files under assets/ carry a hash of their content in their name, so a browser may keep them for good;
 * everything else (index.html above all, which names the current assets) is checked on every visit.
 */
export function cacheControlFor(distDir: string, file: string): string {
  const hashed = path.relative(distDir, file).startsWith(`assets${path.sep}`);
  return hashed ? "public, max-age=31536000, immutable" : "no-cache";
}

/**
 * An address nothing answers: the error's JSON, or, to a browser opening it as a page (a mistyped link to the
 * API), the same page other failed API addresses show.
 */
function refuse(request: FastifyRequest, reply: FastifyReply, status: number, code: ErrorCode, message: string) {
  if (openedAsPage(request)) {
    return reply
      .status(status)
      .type("text/html; charset=utf-8")
      .send(errorPage(request, code, message));
  }
  return reply.status(status).send({ error: { code, message } });
}

/** Serves the built React app, with every non-API path falling back to index.html for client-side routing. */
async function registerWebApp(app: App, distDir: string, methodsAt: (url: string) => string[]): Promise<void> {
  const built = existsSync(path.join(distDir, "index.html"));
  if (built) {
    // wildcard: files built after start are served too (a rebuild needs no restart); misses reach the not-found handler.
    await app.register(fastifyStatic, {
      root: distDir,
      wildcard: true,
      index: false,
      // The build writes .br and .gz copies beside each asset (scripts/vite-precompress.ts).
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, file) => reply.header("cache-control", cacheControlFor(distDir, file)),
    });
    // The root is a directory to the static plugin; it is the app's home page to people.
    app.get("/", { schema: { hide: true } }, (_request, reply) => reply.type("text/html").sendFile("index.html"));
  }
  app.setNotFoundHandler((request, reply) => {
    // Files (assets of an older build, typos) get a real 404; only page paths fall back to the app.
    const looksLikeFile = request.url.startsWith("/assets/") || /\.[a-z0-9]+(\?|$)/i.test(request.url);
    const methods = request.url.startsWith("/api/") ? methodsAt(request.url) : [];
    // A path of a route the router still missed has a parameter too long to name anything
    // (maxParamLength): not there, rather than "takes GET, not GET".
    if (methods.length > 0 && !methods.includes(request.method)) {
      reply.header("allow", methods.join(", "));
      return refuse(
        request,
        reply,
        405,
        "method_not_allowed",
        `This address takes ${methods.join(", ")}, not ${request.method}.`,
      );
    }
    if (request.url.startsWith("/api/") || request.method !== "GET" || looksLikeFile) {
      return refuse(request, reply, 404, "not_found", "There is nothing at this address.");
    }
    if (!built) {
      return reply
        .status(503)
        .type("text/plain")
        .send("The web app has not been built yet. Run `npm run build` (npm start does it for you).");
    }
    return reply.type("text/html").sendFile("index.html");
  });
}
