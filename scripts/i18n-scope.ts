/**
 * Which code is converted to message catalogs (issue 20), in one place: the check script holds these files to
 * "no words outside the catalog". Not converted yet: the agent workspace (web/agent/), the admin's Groups and
 * Triggers pages (web/admin/GroupsScene.tsx, AutomationScene.tsx) and the knowledge base editor (web/kb/admin/), the account pages' own scenes (web/account/), the catalog browser (web/catalog/),
 * the Help Centre scenes (web/kb/*Scene.tsx), the shared ticket page parts (web/ui/Conversation.tsx,
 * TicketActions.tsx…), my-requests and the request page (web/portal/MyRequestsScene.tsx, RequestScene.tsx),
 * and admin-entered text (service names, status labels…), which is stored in one language.
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
  "web/admin/RequireAdmin.tsx",
  "web/admin/sections.ts",
  "web/admin/collection-labels.ts",
  "web/admin/AdminCollectionPage.tsx",
  "web/admin/RowActions.tsx",
  "web/admin/ConfirmDelete.tsx",
  "web/admin/NameForm.tsx",
  "web/admin/LanguagesScene.tsx",
  "web/admin/UsersScene.tsx",
  "web/admin/UserModal.tsx",
  "web/admin/UserPicker.tsx",
  "web/admin/OrganizationsScene.tsx",
  "web/admin/AccountCard.tsx",
  "web/admin/RolesScene.tsx",
  "web/admin/RoleForm.tsx",
  "web/admin/StatusesScene.tsx",
  "web/admin/WithdrawReasonsScene.tsx",
  "web/admin/TicketTypesScene.tsx",
  "web/admin/FieldModal.tsx",
  "web/admin/CatalogAdminScene.tsx",
  "web/admin/ServiceForm.tsx",
  "web/admin/MacrosScene.tsx",
  "web/admin/ApiTokensScene.tsx",
  "web/admin/NewTokenForm.tsx",
  "web/admin/JobsScene.tsx",
  "web/admin/InboundQueueScene.tsx",
  "web/admin/CalendarsScene.tsx",
  "web/admin/SlaPoliciesScene.tsx",
  "web/admin/MailboxesScene.tsx",
  "web/admin/MailboxForm.tsx",
  "web/admin/SatisfactionScene.tsx",
  "web/admin/WebhooksScene.tsx",
  "web/admin/WebhookModal.tsx",
  "web/admin/WebhookScene.tsx",
  "web/admin/routes.tsx",
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
