/** Reading one organization, its members, or a person by email address (admin and agent look-ups). */
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { organizationsWithMemberCount } from "./admin-queries.ts";

export async function findOrganization(db: Kysely<Database>, id: string) {
  const organization = await organizationsWithMemberCount(db).where("organizations.id", "=", id).executeTakeFirst();
  if (!organization) return undefined;
  const departments = await db
    .selectFrom("organizations")
    .select(["id", "name"])
    .where("parent_id", "=", id)
    .orderBy("name")
    .execute();
  return { ...organization, memberCount: Number(organization.memberCount), departments };
}

/** Undefined for an organization that does not exist, so the route can say "not found". */
export async function listOrganizationMembers(db: Kysely<Database>, id: string) {
  const exists = await db.selectFrom("organizations").select("id").where("id", "=", id).executeTakeFirst();
  if (!exists) return undefined;
  const rows = await db
    .selectFrom("organization_members")
    .innerJoin("users", "users.id", "organization_members.user_id")
    .select(["users.id", "users.name", "users.email", "users.licence", "users.disabled_at"])
    .where("organization_members.organization_id", "=", id)
    .orderBy("users.name")
    .orderBy("users.id")
    .execute();
  return rows.map(({ disabled_at, ...user }) => ({ ...user, disabled: disabled_at !== null }));
}

/** An enabled account with exactly this address (emails are stored lower-case). */
export async function findPersonByEmail(db: Kysely<Database>, email: string) {
  const user = await db
    .selectFrom("users")
    .select(["id", "name", "email", "licence"])
    .where("email", "=", email.toLowerCase())
    .where("disabled_at", "is", null)
    .executeTakeFirst();
  if (!user) return undefined;
  const organizations = await db
    .selectFrom("organization_members")
    .innerJoin("organizations", "organizations.id", "organization_members.organization_id")
    .select(["organizations.id", "organizations.name"])
    .where("organization_members.user_id", "=", user.id)
    .orderBy("organizations.name")
    .execute();
  return { ...user, organizations };
}
