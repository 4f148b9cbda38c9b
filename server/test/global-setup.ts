import type { TestProject } from "vitest/node";
import { isPostgresReachable, postgresAdminUrl } from "./engines.ts";

declare module "vitest" {
  export interface ProvidedContext {
    postgresAvailable: boolean;
  }
}

/** Every data test runs on both engines; in CI a missing PostgreSQL is a failure, never a skip. */
export default async function setup(project: TestProject): Promise<void> {
  const reachable = await isPostgresReachable();
  if (!reachable) {
    const message = `PostgreSQL is not reachable at ${postgresAdminUrl} (set TEST_DATABASE_URL to point elsewhere).`;
    if (process.env.CI === "true") throw new Error(`${message} CI requires it.`);
    console.warn(`\n${message} The PostgreSQL half of the data tests is skipped.\n`);
  }
  project.provide("postgresAvailable", reachable);
}
