import { afterAll, expect, it } from "vitest";
import type { LiveTicketNotice, PresenceNotice } from "../../common/live.ts";
import { createApiToken, revokeApiToken } from "../accounts/commands/manage-api-tokens.ts";
import { findApiTokenUser, findGuestSession, findSession } from "../accounts/queries.ts";
import type { Actor } from "../core/actor.ts";
import { now } from "../db/engine.ts";
import type { App } from "../http/types.ts";
import { describeEachEngine } from "../test/engines.ts";
import {
  buildAgent,
  buildCustomer,
  buildSubmission,
  buildTestApp,
  latestMailTo,
  linkToken,
  type SignedInClient,
  signInAs,
  testConfig,
} from "../test/factories.ts";
import { createLiveHub, defaultLiveTiming, type LiveHub } from "./hub.ts";
import { type LiveMessage, type LiveStream, openLiveStream } from "./testing.ts";

/** Subscribes a stream that sends nowhere; the answer says whether the hub has ended it (and it unsubscribed). */
function subscribeUntilEnded(hub: LiveHub, actor: Actor, apiTokenId: string | null): () => boolean {
  let ended = false;
  const unsubscribe = hub.subscribe({
    actor,
    apiTokenId,
    watching: null,
    send: () => {},
    end: () => {
      ended = true;
      unsubscribe();
    },
  });
  return () => ended;
}

const aboutTicket = (number: number, type?: string) => (m: LiveMessage) =>
  m.event === "ticket" &&
  (m.data as LiveTicketNotice).number === number &&
  (type === undefined || (m.data as LiveTicketNotice).type === type);
const presenceOn = (number: number, names: string[]) => (m: LiveMessage) =>
  m.event === "presence" &&
  (m.data as PresenceNotice).number === number &&
  JSON.stringify((m.data as PresenceNotice).people.map((p) => `${p.name}:${p.state}`)) === JSON.stringify(names);

describeEachEngine("live updates", ({ db, engine }) => {
  let app: App;
  let customerA: SignedInClient;
  let customerB: SignedInClient;
  let agent: SignedInClient;
  let colleague: SignedInClient;
  const streams: LiveStream[] = [];
  const open = async (client: SignedInClient | undefined, query = "") => {
    const stream = await openLiveStream(app, client?.cookie, query);
    streams.push(stream);
    return stream;
  };
  const as = (client: SignedInClient, method: "POST" | "GET", url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: { cookie: client.cookie, "x-csrf-token": client.csrfToken },
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });
  const submitAs = async (client: SignedInClient, subject: string) =>
    (await as(client, "POST", "/api/v1/tickets", await buildSubmission(db(), { subject }))).json().number as number;

  afterAll(async () => {
    for (const stream of streams) stream.close();
    await app?.close();
  });

  it("tells a customer about their own ticket and nothing about anyone else's", async () => {
    app = await buildTestApp(db(), engine);
    customerA = await signInAs(app, await buildCustomer(db()));
    customerB = await signInAs(app, await buildCustomer(db()));
    agent = await signInAs(app, await buildAgent(db()));
    colleague = await signInAs(app, await buildAgent(db()));
    const ticketA = await submitAs(customerA, "A's printer");
    const ticketB = await submitAs(customerB, "B's laptop");

    const streamA = await open(customerA);
    const streamB = await open(customerB);
    expect(streamA.status).toBe(200);
    expect(streamA.contentType).toContain("text/event-stream");

    expect((await as(agent, "POST", `/api/v1/tickets/${ticketA}/comments`, { body: "On it" })).statusCode).toBe(201);
    expect((await as(agent, "POST", `/api/v1/tickets/${ticketB}/comments`, { body: "Looking" })).statusCode).toBe(201);

    const notice = (await streamA.next(aboutTicket(ticketA, "comment"))).data as LiveTicketNotice;
    expect(notice).toMatchObject({ public: true, actorId: agent.user.id, actorName: agent.user.name });
    // Nothing but the fact: what was written stays behind the feed endpoint.
    expect(JSON.stringify(notice)).not.toContain("On it");
    // B's own news came after A's ticket changed, in order: so B was not told about A's ticket.
    await streamB.next(aboutTicket(ticketB, "comment"));
    expect(streamB.messages.filter(aboutTicket(ticketA))).toEqual([]);
    expect(streamA.messages.filter(aboutTicket(ticketB))).toEqual([]);
  });

  it("keeps internal notes from customers while agents hear of them", async () => {
    const ticket = await submitAs(customerA, "A's monitor");
    const customerStream = await open(customerA);
    const agentStream = await open(agent);
    await as(agent, "POST", `/api/v1/tickets/${ticket}/comments`, { body: "Secret", kind: "note" });
    await as(agent, "POST", `/api/v1/tickets/${ticket}/comments`, { body: "Public", kind: "public" });

    const note = (await agentStream.next(aboutTicket(ticket, "note"))).data as LiveTicketNotice;
    expect(note.public).toBe(false);
    await customerStream.next(aboutTicket(ticket, "comment"));
    expect(customerStream.messages.filter(aboutTicket(ticket, "note"))).toEqual([]);
  });

  it("tells agents when a new ticket arrives", async () => {
    const agentStream = await open(agent);
    const number = await submitAs(customerB, "B's new request");
    const created = (await agentStream.next(aboutTicket(number, "created"))).data as LiveTicketNotice;
    expect(created.actorId).toBe(customerB.user.id);
  });

  it("shows agents who else is viewing or typing on a ticket, and never shows customers", async () => {
    const ticket = await submitAs(customerA, "A's keyboard");
    const colleagueStream = await open(colleague, `?ticket=${ticket}`);
    const customerStream = await open(customerA, `?ticket=${ticket}`);
    await colleagueStream.next(presenceOn(ticket, []));

    const heartbeat = (state: string) => as(agent, "POST", `/api/v1/tickets/${ticket}/presence`, { state });
    expect((await heartbeat("viewing")).statusCode).toBe(204);
    await colleagueStream.next(presenceOn(ticket, [`${agent.user.name}:viewing`]));
    await heartbeat("typing");
    await colleagueStream.next(presenceOn(ticket, [`${agent.user.name}:typing`]));
    await heartbeat("left");
    // The fourth presence message: empty before, viewing, typing, and empty again. Counted among presence
    // messages only: on a loaded machine PostgreSQL's notice of the ticket's creation came in between.
    const presence = () => colleagueStream.messages.filter((m) => m.event === "presence");
    await colleagueStream.next((m) => m.event === "presence" && presence().indexOf(m) === 3);
    expect(presence().at(-1)?.data).toEqual({ number: ticket, people: [] });

    // A later public comment reaches the customer; no presence came before it.
    await as(agent, "POST", `/api/v1/tickets/${ticket}/comments`, { body: "Done" });
    await customerStream.next(aboutTicket(ticket, "comment"));
    expect(customerStream.messages.filter((m) => m.event === "presence")).toEqual([]);
  });

  it("refuses the wrong people", async () => {
    const ticketA = await submitAs(customerA, "A's phone");
    expect((await open(undefined)).status).toBe(401);
    expect((await open(customerB, `?ticket=${ticketA}`)).status).toBe(404);
    expect((await open(agent, "?ticket=99999999")).status).toBe(404);
    const customerHeartbeat = await as(customerA, "POST", `/api/v1/tickets/${ticketA}/presence`, { state: "viewing" });
    expect(customerHeartbeat.statusCode).toBe(403);
    const missing = await as(agent, "POST", "/api/v1/tickets/99999999/presence", { state: "viewing" });
    expect(missing.statusCode).toBe(404);
    const noCsrf = await app.inject({
      method: "POST",
      url: `/api/v1/tickets/${ticketA}/presence`,
      headers: { cookie: agent.cookie },
      payload: { state: "viewing" },
    });
    expect(noCsrf.statusCode).toBe(403);
  });

  it("ends the streams of a session that signed out, and only those", async () => {
    const hub = createLiveHub({ db: db(), engine, config: testConfig() }, app.log, {
      ...defaultLiveTiming,
      sessionCheckMs: 100,
    });
    const leaving = await signInAs(app, await buildAgent(db()));
    const ended = new Set<string>();
    const subscribe = async (name: string, client: SignedInClient) => {
      const session = await findSession(db(), client.cookie.replace("sb_session=", ""), now());
      if (!session) throw new Error(`${name} has no session`);
      const actor = { kind: "user" as const, user: session.user, sessionId: session.sessionId, csrfToken: null };
      const unsubscribe = hub.subscribe({
        actor,
        apiTokenId: null,
        watching: null,
        send: () => {},
        end: () => {
          ended.add(name);
          unsubscribe();
        },
      });
    };
    try {
      await subscribe("leaving", leaving);
      await subscribe("staying", agent);
      const signOut = await app.inject({
        method: "DELETE",
        url: "/api/v1/session",
        headers: { cookie: leaving.cookie, "x-csrf-token": leaving.csrfToken },
      });
      expect(signOut.statusCode).toBe(204);
      await expect.poll(() => [...ended]).toEqual(["leaving"]);
    } finally {
      await hub.close();
    }
  });

  it("ends the stream of an API token once the token is revoked", async () => {
    const hub = createLiveHub({ db: db(), engine, config: testConfig() }, app.log, {
      ...defaultLiveTiming,
      sessionCheckMs: 100,
    });
    const holder = await buildAgent(db());
    const { id: tokenId, token } = await createApiToken(db(), {
      name: "Wallboard",
      userId: holder.id,
      scopes: ["read"],
      expiresInDays: null,
    });
    const found = await findApiTokenUser(db(), token);
    if (!found || found === "expired") throw new Error("the token does not work");
    const ended = subscribeUntilEnded(
      hub,
      { kind: "user", user: found.user, sessionId: null, csrfToken: null },
      tokenId,
    );
    try {
      await revokeApiToken(db(), tokenId);
      await expect.poll(ended).toBe(true);
    } finally {
      await hub.close();
    }
  });

  it("ends a guest's stream once they are no longer copied on the ticket", async () => {
    const hub = createLiveHub({ db: db(), engine, config: testConfig() }, app.log, {
      ...defaultLiveTiming,
      sessionCheckMs: 100,
    });
    const number = await submitAs(customerA, "Copied for a while");
    const copied = "copied.for.a.while@example.com";
    expect((await as(customerA, "POST", `/api/v1/tickets/${number}/ccs`, { email: copied })).statusCode).toBe(204);
    await app.inject({ method: "POST", url: "/api/v1/status-checks", payload: { email: copied, number } });
    const token = linkToken((await latestMailTo(db(), copied))?.text_body, "/access/");
    const opened = await app.inject({ method: "POST", url: "/api/v1/guest-sessions", payload: { token } });
    const guest = await findGuestSession(db(), opened.cookies.find((c) => c.name === "sb_guest")?.value ?? "", now());
    if (!guest) throw new Error("the access link opened no session");
    const ended = subscribeUntilEnded(hub, { kind: "guest", ...guest }, null);
    try {
      const removed = await app.inject({
        method: "DELETE",
        url: `/api/v1/tickets/${number}/ccs/${encodeURIComponent(copied)}`,
        headers: { cookie: customerA.cookie, "x-csrf-token": customerA.csrfToken },
      });
      expect(removed.statusCode).toBe(204);
      await expect.poll(ended).toBe(true);
    } finally {
      await hub.close();
    }
  });

  it("ends a stream at once when the user's roles change, before it tells them anything more", async () => {
    const auditor = await signInAs(app, await buildAgent(db()));
    const ticket = await submitAs(customerA, "A's secret project");
    const stream = await open(auditor, `?ticket=${ticket}`);
    expect(stream.status).toBe(200);
    // The administrator takes the agent role away: this agent no longer sees every ticket.
    await db().deleteFrom("user_roles").where("user_id", "=", auditor.user.id).execute();
    await as(agent, "POST", `/api/v1/tickets/${ticket}/comments`, { body: "Budget attached" });
    await stream.ended;
    // The ticket's creation may still reach the stream (it was visible then); the comment made after the
    // roles changed must not.
    expect(stream.messages.filter(aboutTicket(ticket, "comment"))).toEqual([]);
    // Reconnecting is authorized afresh, with what the user may do now.
    expect((await open(auditor, `?ticket=${ticket}`)).status).toBe(404);
  });

  it("ends open streams when the app closes", async () => {
    const stream = await open(agent);
    await app.close();
    await stream.ended;
    // Ended by the server, not by us: the loop above returned.
    expect(stream.status).toBe(200);
  });
});
