import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Licence } from "../../common/accounts.ts";
import type { Permission } from "../../common/permissions.ts";
import type { StatusCategory, TicketSubmission } from "../../common/tickets.ts";
import { createUser } from "../accounts/commands/create-user.ts";
import { createRole } from "../accounts/commands/manage-directory.ts";
import { toSessionUser } from "../accounts/queries.ts";
import { ensureCategories } from "../bootstrap.ts";
import { type Config, readConfig } from "../config.ts";
import type { Actor } from "../core/actor.ts";
import type { Engine } from "../db/engine.ts";
import type { Database, User } from "../db/schema.ts";
import { buildApp } from "../http/app.ts";
import type { App } from "../http/types.ts";
import { testDataDir } from "./data-dir.ts";

export const testPassword = "correct horse battery staple";

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...readConfig({
      DATA_DIR: testDataDir(),
      BASE_URL: "http://localhost:3000",
      RATE_LIMITING: "false",
      // Every answer in the server tests is checked against the OpenAPI document (http/response-contract.ts).
      CHECK_RESPONSES: "true",
      DEMO_HISTORY: "false",
    }),
    ...overrides,
  };
}

export async function buildTestApp(db: Kysely<Database>, engine: Engine, config = testConfig()): Promise<App> {
  await ensureCategories(db);
  return buildApp({ db, engine, config });
}

// Consonants only: a name is searchable text, and a hex suffix ("50e1f2") matched a search for "50" about once
// in 250 runs, failing a test that filters by other words (list-filters.test.ts). No word or number the tests
// search for starts with one of these strings.
const nameLetters = "bcdfghjklmnprstvw";
const nameSuffix = () => [...randomBytes(8)].map((byte) => nameLetters[byte % nameLetters.length]).join("");

export function buildUser(db: Kysely<Database>, licence: Licence, name = `${licence} ${nameSuffix()}`) {
  const email = `${name.toLowerCase().replaceAll(" ", ".")}@example.com`;
  return createUser(db, { email, name, password: testPassword, licence });
}
export const buildCustomer = (db: Kysely<Database>) => buildUser(db, "customer");
export const buildAgent = (db: Kysely<Database>) => buildUser(db, "agent");
export const buildAdmin = (db: Kysely<Database>) => buildUser(db, "admin");

/** An admin whose only role grants these permissions (say, `admin.settings` and nothing about tickets). */
export async function buildNarrowAdmin(db: Kysely<Database>, permissions: Permission[]): Promise<User> {
  const user = await buildAdmin(db);
  const roleId = await createRole(db, { name: `Narrow ${randomBytes(3).toString("hex")}`, permissions });
  await db.deleteFrom("user_roles").where("user_id", "=", user.id).execute();
  await db.insertInto("user_roles").values({ user_id: user.id, role_id: roleId }).execute();
  return user;
}

/** A user as the actor of a command called directly (no session: as a job or a test calls it). */
export async function actorOf(db: Kysely<Database>, user: User): Promise<Actor> {
  return { kind: "user", user: await toSessionUser(db, user), sessionId: null, csrfToken: null };
}

/** The first status of a category, as an admin lists them. */
export async function statusIdIn(db: Kysely<Database>, category: StatusCategory): Promise<string> {
  const status = await db
    .selectFrom("statuses")
    .select("id")
    .where("category", "=", category)
    .orderBy("position")
    .executeTakeFirstOrThrow();
  return status.id;
}

export async function someCategoryId(db: Kysely<Database>): Promise<string> {
  const category = await db.selectFrom("categories").select("id").orderBy("position").executeTakeFirstOrThrow();
  return category.id;
}

export async function buildSubmission(
  db: Kysely<Database>,
  overrides: Partial<TicketSubmission> = {},
): Promise<TicketSubmission> {
  await ensureCategories(db);
  return {
    subject: "The VPN drops every ten minutes",
    priority: "high",
    categoryId: await someCategoryId(db),
    message: "Since Monday my VPN connection drops every ten minutes.\nI have restarted twice.",
    name: "Robin Guest",
    email: "robin.guest@example.com",
    messageFormat: "text",
    fields: {},
    ...overrides,
  };
}

export type SignedInClient = { cookie: string; csrfToken: string; user: User };

/** Signs in through the real endpoint and returns what a browser would hold afterwards. */
export async function signInAs(app: App, user: User): Promise<SignedInClient> {
  const response = await app.inject({
    method: "POST",
    url: "/api/v1/session",
    payload: { email: user.email, password: testPassword },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === "sb_session");
  if (!cookie) throw new Error("sign-in set no session cookie");
  return { cookie: `sb_session=${cookie.value}`, csrfToken: response.json().csrfToken, user };
}

export function countRows(
  db: Kysely<Database>,
  table: "tickets" | "ticket_events" | "sessions" | "users" | "mail_messages",
) {
  return db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow()
    .then((row) => Number(row.n));
}

/** The newest message stored for an address (what the dev mailbox or SMTP would deliver). */
export async function latestMailTo(db: Kysely<Database>, to: string) {
  return db
    .selectFrom("mail_messages")
    .selectAll()
    .where("to_address", "=", to)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .executeTakeFirst();
}

/** Pulls the token out of the first link to `path` (e.g. "/confirm/") in a message's text. */
export function linkToken(text: string | undefined, path: string): string {
  const token = text?.match(new RegExp(`${path}([A-Za-z0-9_-]+)`))?.[1];
  if (!token) throw new Error(`no ${path} link in:\n${text}`);
  return token;
}

export type MultipartFile = { name: string; content: Buffer | string; type?: string };

/** A multipart/form-data body as a browser sends it: a JSON `submission` part and `attachments` files. */
export function multipartSubmission(submission: unknown, files: MultipartFile[] = []) {
  return multipartForm("submission", submission, files);
}

/** A multipart body with one JSON part (named `part`) and files under `attachments`, as the web app sends it. */
export function multipartForm(part: string, json: unknown, files: MultipartFile[] = [], fileField = "attachments") {
  const boundary = `----switchboard${randomBytes(8).toString("hex")}`;
  const chunks: Buffer[] = [];
  const push = (text: string) => chunks.push(Buffer.from(text, "utf8"));
  push(`--${boundary}\r\nContent-Disposition: form-data; name="${part}"\r\n\r\n${JSON.stringify(json)}\r\n`);
  for (const file of files) {
    push(
      `--${boundary}\r\nContent-Disposition: form-data; name="${fileField}"; filename="${file.name}"\r\nContent-Type: ${file.type ?? "application/octet-stream"}\r\n\r\n`,
    );
    chunks.push(Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content));
    push("\r\n");
  }
  push(`--${boundary}--\r\n`);
  return { payload: Buffer.concat(chunks), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

export type InjectAsArgs = [
  client: SignedInClient | undefined,
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
  url: string,
  payload?: object,
];

/** A request to the test app as a signed-in client (cookie and CSRF token), or signed out without one. */
export function injectAs(app: App, ...[client, method, url, payload]: InjectAsArgs) {
  return app.inject({
    method,
    url,
    headers: client ? { cookie: client.cookie, "x-csrf-token": client.csrfToken } : {},
    ...(payload ? { payload: payload as Record<string, unknown> } : {}),
  });
}

/** Who reads: signed in or not, asking in a language (Accept-Language) or not. */
export type Reader = { who?: SignedInClient; language?: string };

/** A request to the test app as a reader, for tests of what each language and audience is shown. */
export function injectAsReader(app: App, method: InjectAsArgs[1], url: string, reader: Reader = {}, payload?: unknown) {
  return app.inject({
    method,
    url,
    headers: {
      ...(reader.who ? { cookie: reader.who.cookie, "x-csrf-token": reader.who.csrfToken } : {}),
      ...(reader.language ? { "accept-language": reader.language } : {}),
    },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

/** A customer whose profile language is `locale`, signed in. */
export async function signedInCustomerSpeaking(app: App, db: Kysely<Database>, locale: string) {
  const customer = await buildCustomer(db);
  await db.updateTable("users").set({ locale }).where("id", "=", customer.id).execute();
  return { customer, session: await signInAs(app, customer) };
}
