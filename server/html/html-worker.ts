/**
 * The worker side of bounded-html.ts: runs the sanitiser and the HTML-to-text
 * conversion, which can take seconds on hostile markup, away from the event
 * loop that serves requests. One task at a time; the pool terminates this
 * thread when a task runs past its budget.
 */
import { parentPort } from "node:worker_threads";
import { richTextToPlain, sanitizeRichText } from "../tickets/rich-text.ts";
import type { HtmlTask, HtmlTaskResult } from "./bounded-html.ts";

function run(task: HtmlTask): HtmlTaskResult {
  if (task.kind === "sanitize") {
    const html = sanitizeRichText(task.html);
    return { id: task.id, html, text: richTextToPlain(html) };
  }
  return { id: task.id, html: "", text: richTextToPlain(task.html) };
}

parentPort?.on("message", (task: HtmlTask) => {
  try {
    parentPort?.postMessage(run(task));
  } catch (error) {
    parentPort?.postMessage({ id: task.id, error: error instanceof Error ? error.message : String(error) });
  }
});
