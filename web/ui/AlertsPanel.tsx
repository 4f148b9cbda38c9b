import { Button, Checkbox, CloseButton, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { type AlertKind, alertKinds, alertListSchema } from "../../common/alerts.ts";
import { request } from "../api/client.ts";
import { type Translate, useT } from "../i18n/use-t.ts";
import { Dialog } from "./Dialog.tsx";

function alertLabels(t: Translate): Record<AlertKind, string> {
  return {
    all_tasks_complete: t("requests.alerts.kind.allTasksComplete"),
    ticket_completed: t("requests.alerts.kind.ticketCompleted"),
    ticket_due: t("requests.alerts.kind.ticketDue"),
    ticket_in_process: t("requests.alerts.kind.ticketInProcess"),
    ticket_overdue: t("requests.alerts.kind.ticketOverdue"),
  };
}

/** "My active alerts": the alerts the viewer added on this ticket, with Add alert and Delete. */
export function AlertsPanel({ number }: { number: number }) {
  const t = useT();
  const labels = alertLabels(t);
  const key = ["tickets", "alerts", number];
  const queryClient = useQueryClient();
  const alerts = useQuery({
    queryKey: key,
    queryFn: () => request(`/api/v1/tickets/${number}/alerts`, { schema: alertListSchema }),
  });
  const change = useMutation({
    mutationFn: ({ kind, on }: { kind: AlertKind; on: boolean }) =>
      request(`/api/v1/tickets/${number}/alerts/${kind}`, { method: on ? "PUT" : "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
  const [adding, setAdding] = useState(false);
  const active = alerts.data?.active ?? [];
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="alerts-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="alerts-heading">
          {t("requests.alerts.title")}
        </Title>
        <Button size="xs" variant="default" onClick={() => setAdding(true)}>
          {t("requests.alerts.add")}
        </Button>
      </Group>
      {active.length === 0 ? (
        <Text size="sm">{t("requests.alerts.none")}</Text>
      ) : (
        <Stack gap={4} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {active.map((kind) => (
            <Group key={kind} component="li" justify="space-between" wrap="nowrap">
              <Text size="sm">{labels[kind]}</Text>
              <CloseButton
                aria-label={t("requests.alerts.delete", { alert: labels[kind] })}
                onClick={() => change.mutate({ kind, on: false })}
              />
            </Group>
          ))}
        </Stack>
      )}
      <Dialog opened={adding} onClose={() => setAdding(false)} title={t("requests.alerts.add")}>
        {adding && (
          <AddAlerts
            active={active}
            onSave={async (kinds) => {
              for (const kind of kinds) await change.mutateAsync({ kind, on: true });
              setAdding(false);
            }}
          />
        )}
      </Dialog>
    </Paper>
  );
}

function AddAlerts({ active, onSave }: { active: AlertKind[]; onSave(kinds: AlertKind[]): Promise<void> }) {
  const t = useT();
  const labels = alertLabels(t);
  const [chosen, setChosen] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  return (
    <Stack gap="md">
      <Checkbox.Group label={t("requests.alerts.emailMeWhen")} value={chosen} onChange={setChosen}>
        <Stack gap="xs" mt="xs">
          {alertKinds
            .filter((k) => !active.includes(k))
            .map((kind) => (
              <Checkbox key={kind} value={kind} label={labels[kind]} />
            ))}
        </Stack>
      </Checkbox.Group>
      <Group justify="flex-end">
        <Button
          loading={saving}
          disabled={chosen.length === 0}
          onClick={async () => {
            setSaving(true);
            await onSave(chosen as AlertKind[]).finally(() => setSaving(false));
          }}
        >
          {t("requests.alerts.save")}
        </Button>
      </Group>
    </Stack>
  );
}
