/** Switchboard needs Node 22; the project installs it (see README), but say so clearly if something else runs it. */
export function assertNodeVersion(version = process.versions.node): void {
  const major = Number(version.split(".")[0]);
  if (major < 22) {
    console.error(
      `Switchboard needs Node.js 22 or newer, but this is Node.js ${version}.\n` +
        "Run it through npm (npm start, npm test, npm run cli) so the project's own Node 22 is used.",
    );
    process.exit(1);
  }
}
