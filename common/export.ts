import { z } from "zod";
import { inServiceYears, outsideServiceYears } from "./days.ts";

/** What the incremental export (GET /api/v1/export/{resource}) can follow. */
export const exportResources = ["tickets", "users", "organizations"] as const;

export const exportQuerySchema = z.object({
  /** The `nextCursor` of the previous page; leave out to start (from `since`, or from the beginning). */
  cursor: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/, "Pass the nextCursor of the previous page unchanged.")
    .optional(),
  /** Start with changes at or after this time; ignored when a cursor is given. */
  since: z.iso
    .datetime({ offset: true, error: "Give a time like 2026-01-31T12:00:00Z." })
    // PostgreSQL answered 500 for year 0.
    .refine(inServiceYears, { error: outsideServiceYears })
    .optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type ExportQuery = z.infer<typeof exportQuerySchema>;

export const exportedTicketSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  subject: z.string(),
  priority: z.string(),
  status: z.object({ id: z.string(), name: z.string(), category: z.string() }),
  channel: z.string(),
  requester: z.object({ id: z.string().nullable(), name: z.string(), email: z.string() }),
  assigneeId: z.string().nullable(),
  groupId: z.string().nullable(),
  organizationId: z.string().nullable(),
  categoryId: z.string().nullable(),
  ticketTypeId: z.string().nullable(),
  solvedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const exportedUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  licence: z.string(),
  disabled: z.boolean(),
  organizationIds: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const exportedOrganizationSchema = z.object({
  id: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** One change: the record as it is now, or a tombstone saying it was deleted. */
function changeSchema<T extends z.ZodType>(record: T) {
  return z.discriminatedUnion("type", [
    z.object({ type: z.literal("changed"), id: z.string(), changedAt: z.string(), record }),
    z.object({ type: z.literal("deleted"), id: z.string(), changedAt: z.string() }),
  ]);
}

function pageSchema<T extends z.ZodType>(record: T) {
  return z.object({
    changes: z.array(changeSchema(record)),
    /** Where to go on from: always present, also on an empty page, so a sync can store it and ask again later. */
    nextCursor: z.string(),
    /** More changes are waiting right now; ask again with nextCursor straight away. */
    hasMore: z.boolean(),
  });
}

export const ticketExportPageSchema = pageSchema(exportedTicketSchema);
export const userExportPageSchema = pageSchema(exportedUserSchema);
export const organizationExportPageSchema = pageSchema(exportedOrganizationSchema);

export type ExportChange<T> =
  | { type: "changed"; id: string; changedAt: string; record: T }
  | { type: "deleted"; id: string; changedAt: string };
export type ExportPage<T> = { changes: ExportChange<T>[]; nextCursor: string; hasMore: boolean };
