/**
 * Which code is converted to message catalogs (issue 20), in one place: the check script holds these files to
 * "no words outside the catalog". Not converted yet: the agent workspace (web/agent/), the admin pages
 * (web/admin/, web/kb/admin/), the Help Centre scenes (web/kb/*Scene.tsx), the shared ticket page parts
 * (web/ui/Conversation.tsx, TicketActions.tsx…), my-requests and the request page (web/portal/MyRequestsScene.tsx, RequestScene.tsx),
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
  "web/account/AccountScene.tsx",
  "web/account/PreferencesForm.tsx",
  "web/account/CenteredPage.tsx",
  "web/account/ConfirmEmailScene.tsx",
  "web/account/EmailForm.tsx",
  "web/account/ForgotPasswordScene.tsx",
  "web/account/RegisterScene.tsx",
  "web/account/ResetPasswordScene.tsx",
  "web/account/SignInForm.tsx",
  "web/account/SignInScene.tsx",
  "web/catalog/CatalogScene.tsx",
  "web/catalog/ServiceScene.tsx",
  "web/catalog/ServiceRequestScene.tsx",
  "web/catalog/CustomFieldInput.tsx",
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
