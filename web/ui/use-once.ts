import { useEffect, useRef } from "react";

/**
 * Runs an action once when the scene first shows, even under React's
 * StrictMode double effects: for links that may be used only once.
 */
export function useOnce(action: () => void): void {
  const done = useRef(false);
  const latest = useRef(action);
  latest.current = action;
  useEffect(() => {
    if (done.current) return;
    done.current = true;
    latest.current();
  }, []);
}
