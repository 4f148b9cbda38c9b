import type { RouteObject } from "react-router";

/** The admin area, relative to /admin. */
export const adminRoutes: RouteObject[] = [
  {
    lazy: () => import("./RequireAdmin.tsx").then((m) => ({ Component: m.RequireAdmin })),
    children: [
      { index: true, lazy: () => import("./RequireAdmin.tsx").then((m) => ({ Component: m.AdminIndex })) },
      { path: "users", lazy: () => import("./UsersScene.tsx").then((m) => ({ Component: m.UsersScene })) },
      { path: "roles", lazy: () => import("./RolesScene.tsx").then((m) => ({ Component: m.RolesScene })) },
      {
        path: "organizations",
        lazy: () => import("./OrganizationsScene.tsx").then((m) => ({ Component: m.OrganizationsScene })),
      },
      { path: "groups", lazy: () => import("./GroupsScene.tsx").then((m) => ({ Component: m.GroupsScene })) },
      { path: "api-tokens", lazy: () => import("./ApiTokensScene.tsx").then((m) => ({ Component: m.ApiTokensScene })) },
      {
        path: "catalog",
        lazy: () => import("./CatalogAdminScene.tsx").then((m) => ({ Component: m.CatalogAdminScene })),
      },
      {
        path: "ticket-types",
        lazy: () => import("./TicketTypesScene.tsx").then((m) => ({ Component: m.TicketTypesScene })),
      },
      { path: "statuses", lazy: () => import("./StatusesScene.tsx").then((m) => ({ Component: m.StatusesScene })) },
      {
        path: "withdraw-reasons",
        lazy: () => import("./WithdrawReasonsScene.tsx").then((m) => ({ Component: m.WithdrawReasonsScene })),
      },
      {
        path: "satisfaction",
        lazy: () => import("./SatisfactionScene.tsx").then((m) => ({ Component: m.SatisfactionScene })),
      },
      { path: "macros", lazy: () => import("./MacrosScene.tsx").then((m) => ({ Component: m.MacrosScene })) },
      { path: "mailboxes", lazy: () => import("./MailboxesScene.tsx").then((m) => ({ Component: m.MailboxesScene })) },
      {
        path: "inbound-mail",
        lazy: () => import("./InboundQueueScene.tsx").then((m) => ({ Component: m.InboundQueueScene })),
      },
      { path: "calendars", lazy: () => import("./CalendarsScene.tsx").then((m) => ({ Component: m.CalendarsScene })) },
      {
        path: "sla-policies",
        lazy: () => import("./SlaPoliciesScene.tsx").then((m) => ({ Component: m.SlaPoliciesScene })),
      },
      {
        path: "automation",
        lazy: () => import("./AutomationScene.tsx").then((m) => ({ Component: m.AutomationScene })),
      },
      { path: "webhooks", lazy: () => import("./WebhooksScene.tsx").then((m) => ({ Component: m.WebhooksScene })) },
      { path: "webhooks/:id", lazy: () => import("./WebhookScene.tsx").then((m) => ({ Component: m.WebhookScene })) },
      { path: "jobs", lazy: () => import("./JobsScene.tsx").then((m) => ({ Component: m.JobsScene })) },
      { path: "languages", lazy: () => import("./LanguagesScene.tsx").then((m) => ({ Component: m.LanguagesScene })) },
      {
        path: "deleted-tickets",
        lazy: () => import("./DeletedTicketsScene.tsx").then((m) => ({ Component: m.DeletedTicketsScene })),
      },
      // Knowledge base editors (issue 19).
      { path: "kb", lazy: () => import("../kb/admin/KbAdminScene.tsx").then((m) => ({ Component: m.KbAdminScene })) },
      {
        path: "kb/articles/new",
        lazy: () => import("../kb/admin/ArticleEditorScene.tsx").then((m) => ({ Component: m.ArticleEditorScene })),
      },
      {
        path: "kb/articles/:id",
        lazy: () => import("../kb/admin/ArticleEditorScene.tsx").then((m) => ({ Component: m.ArticleEditorScene })),
      },
    ],
  },
];
