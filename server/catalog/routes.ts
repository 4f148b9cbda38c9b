import { categoryListSchema } from "../../common/catalog.ts";
import type { App, Deps } from "../http/types.ts";
import { listCategories } from "./queries.ts";

export function registerCatalogRoutes(app: App, { db }: Deps): void {
  // Categories are public: the guest form needs them before anyone signs in.
  app.get(
    "/api/v1/categories",
    { schema: { tags: ["catalog"], summary: "Request categories", response: { 200: categoryListSchema } } },
    async () => ({ categories: await listCategories(db) }),
  );
}
