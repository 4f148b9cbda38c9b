/**
 * Two app instances on one PostgreSQL database, each with its own connection
 * pool, as two processes behind a load balancer would be: what happens through
 * one reaches the streams of the other through LISTEN/NOTIFY.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { LiveTicketNotice, PresenceNotice } from "../../common/live.ts";
import { findSession } from "../accounts/queries.ts";
import { openPostgres } from "../db/database.ts";
import { now } from "../db/engine.ts";
import type { App } from "../http/types.ts";
import { createScratchDatabase } from "../test/engines.ts";
import { buildAgent, buildSubmission, buildTestApp, signInAs, testConfig } from "../test/factories.ts";
import { createLiveHub, defaultLiveTiming } from "./hub.ts";
import { type LiveStream, openLiveStream } from "./testing.ts";

describe.skipIf(!inject("postgresAvailable"))("live updates across app instances [postgres]", () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let second: ReturnType<typeof openPostgres>;
  let instanceA: App;
  let instanceB: App;
  const streams: LiveStream[] = [];

  beforeAll(async () => {
    scratch = await createScratchDatabase("postgres");
    const url = scratch.url ?? "";
    second = openPostgres(url, 4);
    instanceA = await buildTestApp(scratch.db, "postgres", testConfig({ databaseUrl: url }));
    instanceB = await buildTestApp(second.db, "postgres", testConfig({ databaseUrl: url }));
  });
  afterAll(async () => {
    for (const stream of streams) stream.close();
    await instanceA?.close();
    await instanceB?.close();
    await second?.db.destroy();
    await scratch?.drop();
  });

  it("delivers a change made through one instance to a subscriber of the other, and shares presence", async () => {
    const agentOnA = await signInAs(instanceA, await buildAgent(scratch.db));
    const agentOnB = await signInAs(instanceB, await buildAgent(scratch.db));
    const submitted = await instanceA.inject({
      method: "POST",
      url: "/api/v1/tickets",
      payload: await buildSubmission(scratch.db, { subject: "Seen everywhere" }),
    });
    const number = submitted.json().number as number;

    const onB = await openLiveStream(instanceB, agentOnB.cookie, `?ticket=${number}`);
    streams.push(onB);
    await onB.next((m) => m.event === "presence");

    const comment = await instanceA.inject({
      method: "POST",
      url: `/api/v1/tickets/${number}/comments`,
      headers: { cookie: agentOnA.cookie, "x-csrf-token": agentOnA.csrfToken },
      payload: { body: "Written through instance A" },
    });
    expect(comment.statusCode).toBe(201);
    const notice = (await onB.next((m) => m.event === "ticket" && (m.data as LiveTicketNotice).type === "comment"))
      .data as LiveTicketNotice;
    expect(notice).toMatchObject({ number, actorName: agentOnA.user.name, public: true });

    const heartbeat = await instanceA.inject({
      method: "POST",
      url: `/api/v1/tickets/${number}/presence`,
      headers: { cookie: agentOnA.cookie, "x-csrf-token": agentOnA.csrfToken },
      payload: { state: "typing" },
    });
    expect(heartbeat.statusCode).toBe(204);
    const presence = await onB.next(
      (m) => m.event === "presence" && (m.data as PresenceNotice).people.some((p) => p.userId === agentOnA.user.id),
    );
    expect((presence.data as PresenceNotice).people).toEqual([
      { userId: agentOnA.user.id, name: agentOnA.user.name, state: "typing" },
    ]);
  });

  it("is woken by NOTIFY on commit, not by its slow poll", async () => {
    const url = scratch.url ?? "";
    // A third instance's hub whose poll would not come round within this test.
    const hub = createLiveHub(
      { db: second.db, engine: "postgres", config: testConfig({ databaseUrl: url }) },
      instanceB.log,
      { ...defaultLiveTiming, pollMs: 10 * 60_000, listeningPollMs: 10 * 60_000 },
    );
    const received: LiveTicketNotice[] = [];
    const agent = await signInAs(instanceA, await buildAgent(scratch.db));
    const session = await findSession(scratch.db, agent.cookie.replace("sb_session=", ""), now());
    if (!session) throw new Error("the agent has no session");
    hub.subscribe({
      apiTokenId: null,
      actor: { kind: "user", user: session.user, sessionId: session.sessionId, csrfToken: session.csrfToken },
      watching: null,
      send: (event, data) => {
        if (event === "ticket") received.push(data as LiveTicketNotice);
      },
      end: () => {},
    });
    try {
      const submitted = await instanceA.inject({
        method: "POST",
        url: "/api/v1/tickets",
        payload: await buildSubmission(scratch.db, { subject: "Woken by NOTIFY" }),
      });
      const number = submitted.json().number as number;
      await expect.poll(() => received.map((n) => n.number), { timeout: 10_000 }).toContain(number);
    } finally {
      await hub.close();
    }
  });
});
