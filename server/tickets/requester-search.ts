import type { Kysely } from "kysely";
import type { RequesterOption } from "../../common/new-ticket.ts";
import { containsText } from "../db/engine.ts";
import type { Database } from "../db/schema.ts";

/** Enabled accounts whose name or email contains the words, each once with their first organization. */
export async function searchRequesters(db: Kysely<Database>, q: string): Promise<RequesterOption[]> {
  const rows = await db
    .selectFrom("users")
    .leftJoin("organization_members", "organization_members.user_id", "users.id")
    .leftJoin("organizations", "organizations.id", "organization_members.organization_id")
    .select(["users.id", "users.name", "users.email", "organizations.name as organization"])
    .where("users.disabled_at", "is", null)
    .$if(q !== "", (query) =>
      query.where((eb) => eb.or([containsText(eb.ref("users.name"), q), containsText(eb.ref("users.email"), q)])),
    )
    .orderBy("users.name")
    .orderBy("users.id")
    .orderBy("organizations.name")
    .limit(60)
    .execute();
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.id) && seen.add(r.id)).slice(0, 20);
}
