import type { WorkspaceDirectory } from "../../common/ticket-edit.ts";
import { useSession } from "../api/session.ts";

/**
 * Whether a ticket with this group and assignee stays in the signed-in agent's
 * sight. Agents who see every ticket always keep it; a group agent keeps
 * what is in one of their groups or assigned to them. The server decides in
 * the end (it refuses without a confirmation); this lets the form warn first.
 */
export function useKeepsSight(directory: WorkspaceDirectory | undefined) {
  const session = useSession();
  const me = session.data?.user;
  const myGroups = directory?.agents.find((a) => a.id === me?.id)?.groupIds ?? [];
  return (groupId: string | null, assigneeId: string | null): boolean => {
    if (!me || me.permissions.includes("tickets.view_all")) return true;
    return (groupId !== null && myGroups.includes(groupId)) || assigneeId === me.id;
  };
}
