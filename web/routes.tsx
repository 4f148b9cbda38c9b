import type { RouteObject } from "react-router";
import { AgentSignInScene } from "./agent/AgentSignInScene.tsx";
import { RequireAgent } from "./agent/RequireAgent.tsx";
import { TicketListScene } from "./agent/TicketListScene.tsx";
import { TicketScene } from "./agent/TicketScene.tsx";
import { HomeScene } from "./portal/HomeScene.tsx";
import { RequestSubmittedScene } from "./portal/RequestSubmittedScene.tsx";
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
          { path: "requests/new", element: <SubmitRequestScene /> },
          { path: "requests/submitted/:number", element: <RequestSubmittedScene /> },
          { path: "agent", element: <AgentSignInScene /> },
          {
            path: "agent",
            element: <RequireAgent />,
            children: [
              { path: "tickets", element: <TicketListScene /> },
              { path: "tickets/:number", element: <TicketScene /> },
            ],
          },
          { path: "*", element: <NotFoundScene /> },
        ],
      },
    ],
  },
];
