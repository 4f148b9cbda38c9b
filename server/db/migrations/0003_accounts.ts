import { type Kysely, sql } from "kysely";
import { builtinRoles } from "../../../common/permissions.ts";
import { type Engine, jsonColumnType, timestampColumnType } from "../engine.ts";
import { newId } from "../ids.ts";

/** Accounts and access: confirmation, one-time tokens, guest links, roles, organizations, groups, API tokens, rate limits. */
export function accounts(engine: Engine) {
  const ts = timestampColumnType(engine);
  const json = jsonColumnType(engine);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable("users").addColumn("email_confirmed_at", ts).execute();
      // Everyone who exists already was created by an operator (admin at first start, CLI): they are confirmed.
      await sql`update users set email_confirmed_at = created_at`.execute(db);

      await db.schema
        .createTable("account_tokens")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("purpose", "text", (c) => c.notNull())
        .addColumn("created_at", ts, (c) => c.notNull())
        .addColumn("expires_at", ts, (c) => c.notNull())
        .addColumn("used_at", ts)
        .execute();
      await db.schema.createIndex("account_tokens_user").on("account_tokens").columns(["user_id", "purpose"]).execute();

      await db.schema
        .createTable("guest_links")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("ticket_id", "text", (c) => c.notNull().references("tickets.id").onDelete("cascade"))
        .addColumn("email", "text", (c) => c.notNull())
        .addColumn("created_at", ts, (c) => c.notNull())
        .addColumn("expires_at", ts, (c) => c.notNull())
        .addColumn("used_at", ts)
        .execute();
      await db.schema.createIndex("guest_links_ticket").on("guest_links").columns(["ticket_id", "email"]).execute();

      // A guest who followed an access link holds a session for exactly one ticket.
      await db.schema
        .createTable("guest_sessions")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("ticket_id", "text", (c) => c.notNull().references("tickets.id").onDelete("cascade"))
        .addColumn("email", "text", (c) => c.notNull())
        .addColumn("csrf_token", "text", (c) => c.notNull())
        .addColumn("created_at", ts, (c) => c.notNull())
        .addColumn("expires_at", ts, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("roles")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("key", "text", (c) => c.unique())
        .addColumn("name", "text", (c) => c.notNull().unique())
        .addColumn("permissions", json, (c) => c.notNull())
        .addColumn("default_for", "text")
        .addColumn("created_at", ts, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("user_roles")
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("role_id", "text", (c) => c.notNull().references("roles.id").onDelete("cascade"))
        .addPrimaryKeyConstraint("user_roles_pk", ["user_id", "role_id"])
        .execute();
      await db.schema.createIndex("user_roles_role").on("user_roles").column("role_id").execute();

      await db.schema
        .createTable("organizations")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("parent_id", "text", (c) => c.references("organizations.id").onDelete("cascade"))
        .addColumn("created_at", ts, (c) => c.notNull())
        .execute();
      await db.schema.createIndex("organizations_parent").on("organizations").column("parent_id").execute();
      await db.schema
        .createTable("organization_members")
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
        .addPrimaryKeyConstraint("organization_members_pk", ["user_id", "organization_id"])
        .execute();
      await db.schema
        .createIndex("organization_members_org")
        .on("organization_members")
        .column("organization_id")
        .execute();

      await db.schema
        .createTable("groups")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull().unique())
        .addColumn("created_at", ts, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("group_members")
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("group_id", "text", (c) => c.notNull().references("groups.id").onDelete("cascade"))
        .addPrimaryKeyConstraint("group_members_pk", ["user_id", "group_id"])
        .execute();

      await db.schema
        .createTable("api_tokens")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("token_hash", "text", (c) => c.notNull().unique())
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("created_at", ts, (c) => c.notNull())
        .addColumn("last_used_at", ts)
        .addColumn("revoked_at", ts)
        .execute();

      await db.schema
        .createTable("rate_limits")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("window_start", ts, (c) => c.notNull())
        .addColumn("hits", "integer", (c) => c.notNull())
        .execute();

      // The organization (department) a ticket was filed under, for department visibility.
      await db.schema
        .alterTable("tickets")
        .addColumn("organization_id", "text", (c) => c.references("organizations.id").onDelete("set null"))
        .execute();
      await db.schema
        .createIndex("tickets_organization")
        .on("tickets")
        .columns(["organization_id", "created_at"])
        .execute();

      const now = new Date().toISOString();
      for (const role of builtinRoles) {
        await sql`insert into roles (id, key, name, permissions, default_for, created_at)
                  values (${newId()}, ${role.key}, ${role.name}, ${JSON.stringify(role.permissions)}, ${role.defaultFor}, ${now})`.execute(
          db,
        );
      }
      // Existing users get their licence's default role, so nobody loses access with this migration.
      await sql`insert into user_roles (user_id, role_id)
                select users.id, roles.id from users join roles on roles.default_for = users.licence`.execute(db);
    },
  };
}
