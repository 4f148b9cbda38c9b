import type { Kysely } from "kysely";
import type { Category } from "../../common/catalog.ts";
import type { Database } from "../db/schema.ts";

export function listCategories(db: Kysely<Database>): Promise<Category[]> {
  return db.selectFrom("categories").select(["id", "name"]).orderBy("position").orderBy("name").execute();
}
