/** The ticket policy's rules on their own; the write matrix (http/write-authorization.test.ts) proves the routes follow them. */
import { describe, expect, it } from "vitest";
import type { Permission } from "../../common/permissions.ts";
import type { Actor } from "../core/actor.ts";
import { refusal, type TicketStanding, type TicketState, ticketAbilities } from "./policy.ts";

const user = (licence: "customer" | "agent", permissions: Permission[]): Actor => ({
  kind: "user",
  user: { id: "u1", email: "u1@example.com", name: "U", licence, permissions },
  sessionId: null,
  csrfToken: null,
});
const standing = (s: Partial<TicketStanding>): TicketStanding => ({
  requester: false,
  copied: false,
  colleague: false,
  worker: false,
  ...s,
});
const open: TicketState = {
  category: "open",
  reopenWindowOpen: false,
  reopensOnReply: false,
  hasSolvedStatus: true,
  hasWithdrawnStatus: true,
};

describe("the ticket policy", () => {
  it("lets a colleague act on a request only with tickets.act_department", () => {
    const viewer = user("customer", ["tickets.view_department"]);
    const actor = user("customer", ["tickets.view_department", "tickets.act_department"]);
    const colleague = standing({ colleague: true });
    expect(refusal(viewer, colleague, "withdraw")).toBe(
      "You can read your colleagues' requests, but only the requester can act on them.",
    );
    expect(ticketAbilities(viewer, colleague, open)).toMatchObject({ reply: false, solve: false, withdraw: false });
    expect(refusal(actor, colleague, "withdraw")).toBeNull();
    expect(ticketAbilities(actor, colleague, open)).toMatchObject({
      reply: true,
      solve: true,
      addCc: true,
      note: false,
    });
  });

  it("tells a read-only agent their role is for viewing", () => {
    const auditor = user("agent", ["tickets.view_all"]);
    expect(refusal(auditor, standing({}), "reply")).toBe("Your role lets you view tickets, not change them.");
    expect(refusal(auditor, standing({}), "alerts")).toBeNull();
    expect(Object.entries(ticketAbilities(auditor, standing({}), open)).filter(([, may]) => may)).toEqual([
      ["subscribe", true],
    ]);
  });

  it("offers withdraw and solve only while a status exists to move to, and follow-ups once finished", () => {
    const requester = user("customer", ["tickets.submit"]);
    const own = standing({ requester: true });
    expect(ticketAbilities(requester, own, { ...open, hasWithdrawnStatus: false }).withdraw).toBe(false);
    expect(ticketAbilities(requester, own, { ...open, hasSolvedStatus: false }).solve).toBe(false);
    const closed = ticketAbilities(requester, own, { ...open, category: "closed" });
    expect(closed).toMatchObject({ reply: false, followUp: true, withdraw: false, solve: false });
    const reopens = ticketAbilities(requester, own, { ...open, category: "closed", reopensOnReply: true });
    expect(reopens).toMatchObject({ reply: true, reopen: true, followUp: true });
  });
});
