import { runTimeRules } from "../automation/run-rules.ts";
import { type Clock, systemClock } from "../clock.ts";
import type { AppContext } from "../core/context.ts";
import { inboundMailHandler } from "../mail/inbound/handler.ts";
import { sendMailHandler } from "../mail/send-mail.ts";
import type { MailTransport } from "../mail/transport.ts";
import { buildReportCube } from "../reports/cube/build.ts";
import { forgetPurgedTickets } from "../reports/cube/dirty.ts";
import { sendSurveyHandler } from "../satisfaction/send-survey.ts";
import { autoCloseSolvedTickets } from "../sla/auto-close.ts";
import { fireDueAlerts } from "../sla/due-alerts.ts";
import { purgeDeletedTickets } from "../tickets/commands/delete-ticket.ts";
import { webhookDeliveryHandler } from "../webhooks/deliver.ts";
import { cleanUp } from "./cleanup.ts";
import type { JobKind } from "./queue.ts";
import type { JobHandler } from "./runner.ts";

/** Every kind of job and what runs it. Scheduled work reads "now" from the clock the runner uses. */
export function jobHandlers(
  context: AppContext,
  transport: MailTransport,
  clock: Clock = systemClock,
): Record<JobKind, JobHandler> {
  const { db, config } = context;
  return {
    "mail.send": sendMailHandler(db, transport, config.mailFrom),
    "mail.inbound": inboundMailHandler({ db, config }),
    // The sweeps hand on their signal and stop between two units of work when it aborts: at the job's timeout,
    // and when the runner stops (shutdown), so a long sweep never holds a restart up (runner.ts, `stop`).
    "sla.check": async (_payload, signal) => {
      await fireDueAlerts(context, clock(), signal);
    },
    "tickets.auto_close": async (_payload, signal) => {
      await autoCloseSolvedTickets(context, clock(), signal);
    },
    "tickets.purge_deleted": async (_payload, signal) => {
      await purgeDeletedTickets(context, clock(), forgetPurgedTickets, signal);
    },
    "automation.time_rules": async (_payload, signal) => {
      await runTimeRules(context, clock(), signal);
    },
    "maintenance.cleanup": async () => {
      await cleanUp(context, clock());
    },
    "webhook.deliver": webhookDeliveryHandler(context, clock),
    "satisfaction.send": sendSurveyHandler(context, clock),
    "reports.cube": async (_payload, signal) => {
      await buildReportCube(db, clock(), undefined, signal);
    },
  };
}
