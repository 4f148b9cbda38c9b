import { useQuery } from "@tanstack/react-query";
import { type ReportKind, reportOptionsSchema, reportSchema } from "../../common/reports.ts";
import { request } from "./client.ts";

/** One report for a query string built by the reports scene (period, time zone, filters). */
export function useReport(kind: ReportKind, query: string) {
  return useQuery({
    queryKey: ["reports", kind, query],
    queryFn: () => request(`/api/v1/reports/${kind}?${query}`, { schema: reportSchema }),
    // Keep the last figures on screen while a new filter loads, instead of flashing a spinner; but only the same
    // report's: another tab's figures stood under this tab's name, and their links opened that report's tickets.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === kind ? previous : undefined),
  });
}

/** The services and organizations the report filters offer. */
export function useReportOptions() {
  return useQuery({
    queryKey: ["reports", "options"],
    queryFn: () => request("/api/v1/reports/options", { schema: reportOptionsSchema }),
    staleTime: 60_000,
  });
}
