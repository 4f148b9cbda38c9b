/**
 * The architecture rules, checked over the server's imports (part of `npm run check`):
 *
 * 1. No import cycle between feature folders (`features` below). The layers under them (db/, http/, jobs/,
 *    html/, core/) are not features; the files that assemble the app from the features (`assembly` below) sit
 *    above them, and both are left out of the graph.
 * 2. No domain file imports `http/`: only the HTTP layer (route files, and `http/` itself) may. Errors and the
 *    context type live in `core/`.
 * 3. `tickets/` does not import the features that react to its events (they subscribe in server/reactions.ts),
 *    nor mail: every mail about a ticket is queued by a reaction (notifications/, alerts/, …).
 * 4. No route file calls the database: routes parse, authorize, call a command or query, and present.
 *
 * Tests are left out: they reach into whatever they test. Run: node scripts/check-dependencies.ts
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const server = path.join(root, "server");

/** Where the features meet: the app, the job table, the reaction list, start-up. They may import anything. */
const assembly = new Set([
  "server/http/app.ts",
  "server/jobs/handlers.ts",
  "server/reactions.ts",
  "server/main.ts",
  "server/cli.ts",
  "server/bootstrap.ts",
]);
/** Folders of the help desk's own features, as opposed to the layers they stand on. */
const features = new Set([
  "accounts",
  "catalog",
  "tickets",
  "sla",
  "automation",
  "alerts",
  "notifications",
  "mail",
  // Inbound mail files tickets (a feature on top of tickets); mail/ itself is the outbox and templates beneath them.
  "mail/inbound",
  "live",
  "webhooks",
  "metrics",
  "export",
  "satisfaction",
  "reports",
  // Erasing people (GDPR) rewrites their tickets: above accounts and tickets, imported by neither.
  "erasure",
]);
/** The features that react to ticket events (server/reactions.ts), and mail, which only they send; `tickets/` must not import them. */
const reactsToTickets = [
  "sla",
  "automation",
  "alerts",
  "notifications",
  "satisfaction",
  "webhooks",
  "metrics",
  "reports",
  "mail",
  "mail/inbound",
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "test" ? [] : sourceFiles(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

const rel = (file: string) => path.relative(root, file).split(path.sep).join("/");
/** The feature folder a server file belongs to; "" for the files directly in server/. */
const folderOf = (file: string) => {
  const parts = rel(file).split("/");
  if (parts[1] === "mail" && parts[2] === "inbound" && parts.length > 3) return "mail/inbound";
  return parts.length > 2 ? (parts[1] as string) : "";
};
const isRouteFile = (file: string) => /(^|\/|-)routes(\.ts$|\/)/.test(rel(file)) || rel(file).includes("/routes/");
/** Test support that drives the app over HTTP, used only by tests. */
const testSupport = new Set(["server/live/testing.ts", "server/mail/inbound/test-support.ts"]);

const importPattern = /^\s*(?:import|export)\s[^"';]*?from\s+"(\.{1,2}\/[^"]+)"/gm;
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(importPattern)].map((m) => path.resolve(path.dirname(file), m[1] as string));
}

const problems: string[] = [];
const files = sourceFiles(server);
const edges = new Map<string, Map<string, string>>();

for (const file of files) {
  const from = folderOf(file);
  for (const target of importsOf(file)) {
    if (!target.startsWith(server + path.sep)) continue;
    const to = folderOf(target);
    if (
      to === "http" &&
      from !== "http" &&
      !isRouteFile(file) &&
      !assembly.has(rel(file)) &&
      !testSupport.has(rel(file))
    )
      problems.push(`${rel(file)} imports ${rel(target)}: only the HTTP layer imports http/ (use core/).`);
    if (from === "tickets" && reactsToTickets.includes(to))
      problems.push(
        `${rel(file)} imports ${rel(target)}: ${to}/ ${to.startsWith("mail") ? "is sent by reactions" : "reacts to ticket events"}, tickets/ must not call it.`,
      );
    if (assembly.has(rel(file)) || !features.has(from) || !features.has(to) || from === to) continue;
    const out = edges.get(from) ?? new Map<string, string>();
    if (!out.has(to)) out.set(to, `${rel(file)} → ${rel(target)}`);
    edges.set(from, out);
  }
  if (isRouteFile(file)) {
    const text = readFileSync(file, "utf8");
    const call = text.match(/\.(selectFrom|insertInto|updateTable|deleteFrom|transaction)\(/);
    if (call) problems.push(`${rel(file)} calls the database (.${call[1]}): move it into a query or command.`);
  }
}

// Folder cycles: a depth-first walk that reports each cycle once, by the import that closes it.
const reported = new Set<string>();
function walk(folder: string, trail: string[]): void {
  for (const next of edges.get(folder)?.keys() ?? []) {
    const at = trail.indexOf(next);
    if (at >= 0) {
      const cycle = [...trail.slice(at), next];
      const key = [...cycle.slice(0, -1)].sort().join(",");
      if (!reported.has(key)) {
        reported.add(key);
        const steps = cycle.slice(0, -1).map((f, i) => `  ${edges.get(f)?.get(cycle[i + 1] as string)}`);
        problems.push(`Import cycle between feature folders ${cycle.join(" → ")}:\n${steps.join("\n")}`);
      }
      continue;
    }
    if (trail.length < 12) walk(next, [...trail, next]);
  }
}
for (const folder of edges.keys()) walk(folder, [folder]);

if (problems.length) {
  console.error(`Dependency rules (scripts/check-dependencies.ts):\n${problems.map((p) => `- ${p}`).join("\n")}`);
  process.exitCode = 1;
} else {
  console.log(`Dependency rules hold across ${files.length} server files.`);
}
