import { type Kysely, sql } from "kysely";
import { type Engine, jsonColumnType, timestampColumnType } from "../engine.ts";
import { newId } from "../ids.ts";

/** The service catalog: nested categories, services, ticket types with custom fields, field values, attachments. */
export function catalog(engine: Engine) {
  const ts = timestampColumnType(engine);
  const json = jsonColumnType(engine);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .alterTable("categories")
        .addColumn("parent_id", "text", (c) => c.references("categories.id").onDelete("cascade"))
        .execute();
      await db.schema.alterTable("categories").addColumn("description", "text").execute();

      await db.schema
        .createTable("ticket_types")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("key", "text", (c) => c.unique())
        .addColumn("name", "text", (c) => c.notNull().unique())
        .addColumn("description", "text")
        .addColumn("created_at", ts, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("ticket_fields")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("ticket_type_id", "text", (c) => c.notNull().references("ticket_types.id").onDelete("cascade"))
        .addColumn("key", "text", (c) => c.notNull())
        .addColumn("label", "text", (c) => c.notNull())
        .addColumn("help_text", "text")
        .addColumn("type", "text", (c) => c.notNull())
        .addColumn("required", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("options", json, (c) => c.notNull())
        .addColumn("customer_access", "text", (c) => c.notNull())
        .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("created_at", ts, (c) => c.notNull())
        .addUniqueConstraint("ticket_fields_type_key", ["ticket_type_id", "key"])
        .execute();

      await db.schema
        .createTable("services")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("slug", "text", (c) => c.notNull().unique())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("category_id", "text", (c) => c.references("categories.id").onDelete("set null"))
        .addColumn("summary", "text", (c) => c.notNull())
        .addColumn("description", "text", (c) => c.notNull())
        .addColumn("icon", "text")
        .addColumn("color", "text")
        .addColumn("ticket_type_id", "text", (c) => c.notNull().references("ticket_types.id"))
        .addColumn("group_id", "text", (c) => c.references("groups.id").onDelete("set null"))
        .addColumn("default_priority", "text", (c) => c.notNull())
        .addColumn("visibility", "text", (c) => c.notNull())
        .addColumn("request_label", "text", (c) => c.notNull())
        .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
        .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("created_at", ts, (c) => c.notNull())
        .addColumn("updated_at", ts, (c) => c.notNull())
        .execute();
      await db.schema.createIndex("services_category").on("services").columns(["category_id", "position"]).execute();
      await db.schema
        .createTable("service_organizations")
        .addColumn("service_id", "text", (c) => c.notNull().references("services.id").onDelete("cascade"))
        .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
        .addPrimaryKeyConstraint("service_organizations_pk", ["service_id", "organization_id"])
        .execute();
      await db.schema
        .createTable("service_roles")
        .addColumn("service_id", "text", (c) => c.notNull().references("services.id").onDelete("cascade"))
        .addColumn("role_id", "text", (c) => c.notNull().references("roles.id").onDelete("cascade"))
        .addPrimaryKeyConstraint("service_roles_pk", ["service_id", "role_id"])
        .execute();

      await db.schema
        .alterTable("tickets")
        .addColumn("service_id", "text", (c) => c.references("services.id").onDelete("set null"))
        .execute();
      await db.schema
        .alterTable("tickets")
        .addColumn("ticket_type_id", "text", (c) => c.references("ticket_types.id"))
        .execute();
      await db.schema
        .alterTable("tickets")
        .addColumn("group_id", "text", (c) => c.references("groups.id").onDelete("set null"))
        .execute();
      // Messages written in the rich-text editor are stored as sanitised HTML; API clients may send plain text.
      await db.schema
        .alterTable("tickets")
        .addColumn("message_format", "text", (c) => c.notNull().defaultTo("text"))
        .execute();
      await db.schema.createIndex("tickets_group").on("tickets").columns(["group_id", "created_at"]).execute();
      await db.schema.createIndex("tickets_service").on("tickets").columns(["service_id", "created_at"]).execute();

      await db.schema
        .createTable("ticket_field_values")
        .addColumn("ticket_id", "text", (c) => c.notNull().references("tickets.id").onDelete("cascade"))
        .addColumn("field_id", "text", (c) => c.notNull().references("ticket_fields.id").onDelete("cascade"))
        .addColumn("value", json, (c) => c.notNull())
        .addPrimaryKeyConstraint("ticket_field_values_pk", ["ticket_id", "field_id"])
        .execute();

      await db.schema
        .createTable("attachments")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("ticket_id", "text", (c) => c.notNull().references("tickets.id").onDelete("cascade"))
        .addColumn("file_name", "text", (c) => c.notNull())
        .addColumn("content_type", "text", (c) => c.notNull())
        .addColumn("size", "integer", (c) => c.notNull())
        .addColumn("sha256", "text", (c) => c.notNull())
        .addColumn("storage_key", "text", (c) => c.notNull().unique())
        .addColumn("visibility", "text", (c) => c.notNull())
        .addColumn("uploaded_by_id", "text", (c) => c.references("users.id"))
        .addColumn("uploaded_by_name", "text", (c) => c.notNull())
        .addColumn("created_at", ts, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("attachments_ticket")
        .on("attachments")
        .columns(["ticket_id", "created_at"])
        .execute();

      // Built-in types: the general one every plain request uses, and seed 004's domain approval.
      const now = new Date().toISOString();
      const general = newId();
      const domainApproval = newId();
      await sql`insert into ticket_types (id, key, name, description, created_at) values
        (${general}, 'general', 'General request', 'A request without extra fields.', ${now}),
        (${domainApproval}, 'domain_approval', 'Domain approval', 'A partner asks to register with a domain.', ${now})`.execute(
        db,
      );
      await sql`insert into ticket_fields (id, ticket_type_id, key, label, help_text, type, required, options, customer_access, position, created_at) values
        (${newId()}, ${domainApproval}, 'domain', 'Domain', 'The domain the partner registers their account with, like example.com.', 'domain', 1, '[]', 'edit', 0, ${now}),
        (${newId()}, ${domainApproval}, 'domain_approved', 'Domain Approved', 'Set to Cleared once the domain may be approved.', 'single_select', 0, ${JSON.stringify(["Approved", "Declined", "Cleared"])}, 'none', 1, ${now})`.execute(
        db,
      );
      await sql`update tickets set ticket_type_id = ${general}`.execute(db);
    },
  };
}
