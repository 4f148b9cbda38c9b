import { z } from "zod";
import { ParkJob } from "./runner.ts";

/**
 * Reads a job's payload with the handler's schema. A payload that does not fit (enqueued by an older version
 * before an upgrade changed the job's shape, or edited by hand) will not fit on any retry either: before, such a
 * job was tried 20 times over ten hours and then parked with a dump of the schema's complaints. Now it is parked
 * at once, saying so.
 */
export function parseJobPayload<T>(schema: z.ZodType<T>, payload: unknown): T {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return parsed.data;
  throw new ParkJob(
    `The job's data is not what this version of Switchboard expects (${z.prettifyError(parsed.error).replaceAll("\n", " ")}), so it is not tried again.`,
  );
}
