import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import type { AdminJob } from "../../common/service-levels.ts";
import { useJobOverview, useRerunFailedJobs, useRerunJob } from "../api/service-levels.ts";
import { formatDateTime } from "../ui/format.ts";
import { QueryView } from "../ui/QueryView.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";

function formatAge(seconds: number | null): string {
  if (seconds === null) return "Nothing waiting";
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}

const statusLooks: Record<AdminJob["status"], { color: string; label: string }> = {
  pending: { color: "blue", label: "Waiting" },
  running: { color: "teal", label: "Running" },
  done: { color: "gray", label: "Done" },
  failed: { color: "red", label: "Failed" },
};

export function JobsScene() {
  useDocumentTitle("Background jobs");
  const overview = useJobOverview();
  const rerun = useRerunJob();
  const rerunKind = useRerunFailedJobs();
  return (
    <Stack gap="md">
      <Title order={1}>Background jobs</Title>
      <Text>
        Mail, due and overdue alerts, closing solved tickets and the hourly clean-up run here, retried with growing
        pauses (up to an hour apart, for about ten hours). A job that failed every attempt waits for you with its last
        error; after an outage, run all failed jobs of a kind again at once.
      </Text>
      {rerun.isError && <Alert color="red">{rerun.error.message}</Alert>}
      {rerunKind.isError && <Alert color="red">{rerunKind.error.message}</Alert>}
      {rerunKind.isSuccess && (
        <Alert color="teal" role="status">
          {rerunKind.data.count === 1 ? "1 job is" : `${rerunKind.data.count} jobs are`} queued again.
        </Alert>
      )}
      <QueryView query={overview} loading="Loading jobs">
        {(data) => (
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 4 }}>
              <Figure label="Waiting" value={String(data.counts.pending)} />
              <Figure label="Running" value={String(data.counts.running)} />
              <Figure label="Failed" value={String(data.counts.failed)} />
              <Figure label="Oldest waiting" value={formatAge(data.oldestPendingSeconds)} />
            </SimpleGrid>
            <Title order={2} size="h3">
              Failed
            </Title>
            {data.failed.length === 0 ? (
              <Text>No failed jobs.</Text>
            ) : (
              <Group gap="xs">
                {failedKinds(data.failed).map(([kind, count]) => (
                  <Button
                    key={kind}
                    size="xs"
                    variant="default"
                    loading={rerunKind.isPending && rerunKind.variables === kind}
                    onClick={() => rerunKind.mutate(kind)}
                  >
                    Run all failed {kind} jobs again ({count})
                  </Button>
                ))}
              </Group>
            )}
            {data.failed.length > 0 && (
              <JobTable
                label="Failed jobs"
                jobs={data.failed}
                action={(job) => (
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={`Run ${job.kind} job again`}
                    loading={rerun.isPending && rerun.variables === job.id}
                    onClick={() => rerun.mutate(job.id)}
                  >
                    Run again
                  </Button>
                )}
              />
            )}
            <Title order={2} size="h3">
              Recent
            </Title>
            <JobTable label="Recent jobs" jobs={data.recent} />
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}

/** Kinds among the failed jobs shown, with how many of each. */
function failedKinds(jobs: AdminJob[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const job of jobs) counts.set(job.kind, (counts.get(job.kind) ?? 0) + 1);
  return [...counts.entries()];
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Text size="sm">{label}</Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
    </Paper>
  );
}

function JobTable({ label, jobs, action }: { label: string; jobs: AdminJob[]; action?: (job: AdminJob) => ReactNode }) {
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={760} type="native">
        <Table aria-label={label} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              {["Kind", "State", "Attempts", "Runs at", "Last error", ...(action ? ["Actions"] : [])].map((h) => (
                <Table.Th key={h} scope="col">
                  {h}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {jobs.map((job) => (
              <Table.Tr key={job.id}>
                <Table.Td>{job.kind}</Table.Td>
                <Table.Td>
                  <Badge variant="dot" color={statusLooks[job.status].color} c="dark.9">
                    {statusLooks[job.status].label}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {job.attempts} of {job.maxAttempts}
                </Table.Td>
                <Table.Td>
                  <time dateTime={job.runAt}>{formatDateTime(job.runAt)}</time>
                </Table.Td>
                <Table.Td style={{ overflowWrap: "anywhere" }}>{job.lastError ?? "None"}</Table.Td>
                {action && (
                  <Table.Td>
                    <Group gap="xs">{action(job)}</Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
