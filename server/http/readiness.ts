import { z } from "zod";
import { errorResponseSchema } from "../../common/errors.ts";
import { now } from "../db/engine.ts";
import { jobBacklog } from "../jobs/admin.ts";
import { operatorMessage } from "../operator-errors.ts";
import { checkFolderWritable } from "../tickets/attachments/storage.ts";
import { attachmentStorage, uploadTempDir } from "../tickets/commands/submit-ticket.ts";
import type { App, Deps } from "./types.ts";

const checkResult = z.string().describe('"ok", or why this part cannot take writes');

export const readinessSchema = z.object({
  status: z.enum(["ready", "not ready"]),
  checks: z.object({ database: checkResult, storage: checkResult }),
  /** How far behind background work is; a backlog does not make the instance unready, but shows here. */
  jobs: z
    .object({
      pending: z.number().int(),
      failed: z.number().int(),
      oldestPendingSeconds: z.number().nullable(),
    })
    .nullable(),
});
export type Readiness = z.infer<typeof readinessSchema>;

/**
 * Ready means able to do its work, and its work is writing: a database or a data folder that only
 * reads (full disk, read-only mount, a PostgreSQL standby) would accept requests and then fail them all.
 */
export async function checkReadiness({ db, config }: Deps): Promise<Readiness> {
  const context = { databaseUrl: config.databaseUrl, dataDir: config.dataDir };
  const reasonOf = (error: unknown) =>
    operatorMessage(error, context) ?? (error instanceof Error ? error.message : String(error));
  const database = await db
    .insertInto("write_checks")
    .values({ id: "readyz", checked_at: now() })
    .onConflict((oc) => oc.column("id").doUpdateSet({ checked_at: now() }))
    .execute()
    .then(
      () => "ok",
      (error: unknown) => reasonOf(error),
    );
  const storage = await Promise.all([
    attachmentStorage(config).checkWritable(),
    checkFolderWritable(uploadTempDir(config)),
  ]).then(
    () => "ok",
    (error: unknown) => reasonOf(error),
  );
  const jobs = await jobBacklog(db).catch(() => null);
  const ready = database === "ok" && storage === "ok";
  return { status: ready ? "ready" : "not ready", checks: { database, storage }, jobs };
}

export function registerReadiness(app: App, deps: Deps): void {
  app.get(
    "/readyz",
    // 503 is also the shutdown gate's error answer (shutdown.ts).
    {
      schema: { hide: true, response: { 200: readinessSchema, 503: z.union([readinessSchema, errorResponseSchema]) } },
    },
    async (request, reply) => {
      const readiness = await checkReadiness(deps);
      if (readiness.status === "ready") return readiness;
      request.log.warn({ checks: readiness.checks }, "not ready");
      return reply.status(503).send(readiness);
    },
  );
}
