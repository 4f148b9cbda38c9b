import { z } from "zod";
import type { AppContext } from "../../core/context.ts";
import { parseJobPayload } from "../../jobs/payload.ts";
import type { JobHandler } from "../../jobs/runner.ts";
import { processInbound } from "./router.ts";

const payloadSchema = z.object({
  inboundId: z.string(),
  mode: z.enum(["route", "new_ticket", "too_large"]).default("route"),
});

/** Files one stored inbound message; safe to run twice (a settled message is left alone). */
export function inboundMailHandler(ctx: Pick<AppContext, "db" | "config">): JobHandler {
  return async (payload) => {
    const { inboundId, mode } = parseJobPayload(payloadSchema, payload);
    await processInbound(ctx, inboundId, mode);
  };
}
