import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import {
  type AutomationRuleInput,
  automationRuleListSchema,
  automationRunListSchema,
} from "../../common/automation.ts";
import {
  type CalendarInput,
  calendarListSchema,
  jobOverviewSchema,
  rerunFailedJobsResultSchema,
  type SlaPolicyInput,
  slaPolicyListSchema,
  slaStatusListSchema,
} from "../../common/service-levels.ts";
import { request } from "./client.ts";

const key = ["admin", "service-levels"] as const;
const created = z.object({ id: z.string() });

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

const save =
  <T extends object>(collection: string) =>
  async ({ id, ...body }: T & { id?: string | undefined }) => {
    if (id) await request(`/api/v1/admin/${collection}/${id}`, { method: "PUT", body });
    else await request(`/api/v1/admin/${collection}`, { method: "POST", body, schema: created });
  };

export const useCalendars = () =>
  useQuery({
    queryKey: [...key, "calendars"],
    queryFn: () => request("/api/v1/admin/calendars", { schema: calendarListSchema }),
  });
export const useSaveCalendar = () => useServiceLevelMutation(save<CalendarInput>("calendars"));
export const useDeleteCalendar = () =>
  useServiceLevelMutation((id: string) => request(`/api/v1/admin/calendars/${id}`, { method: "DELETE" }));

export const useSlaPolicies = () =>
  useQuery({
    queryKey: [...key, "policies"],
    queryFn: () => request("/api/v1/admin/sla-policies", { schema: slaPolicyListSchema }),
  });
export const useSaveSlaPolicy = () => useServiceLevelMutation(save<SlaPolicyInput>("sla-policies"));
export const useDeleteSlaPolicy = () =>
  useServiceLevelMutation((id: string) => request(`/api/v1/admin/sla-policies/${id}`, { method: "DELETE" }));

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

export const useAutomationRules = () =>
  useQuery({
    queryKey: [...key, "automation-rules"],
    queryFn: () => request("/api/v1/admin/automation-rules", { schema: automationRuleListSchema }),
  });
export const useAutomationRuns = () =>
  useQuery({
    queryKey: [...key, "automation-runs"],
    queryFn: () => request("/api/v1/admin/automation-runs", { schema: automationRunListSchema }),
  });
export const useSaveAutomationRule = () => useServiceLevelMutation(save<AutomationRuleInput>("automation-rules"));
export const useDeleteAutomationRule = () =>
  useServiceLevelMutation((id: string) => request(`/api/v1/admin/automation-rules/${id}`, { method: "DELETE" }));
