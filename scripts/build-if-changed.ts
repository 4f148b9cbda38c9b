/**
 * `npm start`'s first step: builds the web app only when its sources changed since the last build
 * (see web-build-stamp.ts), so restarting the server takes a second, not a full Vite build.
 */
import { spawnSync } from "node:child_process";
import { builtFingerprint, sourceFingerprint } from "./web-build-stamp.ts";

if (builtFingerprint() === sourceFingerprint()) {
  console.log("Web app is up to date (web/dist); skipping the build.");
} else {
  console.log("Building the web app (its sources changed since the last build)...");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const result = spawnSync(npm, ["run", "--silent", "build"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
