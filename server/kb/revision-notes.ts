/**
 * The notes the help desk writes on a knowledge base revision. They are stored as the English sentence (what
 * the column has always held, so older rows and newer ones read alike) and read back as a code and its values,
 * which the revision history words in the editor's language (web/kb/admin/RevisionHistory.tsx).
 */
import type { KbRevisionNote } from "../../common/kb.ts";

export function revisionNoteText(note: KbRevisionNote): string {
  switch (note.code) {
    case "restored":
      return `Restored revision ${note.number}`;
    case "fromTicket":
      return "Written from a ticket";
  }
}

const restored = /^Restored revision (\d+)$/;

/** A stored note as its code; null for no note, or one the help desk did not write. */
export function parseRevisionNote(text: string | null): KbRevisionNote | null {
  if (text === null) return null;
  if (text === revisionNoteText({ code: "fromTicket" })) return { code: "fromTicket" };
  const match = restored.exec(text);
  return match ? { code: "restored", number: Number(match[1]) } : null;
}
