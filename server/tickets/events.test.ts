import { afterEach, expect, it } from "vitest";
import type { AutomationRuleInput } from "../../common/automation.ts";
import type { FeedEntry } from "../../common/conversation.ts";
import { type PayloadOf, parseTicketEvent, type TicketEventType } from "../../common/ticket-events.ts";
import { createRule } from "../automation/commands/manage-rules.ts";
import { anonymous } from "../core/actor.ts";
import { decodeJson } from "../db/engine.ts";
import type { Visibility } from "../db/schema.ts";
import { installTicketEventReactions, ticketEventReactions } from "../reactions.ts";
import { addBusinessMinutes, fallbackCalendar } from "../sla/calendar.ts";
import { describeEachEngine } from "../test/engines.ts";
import { buildAdmin, buildSubmission, testConfig } from "../test/factories.ts";
import { submitTicket } from "./commands/submit-ticket.ts";
import { listFeed } from "./conversation.ts";
import { installReactions, maxReactionDepth, type RecordedEvent, recordEvent } from "./events.ts";
import { ticketScope } from "./policy.ts";

type Sample<T extends TicketEventType> = {
  payload: PayloadOf<T>;
  visibility: Visibility;
  /** What the agent's Feed shows for it; null: it stays out of the Feed. */
  feed: Partial<FeedEntry> | null;
};

describeEachEngine("ticket events", ({ db }) => {
  const config = testConfig();
  const ctx = () => ({ db: db(), config });
  afterEach(() => installTicketEventReactions());

  async function newTicket(overrides: Parameters<typeof buildSubmission>[1] = {}) {
    const { number } = await submitTicket(ctx(), anonymous, await buildSubmission(db(), overrides));
    return db().selectFrom("tickets").selectAll().where("number", "=", number).executeTakeFirstOrThrow();
  }

  it("renders every type of event in the Feed (or keeps it out on purpose), from its typed payload", async () => {
    const ticket = await newTicket({ subject: "Every kind of event" });
    const other = await newTicket({ subject: "The other one" });
    const statuses = await db().selectFrom("statuses").select(["id", "agent_label", "key"]).execute();
    const open = statuses.find((s) => s.key === "open");
    const waiting = statuses.find((s) => s.key === "waiting_for_customer");
    if (!open || !waiting) throw new Error("The default statuses are missing.");
    const file = { id: "file-1", fileName: "screenshot.png", size: 1234 };
    // A mapped type over every event type: a new type fails to compile here until it has a sample.
    const samples: { [T in TicketEventType]: Sample<T> } = {
      created: {
        payload: {
          subject: "Every kind of event",
          priority: "high",
          categoryId: null,
          channel: "phone",
          onBehalfOf: { id: null, name: "Pat Caller" },
        },
        visibility: "public",
        feed: { detail: "On behalf of Pat Caller · Phone" },
      },
      comment: {
        payload: { body: "<p>Try again</p>", format: "html", kind: "public", attachments: [file], fromAgent: true },
        visibility: "public",
        feed: { body: "<p>Try again</p>", format: "html", attachments: [file], detail: null },
      },
      note: {
        payload: { body: "Checked the logs", format: "text", kind: "note" },
        visibility: "internal",
        feed: { body: "Checked the logs", format: "text", visibility: "internal" },
      },
      status_changed: {
        payload: { from: open.id, to: waiting.id, reason: "withdrawn", withdrawReason: "Solved it myself" },
        visibility: "public",
        feed: { from: open.agent_label, to: waiting.agent_label, detail: "Reason: Solved it myself" },
      },
      viewed: { payload: { role: "agent" }, visibility: "public", feed: null },
      cc_added: { payload: { email: "kim@example.com" }, visibility: "public", feed: { detail: "kim@example.com" } },
      cc_removed: { payload: { email: "kim@example.com" }, visibility: "public", feed: { detail: "kim@example.com" } },
      follow_up_created: {
        payload: { number: other.number },
        visibility: "public",
        feed: { detail: `Follow-up: #${other.number}` },
      },
      edited: {
        payload: { changes: [{ label: "Subject", from: "Old", to: null }] },
        visibility: "public",
        feed: { detail: "Subject: Old → (none)" },
      },
      task_added: {
        payload: { taskId: "t1", title: "Call back", assigneeId: null, dueOn: null },
        visibility: "internal",
        feed: { detail: "Call back" },
      },
      task_edited: {
        payload: { taskId: "t1", title: "Call back today" },
        visibility: "internal",
        feed: { detail: "Call back today" },
      },
      task_completed: {
        payload: { taskId: "t1", title: "Call back" },
        visibility: "internal",
        feed: { detail: "Call back" },
      },
      task_reopened: {
        payload: { taskId: "t1", title: "Call back" },
        visibility: "internal",
        feed: { detail: "Call back" },
      },
      task_removed: {
        payload: { taskId: "t1", title: "Call back" },
        visibility: "internal",
        feed: { detail: "Call back" },
      },
      merged_into: { payload: { number: other.number }, visibility: "public", feed: { detail: `#${other.number}` } },
      merged_from: {
        payload: { number: other.number, subject: "The other one" },
        visibility: "internal",
        feed: { detail: `#${other.number}: The other one` },
      },
      linked: { payload: { number: other.number }, visibility: "internal", feed: { detail: `#${other.number}` } },
      unlinked: { payload: { number: other.number }, visibility: "internal", feed: { detail: `#${other.number}` } },
      priority_changed: {
        payload: { from: "low", to: "urgent", macro: "Escalate" },
        visibility: "internal",
        feed: { detail: "Low → Urgent" },
      },
      sla_due: { payload: { dueAt: ticket.created_at }, visibility: "internal", feed: null },
      sla_overdue: { payload: { dueAt: ticket.created_at }, visibility: "internal", feed: null },
      automation_applied: {
        payload: {
          ruleId: "r1",
          rule: "A rule",
          summary: "assigned to On call, priority set to High",
          outcome: [
            { code: "assigned", group: "On call" },
            { code: "priority", priority: "high" },
          ],
        },
        visibility: "internal",
        // The rule is the entry's actor; what it did comes as codes, and in English for older clients.
        feed: {
          actor: "A rule",
          detail: "assigned to On call, priority set to High",
          details: [
            { code: "automation", did: { code: "assigned", group: "On call" } },
            { code: "automation", did: { code: "priority", priority: "high" } },
          ],
        },
      },
      satisfaction_rated: {
        payload: { rating: "bad", previous: "good", comment: "Took too long", reason: "It took too long" },
        visibility: "internal",
        feed: {
          visibility: "internal",
          detail: "Rating: Bad (was Good) · Reason: It took too long",
          body: "Took too long",
          format: "text",
        },
      },
      // The agent's Feed keeps the words before an edit; the comment itself shows the words after.
      comment_edited: {
        payload: { commentId: "a-comment", before: "Try agian", after: "Try again", format: "text" },
        visibility: "public",
        feed: { body: "Try agian", format: "text", detail: null, edited: false },
      },
      comment_deleted: {
        payload: { commentId: "another-comment", author: "Pat Caller" },
        visibility: "public",
        feed: { body: null, detail: "A comment by Pat Caller" },
      },
      tag_added: { payload: { tag: "vpn" }, visibility: "internal", feed: { detail: "vpn" } },
      tag_removed: { payload: { tag: "vpn" }, visibility: "internal", feed: { detail: "vpn" } },
      deleted: { payload: { purgeAfter: "2026-12-30T00:00:00.000Z" }, visibility: "internal", feed: { detail: null } },
      restored: { payload: {}, visibility: "internal", feed: { detail: null } },
    };
    // Only the rows matter here: what each type sets off is tested with the features that react to it.
    installReactions([]);
    const types = Object.keys(samples) as TicketEventType[];
    const ids = new Map<string, TicketEventType>();
    for (const type of types) {
      const { payload, visibility } = samples[type];
      const id = await db()
        .transaction()
        .execute((trx) =>
          recordEvent(trx, { config }, {
            ticketId: ticket.id,
            type,
            payload,
            actor: { id: null, name: "Sam Agent" },
            visibility,
            at: new Date().toISOString(),
          } as Parameters<typeof recordEvent>[2]),
        );
      ids.set(id, type);
    }

    const admin = await buildAdmin(db());
    const actor = {
      kind: "user" as const,
      user: {
        id: admin.id,
        email: admin.email,
        name: admin.name,
        licence: admin.licence,
        permissions: ["tickets.view_all" as const, "tickets.work" as const],
      },
      sessionId: null,
      csrfToken: null,
    };
    const entries = await listFeed(db(), ticket.id, "agent", ticketScope(actor));
    for (const type of types) {
      const expected = samples[type].feed;
      const entry = entries.find((e) => ids.get(e.id) === type);
      if (expected === null) {
        expect(entry, type).toBeUndefined();
        continue;
      }
      expect(entry, type).toMatchObject({
        type,
        actor: "Sam Agent",
        visibility: samples[type].visibility,
        ...expected,
      });
    }
    // And each row reads back as the typed event it was written as.
    const rows = await db()
      .selectFrom("ticket_events")
      .select(["id", "type", "payload"])
      .where("ticket_id", "=", ticket.id)
      .execute();
    for (const row of rows.filter((r) => ids.has(r.id))) {
      expect(parseTicketEvent(row.type, decodeJson(row.payload))?.type, row.type).toBe(row.type);
    }
  });

  it("reads a stored payload back only as the type whose schema it matches", () => {
    expect(parseTicketEvent("cc_added", { address: "kim@example.com" })).toBeNull();
    expect(parseTicketEvent("no_such_type", {})).toBeNull();
    expect(parseTicketEvent("linked", { number: 1002 })).toEqual({ type: "linked", payload: { number: 1002 } });
  });

  it("runs reactions in the event's transaction: a reaction that fails rolls back the change and the event", async () => {
    const ticket = await newTicket();
    installReactions([
      async (_trx, _ctx, event) => {
        if (event.type === "note") throw new Error("the reaction failed");
      },
    ]);
    await expect(
      db()
        .transaction()
        .execute(async (trx) => {
          await trx.updateTable("tickets").set({ subject: "Changed" }).where("id", "=", ticket.id).execute();
          await recordEvent(
            trx,
            { config },
            {
              ticketId: ticket.id,
              type: "note",
              payload: { body: "x", format: "text", kind: "note" },
              actor: { id: null, name: "Sam" },
              visibility: "internal",
              at: new Date().toISOString(),
            },
          );
        }),
    ).rejects.toThrow("the reaction failed");
    const after = await db()
      .selectFrom("tickets")
      .select("subject")
      .where("id", "=", ticket.id)
      .executeTakeFirstOrThrow();
    expect(after.subject).toBe(ticket.subject);
    const notes = await db()
      .selectFrom("ticket_events")
      .select("id")
      .where("ticket_id", "=", ticket.id)
      .where("type", "=", "note")
      .execute();
    expect(notes).toHaveLength(0);
  });

  it("stops reactions that keep setting each other off at the depth limit, and writes nothing", async () => {
    const ticket = await newTicket();
    const before = await db().selectFrom("ticket_events").select("id").execute();
    // Each linked event records another: a loop between reactions.
    installReactions([
      async (trx, reactionCtx, event) => {
        if (event.type === "linked")
          await recordEvent(trx, reactionCtx, { ...event, payload: { number: event.payload.number + 1 } });
      },
    ]);
    await expect(
      db()
        .transaction()
        .execute((trx) =>
          recordEvent(
            trx,
            { config },
            {
              ticketId: ticket.id,
              type: "linked",
              payload: { number: 1 },
              actor: { id: null, name: "Sam" },
              visibility: "internal",
              at: new Date().toISOString(),
            },
          ),
        ),
    ).rejects.toThrow(`nested more than ${maxReactionDepth} deep`);
    expect(await db().selectFrom("ticket_events").select("id").execute()).toHaveLength(before.length);
  });

  it("works the targets out once when a trigger changes the priority of a new ticket, and nothing loops", async () => {
    const rule: AutomationRuleInput = {
      name: "Low is high",
      kind: "trigger",
      active: true,
      position: 0,
      conditions: { priorities: ["low"], serviceIds: [], organizationIds: [], ticketTypeIds: [] },
      statusCategory: null,
      afterBusinessDays: null,
      actions: { groupId: null, priority: "high", remindRequester: false },
    };
    await createRule(db(), rule);
    // Watch what the reactions see, then let the app's own reactions run as they always do.
    const seen: { type: string; depth: number }[] = [];
    let depth = 0;
    installReactions([
      async (trx, reactionCtx, event: RecordedEvent) => {
        seen.push({ type: event.type, depth });
        depth += 1;
        try {
          for (const react of ticketEventReactions) await react(trx, reactionCtx, event);
        } finally {
          depth -= 1;
        }
      },
    ]);
    const ticket = await newTicket({ priority: "low", subject: "Recomputed once" });
    expect(ticket.priority).toBe("high");
    // The ticket was created, the trigger acted once (raising the priority), and its event set off the service
    // level reaction (new targets) and nothing more.
    expect(seen).toEqual([
      { type: "created", depth: 0 },
      { type: "automation_applied", depth: 1 },
    ]);
    // High's target: four business hours on the default calendar.
    const fourHours = addBusinessMinutes(fallbackCalendar, new Date(ticket.created_at), 4 * 60).toISOString();
    expect(ticket.first_response_due_at).toBe(fourHours);
  });
});
