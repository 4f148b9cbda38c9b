/**
 * A typed client for the Switchboard API: openapi-fetch over the types generated from the OpenAPI document
 * (schema.d.ts and openapi.json, both written by scripts/openapi.ts and checked by `npm run check`), plus the
 * few things every integration writes by hand: paging through a list, sending files, reading a download,
 * turning an error answer into an exception.
 *
 *   const api = createSwitchboardClient({ baseUrl: "https://help.example.com", token: process.env.TOKEN });
 *   const { number } = await unwrap(api.POST("/api/v1/agent/tickets", { body: { ... } }));
 *   for await (const ticket of paginate((cursor) => api.GET("/api/v1/agent/tickets", { params: { query: { cursor } } }), (page) => page.tickets)) { ... }
 *
 * docs/api.md ("Contract and client") says how to regenerate it.
 */
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { components, operations, paths } from "./schema.d.ts";

export type { components, operations, paths };
/** The document's named shapes: Schemas["Ticket"], Schemas["FeedEntry"], Schemas["Error"]… */
export type Schemas = components["schemas"];
export type SwitchboardClient = Client<paths>;

export type SwitchboardClientOptions = {
  /** Where the help desk is, e.g. https://help.example.com (the API is under /api/v1). */
  baseUrl: string;
  /** An API token from Admin → API tokens; sent as `Authorization: Bearer …`. */
  token?: string;
  fetch?: (request: Request) => Promise<Response>;
  middleware?: Middleware[];
};

export function createSwitchboardClient(options: SwitchboardClientOptions): SwitchboardClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
  });
  for (const middleware of options.middleware ?? []) client.use(middleware);
  return client;
}

/** An answer that was an error: the API's `{error: {code, message, fields?}}` with its HTTP status. */
export class SwitchboardError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string> | undefined;
  constructor(status: number, body: unknown) {
    const error = (body as Partial<Schemas["Error"]> | undefined)?.error;
    super(error?.message ?? `The help desk answered ${status}.`);
    this.status = status;
    this.code = error?.code ?? "unknown";
    this.fields = error?.fields;
  }
}

type Result<T> = { data?: T; error?: unknown; response: Response };

/** The data of a successful answer; a SwitchboardError for any other. */
export async function unwrap<T>(request: Promise<Result<T>>): Promise<T> {
  const { data, error, response } = await request;
  if (!response.ok) throw new SwitchboardError(response.status, error);
  return data as T;
}

/**
 * Every item of a paged list, page after page (each page's `nextCursor` asks for the next), until the last:
 *
 *   paginate((cursor) => api.GET("/api/v1/admin/users", { params: { query: { cursor, limit: 50 } } }), (page) => page.users)
 */
export async function* paginate<Page extends { nextCursor: string | null }, Item>(
  loadPage: (cursor: string | undefined) => Promise<Result<Page>>,
  itemsOf: (page: Page) => Item[],
): AsyncGenerator<Item> {
  let cursor: string | undefined;
  do {
    const page = await unwrap(loadPage(cursor));
    yield* itemsOf(page);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
}

/** A file to send: its name, its bytes and (optionally) its type. */
export type Upload = { name: string; content: Blob | Uint8Array | string; type?: string };

/** A multipart body: the JSON part under `part`, the files as "attachments". */
export function multipartBody(part: string, json: unknown, files: Upload[]): FormData {
  const form = new FormData();
  form.append(part, JSON.stringify(json));
  for (const file of files) {
    const blob =
      file.content instanceof Blob
        ? file.content
        : new Blob([file.content as BlobPart], { type: file.type ?? "application/octet-stream" });
    form.append("attachments", blob, file.name);
  }
  return form;
}

/** Submits a request with files (POST /api/v1/tickets/with-attachments). */
export function submitTicketWithAttachments(
  client: SwitchboardClient,
  submission: Schemas["TicketSubmission"],
  files: Upload[],
) {
  return client.POST("/api/v1/tickets/with-attachments", {
    body: { submission },
    bodySerializer: () => multipartBody("submission", submission, files),
  });
}

/** Adds a comment with files to a ticket (POST /api/v1/tickets/{number}/comments/with-attachments). */
export function commentWithAttachments(
  client: SwitchboardClient,
  number: number,
  comment: Schemas["Comment"],
  files: Upload[],
) {
  return client.POST("/api/v1/tickets/{number}/comments/with-attachments", {
    params: { path: { number } },
    body: { comment },
    bodySerializer: () => multipartBody("comment", comment, files),
  });
}

/**
 * Uploads one file on its own (POST /api/v1/uploads): the answer's `token` attaches it to a new ticket or
 * comment (`attachments: [token]`) within the hour.
 */
export function uploadFile(client: SwitchboardClient, file: Upload) {
  const form = new FormData();
  const blob =
    file.content instanceof Blob
      ? file.content
      : new Blob([file.content as BlobPart], { type: file.type ?? "application/octet-stream" });
  form.append("file", blob, file.name);
  return client.POST("/api/v1/uploads", { body: { file: "" }, bodySerializer: () => form });
}

/** Downloads an attachment: its bytes, with the name and type the server gives it. */
export async function downloadAttachment(
  client: SwitchboardClient,
  id: string,
): Promise<{ fileName: string; contentType: string; bytes: Uint8Array }> {
  const { data, error, response } = await client.GET("/api/v1/attachments/{id}", {
    params: { path: { id } },
    parseAs: "arrayBuffer",
  });
  if (!response.ok || !data) throw new SwitchboardError(response.status, error);
  const disposition = response.headers.get("content-disposition") ?? "";
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="([^"]*)"/i.exec(disposition)?.[1];
  return {
    fileName: encoded ? decodeURIComponent(encoded) : (plain ?? ""),
    contentType: response.headers.get("content-type") ?? "application/octet-stream",
    bytes: new Uint8Array(data),
  };
}
