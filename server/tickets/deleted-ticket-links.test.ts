/**
 * Deleting a ticket takes it out of every lookup at once (tickets/commands/delete-ticket.ts), the ones that
 * start from a mailed link too: the status check, an access link mailed before, the survey link and the
 * survey still waiting for its delay. None of them may show a deleted ticket's subject or act on it.
 */
import { beforeAll, expect, it } from "vitest";
import type { App } from "../http/types.ts";
import { jobHandlers } from "../jobs/handlers.ts";
import { createJobRunner } from "../jobs/runner.ts";
import { devMailboxTransport } from "../mail/transport.ts";
import { describeEachEngine } from "../test/engines.ts";
import {
  buildAdmin,
  buildAgent,
  buildSubmission,
  buildTestApp,
  injectAs,
  latestMailTo,
  linkToken,
  type SignedInClient,
  signInAs,
  testConfig,
} from "../test/factories.ts";

describeEachEngine("a deleted ticket behind a mailed link", ({ db, engine }) => {
  const config = testConfig();
  let app: App;
  let admin: SignedInClient;
  let agent: SignedInClient;
  const post = (url: string, payload: Record<string, unknown>) => app.inject({ method: "POST", url, payload });
  const guestTicket = async (email: string) =>
    (await post("/api/v1/tickets", await buildSubmission(db(), { email, subject: "Deleted as spam" }))).json()
      .number as number;
  const remove = async (number: number) =>
    expect((await injectAs(app, admin, "DELETE", `/api/v1/tickets/${number}`)).statusCode).toBe(204);
  const solve = async (number: number) => {
    const solved = await db().selectFrom("statuses").select("id").where("key", "=", "solved").executeTakeFirstOrThrow();
    const moved = await injectAs(app, agent, "POST", `/api/v1/tickets/${number}/status`, { statusId: solved.id });
    expect(moved.statusCode).toBe(204);
  };
  const runJobsAfter = async (offsetMs: number) => {
    const clock = () => new Date(Date.now() + offsetMs);
    const handlers = jobHandlers({ db: db(), engine, config }, devMailboxTransport(), clock);
    await createJobRunner({ db: db(), engine, clock, schedules: [], handlers }).runDue();
  };
  const mailsTo = (email: string, template: string) =>
    db()
      .selectFrom("mail_messages")
      .select("text_body")
      .where("to_address", "=", email)
      .where("template", "=", template)
      .execute();

  beforeAll(async () => {
    app = await buildTestApp(db(), engine, config);
    admin = await signInAs(app, await buildAdmin(db()));
    agent = await signInAs(app, await buildAgent(db()));
  });

  it("mails no access link for it, and a link mailed before opens nothing", async () => {
    const email = "deleted.guest@example.com";
    const number = await guestTicket(email);
    expect((await post("/api/v1/status-checks", { email, number })).statusCode).toBe(202);
    const token = linkToken((await latestMailTo(db(), email))?.text_body, "/access/");
    await remove(number);

    expect((await post("/api/v1/status-checks", { email, number })).statusCode).toBe(202);
    expect(await mailsTo(email, "guest-access")).toHaveLength(1);
    const opened = await post("/api/v1/guest-sessions", { token });
    expect(opened.statusCode).toBe(400);
    expect(opened.cookies).toEqual([]);
  });

  it("sends no survey for it, and its survey link shows and records nothing", async () => {
    const waiting = "deleted.before.survey@example.com";
    const number = await guestTicket(waiting);
    await solve(number);
    await remove(number);
    await runJobsAfter(61 * 60_000);
    expect(await mailsTo(waiting, "satisfaction-survey")).toEqual([]);

    const surveyed = "deleted.after.survey@example.com";
    const other = await guestTicket(surveyed);
    await solve(other);
    await runJobsAfter(61 * 60_000);
    const token = linkToken((await latestMailTo(db(), surveyed))?.text_body, "/rate/");
    await remove(other);
    const shown = await app.inject({ method: "GET", url: `/api/v1/satisfaction/${token}` });
    expect(shown.statusCode).toBe(404);
    expect(shown.body).not.toContain("Deleted as spam");
    expect((await post(`/api/v1/satisfaction/${token}`, { rating: "good" })).statusCode).toBe(404);
    const rated = await db()
      .selectFrom("ticket_events")
      .select("id")
      .where("type", "=", "satisfaction_rated")
      .execute();
    expect(rated).toEqual([]);
  });
});
