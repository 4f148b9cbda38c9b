import type { RouteObject } from "react-router";
import { ApiTokensScene } from "./ApiTokensScene.tsx";
import { AutomationScene } from "./AutomationScene.tsx";
import { CalendarsScene } from "./CalendarsScene.tsx";
import { CatalogAdminScene } from "./CatalogAdminScene.tsx";
import { GroupsScene } from "./GroupsScene.tsx";
import { InboundQueueScene } from "./InboundQueueScene.tsx";
import { JobsScene } from "./JobsScene.tsx";
import { MacrosScene } from "./MacrosScene.tsx";
import { MailboxesScene } from "./MailboxesScene.tsx";
import { OrganizationsScene } from "./OrganizationsScene.tsx";
import { AdminIndex, RequireAdmin } from "./RequireAdmin.tsx";
import { RolesScene } from "./RolesScene.tsx";
import { SlaPoliciesScene } from "./SlaPoliciesScene.tsx";
import { StatusesScene } from "./StatusesScene.tsx";
import { TicketTypesScene } from "./TicketTypesScene.tsx";
import { UsersScene } from "./UsersScene.tsx";
import { WithdrawReasonsScene } from "./WithdrawReasonsScene.tsx";

/** The admin area, relative to /admin. */
export const adminRoutes: RouteObject[] = [
  {
    element: <RequireAdmin />,
    children: [
      { index: true, element: <AdminIndex /> },
      { path: "users", element: <UsersScene /> },
      { path: "roles", element: <RolesScene /> },
      { path: "organizations", element: <OrganizationsScene /> },
      { path: "groups", element: <GroupsScene /> },
      { path: "api-tokens", element: <ApiTokensScene /> },
      { path: "catalog", element: <CatalogAdminScene /> },
      { path: "ticket-types", element: <TicketTypesScene /> },
      { path: "statuses", element: <StatusesScene /> },
      { path: "withdraw-reasons", element: <WithdrawReasonsScene /> },
      { path: "macros", element: <MacrosScene /> },
      { path: "mailboxes", element: <MailboxesScene /> },
      { path: "inbound-mail", element: <InboundQueueScene /> },
      { path: "calendars", element: <CalendarsScene /> },
      { path: "sla-policies", element: <SlaPoliciesScene /> },
      { path: "automation", element: <AutomationScene /> },
      { path: "jobs", element: <JobsScene /> },
    ],
  },
];
