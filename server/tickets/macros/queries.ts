import type { Kysely } from "kysely";
import type { Macro } from "../../../common/macros.ts";
import type { Actor } from "../../core/actor.ts";
import type { Database } from "../../db/schema.ts";
import { canManageMacro, ownerOf } from "./policy.ts";

/** The shared macros and the caller's own, shared first, each by name. */
export async function listMacros(db: Kysely<Database>, actor: Actor): Promise<Macro[]> {
  const owner = ownerOf(actor);
  const rows = await db
    .selectFrom("macros")
    .select(["id", "name", "body", "owner_id", "status_id", "priority", "assignee_id", "group_id"])
    .where((eb) =>
      owner ? eb.or([eb("owner_id", "is", null), eb("owner_id", "=", owner)]) : eb("owner_id", "is", null),
    )
    .execute();
  return rows
    .map((m) => ({
      id: m.id,
      name: m.name,
      body: m.body,
      shared: m.owner_id === null,
      statusId: m.status_id,
      priority: m.priority,
      assigneeId: m.assignee_id,
      groupId: m.group_id,
      editable: canManageMacro(actor, m),
    }))
    .sort((a, b) => Number(b.shared) - Number(a.shared) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** One macro the caller may use, or undefined (someone else's personal macro counts as not there). */
export async function findUsableMacro(db: Kysely<Database>, actor: Actor, id: string) {
  const owner = ownerOf(actor);
  return db
    .selectFrom("macros")
    .selectAll()
    .where("id", "=", id)
    .where((eb) =>
      owner ? eb.or([eb("owner_id", "is", null), eb("owner_id", "=", owner)]) : eb("owner_id", "is", null),
    )
    .executeTakeFirst();
}
