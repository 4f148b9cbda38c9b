import { useEffect } from "react";
import { useIntl } from "react-intl";

/** Every scene names itself in the browser tab: "Submit a request · Switchboard". */
export function useDocumentTitle(title: string): void {
  const intl = useIntl();
  const full = intl.formatMessage({ id: "portal.title.suffix" }, { title });
  useEffect(() => {
    document.title = full;
  }, [full]);
}
