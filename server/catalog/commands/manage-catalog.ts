/**
 * What admins change in the catalog: categories, services, ticket types and
 * their fields. Each function is one use-case in one transaction.
 */
import type { Kysely, Transaction } from "kysely";
import type { FieldInput, ServiceInput } from "../../../common/catalog.ts";
import { AppError, notFound } from "../../core/errors.ts";
import { encodeJson, isUniqueViolation, now } from "../../db/engine.ts";
import { newId } from "../../db/ids.ts";
import type { Database } from "../../db/schema.ts";
import { forgetTranslations } from "../../i18n/content-translations.ts";

const invalid = (fields: Record<string, string>) =>
  new AppError("validation_failed", "Some fields need attention.", fields);

async function unique<T>(field: string, message: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", message, { [field]: message });
    throw error;
  }
}

type CategoryInput = {
  name: string;
  description?: string | null | undefined;
  parentId?: string | null | undefined;
  position?: number | undefined;
};

/** Categories nest one level: a sub-category sits under a top-level category. */
async function checkCategoryParent(db: Kysely<Database>, id: string | null, parentId: string | null | undefined) {
  if (!parentId) return;
  const parent = await db
    .selectFrom("categories")
    .select(["id", "parent_id"])
    .where("id", "=", parentId)
    .executeTakeFirst();
  if (!parent) throw invalid({ parentId: "Choose a category from the list." });
  if (parent.parent_id !== null) throw invalid({ parentId: "Sub-categories sit directly under a top-level category." });
  if (parent.id === id) throw invalid({ parentId: "A category cannot sit under itself." });
  if (id && (await db.selectFrom("categories").select("id").where("parent_id", "=", id).executeTakeFirst())) {
    throw invalid({ parentId: "This category has sub-categories, so it must stay at the top level." });
  }
}

export async function createCategory(db: Kysely<Database>, input: CategoryInput): Promise<string> {
  await checkCategoryParent(db, null, input.parentId);
  const id = newId();
  await unique("name", "A category with that name already exists.", () =>
    db
      .insertInto("categories")
      .values({
        id,
        name: input.name,
        description: input.description ?? null,
        parent_id: input.parentId ?? null,
        position: input.position ?? 0,
        created_at: now(),
      })
      .execute(),
  );
  return id;
}

export async function updateCategory(db: Kysely<Database>, id: string, input: CategoryInput): Promise<void> {
  await checkCategoryParent(db, id, input.parentId);
  const result = await unique("name", "A category with that name already exists.", () =>
    db
      .updateTable("categories")
      .set({
        name: input.name,
        description: input.description ?? null,
        ...(input.parentId !== undefined ? { parent_id: input.parentId } : {}),
        ...(input.position !== undefined ? { position: input.position } : {}),
      })
      .where("id", "=", id)
      .executeTakeFirst(),
  );
  if (!result.numUpdatedRows) throw notFound("That category");
}

/** Tickets keep their history: a category that tickets use cannot be deleted, only renamed. */
export async function deleteCategory(db: Kysely<Database>, id: string): Promise<void> {
  const used = await db.selectFrom("tickets").select("id").where("category_id", "=", id).executeTakeFirst();
  if (used) throw new AppError("conflict", "Tickets use this category, so it cannot be deleted. Rename it instead.");
  const result = await db.deleteFrom("categories").where("id", "=", id).executeTakeFirst();
  if (!result.numDeletedRows) throw notFound("That category");
  await forgetTranslations(db, "category", id);
}

async function checkServiceReferences(trx: Transaction<Database>, input: ServiceInput): Promise<void> {
  const problems: Record<string, string> = {};
  if (
    input.categoryId &&
    !(await trx.selectFrom("categories").select("id").where("id", "=", input.categoryId).executeTakeFirst())
  ) {
    problems.categoryId = "Choose a category from the list.";
  }
  if (!(await trx.selectFrom("ticket_types").select("id").where("id", "=", input.ticketTypeId).executeTakeFirst())) {
    problems.ticketTypeId = "Choose a ticket type from the list.";
  }
  if (
    input.groupId &&
    !(await trx.selectFrom("groups").select("id").where("id", "=", input.groupId).executeTakeFirst())
  ) {
    problems.groupId = "Choose a group from the list.";
  }
  const orgs = input.organizationIds.length
    ? await trx.selectFrom("organizations").select("id").where("id", "in", input.organizationIds).execute()
    : [];
  if (orgs.length !== new Set(input.organizationIds).size)
    problems.organizationIds = "Choose organizations from the list.";
  const roles = input.roleIds.length
    ? await trx.selectFrom("roles").select("id").where("id", "in", input.roleIds).execute()
    : [];
  if (roles.length !== new Set(input.roleIds).size) problems.roleIds = "Choose roles from the list.";
  if (input.visibility === "restricted" && !input.organizationIds.length && !input.roleIds.length) {
    problems.visibility = "A restricted service needs at least one organization or role that may request it.";
  }
  if (Object.keys(problems).length) throw invalid(problems);
}

async function writeServiceAccess(trx: Transaction<Database>, serviceId: string, input: ServiceInput): Promise<void> {
  await trx.deleteFrom("service_organizations").where("service_id", "=", serviceId).execute();
  await trx.deleteFrom("service_roles").where("service_id", "=", serviceId).execute();
  const restricted = input.visibility === "restricted";
  const organizationIds = restricted ? [...new Set(input.organizationIds)] : [];
  const roleIds = restricted ? [...new Set(input.roleIds)] : [];
  if (organizationIds.length) {
    await trx
      .insertInto("service_organizations")
      .values(organizationIds.map((organization_id) => ({ service_id: serviceId, organization_id })))
      .execute();
  }
  if (roleIds.length) {
    await trx
      .insertInto("service_roles")
      .values(roleIds.map((role_id) => ({ service_id: serviceId, role_id })))
      .execute();
  }
}

function serviceColumns(input: ServiceInput) {
  return {
    slug: input.slug,
    name: input.name,
    category_id: input.categoryId,
    summary: input.summary,
    description: input.description,
    icon: input.icon ?? null,
    color: input.color ?? null,
    ticket_type_id: input.ticketTypeId,
    group_id: input.groupId ?? null,
    default_priority: input.defaultPriority,
    visibility: input.visibility,
    request_label: input.requestLabel,
    active: input.active ? 1 : 0,
    position: input.position,
  };
}

const slugTaken = "Another service already uses that address.";

export async function createService(db: Kysely<Database>, input: ServiceInput): Promise<string> {
  const id = newId();
  const at = now();
  await unique("slug", slugTaken, () =>
    db.transaction().execute(async (trx) => {
      await checkServiceReferences(trx, input);
      await trx
        .insertInto("services")
        .values({ id, ...serviceColumns(input), created_at: at, updated_at: at })
        .execute();
      await writeServiceAccess(trx, id, input);
    }),
  );
  return id;
}

export async function updateService(db: Kysely<Database>, id: string, input: ServiceInput): Promise<void> {
  await unique("slug", slugTaken, () =>
    db.transaction().execute(async (trx) => {
      await checkServiceReferences(trx, input);
      const result = await trx
        .updateTable("services")
        .set({ ...serviceColumns(input), updated_at: now() })
        .where("id", "=", id)
        .executeTakeFirst();
      if (!result.numUpdatedRows) throw notFound("That service");
      await writeServiceAccess(trx, id, input);
    }),
  );
}

/** Tickets remember their service's name through it; a used service is switched off, not deleted. */
export async function deleteService(db: Kysely<Database>, id: string): Promise<void> {
  const used = await db.selectFrom("tickets").select("id").where("service_id", "=", id).executeTakeFirst();
  if (used)
    throw new AppError(
      "conflict",
      "Tickets were requested through this service. Switch it off instead of deleting it.",
    );
  const result = await db.deleteFrom("services").where("id", "=", id).executeTakeFirst();
  if (!result.numDeletedRows) throw notFound("That service");
  await forgetTranslations(db, "service", id);
}

export async function createTicketType(
  db: Kysely<Database>,
  input: { name: string; description?: string | null | undefined },
) {
  const id = newId();
  await unique("name", "A ticket type with that name already exists.", () =>
    db
      .insertInto("ticket_types")
      .values({ id, key: null, name: input.name, description: input.description ?? null, created_at: now() })
      .execute(),
  );
  return id;
}

export async function updateTicketType(
  db: Kysely<Database>,
  id: string,
  input: { name: string; description?: string | null | undefined },
): Promise<void> {
  const result = await unique("name", "A ticket type with that name already exists.", () =>
    db
      .updateTable("ticket_types")
      .set({ name: input.name, description: input.description ?? null })
      .where("id", "=", id)
      .executeTakeFirst(),
  );
  if (!result.numUpdatedRows) throw notFound("That ticket type");
}

export async function deleteTicketType(db: Kysely<Database>, id: string): Promise<void> {
  const type = await db.selectFrom("ticket_types").select("key").where("id", "=", id).executeTakeFirst();
  if (!type) throw notFound("That ticket type");
  if (type.key !== null) throw new AppError("conflict", "Built-in ticket types cannot be deleted.");
  const inUse =
    (await db.selectFrom("services").select("id").where("ticket_type_id", "=", id).executeTakeFirst()) ??
    (await db.selectFrom("tickets").select("id").where("ticket_type_id", "=", id).executeTakeFirst());
  if (inUse) throw new AppError("conflict", "Services or tickets use this ticket type, so it cannot be deleted.");
  await db.deleteFrom("ticket_types").where("id", "=", id).execute();
  await forgetTranslations(db, "ticket-type", id);
}

function fieldColumns(input: FieldInput) {
  const choice = input.type === "single_select" || input.type === "multi_select";
  return {
    key: input.key,
    label: input.label,
    help_text: input.helpText ?? null,
    type: input.type,
    required: input.required ? 1 : 0,
    options: encodeJson(choice ? input.options : []),
    customer_access: input.customerAccess,
    position: input.position,
  };
}

const keyTaken = "This ticket type already has a field with that key.";

export async function createField(db: Kysely<Database>, ticketTypeId: string, input: FieldInput): Promise<string> {
  const type = await db.selectFrom("ticket_types").select("id").where("id", "=", ticketTypeId).executeTakeFirst();
  if (!type) throw notFound("That ticket type");
  const id = newId();
  await unique("key", keyTaken, () =>
    db
      .insertInto("ticket_fields")
      .values({ id, ticket_type_id: ticketTypeId, ...fieldColumns(input), created_at: now() })
      .execute(),
  );
  return id;
}

/** A field's key and type stay as they are once values exist: changing them would reinterpret stored answers. */
export async function updateField(db: Kysely<Database>, id: string, input: FieldInput): Promise<void> {
  const field = await db.selectFrom("ticket_fields").select(["key", "type"]).where("id", "=", id).executeTakeFirst();
  if (!field) throw notFound("That field");
  if (field.key !== input.key || field.type !== input.type) {
    const used = await db
      .selectFrom("ticket_field_values")
      .select("field_id")
      .where("field_id", "=", id)
      .executeTakeFirst();
    if (used) {
      throw invalid({
        [field.key !== input.key ? "key" : "type"]:
          "Tickets already have values for this field, so its key and type stay as they are.",
      });
    }
  }
  await unique("key", keyTaken, () =>
    db.updateTable("ticket_fields").set(fieldColumns(input)).where("id", "=", id).execute(),
  );
}

/** Answers customers gave are kept: a field with values cannot be deleted. */
export async function deleteField(db: Kysely<Database>, id: string): Promise<void> {
  const used = await db
    .selectFrom("ticket_field_values")
    .select("field_id")
    .where("field_id", "=", id)
    .executeTakeFirst();
  if (used) throw new AppError("conflict", "Tickets have values for this field, so it cannot be deleted.");
  const result = await db.deleteFrom("ticket_fields").where("id", "=", id).executeTakeFirst();
  if (!result.numDeletedRows) throw notFound("That field");
  await forgetTranslations(db, "ticket-field", id);
}
