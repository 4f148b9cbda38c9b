/**
 * The API's contract, generated from the app itself (built in memory, no port opened, no network):
 *
 * - client/openapi.json: the OpenAPI document the server serves at /api/openapi.json;
 * - client/schema.d.ts: its TypeScript types (openapi-typescript), which the typed client (client/index.ts,
 *   openapi-fetch) is built on.
 *
 *   node scripts/openapi.ts          writes both
 *   node scripts/openapi.ts --check  fails when either is out of date, or when `redocly lint` (the recommended
 *                                    rules, redocly.yaml) reports any error or warning. Part of `npm run check`.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import openapiTS, { type OpenAPI3 } from "openapi-typescript";
import { readConfig } from "../server/config.ts";
import { openSqlite } from "../server/db/database.ts";
import { buildApp } from "../server/http/app.ts";

const root = path.resolve(import.meta.dirname, "..");
const documentFile = path.join(root, "client", "openapi.json");
const typesFile = path.join(root, "client", "schema.d.ts");

/** The document, as the app serves it. Routes are registered whatever the database holds, so an empty one does. */
async function generateDocument(): Promise<OpenAPI3> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "switchboard-openapi-"));
  const { db, engine } = openSqlite(":memory:");
  try {
    const config = readConfig({ DATA_DIR: dataDir, BASE_URL: "http://localhost:3000", NODE_ENV: "production" });
    const app = await buildApp({ db, engine, config });
    await app.ready();
    const document = app.swagger() as OpenAPI3;
    await app.close();
    return document;
  } finally {
    await db.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function generateTypes(document: OpenAPI3): Promise<string> {
  return openapiTS(document, {
    commentHeader: "/**\n * Generated from client/openapi.json by scripts/openapi.ts: do not edit by hand.\n */\n\n",
    alphabetize: true,
  });
}

/** redocly's JSON report: any problem at all (error or warning) fails the check. */
function lint(file: string): string[] {
  const bin = path.join(root, "node_modules", ".bin", "redocly");
  let output: string;
  try {
    output = execFileSync(bin, ["lint", file, "--format=json", "--config", path.join(root, "redocly.yaml")], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      // Offline and quiet: no usage data, no update check.
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
    });
  } catch (error) {
    output = String((error as { stdout?: unknown }).stdout ?? "");
  }
  const report = JSON.parse(output) as {
    problems: { ruleId: string; severity: string; message: string; location: { pointer?: string }[] }[];
  };
  return report.problems.map(
    (p) => `${p.severity} ${p.ruleId}: ${p.message} (${p.location.map((l) => l.pointer).join(", ")})`,
  );
}

async function main() {
  const check = process.argv.includes("--check");
  const document = `${JSON.stringify(await generateDocument(), null, 2)}\n`;
  const types = await generateTypes(JSON.parse(document) as OpenAPI3);
  if (!check) {
    writeFileSync(documentFile, document);
    writeFileSync(typesFile, types);
  } else {
    const stale = [
      [documentFile, document],
      [typesFile, types],
    ].filter(([file = "", wanted]) => readFileSync(file, "utf8") !== wanted);
    if (stale.length > 0) {
      console.error(
        `Out of date: ${stale.map(([file = ""]) => path.relative(root, file)).join(", ")}. The routes changed the API ` +
          "contract: run `node scripts/openapi.ts`, look at the diff, and commit it.",
      );
      process.exit(1);
    }
  }
  const problems = lint(documentFile);
  if (problems.length > 0) {
    console.error(`redocly lint found ${problems.length} problem(s) in client/openapi.json:\n${problems.join("\n")}`);
    process.exit(1);
  }
  console.log(`client/openapi.json: ${check ? "up to date and " : "written, "}redocly lint clean.`);
}

await main();
