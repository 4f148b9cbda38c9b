/** Each report's figures and tables, by kind. */
import type { ReportKind } from "../../common/reports.ts";
import { agentsReport } from "./agents.ts";
import type { ReportInput } from "./context.ts";
import { efficiencyReport } from "./efficiency.ts";
import { overviewReport } from "./overview.ts";
import { satisfactionReport } from "./satisfaction.ts";
import { slaReport } from "./sla.ts";
import { volumeReport } from "./volume.ts";

export const reportBuilders: Record<ReportKind, (input: ReportInput) => ReturnType<typeof overviewReport>> = {
  overview: overviewReport,
  volume: volumeReport,
  efficiency: efficiencyReport,
  sla: slaReport,
  agents: agentsReport,
  satisfaction: satisfactionReport,
};
