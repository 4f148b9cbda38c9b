/**
 * The write matrix: every route that changes a ticket, with every kind of
 * actor, on a ticket of their own and on a foreign one, answers exactly as
 * the ticket policy says, and a refused write changes nothing at all.
 *
 * Each row is one mutating operation of the OpenAPI document; a mutating
 * ticket route without a row fails the suite (the other mutating routes are
 * walked with every actor by authorization.test.ts). A write that goes
 * through leaves a changed world, so the next case gets fresh tickets; a
 * refused one is proven to have changed nothing, so the next case reuses them.
 */
import type { Kysely } from "kysely";
import { expect, it } from "vitest";
import { createGroup, createOrganization, createRole } from "../accounts/commands/manage-directory.ts";
import { issueGuestLink } from "../accounts/guest-links.ts";
import { newId } from "../db/ids.ts";
import type { Database } from "../db/schema.ts";
import { describeEachEngine } from "../test/engines.ts";
import { buildSubmission, buildTestApp, buildUser, multipartForm, signInAs, testConfig } from "../test/factories.ts";
import type { App } from "./types.ts";

const actors = [
  "anonymous",
  "guestLink",
  "requester",
  "ccCustomer",
  "ccGuest",
  "departmentViewer",
  "otherCustomer",
  "readOnlyAgent",
  "groupAgent",
  "agent",
  "admin",
] as const;
type ActorName = (typeof actors)[number];
/** An HTTP status, or "failed": a bulk edit answers 200 and lists the ticket it refused. */
type Outcome = number | "failed";

/**
 * What each way of standing to a ticket gets: its requester, someone copied,
 * a colleague in the department (reading, not acting), a read-only agent, an
 * agent working it, and someone who cannot see it at all.
 */
type ByStanding = {
  requester: Outcome;
  copied: Outcome;
  colleague: Outcome;
  viewer: Outcome;
  worker: Outcome;
  outsider: Outcome;
  /** Exceptions, on both tickets (e.g. a route refused to guests before any lookup). */
  except?: Partial<Record<ActorName, Outcome>>;
  /** Exceptions on their own ticket only (e.g. a CC removing their own address). */
  exceptOwn?: Partial<Record<ActorName, Outcome>>;
};

type World = {
  ids: string[];
  own: number;
  foreign: number;
  /** Another of the requester's tickets, in the same group: the other end of links and merges. */
  sibling: number;
  ownTask: string;
  foreignTask: string;
  guests: Record<"guestLink" | "ccGuest", { cookie: string; csrf: string }>;
};

type Row = {
  path: (number: number, w: World, which: "own" | "foreign") => string;
  body?: (w: World) => unknown;
  multipart?: boolean;
  /** The tickets start closed (follow-ups are for finished requests). */
  closed?: boolean;
  expected: ByStanding;
  outcome?: (status: number, body: string) => Outcome;
};

/** Routes refused to everyone but agents who work tickets before any ticket is looked up. */
const agentTool = (success: number): ByStanding => ({
  requester: 403,
  copied: 403,
  colleague: 403,
  viewer: 403,
  worker: success,
  outsider: 403,
  except: { anonymous: 401, groupAgent: 404 },
});
/** Anyone who can see the ticket (reading, recording a visit, their own alerts). */
const anyReader = (success: number): ByStanding => ({
  requester: success,
  copied: success,
  colleague: success,
  viewer: success,
  worker: success,
  outsider: 404,
});
/** The requester's own decisions (solve, withdraw, follow up, copy people), which agents working it share. */
const requesterOrWorker = (success: number): ByStanding => ({
  requester: success,
  copied: 403,
  colleague: 403,
  viewer: 403,
  worker: success,
  outsider: 404,
});

const rows: Record<string, Row> = {
  "POST /api/v1/tickets/{number}/comments": {
    path: (n) => `/api/v1/tickets/${n}/comments`,
    body: () => ({ body: "A public comment" }),
    expected: { ...requesterOrWorker(201), copied: 201 },
  },
  "POST /api/v1/tickets/{number}/comments — internal note": {
    path: (n) => `/api/v1/tickets/${n}/comments`,
    body: () => ({ body: "An internal note", kind: "note" }),
    expected: { ...requesterOrWorker(201), requester: 403 },
  },
  "POST /api/v1/tickets/{number}/comments — private comment": {
    path: (n) => `/api/v1/tickets/${n}/comments`,
    body: () => ({ body: "A private comment", kind: "private" }),
    expected: { ...requesterOrWorker(201), requester: 403 },
  },
  "POST /api/v1/tickets/{number}/comments/with-attachments": {
    path: (n) => `/api/v1/tickets/${n}/comments/with-attachments`,
    body: () => ({ body: "A comment with a file" }),
    multipart: true,
    expected: { ...requesterOrWorker(201), copied: 201 },
  },
  "POST /api/v1/tickets/{number}/views": { path: (n) => `/api/v1/tickets/${n}/views`, expected: anyReader(204) },
  "PUT /api/v1/tickets/{number}/alerts/{kind}": {
    path: (n) => `/api/v1/tickets/${n}/alerts/ticket_completed`,
    expected: anyReader(204),
  },
  "DELETE /api/v1/tickets/{number}/alerts/{kind}": {
    path: (n) => `/api/v1/tickets/${n}/alerts/ticket_completed`,
    expected: anyReader(204),
  },
  "POST /api/v1/tickets/{number}/ccs": {
    // Copying someone mails them the conversation and an access link: the requester's call, or an agent's.
    path: (n) => `/api/v1/tickets/${n}/ccs`,
    body: () => ({ email: "outsider@elsewhere.example" }),
    expected: requesterOrWorker(204),
  },
  "DELETE /api/v1/tickets/{number}/ccs/{email}": {
    // The guest's address: someone else for everybody but the CC'd guest, who may remove themselves.
    path: (n) => `/api/v1/tickets/${n}/ccs/cc.guest@example.com`,
    expected: { ...requesterOrWorker(204), exceptOwn: { ccGuest: 204 } },
  },
  "POST /api/v1/tickets/{number}/status": {
    path: (n) => `/api/v1/tickets/${n}/status`,
    body: () => ({ statusId: openStatusId }),
    expected: { ...requesterOrWorker(204), requester: 403 },
  },
  "PATCH /api/v1/tickets/{number}": {
    path: (n) => `/api/v1/tickets/${n}`,
    body: () => ({ priority: "urgent" }),
    expected: agentTool(204),
  },
  "POST /api/v1/tickets/{number}/solve": {
    path: (n) => `/api/v1/tickets/${n}/solve`,
    body: () => ({}),
    expected: requesterOrWorker(204),
  },
  "POST /api/v1/tickets/{number}/solve — with a comment": {
    path: (n) => `/api/v1/tickets/${n}/solve`,
    body: () => ({ comment: { body: "Works now, thanks" } }),
    expected: requesterOrWorker(204),
  },
  "POST /api/v1/tickets/{number}/withdraw": {
    path: (n) => `/api/v1/tickets/${n}/withdraw`,
    body: () => ({ reasonId: withdrawReasonId }),
    expected: requesterOrWorker(204),
  },
  "POST /api/v1/tickets/{number}/follow-ups": {
    path: (n) => `/api/v1/tickets/${n}/follow-ups`,
    body: () => ({ subject: "Still broken", message: "It came back." }),
    closed: true,
    expected: requesterOrWorker(201),
  },
  "POST /api/v1/tickets/{number}/presence": {
    path: (n) => `/api/v1/tickets/${n}/presence`,
    body: () => ({ state: "viewing" }),
    expected: { ...agentTool(204), except: { anonymous: 401, guestLink: 401, ccGuest: 401, groupAgent: 404 } },
  },
  "POST /api/v1/tickets/{number}/tasks": {
    path: (n) => `/api/v1/tickets/${n}/tasks`,
    body: () => ({ title: "Call the requester" }),
    expected: agentTool(201),
  },
  "PATCH /api/v1/tickets/{number}/tasks/{id}": {
    path: (n, w, which) => `/api/v1/tickets/${n}/tasks/${which === "own" ? w.ownTask : w.foreignTask}`,
    body: () => ({ done: true }),
    expected: agentTool(204),
  },
  "DELETE /api/v1/tickets/{number}/tasks/{id}": {
    path: (n, w, which) => `/api/v1/tickets/${n}/tasks/${which === "own" ? w.ownTask : w.foreignTask}`,
    expected: agentTool(204),
  },
  "POST /api/v1/tickets/{number}/links": {
    path: (n) => `/api/v1/tickets/${n}/links`,
    body: (w) => ({ number: w.sibling }),
    expected: agentTool(204),
  },
  "DELETE /api/v1/tickets/{number}/links/{other}": {
    path: (n, w) => `/api/v1/tickets/${n}/links/${w.sibling}`,
    expected: agentTool(204),
  },
  "POST /api/v1/tickets/{number}/merge": {
    path: (n) => `/api/v1/tickets/${n}/merge`,
    body: (w) => ({ into: w.sibling }),
    expected: agentTool(204),
  },
  "POST /api/v1/tickets/{number}/macros/{id}/apply": {
    path: (n) => `/api/v1/tickets/${n}/macros/${macroId}/apply`,
    expected: agentTool(200),
  },
  "POST /api/v1/agent/tickets/bulk": {
    path: () => "/api/v1/agent/tickets/bulk",
    body: () => undefined, // set per ticket below
    expected: { ...agentTool(200), except: { anonymous: 401, groupAgent: "failed" } },
    outcome: (status, body) => (status === 200 && JSON.parse(body).failed.length > 0 ? "failed" : status),
  },
};

// Set once per engine, read by the rows' bodies.
let openStatusId = "";
let withdrawReasonId = "";
let macroId = "";

function expectedFor(row: Row, actor: ActorName, which: "own" | "foreign"): Outcome {
  const e = row.expected;
  if (which === "own" && e.exceptOwn?.[actor] !== undefined) return e.exceptOwn[actor];
  if (e.except?.[actor] !== undefined) return e.except[actor];
  if (actor === "anonymous") return 401;
  if (actor === "readOnlyAgent") return e.viewer;
  if (actor === "agent" || actor === "admin") return e.worker;
  if (actor === "groupAgent") return e.outsider === 403 ? 404 : e.outsider;
  // The foreign ticket is the other customer's own request, and nobody else's business.
  if (which === "foreign") return actor === "otherCustomer" ? e.requester : e.outsider;
  switch (actor) {
    case "guestLink":
    case "requester":
      return e.requester;
    case "ccCustomer":
    case "ccGuest":
      return e.copied;
    case "departmentViewer":
      return e.colleague;
    default:
      return e.outsider;
  }
}

/**
 * Everything a write on these tickets could touch: their rows in full, and how
 * many tickets, mails, jobs and access links exist (a write that creates one).
 * Sessions and rate limits are the sign-ins', not the writes'.
 */
async function snapshot(db: Kysely<Database>, ticketIds: string[]): Promise<string> {
  const parts: string[] = [];
  const tickets = await db.selectFrom("tickets").selectAll().where("id", "in", ticketIds).execute();
  parts.push(JSON.stringify(tickets));
  for (const table of [
    "ticket_events",
    "ticket_ccs",
    "ticket_tasks",
    "ticket_field_values",
    "alert_subscriptions",
    "attachments",
  ] as const) {
    const rows = await db.selectFrom(table).selectAll().where("ticket_id", "in", ticketIds).execute();
    parts.push(`${table}:${JSON.stringify(rows.map((r) => JSON.stringify(r)).sort())}`);
  }
  const links = await db.selectFrom("ticket_links").selectAll().where("ticket_id", "in", ticketIds).execute();
  parts.push(`ticket_links:${JSON.stringify(links.map((r) => JSON.stringify(r)).sort())}`);
  for (const table of ["tickets", "mail_messages", "jobs", "guest_links"] as const) {
    const count = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    parts.push(`${table} count:${Number(count.n)}`);
  }
  return parts.join("\n");
}

describeEachEngine("write authorization matrix", ({ db, engine }) => {
  it("gives every actor the policy's answer on every ticket write, own and foreign, and refusals change nothing", async () => {
    const app: App = await buildTestApp(db(), engine, testConfig());
    const finance = await createOrganization(db(), { name: "Finance" });
    const support = await createGroup(db(), { name: "Support" });
    const elsewhere = await createGroup(db(), { name: "Elsewhere" });
    const other = await createGroup(db(), { name: "Other team" });
    const viewOnly = await createRole(db(), { name: "Reads every ticket", permissions: ["tickets.view_all"] });
    const worksGroups = await createRole(db(), { name: "Works its groups' tickets", permissions: ["tickets.work"] });
    const departmentRole = await db()
      .selectFrom("roles")
      .select("id")
      .where("key", "=", "department_viewer")
      .executeTakeFirstOrThrow();

    const requester = await buildUser(db(), "customer", `Requester ${engine}`);
    const ccCustomer = await buildUser(db(), "customer", `Copied ${engine}`);
    const colleague = await buildUser(db(), "customer", `Colleague ${engine}`);
    const otherCustomer = await buildUser(db(), "customer", `Other ${engine}`);
    const readOnlyAgent = await buildUser(db(), "agent", `Auditor ${engine}`);
    const groupAgent = await buildUser(db(), "agent", `Group agent ${engine}`);
    const agent = await buildUser(db(), "agent", `Agent ${engine}`);
    const admin = await buildUser(db(), "admin", `Admin ${engine}`);
    await db()
      .insertInto("organization_members")
      .values([
        { user_id: requester.id, organization_id: finance },
        { user_id: colleague.id, organization_id: finance },
      ])
      .execute();
    for (const [user, role] of [
      [colleague.id, departmentRole.id],
      [readOnlyAgent.id, viewOnly],
      [groupAgent.id, worksGroups],
    ] as const) {
      await db().deleteFrom("user_roles").where("user_id", "=", user).execute();
      await db().insertInto("user_roles").values({ user_id: user, role_id: role }).execute();
    }
    await db().insertInto("group_members").values({ group_id: other, user_id: groupAgent.id }).execute();

    const signedIn = new Map<ActorName, { cookie: string; csrf: string }>();
    for (const [name, user] of [
      ["requester", requester],
      ["ccCustomer", ccCustomer],
      ["departmentViewer", colleague],
      ["otherCustomer", otherCustomer],
      ["readOnlyAgent", readOnlyAgent],
      ["groupAgent", groupAgent],
      ["agent", agent],
      ["admin", admin],
    ] as const) {
      const client = await signInAs(app, user);
      signedIn.set(name, { cookie: client.cookie, csrf: client.csrfToken });
    }
    const as = (name: ActorName, world: World | null) =>
      name === "guestLink" || name === "ccGuest" ? world?.guests[name] : signedIn.get(name);
    const headers = (c: { cookie: string; csrf: string } | undefined) =>
      c ? { cookie: c.cookie, "x-csrf-token": c.csrf } : {};

    openStatusId = (await db().selectFrom("statuses").select("id").where("key", "=", "open").executeTakeFirstOrThrow())
      .id;
    withdrawReasonId = (await db().selectFrom("withdraw_reasons").select("id").executeTakeFirstOrThrow()).id;
    macroId = (
      await app.inject({
        method: "POST",
        url: "/api/v1/macros",
        headers: headers(signedIn.get("admin")),
        payload: { name: "Escalate", body: "<p>On it</p>", shared: true, priority: "high" },
      })
    ).json().id;
    const closedStatus = await db()
      .selectFrom("statuses")
      .select("id")
      .where("key", "=", "closed")
      .executeTakeFirstOrThrow();

    const submit = async (name: ActorName, subject: string) => {
      const response = await app.inject({
        method: "POST",
        url: "/api/v1/tickets",
        headers: headers(signedIn.get(name)),
        payload: await buildSubmission(db(), { subject }),
      });
      return response.json().number as number;
    };
    const idOf = async (number: number) =>
      (await db().selectFrom("tickets").select("id").where("number", "=", number).executeTakeFirstOrThrow()).id;
    const guestSession = async (ticketId: string, email: string) => {
      const token = await db()
        .transaction()
        .execute((trx) => issueGuestLink(trx, ticketId, email, new Date()));
      const response = await app.inject({ method: "POST", url: "/api/v1/guest-sessions", payload: { token } });
      return {
        cookie: `sb_guest=${response.cookies.find((c) => c.name === "sb_guest")?.value}`,
        csrf: response.json().csrfToken as string,
      };
    };
    const task = async (ticketId: string) => {
      const id = newId();
      await db()
        .insertInto("ticket_tasks")
        .values({
          id,
          ticket_id: ticketId,
          title: "Check the logs",
          assignee_id: null,
          due_on: null,
          done_at: null,
          done_by_name: null,
          created_by_name: "Admin",
          created_at: new Date().toISOString(),
        })
        .execute();
      return id;
    };
    /** The requester's ticket (in Finance, with the Support group, two CCs) and the other customer's. */
    const buildWorld = async (closed: boolean): Promise<World> => {
      const own = await submit("requester", "Own ticket");
      const sibling = await submit("requester", "Sibling ticket");
      const foreign = await submit("otherCustomer", "Foreign ticket");
      const [ownId, siblingId, foreignId] = await Promise.all([idOf(own), idOf(sibling), idOf(foreign)]);
      await db()
        .updateTable("tickets")
        .set({ organization_id: finance, group_id: support })
        .where("id", "in", [ownId, siblingId])
        .execute();
      await db().updateTable("tickets").set({ group_id: elsewhere }).where("id", "=", foreignId).execute();
      if (closed)
        await db()
          .updateTable("tickets")
          .set({ status_id: closedStatus.id })
          .where("id", "in", [ownId, foreignId])
          .execute();
      const at = new Date().toISOString();
      await db()
        .insertInto("ticket_ccs")
        .values([
          { ticket_id: ownId, email: ccCustomer.email, added_by_name: "Requester", created_at: at },
          { ticket_id: ownId, email: "cc.guest@example.com", added_by_name: "Requester", created_at: at },
        ])
        .execute();
      await db()
        .insertInto("ticket_links")
        .values([
          { ticket_id: ownId, linked_ticket_id: siblingId, created_by_name: "Admin", created_at: at },
          { ticket_id: siblingId, linked_ticket_id: ownId, created_by_name: "Admin", created_at: at },
        ])
        .execute();
      return {
        ids: [ownId, siblingId, foreignId],
        own,
        foreign,
        sibling,
        ownTask: await task(ownId),
        foreignTask: await task(foreignId),
        guests: {
          guestLink: await guestSession(ownId, requester.email),
          ccGuest: await guestSession(ownId, "cc.guest@example.com"),
        },
      };
    };

    const doc = (await app.inject("/api/openapi.json")).json() as { paths: Record<string, Record<string, unknown>> };
    const ticketWrites = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods)
        .filter(
          (m) => m !== "get" && (path.startsWith("/api/v1/tickets/{number}") || path === "/api/v1/agent/tickets/bulk"),
        )
        .map((m) => `${m.toUpperCase()} ${path}`),
    );
    const covered = new Set(Object.keys(rows).map((k) => k.split(" — ")[0]));
    expect(
      ticketWrites.filter((op) => !covered.has(op)),
      "ticket writes without a row in the write matrix",
    ).toEqual([]);

    const failures: string[] = [];
    let world = await buildWorld(false);
    let worldClosed = false;
    for (const [operation, row] of Object.entries(rows)) {
      const [method = "POST"] = operation.split(" ");
      for (const which of ["own", "foreign"] as const) {
        for (const actor of actors) {
          if ((row.closed ?? false) !== worldClosed) {
            worldClosed = row.closed ?? false;
            world = await buildWorld(worldClosed);
          }
          const number = which === "own" ? world.own : world.foreign;
          const before = await snapshot(db(), world.ids);
          const credentials = headers(as(actor, world));
          const body = operation.endsWith("/bulk") ? { numbers: [number], priority: "high" } : row.body?.(world);
          const response = row.multipart
            ? await (async () => {
                const form = multipartForm("comment", body, [{ name: "note.txt", content: "hello" }]);
                return app.inject({
                  method: "POST",
                  url: row.path(number, world, which),
                  headers: { ...form.headers, ...credentials },
                  payload: form.payload,
                });
              })()
            : await app.inject({
                method: method as "POST",
                url: row.path(number, world, which),
                headers: credentials,
                ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
              });
          const outcome = row.outcome ? row.outcome(response.statusCode, response.body) : response.statusCode;
          const expected = expectedFor(row, actor, which);
          if (outcome !== expected) {
            failures.push(
              `${operation} on ${which} as ${actor}: expected ${expected}, got ${outcome} ${response.body.slice(0, 140)}`,
            );
          }
          const succeeded = typeof outcome === "number" && outcome < 300;
          if (!succeeded) {
            if ((await snapshot(db(), world.ids)) !== before)
              failures.push(`${operation} on ${which} as ${actor}: refused with ${outcome} but changed data`);
          } else {
            world = await buildWorld(worldClosed);
          }
        }
      }
    }
    await app.close();
    expect(failures).toEqual([]);
  }, 600_000);
});
