import { useEffect } from "react";

/** Every scene names itself in the browser tab: "Submit a request · Switchboard". */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Switchboard`;
  }, [title]);
}
