/**
 * Roles, organizations and groups: small records an admin creates, renames
 * and removes. Each function is one use-case in one statement or transaction.
 */
import type { Kysely } from "kysely";
import type { UserActor } from "../../core/actor.ts";
import { AppError, notFound } from "../../core/errors.ts";
import { decodeJson, encodeJson, isUniqueViolation, now } from "../../db/engine.ts";
import { newId } from "../../db/ids.ts";
import type { Database } from "../../db/schema.ts";
import { recordDeletion } from "../../export/tombstones.ts";
import { keepingAUserManager } from "../last-admin.ts";
import { requireHeld } from "../permissions.ts";

function nameTaken(what: string): AppError {
  const message = `${/^[aeiou]/.test(what) ? "An" : "A"} ${what} with that name already exists.`;
  return new AppError("conflict", message, { name: message });
}

async function uniquely<T>(what: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(what);
    throw error;
  }
}

export async function createRole(
  db: Kysely<Database>,
  input: { name: string; permissions: string[] },
): Promise<string> {
  const id = newId();
  await uniquely("role", () =>
    db
      .insertInto("roles")
      .values({
        id,
        key: null,
        name: input.name,
        permissions: encodeJson([...new Set(input.permissions)].sort()),
        default_for: null,
        created_at: now(),
      })
      .execute(),
  );
  return id;
}

/**
 * A role's permissions may shrink or stay; what it gains must be the actor's own (accounts/permissions.ts). It may
 * not shrink so that nobody can manage users any more (last-admin.ts).
 */
export async function updateRole(
  db: Kysely<Database>,
  id: string,
  input: { name: string; permissions: string[] },
  actor: UserActor,
) {
  await db.transaction().execute((trx) =>
    keepingAUserManager(trx, async () => {
      const role = await trx.selectFrom("roles").select("permissions").where("id", "=", id).executeTakeFirst();
      if (!role) throw notFound("That role");
      const before = decodeJson(role.permissions);
      requireHeld(actor, Array.isArray(before) ? before.map(String) : [], input.permissions, "permissions");
      await uniquely("role", () =>
        trx
          .updateTable("roles")
          .set({ name: input.name, permissions: encodeJson([...new Set(input.permissions)].sort()) })
          .where("id", "=", id)
          .executeTakeFirst(),
      );
    }),
  );
}

/** Built-in roles stay: they are what new users of each licence receive. Nor may the last user managers' go. */
export async function deleteRole(db: Kysely<Database>, id: string): Promise<void> {
  await db.transaction().execute((trx) =>
    keepingAUserManager(trx, async () => {
      const role = await trx.selectFrom("roles").select("key").where("id", "=", id).executeTakeFirst();
      if (!role) throw notFound("That role");
      if (role.key !== null)
        throw new AppError("conflict", "Built-in roles cannot be deleted; you can change their permissions.");
      await trx.deleteFrom("roles").where("id", "=", id).execute();
    }),
  );
}

/** Accounts are top-level organizations; departments sit one level below an account. */
async function checkParent(db: Kysely<Database>, id: string | null, parentId: string | null | undefined) {
  if (!parentId) return;
  const parent = await db
    .selectFrom("organizations")
    .select(["id", "parent_id"])
    .where("id", "=", parentId)
    .executeTakeFirst();
  const problem = !parent
    ? "Choose an organization from the list."
    : parent.parent_id !== null
      ? "Departments sit directly under an account, not under another department."
      : parent.id === id
        ? "An organization cannot be its own department."
        : undefined;
  if (problem) throw new AppError("validation_failed", "Some fields need attention.", { parentId: problem });
  if (id) {
    const child = await db.selectFrom("organizations").select("id").where("parent_id", "=", id).executeTakeFirst();
    if (child) {
      throw new AppError("validation_failed", "Some fields need attention.", {
        parentId: "This organization has departments of its own, so it cannot become a department.",
      });
    }
  }
}

export async function createOrganization(
  db: Kysely<Database>,
  input: { name: string; parentId?: string | null | undefined },
) {
  await checkParent(db, null, input.parentId);
  const id = newId();
  const at = now();
  await uniquely("organization", () =>
    db
      .insertInto("organizations")
      .values({ id, name: input.name, parent_id: input.parentId ?? null, created_at: at, updated_at: at })
      .execute(),
  );
  return id;
}

export async function updateOrganization(
  db: Kysely<Database>,
  id: string,
  input: { name: string; parentId?: string | null | undefined },
) {
  await checkParent(db, id, input.parentId);
  const result = await uniquely("organization", () =>
    db
      .updateTable("organizations")
      .set({
        name: input.name,
        updated_at: now(),
        ...(input.parentId !== undefined ? { parent_id: input.parentId } : {}),
      })
      .where("id", "=", id)
      .executeTakeFirst(),
  );
  if (!result.numUpdatedRows) throw notFound("That organization");
}

/** Removing an organization keeps its tickets (they lose the link) and refuses while it has departments. */
export async function deleteOrganization(db: Kysely<Database>, id: string): Promise<void> {
  const child = await db.selectFrom("organizations").select("id").where("parent_id", "=", id).executeTakeFirst();
  if (child) throw new AppError("conflict", "Remove or move this organization's departments first.");
  await db.transaction().execute(async (trx) => {
    const result = await trx.deleteFrom("organizations").where("id", "=", id).executeTakeFirst();
    if (!result.numDeletedRows) throw notFound("That organization");
    await recordDeletion(trx, "organizations", id);
  });
}

type GroupInput = { name: string; leadId?: string | null | undefined };

/** A lead must be an enabled agent (or admin) in the group: the one a "notify the group lead" rule mails. */
async function checkLead(db: Kysely<Database>, groupId: string, leadId: string | null | undefined): Promise<void> {
  if (!leadId) return;
  const member = await db
    .selectFrom("group_members")
    .innerJoin("users", "users.id", "group_members.user_id")
    .select("users.id")
    .where("group_members.group_id", "=", groupId)
    .where("group_members.user_id", "=", leadId)
    .where("users.licence", "in", ["agent", "admin"])
    .where("users.disabled_at", "is", null)
    .executeTakeFirst();
  if (!member) {
    const message = "The lead must be one of the group's agents. Add them to the group on the Users page first.";
    throw new AppError("validation_failed", message, { leadId: message });
  }
}

export async function createGroup(db: Kysely<Database>, input: GroupInput): Promise<string> {
  const id = newId();
  // A new group has no members yet, so it can have no lead.
  await checkLead(db, id, input.leadId);
  await uniquely("group", () => db.insertInto("groups").values({ id, name: input.name, created_at: now() }).execute());
  return id;
}

export async function updateGroup(db: Kysely<Database>, id: string, input: GroupInput) {
  await checkLead(db, id, input.leadId);
  const result = await uniquely("group", () =>
    db
      .updateTable("groups")
      .set({ name: input.name, ...(input.leadId !== undefined ? { lead_id: input.leadId } : {}) })
      .where("id", "=", id)
      .executeTakeFirst(),
  );
  if (!result.numUpdatedRows) throw notFound("That group");
}

export async function deleteGroup(db: Kysely<Database>, id: string): Promise<void> {
  const result = await db.deleteFrom("groups").where("id", "=", id).executeTakeFirst();
  if (!result.numDeletedRows) throw notFound("That group");
}
