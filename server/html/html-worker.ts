/**
 * The worker side of bounded-html.ts: runs the sanitiser and the HTML-to-text
 * conversion, which can take seconds on hostile markup, away from the event
 * loop that serves requests. One task at a time; the pool terminates this
 * thread when a task runs past its budget.
 */
import { parentPort } from "node:worker_threads";
import { htmlToPlain, mailHtmlForDisplay } from "../mail/inbound/body.ts";
import type { HtmlTask, HtmlTaskResult } from "./bounded-html.ts";
import { richTextToPlain, sanitizeRichText } from "./rich-text.ts";

function run(task: HtmlTask): HtmlTaskResult {
  switch (task.kind) {
    case "sanitize": {
      const html = sanitizeRichText(task.html);
      return { id: task.id, html, text: richTextToPlain(html) };
    }
    case "text":
      return { id: task.id, html: "", text: richTextToPlain(task.html) };
    case "mail-html": {
      const html = mailHtmlForDisplay(task.html, new Map(task.inline ?? []));
      return { id: task.id, html, text: richTextToPlain(html) };
    }
    case "mail-text":
      return { id: task.id, html: "", text: htmlToPlain(task.html) };
  }
}

parentPort?.on("message", (task: HtmlTask) => {
  try {
    parentPort?.postMessage(run(task));
  } catch (error) {
    parentPort?.postMessage({ id: task.id, error: error instanceof Error ? error.message : String(error) });
  }
});

// Every module above has loaded: the pool may now hand this thread tasks (and start its budget clock).
parentPort?.postMessage({ ready: true });
