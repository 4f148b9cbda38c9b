import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type ReportKind, reportSchema } from "../../common/reports.ts";
import { request } from "./client.ts";

/** One report for a query string built by the reports scene (period, time zone, filters). */
export function useReport(kind: ReportKind, query: string) {
  return useQuery({
    queryKey: ["reports", kind, query],
    queryFn: () => request(`/api/v1/reports/${kind}?${query}`, { schema: reportSchema }),
    // Keep the last figures on screen while a new filter loads, instead of flashing a spinner.
    placeholderData: keepPreviousData,
  });
}
