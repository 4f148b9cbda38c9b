import { Alert, Anchor, Stack, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { Link } from "react-router";
import { useMailboxAlerts } from "../api/mailboxes.ts";
import { useSession } from "../api/session.ts";

/**
 * Tells admins in the workspace that a mailbox is not being fetched, with the reason, until it works again:
 * mail waiting there opens no requests meanwhile, which nobody would otherwise notice.
 */
export function MailboxAlertBanner() {
  const admin = useSession().data?.user?.permissions.includes("admin.settings") ?? false;
  const alerts = useMailboxAlerts(admin).data?.alerts ?? [];
  if (!admin || alerts.length === 0) return null;
  return (
    <Alert
      color="red"
      variant="light"
      mb="md"
      icon={<IconAlertTriangle aria-hidden />}
      title={
        alerts.length === 1 ? "A mailbox is not being fetched" : `${alerts.length} mailboxes are not being fetched`
      }
    >
      <Stack gap={4}>
        {alerts.map((a) => (
          <Text key={a.mailboxId} size="sm">
            <strong>{a.address}</strong> (since {new Date(a.since).toLocaleString()}): {a.error}
          </Text>
        ))}
        <Anchor component={Link} to="/admin/mailboxes" size="sm" c="dark.9" underline="always">
          Open the mailboxes page to reconnect
        </Anchor>
      </Stack>
    </Alert>
  );
}
