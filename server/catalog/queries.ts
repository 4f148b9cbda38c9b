import type { Kysely } from "kysely";
import type { Catalog, Category, ServiceDetail, ServiceSummary } from "../../common/catalog.ts";
import type { FieldDefinition } from "../../common/fields.ts";
import { groupBy } from "../../common/group-by.ts";
import { containsText, decodeJson } from "../db/engine.ts";
import type { Database } from "../db/schema.ts";
import type { ServiceScope } from "./policy.ts";

export function listCategories(db: Kysely<Database>): Promise<Category[]> {
  return db
    .selectFrom("categories")
    .select(["id", "name", "description", "parent_id as parentId"])
    .orderBy("position")
    .orderBy("name")
    .execute();
}

function summaryColumns(db: Kysely<Database>) {
  return db
    .selectFrom("services")
    .select([
      "services.id",
      "services.slug",
      "services.name",
      "services.summary",
      "services.icon",
      "services.color",
      "services.category_id as categoryId",
      "services.request_label as requestLabel",
      "services.visibility",
    ]);
}

/** Categories and the services this actor may see, optionally narrowed by a search in names and descriptions. */
export async function listCatalog(db: Kysely<Database>, scope: ServiceScope, search?: string): Promise<Catalog> {
  let services = summaryColumns(db).where(scope).orderBy("services.position").orderBy("services.name");
  if (search) {
    services = services.where((eb) =>
      eb.or([
        containsText(eb.ref("services.name"), search),
        containsText(eb.ref("services.summary"), search),
        containsText(eb.ref("services.description"), search),
      ]),
    );
  }
  const [categories, rows] = await Promise.all([listCategories(db), services.execute()]);
  return { categories, services: rows satisfies ServiceSummary[] };
}

function toField(row: {
  id: string;
  key: string;
  label: string;
  help_text: string | null;
  type: FieldDefinition["type"];
  required: number;
  options: unknown;
  customer_access: FieldDefinition["customerAccess"];
  position: number;
}): FieldDefinition {
  const options = decodeJson(row.options);
  return {
    id: row.id,
    key: row.key,
    label: row.label,
    helpText: row.help_text,
    type: row.type,
    required: Boolean(row.required),
    options: Array.isArray(options) ? options.filter((o): o is string => typeof o === "string") : [],
    customerAccess: row.customer_access,
    position: row.position,
  };
}

export async function listTypeFields(
  db: Kysely<Database>,
  ticketTypeIds: string[],
): Promise<Map<string, FieldDefinition[]>> {
  const byType = new Map<string, FieldDefinition[]>();
  if (!ticketTypeIds.length) return byType;
  const rows = await db
    .selectFrom("ticket_fields")
    .selectAll()
    .where("ticket_type_id", "in", ticketTypeIds)
    .orderBy("position")
    .orderBy("label")
    .execute();
  for (const [typeId, fields] of groupBy(rows, (row) => row.ticket_type_id)) byType.set(typeId, fields.map(toField));
  return byType;
}

export type RequestableService = ServiceDetail & {
  categoryId: string | null;
  groupId: string | null;
  allFields: FieldDefinition[];
};

/** A service the actor may see, by id or by slug, with its form: what the person filling it in may set. */
export async function findService(
  db: Kysely<Database>,
  scope: ServiceScope,
  by: { id: string } | { slug: string },
): Promise<RequestableService | undefined> {
  const row = await summaryColumns(db)
    .innerJoin("ticket_types", "ticket_types.id", "services.ticket_type_id")
    .select([
      "services.description",
      "services.default_priority as defaultPriority",
      "services.group_id as groupId",
      "ticket_types.id as ticketTypeId",
      "ticket_types.name as ticketTypeName",
    ])
    .where(scope)
    .where("id" in by ? "services.id" : "services.slug", "=", "id" in by ? by.id : by.slug)
    .executeTakeFirst();
  if (!row) return undefined;
  const allFields = (await listTypeFields(db, [row.ticketTypeId])).get(row.ticketTypeId) ?? [];
  const { ticketTypeId, ticketTypeName, ...service } = row;
  return {
    ...service,
    ticketType: { id: ticketTypeId, name: ticketTypeName },
    fields: allFields.filter((f) => f.customerAccess === "edit"),
    allFields,
  };
}

export async function listAdminServices(db: Kysely<Database>) {
  const [services, organizations, roles] = await Promise.all([
    db.selectFrom("services").selectAll().orderBy("position").orderBy("name").execute(),
    db.selectFrom("service_organizations").selectAll().execute(),
    db.selectFrom("service_roles").selectAll().execute(),
  ]);
  return services.map((s) => ({
    id: s.id,
    slug: s.slug,
    name: s.name,
    summary: s.summary,
    description: s.description,
    icon: s.icon,
    color: s.color,
    categoryId: s.category_id,
    requestLabel: s.request_label,
    visibility: s.visibility,
    ticketTypeId: s.ticket_type_id,
    groupId: s.group_id,
    defaultPriority: s.default_priority,
    organizationIds: organizations.filter((o) => o.service_id === s.id).map((o) => o.organization_id),
    roleIds: roles.filter((r) => r.service_id === s.id).map((r) => r.role_id),
    active: Boolean(s.active),
    position: s.position,
  }));
}

export async function listTicketTypes(db: Kysely<Database>) {
  const types = await db.selectFrom("ticket_types").selectAll().orderBy("name").execute();
  const fields = await listTypeFields(
    db,
    types.map((t) => t.id),
  );
  return types.map((t) => ({
    id: t.id,
    name: t.name,
    description: t.description,
    builtin: t.key !== null,
    fields: fields.get(t.id) ?? [],
  }));
}
