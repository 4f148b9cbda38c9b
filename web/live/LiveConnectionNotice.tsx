import { Alert, Anchor } from "@mantine/core";
import { useT } from "../i18n/use-t.ts";
import { useLiveConnection } from "./live-connection.ts";

/**
 * Said at the top of a page whose live updates broke: the queue or ticket on screen stops moving, and without a word
 * an agent went on working from it (a server restart, a dropped network). Gone by itself once the stream is back.
 * A polite status, not an alert: nothing the reader did failed. Nothing is rendered while the stream is fine, so the
 * page's own status messages stay the only ones.
 */
export function LiveConnectionNotice() {
  const t = useT();
  const connection = useLiveConnection();
  if (connection === "live") return null;
  if (connection === "reconnecting") {
    return (
      <Alert color="yellow" mb="md" role="status" title={t("requests.live.pausedTitle")}>
        {t("requests.live.reconnecting")}
      </Alert>
    );
  }
  return (
    <Alert color="yellow" mb="md" role="status" title={t("requests.live.stoppedTitle")}>
      {t("requests.live.stopped")}{" "}
      <Anchor href={window.location.href} c="dark.9" td="underline">
        {t("requests.live.reload")}
      </Anchor>
    </Alert>
  );
}
