import type { App, Deps } from "../http/types.ts";
import { registerAdminApiTokenRoutes } from "./routes/admin-api-tokens.ts";
import { registerAdminDirectoryRoutes } from "./routes/admin-directory.ts";
import { registerAdminUserRoutes } from "./routes/admin-users.ts";
import { registerGuestAccessRoutes } from "./routes/guest-access.ts";
import { registerLookupRoutes } from "./routes/lookups.ts";
import { registerRegistrationRoutes } from "./routes/registration.ts";
import { registerSessionRoutes } from "./routes/session.ts";

export function registerAccountRoutes(app: App, deps: Deps): void {
  registerSessionRoutes(app, deps);
  registerRegistrationRoutes(app, deps);
  registerGuestAccessRoutes(app, deps);
  registerAdminUserRoutes(app, deps);
  registerAdminDirectoryRoutes(app, deps);
  registerLookupRoutes(app, deps);
  registerAdminApiTokenRoutes(app, deps);
}
