import type { z } from "zod";
import type { Session } from "../../common/accounts.ts";
import type { ErrorCode } from "../../common/errors.ts";
import { localizeFields, localizeSentence } from "../i18n/sentences.ts";

/**
 * What every page needs at once (the session, error bodies) is checked with schemas loaded beside the first
 * request rather than before the first paint: the shared schemas bring zod, a fifth of a portal page's script.
 */
const firstPageSchemas = () => import("./first-page-schemas.ts");

/** The session's schema, loading; pass it as `schema` to requests that answer with a session. */
export const sessionSchemaLater = () => firstPageSchemas().then((m) => m.sessionSchema);

/** The API's error codes, plus the two ways a request can fail before the API answers. */
export type ApiErrorCode = ErrorCode | "network_error" | "unexpected_response";

/** What every failed request throws: the server's code and sentence, and a sentence per field when it sent them. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly fields: Record<string, string>;

  constructor(status: number, code: ApiErrorCode, message: string, fields: Record<string, string> = {}) {
    // People read the sentence in their own language (web/i18n/sentences.ts); clients branch on the code.
    super(localizeSentence(message, code));
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.fields = localizeFields(fields);
  }
}

type Schema<T> = z.ZodType<T> | Promise<z.ZodType<T>>;

type RequestOptions<T> = {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  /** Checks and types the response body; leave out for answers without one (204). May still be loading. */
  schema?: Schema<T>;
  /** Lets the request outlive the page (sent while the tab closes). */
  keepalive?: boolean;
  /** Sent as `If-Match`: the write applies only to this version of the record (412 `precondition_failed` if not). */
  ifMatch?: string;
  /** Called with the answer's `ETag` (null when it has none), for reads whose version a later write names. */
  onVersion?: (version: string | null) => void;
};

const sessionPath = "/api/v1/session";

/**
 * The session's CSRF token, sent back on every write. `undefined` means we have
 * not asked the server yet; `null` means nobody is signed in, so none is needed.
 */
let csrfToken: string | null | undefined;

/** Keeps the CSRF token of a session the app has just learned about (loaded, signed in or signed out). */
export function adoptSession(session: Session): Session {
  csrfToken = session.csrfToken;
  return session;
}

export async function fetchSession(): Promise<Session> {
  return adoptSession(await send(sessionPath, { schema: sessionSchemaLater() }));
}

/** Sends one JSON request to the API and returns its checked body, or throws an `ApiError`. */
export async function request<T>(path: string, options: RequestOptions<T> & { schema: Schema<T> }): Promise<T>;
export async function request(path: string, options: RequestOptions<never>): Promise<void>;
export async function request<T>(path: string, options: RequestOptions<T>): Promise<T | undefined> {
  try {
    return await send(path, options);
  } catch (error) {
    // The token goes stale when someone signs in or out in another tab: learn the new one and try once more.
    if (error instanceof ApiError && error.code === "csrf_failed" && options.method && options.method !== "GET") {
      await fetchSession();
      return send(path, options);
    }
    throw error;
  }
}

async function send<T>(path: string, options: RequestOptions<T> & { schema: Schema<T> }): Promise<T>;
async function send<T>(path: string, options: RequestOptions<T>): Promise<T | undefined>;
async function send<T>(
  path: string,
  { method = "GET", body, schema, keepalive, ifMatch, onVersion }: RequestOptions<T>,
): Promise<T | undefined> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (ifMatch !== undefined) headers["if-match"] = ifMatch;
  if (method !== "GET") {
    if (csrfToken === undefined) await fetchSession();
    if (csrfToken) headers["x-csrf-token"] = csrfToken;
  }

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
      keepalive,
    });
  } catch {
    throw new ApiError(0, "network_error", "We could not reach Switchboard. Check your connection and try again.");
  }

  if (!response.ok) throw await errorFrom(response);
  onVersion?.(response.headers.get("etag"));
  if (!schema || response.status === 204) return undefined;
  const parsed = (await schema).safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) {
    throw new ApiError(response.status, "unexpected_response", "Switchboard sent an answer we did not understand.");
  }
  return parsed.data;
}

/**
 * Sends a multipart form (a request with files) with the same CSRF handling and
 * error reading as `request`. The browser sets the content type and boundary.
 */
export async function sendForm<T>(path: string, form: FormData, schema: z.ZodType<T>): Promise<T> {
  if (csrfToken === undefined) await fetchSession();
  const headers: Record<string, string> = { accept: "application/json" };
  if (csrfToken) headers["x-csrf-token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method: "POST", headers, body: form, credentials: "same-origin" });
  } catch {
    throw new ApiError(0, "network_error", "We could not reach Switchboard. Check your connection and try again.");
  }
  if (!response.ok) throw await errorFrom(response);
  const parsed = schema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) {
    throw new ApiError(response.status, "unexpected_response", "Switchboard sent an answer we did not understand.");
  }
  return parsed.data;
}

async function errorFrom(response: Response): Promise<ApiError> {
  const { errorResponseSchema } = await firstPageSchemas();
  const parsed = errorResponseSchema.safeParse(await response.json().catch(() => undefined));
  if (parsed.success) {
    const { code, message, fields } = parsed.data.error;
    return new ApiError(response.status, code, message, fields);
  }
  return new ApiError(response.status, "internal", "Something went wrong on our side. Please try again.");
}
