/**
 * Test support: reads the live stream over a real socket, as a browser's
 * EventSource would (app.inject waits for a response to end, and this one does not).
 */
import { get } from "node:http";
import type { App } from "../http/types.ts";

export type LiveMessage = { event: string; data: unknown };

export type LiveStream = {
  status: number;
  contentType: string | null;
  /** Everything received so far, in order. */
  messages: LiveMessage[];
  /** Waits for the first message (already received or still to come) that matches; fails after `waitMs`. */
  next: (match: (message: LiveMessage) => boolean, waitMs?: number) => Promise<LiveMessage>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close: () => void;
};

/** Makes the app listen on a free local port (once) and returns its address. */
export async function listeningAddress(app: App): Promise<string> {
  const address = app.server.address();
  if (address && typeof address === "object") return `http://127.0.0.1:${address.port}`;
  await app.listen({ port: 0, host: "127.0.0.1" });
  return listeningAddress(app);
}

export async function openLiveStream(app: App, cookie: string | undefined, query = ""): Promise<LiveStream> {
  const controller = new AbortController();
  const response = await fetch(`${await listeningAddress(app)}/api/v1/live${query}`, {
    headers: cookie ? { cookie, accept: "text/event-stream" } : { accept: "text/event-stream" },
    signal: controller.signal,
  });
  const messages: LiveMessage[] = [];
  const waiting = new Set<() => void>();
  const ended = (async () => {
    if (!response.ok || !response.body) return;
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk, { stream: true });
        let split = buffer.indexOf("\n\n");
        while (split >= 0) {
          const block = buffer.slice(0, split);
          buffer = buffer.slice(split + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) messages.push({ event, data: JSON.parse(data) });
          split = buffer.indexOf("\n\n");
        }
        for (const wake of waiting) wake();
      }
    } catch {
      // Aborted by close(): the stream simply ends.
    }
  })();

  return {
    status: response.status,
    contentType: response.headers.get("content-type"),
    messages,
    ended,
    close: () => controller.abort(),
    next(match, waitMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(match);
          if (!found) return;
          cleanup();
          resolve(found);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no matching live message within ${waitMs} ms; got ${JSON.stringify(messages)}`));
        }, waitMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiting.delete(check);
        };
        waiting.add(check);
        check();
      });
    },
  };
}

/**
 * The status of a stream request, read from its headers; the connection is then
 * closed at once (its own socket, not a pooled one that would keep the server open).
 */
export async function streamStatus(app: App, path: string, cookie: string | undefined) {
  const url = `${await listeningAddress(app)}${path}`;
  return new Promise<{ statusCode: number; body: string }>((resolve, reject) => {
    const request = get(url, { agent: false, headers: cookie ? { cookie } : {} }, (response) => {
      const statusCode = response.statusCode ?? 0;
      if (statusCode === 200) {
        request.destroy();
        resolve({ statusCode, body: "" });
        return;
      }
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        body += chunk;
      });
      response.on("end", () => resolve({ statusCode, body }));
    });
    request.on("error", reject);
  });
}
