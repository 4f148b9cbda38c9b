import { Alert, Anchor } from "@mantine/core";
import { useT } from "../i18n/use-t.ts";
import { useLiveConnection } from "./live-connection.ts";

/**
 * Said at the top of a page whose live updates broke: the queue or ticket on screen stops moving, and without a word
 * an agent went on working from it (a server restart, a dropped network). Gone by itself once the stream is back.
 */
export function LiveConnectionNotice() {
  const t = useT();
  const connection = useLiveConnection();
  // A polite status region that is always there, so a screen reader hears the notice come and go; the alert inside
  // is a group, not a second (assertive) live region.
  return (
    <div role="status">
      {connection === "reconnecting" && (
        <Alert color="yellow" mb="md" role="group" title={t("requests.live.pausedTitle")}>
          {t("requests.live.reconnecting")}
        </Alert>
      )}
      {connection === "stopped" && (
        <Alert color="yellow" mb="md" role="group" title={t("requests.live.stoppedTitle")}>
          {t("requests.live.stopped")}{" "}
          <Anchor href={window.location.href} c="dark.9" td="underline">
            {t("requests.live.reload")}
          </Anchor>
        </Alert>
      )}
    </div>
  );
}
