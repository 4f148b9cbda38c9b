/**
 * Which code is converted to message catalogs (issue 20), in one place: the check script holds these files to
 * "no words outside the catalog". Not converted yet: the agent workspace's reports (web/agent/reports/), the admin pages
 * (web/admin/, web/kb/admin/), the account pages' own scenes (web/account/), the catalog browser (web/catalog/),
 * the Help Centre scenes (web/kb/*Scene.tsx), the shared ticket page parts (web/ui/Conversation.tsx,
 * TicketActions.tsx…), my-requests and the request page (web/portal/MyRequestsScene.tsx, RequestScene.tsx),
 * and admin-entered text (service names, status labels…), which is data: translated per language by admins
 * (server/i18n/content-text.ts), not in the catalogs.
 */
export const convertedWeb = [
  "web/ui/Layout.tsx",
  "web/ui/SiteHeader.tsx",
  "web/ui/NotFoundScene.tsx",
  "web/portal/HomeScene.tsx",
  "web/portal/SubmitRequestScene.tsx",
  "web/portal/SubmitRequestForm.tsx",
  "web/portal/RequestSubmittedScene.tsx",
  "web/portal/StatusCheckScene.tsx",
  "web/portal/AccessLinkScene.tsx",
  "web/kb/SuggestedArticles.tsx",
  "web/i18n/LanguageSwitcher.tsx",
  "web/agent/TicketListScene.tsx",
  "web/agent/QueueSidebar.tsx",
  "web/agent/QueueFilterBar.tsx",
  "web/agent/TicketTable.tsx",
  "web/agent/BulkBar.tsx",
  "web/agent/ColumnChooser.tsx",
  "web/agent/TicketScene.tsx",
  "web/agent/TicketDetails.tsx",
  "web/agent/EditTicketDialog.tsx",
  "web/agent/NewTicketDialog.tsx",
  "web/agent/RequesterCard.tsx",
  "web/agent/DueTime.tsx",
  "web/agent/TasksPanel.tsx",
  "web/agent/LinkedTickets.tsx",
  "web/agent/MergeDialog.tsx",
  "web/agent/MacroModal.tsx",
  "web/agent/MacroPicker.tsx",
  "web/agent/GlobalSearch.tsx",
  "web/agent/ShortcutHelp.tsx",
  "web/agent/MailboxAlertBanner.tsx",
  "web/agent/AgentSignInScene.tsx",
  "web/agent/RequireAgent.tsx",
];

/** Every mail template: their sentences all come from locales/<locale>/mail.json. */
export const convertedServerDirs = ["server/mail/templates"];

/** The shared zod schemas whose messages people read; their English sentences are keys of validation.json. */
export const validatedSchemas = [
  "common/accounts.ts",
  "common/tickets.ts",
  "common/conversation.ts",
  "common/locale-schemas.ts",
];
