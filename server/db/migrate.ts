import type { Kysely } from "kysely";
import { type Migration, Migrator } from "kysely/migration";
import type { Engine } from "./engine.ts";
import { foundation } from "./migrations/0001_foundation.ts";
import { jobsAndMail } from "./migrations/0002_jobs_and_mail.ts";
import { accounts } from "./migrations/0003_accounts.ts";
import { catalog } from "./migrations/0004_catalog.ts";
import { lifecycle } from "./migrations/0005_lifecycle.ts";
import { listIndexes } from "./migrations/0006_list_indexes.ts";
import { agentWorkspace } from "./migrations/0007_agent_workspace.ts";
import { serviceLevels } from "./migrations/0008_service_levels.ts";
import { emailChannel } from "./migrations/0009_email_channel.ts";
import { liveNotify } from "./migrations/0010_live_notify.ts";
import { agentTools } from "./migrations/0011_agent_tools.ts";
import { macroAssignment } from "./migrations/0012_macro_assignment.ts";
import { operations } from "./migrations/0015_operations.ts";
import { inboundMailShapes } from "./migrations/0016_inbound_mail_shapes.ts";
import { agentIntake } from "./migrations/0017_agent_intake.ts";
import { serviceIconNames } from "./migrations/0018_service_icon_names.ts";
import { oauthMailboxes } from "./migrations/0020_oauth_mailboxes.ts";
import { webhooks } from "./migrations/0023_webhooks.ts";
import { fullTextSearch } from "./migrations/0024_full_text_search.ts";
import { priorityRank } from "./migrations/0025_priority_rank.ts";
// Knowledge base (issue 19).
import { knowledgeBase } from "./migrations/0026_knowledge_base.ts";
// Sidebar counters (issue 16).
import { ticketCounts } from "./migrations/0027_ticket_counts.ts";
import { ticketNumberSequence } from "./migrations/0028_ticket_number_sequence.ts";
// Integrator behaviour (issue 17).
import { idempotencyKeys } from "./migrations/0030_idempotency_keys.ts";
import { incrementalExport } from "./migrations/0031_incremental_export.ts";
// Reporting (issue 18).
import { ticketMetrics } from "./migrations/0033_ticket_metrics.ts";
import { reportRollups } from "./migrations/0034_report_rollups.ts";
// Satisfaction surveys (issue 18).
import { satisfaction } from "./migrations/0035_satisfaction.ts";
// Languages and time zones (issue 20).
import { userLocale } from "./migrations/0037_user_locale.ts";
import { ticketLocale } from "./migrations/0038_ticket_locale.ts";
import { kbImages } from "./migrations/0039_kb_images.ts";
// Ticket deletion and tags (issue 17).
import { ticketDeletionAndTags } from "./migrations/0040_ticket_deletion_and_tags.ts";
import { userErasure } from "./migrations/0045_user_erasure.ts";
import { uploads } from "./migrations/0046_uploads.ts";
// Group leads (issue 18).
import { groupLeads } from "./migrations/0050_group_leads.ts";
import { contentTranslations } from "./migrations/0072_content_translations.ts";
import { foreignKeyIndexes } from "./migrations/0073_foreign_key_indexes.ts";
import { kbArticleTranslations } from "./migrations/0076_kb_article_translations.ts";
import { automationRunOutcome } from "./migrations/0077_automation_run_outcome.ts";
import { reportCube } from "./migrations/0078_report_cube.ts";
import { runningTicketsByUpdate } from "./migrations/0079_running_tickets_by_update.ts";
import { lighterMetricsWrites } from "./migrations/0080_lighter_metrics_writes.ts";
import { reportPeriodBuilds } from "./migrations/0081_report_period_builds.ts";
import { guestLinksByUsedAddress } from "./migrations/0082_guest_links_by_used_address.ts";
import { reportSlices } from "./migrations/0083_report_slices.ts";
import { reportFilterIndexes } from "./migrations/0084_report_filter_indexes.ts";
import { commentedRatings } from "./migrations/0085_commented_ratings.ts";
import { reportHoursCovered } from "./migrations/0086_report_hours_covered.ts";
import { runningTicketsByGroup } from "./migrations/0087_running_tickets_by_group.ts";
import { inboundStoreFailures } from "./migrations/0088_inbound_store_failures.ts";
import { shippedTranslations } from "./migrations/0089_shipped_translations.ts";
import { searchFollowsCommentChanges } from "./migrations/0090_search_follows_comment_changes.ts";
import { removedReplyFiles } from "./migrations/0091_removed_reply_files.ts";
import { openWorkIndex } from "./migrations/0092_open_work_index.ts";
import { registrationPerLink } from "./migrations/0093_registration_per_link.ts";
import type { Database } from "./schema.ts";

/** Listed here rather than read from disk, so a bundled or renamed file can never be skipped silently. */
export function migrations(engine: Engine): Record<string, Migration> {
  return {
    "0001_foundation": foundation(engine),
    "0002_jobs_and_mail": jobsAndMail(engine),
    "0003_accounts": accounts(engine),
    "0004_catalog": catalog(engine),
    "0005_lifecycle": lifecycle(engine),
    "0006_list_indexes": listIndexes(),
    "0007_agent_workspace": agentWorkspace(engine),
    "0010_live_notify": liveNotify(engine),
    "0011_agent_tools": agentTools(engine),
    "0012_macro_assignment": macroAssignment(),
    "0009_email_channel": emailChannel(engine),
    "0008_service_levels": serviceLevels(engine),
    "0015_operations": operations(engine),
    "0016_inbound_mail_shapes": inboundMailShapes(engine),
    "0017_agent_intake": agentIntake(engine),
    "0018_service_icon_names": serviceIconNames(),
    "0020_oauth_mailboxes": oauthMailboxes(engine),
    "0023_webhooks": webhooks(engine),
    "0024_full_text_search": fullTextSearch(engine),
    "0025_priority_rank": priorityRank(engine),
    "0026_knowledge_base": knowledgeBase(engine),
    "0039_kb_images": kbImages(engine),
    "0028_ticket_number_sequence": ticketNumberSequence(engine),
    "0030_idempotency_keys": idempotencyKeys(engine),
    "0031_incremental_export": incrementalExport(engine),
    "0035_satisfaction": satisfaction(engine),
    "0027_ticket_counts": ticketCounts(engine),
    "0037_user_locale": userLocale(),
    "0038_ticket_locale": ticketLocale(),
    "0033_ticket_metrics": ticketMetrics(engine),
    "0034_report_rollups": reportRollups(engine),
    "0040_ticket_deletion_and_tags": ticketDeletionAndTags(engine),
    "0045_user_erasure": userErasure(engine),
    "0046_uploads": uploads(engine),
    "0050_group_leads": groupLeads(),
    "0072_content_translations": contentTranslations(),
    "0073_foreign_key_indexes": foreignKeyIndexes(),
    "0076_kb_article_translations": kbArticleTranslations(engine),
    "0077_automation_run_outcome": automationRunOutcome(engine),
    "0078_report_cube": reportCube(engine),
    "0079_running_tickets_by_update": runningTicketsByUpdate(),
    "0080_lighter_metrics_writes": lighterMetricsWrites(),
    "0081_report_period_builds": reportPeriodBuilds(),
    "0082_guest_links_by_used_address": guestLinksByUsedAddress(),
    "0083_report_slices": reportSlices(engine),
    "0084_report_filter_indexes": reportFilterIndexes(),
    "0085_commented_ratings": commentedRatings(),
    "0086_report_hours_covered": reportHoursCovered(engine),
    "0087_running_tickets_by_group": runningTicketsByGroup(),
    "0088_inbound_store_failures": inboundStoreFailures(engine),
    "0089_shipped_translations": shippedTranslations(),
    "0090_search_follows_comment_changes": searchFollowsCommentChanges(engine),
    "0091_removed_reply_files": removedReplyFiles(engine),
    "0092_open_work_index": openWorkIndex(),
    "0093_registration_per_link": registrationPerLink(),
  };
}

export async function migrateToLatest(db: Kysely<Database>, engine: Engine): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations(engine) },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new Error(`Database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
