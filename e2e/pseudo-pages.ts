/**
 * The pages the pseudo-locale run (e2e/pseudo-locale.spec.ts) visits, by route pattern as web/routes.tsx and
 * web/admin/routes.tsx write them (joined, with a leading slash). scripts/pseudo-routes.test.ts fails when a route
 * is missing here, so a new page cannot escape the check. Kept free of Playwright so the unit test can import it.
 */
export const visitedPatterns = [
  "/",
  "/requests",
  "/requests/new",
  "/requests/submitted/:number",
  "/requests/:number",
  "/services",
  "/services/:slug",
  "/services/:slug/request",
  "/help",
  "/help/search",
  "/help/categories/:slug",
  "/help/articles/:slug",
  "/status",
  "/access/:token",
  "/rate/:token/:choice?",
  "/sign-in",
  "/register",
  "/confirm/:token",
  "/forgot-password",
  "/reset-password/:token",
  "/account",
  "/dev/mailbox",
  "/dev/mailbox/:id",
  "/agent",
  "/agent/tickets",
  "/agent/tickets/:number",
  "/agent/reports/:kind?",
  "/admin",
  "/admin/users",
  "/admin/roles",
  "/admin/organizations",
  "/admin/groups",
  "/admin/api-tokens",
  "/admin/catalog",
  "/admin/ticket-types",
  "/admin/statuses",
  "/admin/withdraw-reasons",
  "/admin/satisfaction",
  "/admin/macros",
  "/admin/mailboxes",
  "/admin/inbound-mail",
  "/admin/calendars",
  "/admin/sla-policies",
  "/admin/automation",
  "/admin/webhooks",
  "/admin/webhooks/:id",
  "/admin/jobs",
  "/admin/languages",
  "/admin/deleted-tickets",
  "/admin/kb",
  "/admin/kb/articles/new",
  "/admin/kb/articles/:id",
  "/*",
] as const;

export type VisitedPattern = (typeof visitedPatterns)[number];

/**
 * English text the run allows, by page, while a branch converting the file that writes it is not merged yet
 * (issue 20). Empty: every page is held to the catalogs.
 */
export const pendingConversion: Partial<Record<VisitedPattern, readonly string[]>> = {};
