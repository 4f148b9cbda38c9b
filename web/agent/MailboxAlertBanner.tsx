import { Alert, Anchor, Stack, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { Link } from "react-router";
import { useMailboxAlerts } from "../api/mailboxes.ts";
import { useSession } from "../api/session.ts";
import { useT } from "../i18n/use-t.ts";
import { formatDateTime } from "../ui/format.ts";

/**
 * Tells admins in the workspace that a mailbox is not being fetched, with the reason, until it works again:
 * mail waiting there opens no requests meanwhile, which nobody would otherwise notice.
 */
export function MailboxAlertBanner() {
  const t = useT();
  const admin = useSession().data?.user?.permissions.includes("admin.settings") ?? false;
  const alerts = useMailboxAlerts(admin).data?.alerts ?? [];
  if (!admin || alerts.length === 0) return null;
  return (
    <Alert
      color="red"
      variant="light"
      mb="md"
      icon={<IconAlertTriangle aria-hidden />}
      title={t("agent.mailbox.title", { count: alerts.length })}
    >
      <Stack gap={4}>
        {alerts.map((a) => (
          <Text key={a.mailboxId} size="sm">
            {t.rich("agent.mailbox.alert", {
              address: a.address,
              since: formatDateTime(a.since),
              error: a.error,
              b: (chunks) => <strong>{chunks}</strong>,
            })}
          </Text>
        ))}
        <Anchor component={Link} to="/admin/mailboxes" size="sm" c="dark.9" underline="always">
          {t("agent.mailbox.open")}
        </Anchor>
      </Stack>
    </Alert>
  );
}
