/**
 * The data folder (attachments, waiting uploads) of this test process's apps. Test files run side by side, each
 * with databases of its own; a shared folder let one file's clean-up, run with a clock a month ahead, remove
 * another file's waiting upload as a file no row of its own database named, and that file's attach then failed
 * with a 500.
 */
import { rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(".tmp/test-data");
const own = path.join(root, `${process.pid}-${process.env.VITEST_WORKER_ID ?? "0"}`);
let removeOnExit = true;

export function testDataDir(): string {
  if (removeOnExit) {
    removeOnExit = false;
    process.once("exit", () => rmSync(own, { recursive: true, force: true }));
  }
  return own;
}
