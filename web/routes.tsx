import type { RouteObject } from "react-router";
import { AccountScene } from "./account/AccountScene.tsx";
import { ConfirmEmailScene } from "./account/ConfirmEmailScene.tsx";
import { ForgotPasswordScene } from "./account/ForgotPasswordScene.tsx";
import { RegisterScene } from "./account/RegisterScene.tsx";
import { ResetPasswordScene } from "./account/ResetPasswordScene.tsx";
import { SignInScene } from "./account/SignInScene.tsx";
import { adminRoutes } from "./admin/routes.tsx";
import { AgentSignInScene } from "./agent/AgentSignInScene.tsx";
import { RequireAgent } from "./agent/RequireAgent.tsx";
import { TicketListScene } from "./agent/TicketListScene.tsx";
import { TicketScene } from "./agent/TicketScene.tsx";
import { CatalogScene } from "./catalog/CatalogScene.tsx";
import { ServiceRequestScene } from "./catalog/ServiceRequestScene.tsx";
import { ServiceScene } from "./catalog/ServiceScene.tsx";
import { DevMailboxScene } from "./dev/DevMailboxScene.tsx";
import { DevMailScene } from "./dev/DevMailScene.tsx";
import { AccessLinkScene } from "./portal/AccessLinkScene.tsx";
import { HomeScene } from "./portal/HomeScene.tsx";
import { MyRequestsScene } from "./portal/MyRequestsScene.tsx";
import { RequestScene } from "./portal/RequestScene.tsx";
import { RequestSubmittedScene } from "./portal/RequestSubmittedScene.tsx";
import { StatusCheckScene } from "./portal/StatusCheckScene.tsx";
import { SubmitRequestScene } from "./portal/SubmitRequestScene.tsx";
import { Layout } from "./ui/Layout.tsx";
import { NotFoundScene } from "./ui/NotFoundScene.tsx";
import { RouteErrorScene } from "./ui/RouteErrorScene.tsx";

/** One scene per route. The error boundary sits inside the layout so a failing scene keeps the header. */
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      {
        errorElement: <RouteErrorScene />,
        children: [
          { index: true, element: <HomeScene /> },
          { path: "requests", element: <MyRequestsScene /> },
          { path: "requests/new", element: <SubmitRequestScene /> },
          { path: "requests/submitted/:number", element: <RequestSubmittedScene /> },
          { path: "requests/:number", element: <RequestScene /> },
          { path: "services", element: <CatalogScene /> },
          { path: "services/:slug", element: <ServiceScene /> },
          { path: "services/:slug/request", element: <ServiceRequestScene /> },
          { path: "status", element: <StatusCheckScene /> },
          { path: "access/:token", element: <AccessLinkScene /> },
          { path: "sign-in", element: <SignInScene /> },
          { path: "register", element: <RegisterScene /> },
          { path: "confirm/:token", element: <ConfirmEmailScene /> },
          { path: "forgot-password", element: <ForgotPasswordScene /> },
          { path: "reset-password/:token", element: <ResetPasswordScene /> },
          { path: "account", element: <AccountScene /> },
          { path: "dev/mailbox", element: <DevMailboxScene /> },
          { path: "dev/mailbox/:id", element: <DevMailScene /> },
          { path: "agent", element: <AgentSignInScene /> },
          {
            path: "agent",
            element: <RequireAgent />,
            children: [
              { path: "tickets", element: <TicketListScene /> },
              { path: "tickets/:number", element: <TicketScene /> },
            ],
          },
          { path: "admin", children: adminRoutes },
          { path: "*", element: <NotFoundScene /> },
        ],
      },
    ],
  },
];
