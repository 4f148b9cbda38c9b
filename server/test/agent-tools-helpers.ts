import type { Kysely } from "kysely";
import { createRole } from "../accounts/commands/manage-directory.ts";
import type { Database } from "../db/schema.ts";
import { buildAgent } from "./factories.ts";

/**
 * An agent who works tickets but may not see every ticket: their scope is
 * only their own requests (and, once groups scope agents, their groups').
 */
export async function buildNarrowAgent(db: Kysely<Database>) {
  const agent = await buildAgent(db);
  const role = await createRole(db, {
    name: `Works tickets ${agent.id}`,
    permissions: ["tickets.work", "tickets.submit"],
  });
  await db.deleteFrom("user_roles").where("user_id", "=", agent.id).execute();
  await db.insertInto("user_roles").values({ user_id: agent.id, role_id: role }).execute();
  return agent;
}
