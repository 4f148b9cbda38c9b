import type { RouteObject } from "react-router";
import { adminRoutes } from "./admin/routes.tsx";
import { Layout } from "./ui/Layout.tsx";
import { RouteErrorScene } from "./ui/RouteErrorScene.tsx";

/** One scene per route. The error boundary sits inside the layout so a failing scene keeps the header. */
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      {
        errorElement: <RouteErrorScene />,
        children: [
          { index: true, lazy: () => import("./portal/HomeScene.tsx").then((m) => ({ Component: m.HomeScene })) },
          {
            path: "requests",
            lazy: () => import("./portal/MyRequestsScene.tsx").then((m) => ({ Component: m.MyRequestsScene })),
          },
          {
            path: "requests/new",
            lazy: () => import("./portal/SubmitRequestScene.tsx").then((m) => ({ Component: m.SubmitRequestScene })),
          },
          {
            path: "requests/submitted/:number",
            lazy: () =>
              import("./portal/RequestSubmittedScene.tsx").then((m) => ({ Component: m.RequestSubmittedScene })),
          },
          {
            path: "requests/:number",
            lazy: () => import("./portal/RequestScene.tsx").then((m) => ({ Component: m.RequestScene })),
          },
          {
            path: "services",
            lazy: () => import("./catalog/CatalogScene.tsx").then((m) => ({ Component: m.CatalogScene })),
          },
          {
            path: "services/:slug",
            lazy: () => import("./catalog/ServiceScene.tsx").then((m) => ({ Component: m.ServiceScene })),
          },
          {
            path: "services/:slug/request",
            lazy: () => import("./catalog/ServiceRequestScene.tsx").then((m) => ({ Component: m.ServiceRequestScene })),
          },
          // Help Centre (knowledge base, issue 19).
          { path: "help", lazy: () => import("./kb/HelpHomeScene.tsx").then((m) => ({ Component: m.HelpHomeScene })) },
          {
            path: "help/search",
            lazy: () => import("./kb/HelpSearchScene.tsx").then((m) => ({ Component: m.HelpSearchScene })),
          },
          {
            path: "help/categories/:slug",
            lazy: () => import("./kb/HelpCategoryScene.tsx").then((m) => ({ Component: m.HelpCategoryScene })),
          },
          {
            path: "help/articles/:slug",
            lazy: () => import("./kb/HelpArticleScene.tsx").then((m) => ({ Component: m.HelpArticleScene })),
          },
          {
            path: "status",
            lazy: () => import("./portal/StatusCheckScene.tsx").then((m) => ({ Component: m.StatusCheckScene })),
          },
          {
            path: "access/:token",
            lazy: () => import("./portal/AccessLinkScene.tsx").then((m) => ({ Component: m.AccessLinkScene })),
          },
          {
            path: "rate/:token/:choice?",
            lazy: () => import("./portal/RateScene.tsx").then((m) => ({ Component: m.RateScene })),
          },
          {
            path: "sign-in",
            lazy: () => import("./account/SignInScene.tsx").then((m) => ({ Component: m.SignInScene })),
          },
          {
            path: "register",
            lazy: () => import("./account/RegisterScene.tsx").then((m) => ({ Component: m.RegisterScene })),
          },
          {
            path: "confirm/:token",
            lazy: () => import("./account/ConfirmEmailScene.tsx").then((m) => ({ Component: m.ConfirmEmailScene })),
          },
          {
            path: "forgot-password",
            lazy: () => import("./account/ForgotPasswordScene.tsx").then((m) => ({ Component: m.ForgotPasswordScene })),
          },
          {
            path: "reset-password/:token",
            lazy: () => import("./account/ResetPasswordScene.tsx").then((m) => ({ Component: m.ResetPasswordScene })),
          },
          {
            path: "account",
            lazy: () => import("./account/AccountScene.tsx").then((m) => ({ Component: m.AccountScene })),
          },
          {
            path: "dev/mailbox",
            lazy: () => import("./dev/DevMailboxScene.tsx").then((m) => ({ Component: m.DevMailboxScene })),
          },
          {
            path: "dev/mailbox/:id",
            lazy: () => import("./dev/DevMailScene.tsx").then((m) => ({ Component: m.DevMailScene })),
          },
          {
            path: "agent",
            lazy: () => import("./agent/AgentSignInScene.tsx").then((m) => ({ Component: m.AgentSignInScene })),
          },
          {
            path: "agent",
            lazy: () => import("./agent/RequireAgent.tsx").then((m) => ({ Component: m.RequireAgent })),
            children: [
              {
                path: "tickets",
                lazy: () => import("./agent/TicketListScene.tsx").then((m) => ({ Component: m.TicketListScene })),
                // Starts the screen's requests while its code loads (see agent/prefetch.ts).
                loader: (args) => import("./agent/prefetch.ts").then((m) => m.ticketListLoader(args)),
              },
              {
                path: "tickets/:number",
                lazy: () => import("./agent/TicketScene.tsx").then((m) => ({ Component: m.TicketScene })),
                loader: (args) => import("./agent/prefetch.ts").then((m) => m.ticketLoader(args)),
              },
              {
                path: "reports/:kind?",
                lazy: () => import("./agent/reports/ReportsScene.tsx").then((m) => ({ Component: m.ReportsScene })),
              },
            ],
          },
          { path: "admin", children: adminRoutes },
          { path: "*", lazy: () => import("./ui/NotFoundScene.tsx").then((m) => ({ Component: m.NotFoundScene })) },
        ],
      },
    ],
  },
];
