import { Group } from "@mantine/core";
import { Navigate, Outlet, useLocation } from "react-router";
import { cameFrom } from "../account/return-path.ts";
import { isStaff, useSession } from "../api/session.ts";
import { useT } from "../i18n/use-t.ts";
import { LoadingState } from "../ui/LoadingState.tsx";
import { GlobalSearch } from "./GlobalSearch.tsx";
import { MailboxAlertBanner } from "./MailboxAlertBanner.tsx";

/** The agent workspace's gate, and the search every workspace page shares: anyone who is not an agent or admin goes to the sign-in page, and comes back after. */
export function RequireAgent() {
  const t = useT();
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <LoadingState label={t("agent.common.checkingSession")} />;
  if (!isStaff(session.data?.user)) {
    return <Navigate to="/agent" replace state={cameFrom(location)} />;
  }
  return (
    <>
      <MailboxAlertBanner />
      <Group justify="flex-end" mb="sm">
        <GlobalSearch />
      </Group>
      <Outlet />
    </>
  );
}
