import type { Kysely } from "kysely";
import type { WorkspaceDirectory } from "../../../common/ticket-edit.ts";
import { listTypeFields } from "../../catalog/queries.ts";
import type { Database } from "../../db/schema.ts";
import type { ContentText } from "../../i18n/content-text.ts";

/**
 * Everything the agent's edit and bulk forms choose from, in one request. `text`: the custom fields' labels
 * and their options' labels in the agent's language (a form shows the label and sends the stored value).
 */
export async function workspaceDirectory(db: Kysely<Database>, text: ContentText): Promise<WorkspaceDirectory> {
  const [agents, memberships, groups, types, categories] = await Promise.all([
    db
      .selectFrom("users")
      .select(["id", "name", "email"])
      .where("licence", "in", ["agent", "admin"])
      .where("disabled_at", "is", null)
      .orderBy("name")
      .execute(),
    db.selectFrom("group_members").select(["user_id", "group_id"]).execute(),
    db.selectFrom("groups").select(["id", "name"]).orderBy("name").execute(),
    db.selectFrom("ticket_types").select(["id", "name"]).orderBy("name").execute(),
    db.selectFrom("categories").select(["id", "name"]).orderBy("name").execute(),
  ]);
  const fields = await listTypeFields(
    db,
    types.map((t) => t.id),
  );
  return {
    agents: agents.map((a) => ({
      ...a,
      groupIds: memberships.filter((m) => m.user_id === a.id).map((m) => m.group_id),
    })),
    groups,
    ticketTypes: types.map((t) => ({ ...t, fields: (fields.get(t.id) ?? []).map((f) => text.field(f)) })),
    categories,
  };
}
