import { z } from "zod";
import { isVisibleLine, nameHiddenCharacters } from "./text.ts";
import { priorities } from "./tickets.ts";

const hhmm = z
  .string({ error: "Enter a time like 09:00." })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "Enter a time like 09:00.");

export const weekdayLabels = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

export const workingHoursSchema = z
  .object({ day: z.number().int().min(0).max(6), start: hhmm, end: hhmm })
  .refine((h) => h.start < h.end, { message: "Working hours must end after they start.", path: ["end"] });
export type WorkingHours = z.infer<typeof workingHoursSchema>;

const name = z
  .string({ error: "Enter a name." })
  .trim()
  .min(1, "Enter a name.")
  .max(120, "Keep the name under 120 characters.")
  .refine(isVisibleLine, nameHiddenCharacters);

export const calendarInputSchema = z.object({
  name,
  timeZone: z.string().trim().min(1, "Choose a time zone.").max(80),
  hours: z.array(workingHoursSchema.strict()).max(50),
  holidays: z.array(z.iso.date({ error: "Enter holidays as dates like 2026-12-25." })).max(400),
  isDefault: z.boolean().default(false),
  /** Agent groups whose tickets count time in this calendar. */
  groupIds: z
    .array(z.uuid({ error: "Choose groups from the list." }))
    .max(200)
    .default([]),
});
export type CalendarInput = z.infer<typeof calendarInputSchema>;

export const calendarSchema = z.object({
  id: z.string(),
  name: z.string(),
  timeZone: z.string(),
  hours: z.array(workingHoursSchema),
  holidays: z.array(z.string()),
  isDefault: z.boolean(),
  groupIds: z.array(z.string()),
});
export type Calendar = z.infer<typeof calendarSchema>;
export const calendarListSchema = z.object({ calendars: z.array(calendarSchema) });

export const slaConditionsSchema = z.object({
  priorities: z.array(z.enum(priorities)).max(4).default([]),
  serviceIds: z.array(z.uuid()).max(200).default([]),
  organizationIds: z.array(z.uuid()).max(200).default([]),
  ticketTypeIds: z.array(z.uuid()).max(200).default([]),
});
export type SlaConditions = z.infer<typeof slaConditionsSchema>;

const targetMinutes = z
  .number({ error: "Enter a number of minutes." })
  .int("Enter whole minutes.")
  .min(1, "A target is at least one minute.")
  .max(365 * 24 * 60, "Keep targets under a year.")
  .nullable();

export const slaPolicyInputSchema = z
  .object({
    name,
    position: z.number().int().min(0).max(1000).default(0),
    conditions: slaConditionsSchema.strict(),
    firstResponseMinutes: targetMinutes,
    resolutionMinutes: targetMinutes,
    businessTime: z.boolean(),
    calendarId: z.uuid({ error: "Choose a calendar from the list." }).nullable(),
  })
  .refine((p) => p.firstResponseMinutes !== null || p.resolutionMinutes !== null, {
    message: "Set a first-response or a resolution target.",
    path: ["firstResponseMinutes"],
  });
export type SlaPolicyInput = z.infer<typeof slaPolicyInputSchema>;

export const slaPolicySchema = z.object({
  id: z.string(),
  name: z.string(),
  position: z.number().int(),
  conditions: slaConditionsSchema,
  firstResponseMinutes: z.number().int().nullable(),
  resolutionMinutes: z.number().int().nullable(),
  businessTime: z.boolean(),
  calendarId: z.string().nullable(),
});
export type SlaPolicy = z.infer<typeof slaPolicySchema>;
export const slaPolicyListSchema = z.object({ policies: z.array(slaPolicySchema) });

export const jobStatuses = ["pending", "running", "done", "failed"] as const;

export const adminJobSchema = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(jobStatuses),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  runAt: z.iso.datetime(),
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});
export type AdminJob = z.infer<typeof adminJobSchema>;

export const jobOverviewSchema = z.object({
  counts: z.object({ pending: z.number().int(), running: z.number().int(), failed: z.number().int() }),
  /** Age in seconds of the oldest job that is due and not yet run: how far behind the runners are. */
  oldestPendingSeconds: z.number().nullable(),
  failed: z.array(adminJobSchema),
  recent: z.array(adminJobSchema),
});
export type JobOverview = z.infer<typeof jobOverviewSchema>;

/** Re-run every parked job of one kind (e.g. "mail.send" after an SMTP outage). */
export const rerunFailedJobsSchema = z.object({
  kind: z.string({ error: "Choose the kind of job." }).min(1, "Choose the kind of job.").max(100),
});
export const rerunFailedJobsResultSchema = z.object({ count: z.number().int() });

/** Which statuses stop the SLA clock (waiting for the customer and on hold, by default). */
export const slaStatusSchema = z.object({
  id: z.string(),
  agentLabel: z.string(),
  category: z.string(),
  pausesClock: z.boolean(),
});
export const slaStatusListSchema = z.object({ statuses: z.array(slaStatusSchema) });
export const slaStatusInputSchema = z.object({ pausesClock: z.boolean() });
