/**
 * Unsent comments kept in the browser, per person and ticket, so that a reload, a closed tab or a crash does
 * not lose what someone was writing (Zendesk and Freshdesk keep drafts too). Only the text and the kind are
 * kept: files cannot be put back into a file input, so attachments are chosen again.
 *
 * Kept in localStorage, which outlives the session: signing out removes every draft on this browser, so the
 * next person at a shared computer finds none, and a draft older than two weeks is dropped when read.
 */
import type { CommentKind } from "../../common/conversation.ts";

const prefix = "switchboard.draft.";
const keptFor = 14 * 24 * 60 * 60 * 1000;

export type Draft = { html: string; text: string; kind: CommentKind; savedAt: number };

/** The storage key of one person's draft on one ticket; a guest is named by their address. */
export function draftKey(owner: string, ticketNumber: number): string {
  return `${prefix}${owner}.${ticketNumber}`;
}

/** Storage can be missing or refuse (private browsing, a full quota): a draft is a convenience, never an error. */
function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export function readDraft(key: string, now = Date.now()): Draft | undefined {
  const store = storage();
  try {
    const draft = JSON.parse(store?.getItem(key) ?? "null") as Partial<Draft> | null;
    if (
      !draft ||
      typeof draft.html !== "string" ||
      typeof draft.text !== "string" ||
      typeof draft.savedAt !== "number" ||
      now - draft.savedAt > keptFor
    ) {
      store?.removeItem(key);
      return undefined;
    }
    return { html: draft.html, text: draft.text, kind: draft.kind ?? "public", savedAt: draft.savedAt };
  } catch {
    store?.removeItem(key);
    return undefined;
  }
}

/** Keeps what the editor holds; an empty editor removes the draft. */
export function writeDraft(key: string, body: { html: string; text: string }, kind: CommentKind): void {
  const store = storage();
  try {
    if (body.text.trim() === "") store?.removeItem(key);
    else store?.setItem(key, JSON.stringify({ html: body.html, text: body.text, kind, savedAt: Date.now() }));
  } catch {
    // Over the quota: the draft is simply not kept.
  }
}

export function removeDraft(key: string): void {
  storage()?.removeItem(key);
}

/** Every draft on this browser, whoever wrote it: called when someone signs out. */
export function removeAllDrafts(): void {
  const store = storage();
  if (!store) return;
  const keys = Array.from({ length: store.length }, (_, i) => store.key(i)).filter(
    (key): key is string => key?.startsWith(prefix) ?? false,
  );
  for (const key of keys) store.removeItem(key);
}
