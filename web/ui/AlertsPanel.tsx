import { Button, Checkbox, CloseButton, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { type AlertKind, alertKinds, alertLabels, alertListSchema } from "../../common/alerts.ts";
import { request } from "../api/client.ts";
import { Dialog } from "./Dialog.tsx";

/** "My active alerts": the alerts the viewer added on this ticket, with Add alert and Delete. */
export function AlertsPanel({ number }: { number: number }) {
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
          My active alerts
        </Title>
        <Button size="xs" variant="default" onClick={() => setAdding(true)}>
          Add alert
        </Button>
      </Group>
      {active.length === 0 ? (
        <Text size="sm">No alerts. Add one to get an email at a stage you care about.</Text>
      ) : (
        <Stack gap={4} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {active.map((kind) => (
            <Group key={kind} component="li" justify="space-between" wrap="nowrap">
              <Text size="sm">{alertLabels[kind]}</Text>
              <CloseButton
                aria-label={`Delete alert ${alertLabels[kind]}`}
                onClick={() => change.mutate({ kind, on: false })}
              />
            </Group>
          ))}
        </Stack>
      )}
      <Dialog opened={adding} onClose={() => setAdding(false)} title="Add alert">
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

function AddAlerts({ active, onSave }: { active: AlertKind[]; onSave: (kinds: AlertKind[]) => Promise<void> }) {
  const [chosen, setChosen] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  return (
    <Stack gap="md">
      <Checkbox.Group label="Email me when" value={chosen} onChange={setChosen}>
        <Stack gap="xs" mt="xs">
          {alertKinds
            .filter((k) => !active.includes(k))
            .map((kind) => (
              <Checkbox key={kind} value={kind} label={alertLabels[kind]} />
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
          Save
        </Button>
      </Group>
    </Stack>
  );
}
