/**
 * The shapes the OpenAPI document names instead of repeating inline: a route that uses one of these schemas
 * (or a schema that contains one) gets a `$ref` to `#/components/schemas/<Name>`. The names are part of the
 * contract: the generated client's types (client/schema.d.ts) are called by them, so renaming one is a change
 * integrators notice. A separate registry, not zod's global one, so nothing else in the app changes by being
 * named here.
 */

import { z } from "zod";
import {
  adminUserListSchema,
  adminUserSchema,
  apiTokenCreatedSchema,
  apiTokenSchema,
  groupSchema,
  inviteUserSchema,
  namedRefSchema,
  organizationSchema,
  roleSchema,
  updateUserSchema,
} from "../../common/admin.ts";
import {
  commentEditSchema,
  commentInputSchema,
  commentSchema,
  feedEntrySchema,
  feedSchema,
} from "../../common/conversation.ts";
import { deletedTicketListSchema, deletedTicketSchema } from "../../common/deleted-tickets.ts";
import { errorResponseSchema } from "../../common/errors.ts";
import { agentTicketInputSchema } from "../../common/new-ticket.ts";
import { agentTicketPageSchema, agentTicketSummarySchema, bulkUpdateSchema } from "../../common/queues.ts";
import { searchHitSchema, searchResultsSchema } from "../../common/search.ts";
import { tagListSchema } from "../../common/tags.ts";
import { ticketUpdateSchema } from "../../common/ticket-edit.ts";
import {
  attachmentSchema,
  customerStatusSchema,
  customerTicketDetailSchema,
  customerTicketPageSchema,
  customerTicketSummarySchema,
  statusSchema,
  ticketAbilitiesSchema,
  ticketDetailSchema,
  ticketPageSchema,
  ticketServiceLevelSchema,
  ticketSubmissionSchema,
  ticketSubmittedSchema,
  ticketSummarySchema,
} from "../../common/tickets.ts";
import { uploadTokensSchema, waitingUploadSchema } from "../../common/uploads.ts";

/** `{id}`: what a create answers with when it has nothing more to say. Inline copies of it are folded into it. */
export const createdSchema = z.object({ id: z.string() });

/**
 * A download's bytes (a stream or a Buffer, sent as they are, never serialized): routes declare it as their
 * 200 so the document says what comes back, and the reply may send the file.
 */
export const fileDownloadSchema = z.custom<Buffer | NodeJS.ReadableStream>(() => true);

/** Names, and for the few schemas zod cannot describe, the JSON Schema that does. */
export const namedSchemas = z.registry<{ id: string; type?: string; format?: string; description?: string }>();
namedSchemas.add(fileDownloadSchema, {
  id: "FileDownload",
  type: "string",
  format: "binary",
  description: "The file's bytes.",
});

const names: [z.ZodType, string][] = [
  [errorResponseSchema, "Error"],
  [createdSchema, "Created"],
  [namedRefSchema, "NamedRef"],
  [statusSchema, "Status"],
  [customerStatusSchema, "CustomerStatus"],
  [attachmentSchema, "Attachment"],
  [ticketAbilitiesSchema, "TicketAbilities"],
  [ticketServiceLevelSchema, "TicketServiceLevel"],
  [ticketSummarySchema, "TicketSummary"],
  [customerTicketSummarySchema, "CustomerTicketSummary"],
  [ticketDetailSchema, "Ticket"],
  [customerTicketDetailSchema, "CustomerTicket"],
  [ticketPageSchema, "TicketPage"],
  [customerTicketPageSchema, "CustomerTicketPage"],
  [agentTicketSummarySchema, "AgentTicketSummary"],
  [agentTicketPageSchema, "AgentTicketPage"],
  [ticketSubmissionSchema, "TicketSubmission"],
  [ticketSubmittedSchema, "TicketSubmitted"],
  [agentTicketInputSchema, "AgentTicketInput"],
  [ticketUpdateSchema, "TicketUpdate"],
  [bulkUpdateSchema, "BulkUpdate"],
  [commentInputSchema, "Comment"],
  [commentSchema, "CommentDetail"],
  [commentEditSchema, "CommentEdit"],
  [tagListSchema, "TagList"],
  [deletedTicketSchema, "DeletedTicket"],
  [deletedTicketListSchema, "DeletedTicketList"],
  [feedEntrySchema, "FeedEntry"],
  [feedSchema, "Feed"],
  [searchHitSchema, "SearchHit"],
  [searchResultsSchema, "SearchResults"],
  [adminUserSchema, "User"],
  [adminUserListSchema, "UserPage"],
  [inviteUserSchema, "UserInvitation"],
  [updateUserSchema, "UserUpdate"],
  [organizationSchema, "Organization"],
  [roleSchema, "Role"],
  [groupSchema, "Group"],
  [apiTokenSchema, "ApiToken"],
  [apiTokenCreatedSchema, "ApiTokenCreated"],
  [waitingUploadSchema, "Upload"],
  [uploadTokensSchema, "UploadTokens"],
];
for (const [schema, id] of names) namedSchemas.add(schema, { id });
