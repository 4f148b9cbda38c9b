import type { TestProject } from "vitest/node";
import { createScratchTemplates, isPostgresReachable, postgresAdminUrl, type ScratchTemplates } from "./engines.ts";

declare module "vitest" {
  export interface ProvidedContext {
    postgresAvailable: boolean;
    scratchTemplates: ScratchTemplates;
  }
}

/** Every data test runs on both engines; in CI a missing PostgreSQL is a failure, never a skip. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const reachable = await isPostgresReachable();
  if (!reachable) {
    const message = `PostgreSQL is not reachable at ${postgresAdminUrl} (set TEST_DATABASE_URL to point elsewhere).`;
    if (process.env.CI === "true") throw new Error(`${message} CI requires it.`);
    console.warn(`\n${message} The PostgreSQL half of the data tests is skipped.\n`);
  }
  project.provide("postgresAvailable", reachable);
  const { templates, remove } = await createScratchTemplates(reachable);
  project.provide("scratchTemplates", templates);
  return remove;
}
