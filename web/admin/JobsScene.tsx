import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import type { AdminJob } from "../../common/service-levels.ts";
import { useJobOverview, useRerunFailedJobs, useRerunJob } from "../api/service-levels.ts";
import { useT } from "../i18n/use-t.ts";
import { formatDateTime } from "../ui/format.ts";
import { QueryView } from "../ui/QueryView.tsx";
import { ScrollTable } from "../ui/ScrollTable.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";

type Translate = ReturnType<typeof useT>;

function formatAge(t: Translate, seconds: number | null): string {
  if (seconds === null) return t("admin.jobs.nothingWaiting");
  if (seconds < 90) return t("admin.jobs.seconds", { count: Math.round(seconds) });
  if (seconds < 90 * 60) return t("admin.jobs.minutes", { count: Math.round(seconds / 60) });
  return t("admin.jobs.hours", { count: Math.round(seconds / 3600) });
}

function statusLooks(t: Translate, status: AdminJob["status"]): { color: string; label: string } {
  const looks: Record<AdminJob["status"], { color: string; label: string }> = {
    pending: { color: "blue", label: t("admin.jobs.state.pending") },
    running: { color: "teal", label: t("admin.jobs.state.running") },
    done: { color: "gray", label: t("admin.jobs.state.done") },
    failed: { color: "red", label: t("admin.jobs.state.failed") },
  };
  return looks[status];
}

export function JobsScene() {
  const t = useT();
  useDocumentTitle(t("admin.jobs.title"));
  const overview = useJobOverview();
  const rerun = useRerunJob();
  const rerunKind = useRerunFailedJobs();
  return (
    <Stack gap="md">
      <Title order={1}>{t("admin.jobs.title")}</Title>
      <Text>{t("admin.jobs.intro")}</Text>
      {rerun.isError && <Alert color="red">{rerun.error.message}</Alert>}
      {rerunKind.isError && <Alert color="red">{rerunKind.error.message}</Alert>}
      {rerunKind.isSuccess && (
        <Alert color="teal" role="status">
          {t("admin.jobs.queuedAgain", { count: rerunKind.data.count })}
        </Alert>
      )}
      <QueryView query={overview} loading={t("admin.jobs.loading")}>
        {(data) => (
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 4 }}>
              <Figure label={t("admin.jobs.state.pending")} value={String(data.counts.pending)} />
              <Figure label={t("admin.jobs.state.running")} value={String(data.counts.running)} />
              <Figure label={t("admin.jobs.state.failed")} value={String(data.counts.failed)} />
              <Figure label={t("admin.jobs.oldestWaiting")} value={formatAge(t, data.oldestPendingSeconds)} />
            </SimpleGrid>
            <Title order={2} size="h3">
              {t("admin.jobs.state.failed")}
            </Title>
            {data.failed.length === 0 ? (
              <Text>{t("admin.jobs.noFailed")}</Text>
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
                    {t("admin.jobs.rerunKind", { kind, count })}
                  </Button>
                ))}
              </Group>
            )}
            {data.failed.length > 0 && (
              <JobTable
                label={t("admin.jobs.failedJobs")}
                jobs={data.failed}
                action={(job) => (
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={t("admin.jobs.rerunNamed", { kind: job.kind })}
                    loading={rerun.isPending && rerun.variables === job.id}
                    onClick={() => rerun.mutate(job.id)}
                  >
                    {t("admin.jobs.rerun")}
                  </Button>
                )}
              />
            )}
            <Title order={2} size="h3">
              {t("admin.jobs.recent")}
            </Title>
            <JobTable label={t("admin.jobs.recentJobs")} jobs={data.recent} />
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
  const t = useT();
  const headers = [
    t("admin.jobs.kind"),
    t("admin.jobs.state"),
    t("admin.jobs.attempts"),
    t("admin.jobs.runsAt"),
    t("admin.jobs.lastError"),
    ...(action ? [t("admin.table.actions")] : []),
  ];
  return (
    <Paper withBorder radius="md">
      {/* Scrolls sideways on a phone; tabIndex lets the keyboard scroll it too. */}
      <ScrollTable minWidth={760} label={label}>
        <Table aria-label={label} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              {headers.map((h) => (
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
                  <Badge variant="dot" color={statusLooks(t, job.status).color} c="dark.9">
                    {statusLooks(t, job.status).label}
                  </Badge>
                </Table.Td>
                <Table.Td>{t("admin.jobs.attemptsOf", { attempts: job.attempts, max: job.maxAttempts })}</Table.Td>
                <Table.Td>
                  <time dateTime={job.runAt}>{formatDateTime(job.runAt)}</time>
                </Table.Td>
                <Table.Td>{job.lastError ?? t("admin.jobs.noError")}</Table.Td>
                {action && (
                  <Table.Td>
                    <Group gap="xs">{action(job)}</Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Paper>
  );
}
