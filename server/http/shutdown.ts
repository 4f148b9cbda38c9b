import { AppError } from "../core/errors.ts";
import type { App } from "./types.ts";

const closing = new WeakMap<App, boolean>();

/**
 * From the moment shutdown begins, requests that still arrive (on kept-alive connections, through a
 * proxy that has not noticed yet) get the API's own 503 answer and a closed connection, instead of
 * Fastify's bare one; readiness fails too, so a load balancer drains this instance.
 */
export function registerShutdownGate(app: App): void {
  closing.set(app, false);
  app.addHook("onRequest", async (_request, reply) => {
    if (!closing.get(app)) return;
    reply.header("connection", "close");
    throw new AppError("unavailable", "Switchboard is restarting. Please try again in a moment.");
  });
}

export function beginShutdown(app: App): void {
  closing.set(app, true);
}

/**
 * Stops taking requests and waits for those in flight, but only until the deadline: after it, the
 * connections still open (a slow upload, a stalled client) are cut so the process can exit. A cut
 * upload is never half-saved: files are moved into storage only inside the request's transaction.
 */
export async function closeWithin(app: App, deadlineMs: number): Promise<{ cut: boolean }> {
  beginShutdown(app);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<"deadline">((resolve) => {
    timer = setTimeout(() => resolve("deadline"), deadlineMs);
  });
  const closed = app.close().then(() => "closed" as const);
  const first = await Promise.race([closed, deadline]);
  clearTimeout(timer);
  if (first === "closed") return { cut: false };
  app.log.warn({ deadlineMs }, "shutdown deadline reached; cutting the requests still open");
  app.server.closeAllConnections();
  await closed;
  return { cut: true };
}
