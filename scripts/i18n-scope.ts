/**
 * Which code is converted to message catalogs (issue 20), in one place: the check script holds these files to
 * "no words outside the catalog". Not converted yet: the agent workspace (web/agent/), the admin pages
 * (web/admin/, web/kb/admin/), the account pages' own scenes (web/account/), the catalog browser (web/catalog/),
 * the Help Centre scenes (web/kb/*Scene.tsx), and admin-entered text (service names, status labels…), which is
 * stored in one language. The request pages and the ticket parts they share with the agent workspace
 * (web/ui/Conversation.tsx, TicketActions.tsx…) speak through locales/<lang>/requests.json.
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
  "web/portal/MyRequestsScene.tsx",
  "web/portal/RequestScene.tsx",
  "web/portal/RateScene.tsx",
  "web/ui/Conversation.tsx",
  "web/ui/TicketActions.tsx",
  "web/ui/TicketExtras.tsx",
  "web/ui/TicketBadges.tsx",
  "web/ui/AlertsPanel.tsx",
  "web/ui/AttachmentDropzone.tsx",
  "web/ui/RatingForm.tsx",
  "web/ui/SatisfactionPanel.tsx",
  "web/ui/MessageBody.tsx",
  "web/ui/QueryView.tsx",
  "web/ui/LoadingState.tsx",
  "web/ui/FormAlert.tsx",
  "web/ui/Dialog.tsx",
  "web/ui/RouteErrorScene.tsx",
  "web/ui/RichTextField.tsx",
  "web/ui/LazyRichTextField.tsx",
  "web/ui/RelativeTime.tsx",
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
