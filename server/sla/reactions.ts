/**
 * Service levels follow the ticket's events: targets are set when it is
 * created and worked out again when what the policies match on changes, the
 * clock pauses and resumes with its status, and an agent's first public
 * reply meets the first-response target.
 */
import type { Reaction } from "../tickets/events.ts";
import { applyServiceLevels, recordFirstResponse, serviceLevelsAfterStatusChange } from "./ticket-clock.ts";

export const serviceLevelReaction: Reaction = async (trx, { config }, event) => {
  switch (event.type) {
    case "created":
    case "priority_changed":
      await applyServiceLevels(trx, event.ticketId);
      return;
    case "edited": {
      const { priority, groupId, ticketTypeId } = event.payload;
      // Policies match on priority and type, calendars come from the group: the targets follow them.
      if (priority !== undefined || groupId !== undefined || ticketTypeId !== undefined)
        await applyServiceLevels(trx, event.ticketId);
      return;
    }
    case "automation_applied":
      // A new priority or group can mean other targets or another calendar.
      if (event.payload.priority || event.payload.groupId) await applyServiceLevels(trx, event.ticketId);
      return;
    case "status_changed":
      await serviceLevelsAfterStatusChange(trx, config, event.ticketId, event.at);
      return;
    case "comment":
      if (event.visibility === "public" && event.payload.fromAgent)
        await recordFirstResponse(trx, event.ticketId, event.at);
      return;
    default:
      return;
  }
};
