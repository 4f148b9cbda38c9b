import { describe, expect, it } from "vitest";
import { parseRevisionNote, revisionNoteText } from "./revision-notes.ts";

describe("knowledge base revision notes", () => {
  it("reads notes stored before they had codes as the same codes", () => {
    expect(parseRevisionNote("Restored revision 12")).toEqual({ code: "restored", number: 12 });
    expect(parseRevisionNote("Written from a ticket")).toEqual({ code: "fromTicket" });
  });

  it("reads back what it writes, and leaves other notes to be shown as they are", () => {
    expect(parseRevisionNote(revisionNoteText({ code: "restored", number: 3 }))).toEqual({
      code: "restored",
      number: 3,
    });
    expect(parseRevisionNote("Fixed a typo")).toBeNull();
    expect(parseRevisionNote(null)).toBeNull();
  });
});
