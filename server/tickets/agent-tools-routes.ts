import type { App, Deps } from "../http/types.ts";
import { registerLinkRoutes } from "./links/routes.ts";
import { registerMacroRoutes } from "./macros/routes.ts";
import { registerTaskRoutes } from "./tasks/routes.ts";

/** The agent's tools on a ticket (tasks, links and merging, macros), registered in one place. */
export function registerAgentToolRoutes(app: App, deps: Deps): void {
  registerTaskRoutes(app, deps);
  registerLinkRoutes(app, deps);
  registerMacroRoutes(app, deps);
}
