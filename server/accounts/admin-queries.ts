import type { Kysely } from "kysely";
import { type AdminUser, parseScopes } from "../../common/admin.ts";
import { groupBy } from "../../common/group-by.ts";
import { decodeCursor, encodeCursor } from "../core/cursor.ts";
import { containsText, decodeJson } from "../db/engine.ts";
import type { Database, User } from "../db/schema.ts";

type Ref = { id: string; name: string };

function refsByUser<T extends { user_id: string }>(rows: T[]): Map<string, Ref[]> {
  const byUser = groupBy(rows as (T & Ref)[], (row) => row.user_id);
  return new Map([...byUser].map(([user, list]) => [user, list.map(({ id, name }) => ({ id, name }))]));
}

/** Adds roles, organizations and groups to a page of users: three queries per page, not three per user. */
async function withMemberships(db: Kysely<Database>, page: User[]): Promise<AdminUser[]> {
  const ids = page.map((u) => u.id);
  const [roles, organizations, groups] = ids.length
    ? await Promise.all([
        db
          .selectFrom("user_roles")
          .innerJoin("roles", "roles.id", "user_roles.role_id")
          .select(["user_roles.user_id", "roles.id", "roles.name"])
          .where("user_roles.user_id", "in", ids)
          .orderBy("roles.name")
          .execute(),
        db
          .selectFrom("organization_members")
          .innerJoin("organizations", "organizations.id", "organization_members.organization_id")
          .select(["organization_members.user_id", "organizations.id", "organizations.name"])
          .where("organization_members.user_id", "in", ids)
          .orderBy("organizations.name")
          .execute(),
        db
          .selectFrom("group_members")
          .innerJoin("groups", "groups.id", "group_members.group_id")
          .select(["group_members.user_id", "groups.id", "groups.name"])
          .where("group_members.user_id", "in", ids)
          .orderBy("groups.name")
          .execute(),
      ])
    : [[], [], []];
  const rolesByUser = refsByUser(roles);
  const orgsByUser = refsByUser(organizations);
  const groupsByUser = refsByUser(groups);
  return page.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    licence: u.licence,
    roles: rolesByUser.get(u.id) ?? [],
    organizations: orgsByUser.get(u.id) ?? [],
    groups: groupsByUser.get(u.id) ?? [],
    confirmed: u.email_confirmed_at !== null,
    disabled: u.disabled_at !== null,
    anonymised: u.anonymised_at !== null,
    createdAt: u.created_at,
  }));
}

/** Newest first, keyset-paginated, optionally filtered by a piece of the name or email. */
export async function listUsers(
  db: Kysely<Database>,
  options: { search?: string | undefined; cursor?: string | undefined; limit: number },
): Promise<{ users: AdminUser[]; nextCursor: string | null }> {
  let query = db
    .selectFrom("users")
    .selectAll()
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(options.limit + 1);
  if (options.search) {
    const search = options.search;
    query = query.where((eb) => eb.or([containsText(eb.ref("email"), search), containsText(eb.ref("name"), search)]));
  }
  if (options.cursor) {
    const cursor = decodeCursor(options.cursor);
    query = query.where((eb) => eb(eb.refTuple("created_at", "id"), "<", eb.tuple(cursor.createdAt, cursor.id)));
  }
  const rows = await query.execute();
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    users: await withMemberships(db, page),
    nextCursor: rows.length > options.limit && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null,
  };
}

export async function findAdminUser(db: Kysely<Database>, id: string): Promise<AdminUser | undefined> {
  const user = await db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
  return user ? (await withMemberships(db, [user]))[0] : undefined;
}

export async function listRoles(db: Kysely<Database>) {
  const rows = await db
    .selectFrom("roles")
    .leftJoin("user_roles", "user_roles.role_id", "roles.id")
    .select((eb) => [
      "roles.id",
      "roles.key",
      "roles.name",
      "roles.permissions",
      "roles.default_for",
      eb.fn.count<number>("user_roles.user_id").as("userCount"),
    ])
    .groupBy(["roles.id", "roles.key", "roles.name", "roles.permissions", "roles.default_for"])
    .orderBy("roles.name")
    .execute();
  return rows.map((r) => {
    const permissions = decodeJson(r.permissions);
    return {
      id: r.id,
      name: r.name,
      builtin: r.key !== null,
      defaultFor: r.default_for,
      permissions: Array.isArray(permissions) ? permissions.filter((p): p is string => typeof p === "string") : [],
      userCount: Number(r.userCount),
    };
  });
}

/** Organizations with how many people belong to each: the admin list and the single look-up read the same. */
export function organizationsWithMemberCount(db: Kysely<Database>) {
  return db
    .selectFrom("organizations")
    .leftJoin("organization_members", "organization_members.organization_id", "organizations.id")
    .select((eb) => [
      "organizations.id",
      "organizations.name",
      "organizations.parent_id as parentId",
      eb.fn.count<number>("organization_members.user_id").as("memberCount"),
    ])
    .groupBy(["organizations.id", "organizations.name", "organizations.parent_id"]);
}

export async function listOrganizations(db: Kysely<Database>) {
  const rows = await organizationsWithMemberCount(db).orderBy("organizations.name").execute();
  return rows.map((r) => ({ ...r, memberCount: Number(r.memberCount) }));
}

export async function listGroups(db: Kysely<Database>) {
  const rows = await db
    .selectFrom("groups")
    .leftJoin("group_members", "group_members.group_id", "groups.id")
    .leftJoin("users as lead", "lead.id", "groups.lead_id")
    .select((eb) => [
      "groups.id",
      "groups.name",
      "lead.id as leadId",
      "lead.name as leadName",
      eb.fn.count<number>("group_members.user_id").as("memberCount"),
    ])
    .groupBy(["groups.id", "groups.name", "lead.id", "lead.name"])
    .orderBy("groups.name")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    memberCount: Number(r.memberCount),
    lead: r.leadId && r.leadName ? { id: r.leadId, name: r.leadName } : null,
  }));
}

export async function listApiTokens(db: Kysely<Database>) {
  const rows = await db
    .selectFrom("api_tokens")
    .innerJoin("users", "users.id", "api_tokens.user_id")
    .select([
      "api_tokens.id",
      "api_tokens.name",
      "api_tokens.created_at",
      "api_tokens.last_used_at",
      "api_tokens.revoked_at",
      "api_tokens.scopes",
      "api_tokens.expires_at",
      "users.id as userId",
      "users.email",
      "users.name as userName",
    ])
    .orderBy("api_tokens.created_at", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    user: { id: r.userId, email: r.email, name: r.userName },
    scopes: parseScopes(r.scopes),
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    lastUsedAt: r.last_used_at,
    revoked: r.revoked_at !== null,
  }));
}
