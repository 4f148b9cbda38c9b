/**
 * A few months of ticket history for the demo help desk, so a fresh
 * `npm start` shows reports with something in them. Every ticket goes through
 * the real commands (so its events, service levels and metrics are what
 * production would record), each step at a time in the past: the system
 * clock is moved back for the step and restored afterwards. This only ever
 * runs on first start, before the server listens or runs jobs. The mail
 * those steps queue went to made-up people long ago and is dropped.
 */

import type { Kysely } from "kysely";
import type { Priority } from "../../common/tickets.ts";
import { createUser } from "../accounts/commands/create-user.ts";
import { createGroup } from "../accounts/commands/manage-directory.ts";
import { toSessionUser } from "../accounts/queries.ts";
import { advanceSystemClock, systemClock } from "../clock.ts";
import type { Config } from "../config.ts";
import { type Actor, anonymous } from "../core/actor.ts";
import type { Engine } from "../db/engine.ts";
import type { Database } from "../db/schema.ts";
import { addComment } from "../tickets/commands/add-comment.ts";
import { changeStatus } from "../tickets/commands/lifecycle-actions.ts";
import { submitTicket } from "../tickets/commands/submit-ticket.ts";
import { updateTicket } from "../tickets/commands/update-ticket.ts";
import { recordEvent } from "../tickets/events.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A small deterministic generator, so every fresh demo looks the same. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const subjects = [
  "Cannot sign in to the VPN",
  "Printer on floor 2 jams",
  "Request for a second monitor",
  "Outlook keeps asking for my password",
  "Access to the finance share",
  "Laptop battery drains fast",
  "New starter needs an account",
  "Wi-Fi drops in meeting room B",
  "Invoice shows the wrong address",
  "Software licence for Figma",
  "Phone not syncing mail",
  "Shared calendar missing",
];
const people = ["Ada Park", "Ben Ortiz", "Chloé Martin", "Dev Patel", "Eva Novak", "Femi Adeyemi", "Grace Liu"];
const comments = {
  good: ["Quick and friendly, thank you!", "Sorted in no time.", "Great help."],
  bad: ["Took far too long.", "Had to explain it three times."],
};

type Step = { at: number; run: () => Promise<unknown> };

export async function seedDemoHistory(
  db: Kysely<Database>,
  engine: Engine,
  config: Config,
  days = 90,
): Promise<number> {
  const rand = random(18);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const realStart = systemClock().getTime();
  const ctx = { db, engine, config };

  const groups = [
    { id: await createGroup(db, { name: "Service Desk" }), agents: [] as Actor[] },
    { id: await createGroup(db, { name: "Infrastructure" }), agents: [] as Actor[] },
  ];
  const names = [
    ["Sam Rivera", 0],
    ["Noor Haddad", 0],
    ["Kai Tanaka", 1],
    ["Lena Berg", 1],
  ] as const;
  for (const [name, group] of names) {
    const user = await createUser(db, {
      email: `${name.toLowerCase().replace(" ", ".")}@demo.switchboard.example`,
      name,
      // Nobody signs in as them: they are names on the demo's history.
      password: crypto.randomUUID(),
      licence: "agent",
    });
    const home = groups[group];
    if (!home) continue;
    await db.insertInto("group_members").values({ user_id: user.id, group_id: home.id }).execute();
    home.agents.push({ kind: "user", user: await toSessionUser(db, user), sessionId: null, csrfToken: null });
  }
  const statusOf = async (category: string) =>
    (
      await db
        .selectFrom("statuses")
        .select("id")
        .where("category", "=", category as "open")
        .orderBy("position")
        .executeTakeFirstOrThrow()
    ).id;
  const [open, pending, solved] = [await statusOf("open"), await statusOf("pending"), await statusOf("solved")];
  const categories = await db.selectFrom("categories").select("id").execute();

  const at = (ms: number) => advanceSystemClock(ms - systemClock().getTime());
  let created = 0;
  try {
    for (let day = days; day >= 1; day -= 1) {
      const date = new Date(realStart - day * DAY);
      const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
      // A busier season lately, quiet weekends.
      const count = weekend ? Math.floor(rand() * 1.3) : 1 + Math.floor(rand() * (2.5 + (days - day) / 45));
      for (let i = 0; i < count; i += 1) {
        const hour = weekend ? 10 + rand() * 6 : 7 + rand() * 10 + (rand() < 0.3 ? rand() * 3 : 0);
        const start = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) + hour * HOUR;
        const group = rand() < 0.6 ? groups[0] : groups[1];
        const agent = group ? pick(group.agents) : undefined;
        const priority = pick<Priority>(["low", "medium", "medium", "medium", "high", "high", "urgent"]);
        const person = pick(people);
        let number = 0;
        const steps: Step[] = [
          {
            at: start,
            run: async () => {
              ({ number } = await submitTicket(
                ctx,
                anonymous,
                {
                  subject: pick(subjects),
                  priority,
                  categoryId: pick(categories)?.id ?? null,
                  message: "Hello, could you help me with this? Thanks.",
                  name: person,
                  email: `${person.toLowerCase().replace(/[^a-z]+/g, ".")}@customer.example`,
                  messageFormat: "text",
                  fields: {},
                },
                [],
                undefined,
                rand() < 0.4 ? { channel: "email", confirm: false } : { confirm: false },
              ));
            },
          },
        ];
        if (!group || !agent || agent.kind !== "user") continue;
        const triaged = start + (5 + rand() * 40) * MINUTE;
        steps.push({
          at: triaged,
          run: () => updateTicket(ctx, agent, number, { groupId: group.id, assigneeId: agent.user.id }),
        });
        const replied = triaged + (rand() < 0.5 ? rand() * 2 * HOUR : rand() * 30 * HOUR);
        steps.push({
          at: replied,
          run: () =>
            addComment(ctx, agent, number, { body: "Thanks, looking into it now.", format: "text", kind: "public" }),
        });
        let cursor = replied;
        if (rand() < 0.35) {
          steps.push({ at: replied + MINUTE, run: () => changeStatus(ctx, agent, number, pending) });
          cursor = replied + (2 + rand() * 40) * HOUR;
          steps.push({ at: cursor, run: () => changeStatus(ctx, agent, number, open) });
        }
        const solvedAt = cursor + (0.5 + rand() * rand() * 96) * HOUR;
        // The last week's tickets are still partly being worked on.
        if (day <= 7 && rand() < 0.5) steps.push({ at: realStart, run: async () => {} });
        steps.push({ at: solvedAt, run: () => changeStatus(ctx, agent, number, solved) });
        if (rand() < 0.1) {
          const reopened = solvedAt + (3 + rand() * 30) * HOUR;
          steps.push({ at: reopened, run: () => changeStatus(ctx, agent, number, open) });
          steps.push({ at: reopened + (1 + rand() * 20) * HOUR, run: () => changeStatus(ctx, agent, number, solved) });
        }
        if (rand() < 0.5) {
          const rating = rand() < 0.8 ? "good" : "bad";
          const ratedAt = solvedAt + (1 + rand() * 20) * HOUR;
          steps.push({
            at: ratedAt,
            run: () =>
              db.transaction().execute(async (trx) => {
                const ticket = await trx
                  .selectFrom("tickets")
                  .select("id")
                  .where("number", "=", number)
                  .executeTakeFirstOrThrow();
                await recordEvent(
                  trx,
                  { config },
                  {
                    ticketId: ticket.id,
                    type: "satisfaction_rated",
                    actor: { id: null, name: person },
                    visibility: "public",
                    payload: { rating, comment: rand() < 0.5 ? pick(comments[rating]) : null },
                    at: new Date(ratedAt).toISOString(),
                  },
                );
              }),
          });
        }
        // Steps still in the future stay undone: the ticket is open now.
        for (const step of steps) {
          if (step.at >= realStart - MINUTE) break;
          at(step.at);
          await step.run();
        }
        created += 1;
      }
    }
  } finally {
    advanceSystemClock(Date.now() - systemClock().getTime());
  }
  // The mail those steps queued was due long ago to people who do not exist.
  const past = new Date(realStart).toISOString();
  await db.deleteFrom("jobs").where("kind", "=", "mail.send").where("created_at", "<", past).execute();
  await db.deleteFrom("mail_messages").where("created_at", "<", past).execute();
  return created;
}
