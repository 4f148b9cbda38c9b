/**
 * One HTTP attempt at a delivery: to the address the SSRF guard checked (pinned through `lookup`, so the
 * connection cannot be rebound to another), within a deadline, reading at most a small part of the answer,
 * following no redirects. It never throws: every outcome is something to write in the delivery log.
 */
import type { LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { type AllowList, type Destination, resolveDestination } from "./destination.ts";

/** More than this of an answer is not read: receivers have no reason to answer at length. */
const responseCap = 64 * 1024;
const excerptLength = 1000;

export type Attempt = {
  ok: boolean;
  responseStatus: number | null;
  durationMs: number;
  responseExcerpt: string | null;
  error: string | null;
};

export type Outgoing = { url: string; headers: Record<string, string>; body: string };

type Answer = { status: number; location: string | undefined; body: Buffer };

class Timeout extends Error {}

/**
 * The delivery log's sentence for a failed connection. Node's own words for TLS are OpenSSL's ("write EPROTO
 * C0EC…:error:0A00010B:SSL routines:tls_validate_record_header:wrong version number:../deps/openssl/…:77:"),
 * and a connection closed unanswered was "socket hang up": an admin reading the log could not tell what to fix.
 */
function connectionFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = "code" in error && typeof error.code === "string" ? error.code : "";
  const openSsl = /SSL routines:[^:]*:([^:]+)/.exec(error.message)?.[1];
  if (openSsl || code.startsWith("ERR_SSL_") || code === "EPROTO") {
    return `The TLS handshake with the endpoint failed (${openSsl ?? error.message}). Check that the URL's port speaks HTTPS.`;
  }
  if (code === "ECONNRESET") return "The endpoint closed the connection without answering.";
  if (code.includes("CERT") || code === "UNABLE_TO_VERIFY_LEAF_SIGNATURE") {
    return `The endpoint's TLS certificate was not accepted: ${error.message}.`;
  }
  return error.message || code || error.name;
}

/** Hands net.connect the checked address whatever name it asks for, in both shapes Node may ask in. */
function pinnedLookup(target: Destination) {
  return (
    _hostname: string,
    options: { all?: boolean },
    callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
}

function post(url: URL, target: Destination, outgoing: Outgoing, signal: AbortSignal): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === "https:" ? https : http;
    const request = client.request(
      url,
      {
        method: "POST",
        headers: { ...outgoing.headers, "content-length": String(Buffer.byteLength(outgoing.body)) },
        lookup: pinnedLookup(target),
        // A fresh connection each time: a pooled socket could still lead to an address checked earlier.
        agent: false,
        signal,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let capped = false;
        const done = () =>
          resolve({
            status: response.statusCode ?? 0,
            location: response.headers.location,
            body: Buffer.concat(chunks),
          });
        response.on("data", (chunk: Buffer) => {
          if (size >= responseCap) return;
          chunks.push(chunk);
          size += chunk.length;
          // Enough to judge and show; the rest is not ours to wait for.
          if (size >= responseCap) {
            done();
            capped = true;
            response.destroy();
          }
        });
        response.on("end", done);
        // The connection closed before the rest of the answer came ('end' never does): the status is the answer
        // (docs/webhooks.md), the body only its excerpt. Before, this failed the delivery as just "aborted".
        const cut = () => {
          if (!capped) done();
        };
        response.on("aborted", cut);
        response.on("error", cut);
      },
    );
    request.on("error", reject);
    request.end(outgoing.body);
  });
}

export async function sendWebhook(
  outgoing: Outgoing,
  /** `signal`: the job runner's (its own timeout), which ends the attempt like the deadline does. */
  options: { allow: AllowList; timeoutMs: number; signal?: AbortSignal | undefined },
): Promise<Attempt> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    const stop = () => {
      controller.abort();
      reject(new Timeout(`No answer within ${options.timeoutMs / 1000} s.`));
    };
    timer = setTimeout(stop, options.timeoutMs);
    if (options.signal?.aborted) stop();
    else options.signal?.addEventListener("abort", stop, { once: true, signal: controller.signal });
  });
  try {
    const url = new URL(outgoing.url);
    // The resolution is inside the deadline too: a DNS server that never answers is a timeout like any other.
    const target = await Promise.race([resolveDestination(url, options.allow), deadline]);
    const answer = await Promise.race([post(url, target, outgoing, controller.signal), deadline]);
    const excerpt = answer.body.toString("utf8").slice(0, excerptLength);
    const ok = answer.status >= 200 && answer.status < 300;
    const redirect = answer.status >= 300 && answer.status < 400;
    return {
      ok,
      responseStatus: answer.status,
      durationMs: elapsed(),
      responseExcerpt: excerpt || null,
      error: ok
        ? null
        : redirect
          ? `Redirects are not followed: the endpoint answered ${answer.status}${answer.location ? ` to ${answer.location}` : ""}.`
          : `The endpoint answered ${answer.status}.`,
    };
  } catch (error) {
    const message =
      error instanceof Timeout || controller.signal.aborted
        ? `No answer within ${options.timeoutMs / 1000} s.`
        : connectionFailure(error);
    return { ok: false, responseStatus: null, durationMs: elapsed(), responseExcerpt: null, error: message };
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}
