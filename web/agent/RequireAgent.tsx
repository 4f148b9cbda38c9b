import { Alert, Anchor, Group, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { Navigate, Outlet, useLocation } from "react-router";
import { cameFrom } from "../account/return-path.ts";
import { isStaff, sessionKey, useSession } from "../api/session.ts";
import { signOutWasChosen } from "../api/sign-out-choice.ts";
import { useT } from "../i18n/use-t.ts";
import { LoadingState } from "../ui/LoadingState.tsx";
import { GlobalSearch } from "./GlobalSearch.tsx";
import { MailboxAlertBanner } from "./MailboxAlertBanner.tsx";

/**
 * The agent workspace's gate, and the search every workspace page shares: anyone who is not an agent or admin goes
 * to the sign-in page, and comes back after. A session that ends under an open page (it expired, or was signed out
 * elsewhere) keeps the page, with what is typed in it, and says so: going to the sign-in page then threw away the
 * comment the agent had been told was kept, as soon as any list on the page asked the server again.
 */
export function RequireAgent() {
  const t = useT();
  const session = useSession();
  const location = useLocation();
  const queryClient = useQueryClient();
  const wasStaff = useRef(false);
  const user = session.data?.user;
  if (isStaff(user)) wasStaff.current = true;
  const ended = !user && !session.isPending && wasStaff.current && !signOutWasChosen();
  useEffect(() => {
    if (!ended) return;
    // Signed in again in another tab: coming back here asks who is signed in, whatever the cache's age.
    const ask = () => void queryClient.invalidateQueries({ queryKey: sessionKey });
    window.addEventListener("focus", ask);
    return () => window.removeEventListener("focus", ask);
  }, [ended, queryClient]);
  if (session.isPending) return <LoadingState label={t("agent.common.checkingSession")} />;
  if (!isStaff(user) && !ended) {
    return <Navigate to="/agent" replace state={cameFrom(location)} />;
  }
  return (
    <>
      {ended && (
        <Alert color="yellow" role="alert" mb="sm" title={t("agent.common.sessionEnded.title")}>
          <Text size="sm">
            {t("agent.common.sessionEnded.body")}{" "}
            <Anchor href="/agent" target="_blank" rel="noopener">
              {t("agent.common.sessionEnded.signIn")}
            </Anchor>
          </Text>
        </Alert>
      )}
      <MailboxAlertBanner />
      <Group justify="flex-end" mb="sm">
        <GlobalSearch />
      </Group>
      <Outlet />
    </>
  );
}
