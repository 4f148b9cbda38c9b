/**
 * Sanitising HTML and turning it into text take time that grows faster than
 * the input (a few hundred KB of nested tags took over a minute), so they
 * never run on the event loop that serves requests. Every piece of HTML from
 * outside (web forms, comments, macros, inbound mail) goes through here:
 *
 * - a size cap: longer HTML is refused before any parsing (`too_large`);
 * - a time budget: a small pool of worker threads does the work, and a task
 *   still running when its budget is spent has its thread terminated
 *   (`over_budget`), so one message costs at most one budget of one thread;
 * - everything else in the process (other requests, jobs) keeps running
 *   meanwhile.
 *
 * Callers decide what a refusal means: a web form answers a validation error,
 * inbound mail falls back to its plain-text part.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { AppError } from "../core/errors.ts";
import type { InlinePart } from "../mail/inbound/body.ts";

export type HtmlBudget = {
  /** Longest HTML (in characters) that is parsed at all. */
  maxChars: number;
  /** How long one task may run on its worker thread. */
  budgetMs: number;
};

/** Generous for any real message (web forms are capped far lower by their schemas). */
export const defaultHtmlBudget: HtmlBudget = { maxChars: 512 * 1024, budgetMs: 2_000 };

export type Bounded<T> = { ok: true; value: T } | { ok: false; reason: "too_large" | "over_budget"; message: string };

/** Sanitised HTML (the rich-text rules of tickets/rich-text.ts) and its plain text. */
export type SanitizedHtml = { html: string; text: string };

/**
 * What a worker does with a piece of HTML: the rich-text rules (`sanitize`), their plain text (`text`), or
 * inbound mail's display HTML (`mail-html`, with its inline images) and text (`mail-text`, html-to-text).
 */
export type HtmlTask = {
  id: number;
  kind: "sanitize" | "text" | "mail-html" | "mail-text";
  html: string;
  /** For `mail-html`: Content-ID → the attachment an inline image is stored as. */
  inline?: [string, InlinePart][];
};
export type HtmlTaskResult = { id: number; html: string; text: string } | { id: number; error: string };
/** A worker says `ready` once its modules have loaded; only then does it take tasks. */
export type HtmlWorkerMessage = HtmlTaskResult | { ready: true };

type Pending = {
  task: HtmlTask;
  budgetMs: number;
  settle: (result: Bounded<SanitizedHtml>) => void;
  fail: (error: Error) => void;
};

type Slot = { worker: Worker; ready: boolean; running?: { pending: Pending; timer: NodeJS.Timeout } };

const workerUrl = new URL("./html-worker.ts", import.meta.url);

/**
 * At least two threads, so one hostile message running out its budget does
 * not hold up the next web form's formatting; few, so the app keeps its cores.
 */
const poolSize = Math.min(4, Math.max(2, availableParallelism() - 1));

class HtmlWorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private readonly size: number;

  constructor(size: number) {
    this.size = size;
  }

  run(
    kind: HtmlTask["kind"],
    html: string,
    budgetMs: number,
    inline?: HtmlTask["inline"],
  ): Promise<Bounded<SanitizedHtml>> {
    return new Promise((settle, fail) => {
      this.queue.push({ task: { id: this.nextId++, kind, html, inline }, budgetMs, settle, fail });
      this.dispatch();
    });
  }

  /**
   * Hands queued tasks to idle threads, and starts threads (up to the pool size) for the tasks left over.
   * A thread takes tasks only once it is ready: loading the sanitiser can take seconds on a busy machine,
   * and that must not count against a message's budget.
   */
  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = this.slots.find((s) => s.ready && !s.running);
      if (!slot) break;
      const pending = this.queue.shift() as Pending;
      // The budget counts from when a thread takes the task, not from when it was queued.
      const timer = setTimeout(() => this.overBudget(slot), pending.budgetMs);
      slot.running = { pending, timer };
      slot.worker.ref();
      slot.worker.postMessage(pending.task);
    }
    let waiting = this.queue.length - this.slots.filter((s) => !s.ready).length;
    while (waiting > 0 && this.slots.length < this.size) {
      this.start();
      waiting--;
    }
  }

  private start(): Slot {
    const worker = new Worker(workerUrl);
    const slot: Slot = { worker, ready: false };
    worker.on("message", (message: HtmlWorkerMessage) => {
      if ("ready" in message) {
        slot.ready = true;
        this.idle(slot);
        this.dispatch();
      } else this.finished(slot, message);
    });
    worker.on("error", (error) => this.crashed(slot, error));
    worker.on("exit", () => this.crashed(slot, new Error("The HTML worker thread stopped unexpectedly.")));
    this.slots.push(slot);
    return slot;
  }

  /** Starts every thread and resolves once all are ready to take tasks. */
  async warm(): Promise<void> {
    while (this.slots.length < this.size) this.start();
    await Promise.all(
      this.slots.map((slot) =>
        slot.ready
          ? undefined
          : new Promise<void>((resolve) => {
              const onMessage = (message: HtmlWorkerMessage) => {
                if (!("ready" in message)) return;
                slot.worker.off("message", onMessage);
                resolve();
              };
              slot.worker.on("message", onMessage);
              slot.worker.once("exit", () => resolve());
            }),
      ),
    );
  }

  /** An idle thread must not keep the process alive; a starting or busy one does, so a waiting caller is answered. */
  private idle(slot: Slot): void {
    if (!slot.running) slot.worker.unref();
  }

  private finished(slot: Slot, result: HtmlTaskResult): void {
    const running = slot.running;
    if (!running || running.pending.task.id !== result.id) return;
    clearTimeout(running.timer);
    slot.running = undefined;
    this.idle(slot);
    if ("error" in result) running.pending.fail(new Error(result.error));
    else running.pending.settle({ ok: true, value: { html: result.html, text: result.text } });
    this.dispatch();
  }

  private overBudget(slot: Slot): void {
    const running = slot.running;
    this.remove(slot);
    void slot.worker.terminate();
    running?.pending.settle({
      ok: false,
      reason: "over_budget",
      message: "The formatting is too complex to process.",
    });
    this.dispatch();
  }

  private crashed(slot: Slot, error: Error): void {
    if (!this.slots.includes(slot)) return;
    const running = slot.running;
    this.remove(slot);
    if (running) {
      clearTimeout(running.timer);
      running.pending.fail(error);
    } else if (!slot.ready) {
      // A thread that cannot even start would be restarted for ever: the oldest waiting task gets the error.
      this.queue.shift()?.fail(error);
    }
    this.dispatch();
  }

  private remove(slot: Slot): void {
    this.slots.splice(this.slots.indexOf(slot), 1);
  }
}

const pool = new HtmlWorkerPool(poolSize);

/**
 * Loads every HTML thread ahead of need (the server calls it at start), so the first web form or mail after a
 * start does not wait the seconds it takes a thread to load the sanitiser.
 */
export function warmHtmlPool(): Promise<void> {
  return pool.warm();
}

function tooLarge(html: string, budget: HtmlBudget): Bounded<never> | undefined {
  if (html.length <= budget.maxChars) return undefined;
  return {
    ok: false,
    reason: "too_large",
    message: `The formatted text is longer than ${Math.round(budget.maxChars / 1024)} KB.`,
  };
}

/** Sanitises untrusted HTML to the rich-text rules and gives its plain text, within the budget. */
export async function sanitizeHtmlBounded(
  html: string,
  budget: Partial<HtmlBudget> = {},
): Promise<Bounded<SanitizedHtml>> {
  const limits = { ...defaultHtmlBudget, ...budget };
  return tooLarge(html, limits) ?? pool.run("sanitize", html, limits.budgetMs);
}

/** Plain text of HTML (tags dropped, entities decoded, line breaks kept), within the budget. */
export async function htmlToTextBounded(html: string, budget: Partial<HtmlBudget> = {}): Promise<Bounded<string>> {
  const limits = { ...defaultHtmlBudget, ...budget };
  const result = tooLarge(html, limits) ?? (await pool.run("text", html, limits.budgetMs));
  return result.ok ? { ok: true, value: result.value.text } : result;
}

/** Inbound mail's HTML as shown on a request (see mail/inbound/body.ts), and its text, within the budget. */
export async function mailHtmlBounded(
  html: string,
  inline: ReadonlyMap<string, InlinePart>,
  budget: Partial<HtmlBudget> = {},
): Promise<Bounded<SanitizedHtml>> {
  const limits = { ...defaultHtmlBudget, ...budget };
  return tooLarge(html, limits) ?? pool.run("mail-html", html, limits.budgetMs, [...inline]);
}

/** Inbound mail's plain text made from its HTML (html-to-text: block structure kept), within the budget. */
export async function mailTextBounded(html: string, budget: Partial<HtmlBudget> = {}): Promise<Bounded<string>> {
  const limits = { ...defaultHtmlBudget, ...budget };
  const result = tooLarge(html, limits) ?? (await pool.run("mail-text", html, limits.budgetMs));
  return result.ok ? { ok: true, value: result.value.text } : result;
}

/**
 * Rich text from a form field: sanitised HTML and its plain text, or a
 * validation error on that field when the formatting is refused.
 */
export async function sanitizeFormHtml(html: string, field: string): Promise<SanitizedHtml> {
  const result = await sanitizeHtmlBounded(html);
  if (result.ok) return result.value;
  throw new AppError("validation_failed", "Some fields need attention.", {
    [field]: `${result.message} Simplify it, or paste it as plain text.`,
  });
}

/**
 * The words of HTML that was refused, in one linear pass (no parser, no
 * regular expression that could backtrack): tags dropped, whitespace
 * collapsed, at most `maxChars` kept. Rough, but nothing of the text is lost
 * to a refusal, and the original is kept wherever it came from.
 */
export function roughTextOfHtml(html: string, maxChars: number): string {
  let out = "";
  let inTag = false;
  let space = false;
  for (let i = 0; i < html.length && out.length < maxChars; i++) {
    const c = html[i] as string;
    if (inTag) {
      if (c === ">") {
        inTag = false;
        space = true;
      }
    } else if (c === "<") inTag = true;
    else if (c === " " || c === "\n" || c === "\r" || c === "\t") space = true;
    else {
      if (space && out) out += " ";
      space = false;
      out += c;
    }
  }
  return out;
}
