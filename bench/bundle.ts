/**
 * How much JavaScript each kind of page loads, gzipped: the entry plus the chunks of the page's scenes and
 * everything they import statically (dynamic imports load later, on use, and are not counted, except the
 * rich-text editor on pages that show it at once). Reads the Vite manifest of the last `npm run build`.
 *
 *   npm run build && npm run bench:bundle
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { fail, table } from "./common.ts";

type Chunk = { file: string; imports?: string[]; css?: string[] };
type Manifest = Record<string, Chunk>;

const dist = path.join(import.meta.dirname, "../web/dist");
const manifestFile = path.join(dist, ".vite/manifest.json");

/** The pages people open first, as the manifest's source keys (relative to web/) of what they load. */
export const pages: Record<string, { modules: string[]; target?: number }> = {
  "portal home": { modules: ["portal/HomeScene.tsx"], target: 150 },
  "service catalog": { modules: ["catalog/CatalogScene.tsx"] },
  "service request form": { modules: ["catalog/ServiceRequestScene.tsx", "ui/RichTextField.tsx"] },
  "general request form": { modules: ["portal/SubmitRequestScene.tsx"] },
  "a customer's request": { modules: ["portal/RequestScene.tsx", "ui/RichTextField.tsx"] },
  "sign in": { modules: ["account/SignInScene.tsx"] },
  "workspace (ticket list)": { modules: ["agent/RequireAgent.tsx", "agent/TicketListScene.tsx"], target: 300 },
  "agent ticket page": { modules: ["agent/RequireAgent.tsx", "agent/TicketScene.tsx", "ui/RichTextField.tsx"] },
  "admin: users": { modules: ["admin/RequireAdmin.tsx", "admin/UsersScene.tsx"] },
};

export function filesOf(manifest: Manifest, keys: string[]): Set<string> {
  const seen = new Set<string>();
  const files = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) fail(`The manifest has no ${key}: was it renamed? Update bench/bundle.ts.`);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of ["index.html", ...keys]) visit(key);
  return files;
}

const gzipped = new Map<string, number>();
function gzipSize(file: string): number {
  let size = gzipped.get(file);
  if (size === undefined) {
    size = gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length;
    gzipped.set(file, size);
  }
  return size;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

if (import.meta.main) {
  if (!existsSync(manifestFile)) fail("No build to weigh: run `npm run build` first.");
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest;
  const rows = [["page", "JS files", "JS KB gz", "CSS KB gz", "target"]];
  let over = false;
  for (const [name, { modules, target }] of Object.entries(pages)) {
    const files = [...filesOf(manifest, modules)];
    const js = files.filter((file) => file.endsWith(".js"));
    const jsBytes = js.reduce((sum, file) => sum + gzipSize(file), 0);
    const cssBytes = files.filter((file) => file.endsWith(".css")).reduce((sum, file) => sum + gzipSize(file), 0);
    if (target !== undefined && jsBytes / 1024 > target) over = true;
    rows.push([name, String(js.length), kb(jsBytes), kb(cssBytes), target === undefined ? "" : `≤ ${target}`]);
  }
  const all = Object.values(manifest).filter((chunk) => chunk.file.endsWith(".js"));
  const total = [...new Set(all.map((chunk) => chunk.file))].reduce((sum, file) => sum + gzipSize(file), 0);
  console.log(table(rows));
  console.log(`\nall JavaScript of the app: ${kb(total)} KB gzipped in ${all.length} files`);
  if (over) fail("A page is over its target.");
}
