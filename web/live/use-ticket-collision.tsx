import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import { type PresenceNotice, presenceHeartbeatMs } from "../../common/live.ts";
import { useSession } from "../api/session.ts";
import { sendPresence } from "./presence-api.ts";
import { type NewReply, ReplyWarning } from "./ReplyWarning.tsx";
import { useLiveTicket } from "./use-live-tickets.ts";

/** Keys pressed within this long count as typing. */
const typingWindowMs = 4_000;
/** Typing is repeated this often while it lasts (the server forgets it after 6 s). */
const typingRepeatMs = 2_500;

export type TicketCollision = {
  /** Everyone else with the ticket open, and whether they are typing. */
  others: PresenceNotice["people"];
  /** What the comment form needs: typing signals, and a chance to warn before sending. */
  commentForm: { onTyping: () => void; confirmSend: (send: () => void) => void; warning: ReactNode };
};

/**
 * Collision detection on the agent's ticket page: tells others this agent is
 * here (and typing), shows who else is, keeps the ticket fresh, and holds a
 * send when someone else commented after this page loaded.
 */
export function useTicketCollision(number: number): TicketCollision {
  const me = useSession().data?.user?.id;
  const [people, setPeople] = useState<PresenceNotice["people"]>([]);
  const [replies, setReplies] = useState<NewReply[]>([]);
  const [held, setHeld] = useState<{ send: () => void } | null>(null);
  const lastKey = useRef(0);
  const lastTypingSent = useRef(0);

  useLiveTicket(number, {
    onPresence: (notice) => notice.number === number && setPeople(notice.people),
    onTicket: (notice) => {
      if (notice.number !== number || notice.type !== "comment" || (me !== undefined && notice.actorId === me)) return;
      setReplies((current) => [...current, { name: notice.actorName, at: notice.at }]);
    },
  });

  useEffect(() => {
    sendPresence(number, "viewing");
    const beat = setInterval(() => {
      sendPresence(number, Date.now() - lastKey.current < typingWindowMs ? "typing" : "viewing");
    }, presenceHeartbeatMs);
    // Closing the tab or following a link out unmounts nothing: say goodbye on the way out as well.
    const leave = () => sendPresence(number, "left");
    const back = (event: PageTransitionEvent) => event.persisted && sendPresence(number, "viewing");
    window.addEventListener("pagehide", leave);
    window.addEventListener("pageshow", back);
    return () => {
      clearInterval(beat);
      window.removeEventListener("pagehide", leave);
      window.removeEventListener("pageshow", back);
      leave();
    };
  }, [number]);

  const onTyping = useCallback(() => {
    // A held send is of the draft as it was: once it changes, the next Send asks again with the new one.
    setHeld(null);
    const at = Date.now();
    lastKey.current = at;
    if (at - lastTypingSent.current < typingRepeatMs) return;
    lastTypingSent.current = at;
    sendPresence(number, "typing");
  }, [number]);

  const sendNow = useCallback(
    (send: () => void) => {
      setHeld(null);
      setReplies([]);
      lastKey.current = 0;
      lastTypingSent.current = 0;
      send();
      sendPresence(number, "viewing");
    },
    [number],
  );

  const confirmSend = useCallback(
    (send: () => void) => (replies.length > 0 ? setHeld({ send }) : sendNow(send)),
    [replies.length, sendNow],
  );

  const review = () => {
    setHeld(null);
    setReplies([]);
    document.getElementById("feed-heading")?.scrollIntoView({ block: "start" });
  };
  const warning = held ? (
    <ReplyWarning replies={replies} onReview={review} onSendAnyway={() => sendNow(held.send)} />
  ) : null;

  return {
    others: people.filter((person) => person.userId !== me),
    commentForm: { onTyping, confirmSend, warning },
  };
}
