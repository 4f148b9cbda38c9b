import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { calendarsCollection } from "../../common/admin-collections.ts";
import { automationRunListSchema } from "../../common/automation.ts";
import { jobOverviewSchema, rerunFailedJobsResultSchema, slaStatusListSchema } from "../../common/service-levels.ts";
import { useAdminList } from "./admin-collections.ts";
import { request } from "./client.ts";

const key = ["admin", "service-levels"] as const;

function useServiceLevelMutation<T, R = unknown>(mutationFn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: key });
      // Calendars are linked to groups: the groups page shows them too.
      await queryClient.invalidateQueries({ queryKey: ["admin"] });
    },
  });
}

export const useCalendars = () => useAdminList(calendarsCollection);

export const useSlaStatuses = () =>
  useQuery({
    queryKey: [...key, "statuses"],
    queryFn: () => request("/api/v1/admin/sla-statuses", { schema: slaStatusListSchema }),
  });
export const useSetStatusPausesClock = () =>
  useServiceLevelMutation(({ id, pausesClock }: { id: string; pausesClock: boolean }) =>
    request(`/api/v1/admin/sla-statuses/${id}`, { method: "PUT", body: { pausesClock } }),
  );

export const useJobOverview = () =>
  useQuery({
    queryKey: [...key, "jobs"],
    queryFn: () => request("/api/v1/admin/jobs", { schema: jobOverviewSchema }),
    refetchInterval: 10_000,
  });
export const useRerunJob = () =>
  useServiceLevelMutation((id: string) => request(`/api/v1/admin/jobs/${id}/rerun`, { method: "POST" }));
export const useRerunFailedJobs = () =>
  useServiceLevelMutation((kind: string) =>
    request("/api/v1/admin/jobs/rerun-failed", {
      method: "POST",
      body: { kind },
      schema: rerunFailedJobsResultSchema,
    }),
  );

export const useAutomationRuns = () =>
  useQuery({
    queryKey: [...key, "automation-runs"],
    queryFn: () => request("/api/v1/admin/automation-runs", { schema: automationRunListSchema }),
  });
