import { expressionBuilder } from "kysely";
import type { Database } from "../db/schema.ts";

/**
 * The organizations a user acts for, as subqueries to use inside another query: the ones they are a member of,
 * and the accounts above their departments. Whatever is shown to "an organization" (a restricted service, a
 * knowledge-base article) is shown to its departments' people too.
 */
export function organizationsActedFor(userId: string) {
  // Uncorrelated: the same subqueries serve any outer query (services, articles).
  const eb = expressionBuilder<Database, never>();
  const memberships = eb
    .selectFrom("organization_members")
    .select("organization_members.organization_id")
    .where("organization_members.user_id", "=", userId);
  const parents = eb
    .selectFrom("organizations")
    .select("organizations.parent_id")
    .where("organizations.id", "in", memberships)
    .where("organizations.parent_id", "is not", null)
    .$narrowType<{ parent_id: string }>();
  return { memberships, parents };
}
