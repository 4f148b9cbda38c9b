import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Actor, UserActor } from "../../core/actor.ts";
import { notFound } from "../../core/errors.ts";
import type { Engine } from "../../db/engine.ts";
import type { Database } from "../../db/schema.ts";
import { escapeHtml } from "../../html/escape.ts";
import { currentComment } from "../../tickets/comments.ts";
import { loadWorkableTicket } from "../../tickets/work-access.ts";
import { createArticle } from "./save-article.ts";

function asHtml(body: string, format: "text" | "html"): string {
  if (format === "html") return body;
  return body
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("");
}

export function slugFrom(text: string): string {
  const base = text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return base || "article";
}

/**
 * A draft article written from a ticket an agent works: the requester's question, then the latest public
 * answer an agent gave. The editor reads it over before anyone else sees it, since it starts as a draft.
 */
export async function articleFromTicket(
  ctx: { db: Kysely<Database>; engine: Engine },
  editor: UserActor,
  actor: Actor,
  number: number,
): Promise<{ id: string; slug: string }> {
  const source = await ctx.db.transaction().execute(async (trx) => {
    const ticket = await loadWorkableTicket(trx, actor, number);
    const row = await trx
      .selectFrom("tickets")
      .select(["message", "message_format"])
      .where("id", "=", ticket.id)
      .executeTakeFirst();
    if (!row) throw notFound("That ticket");
    const answers = await trx
      .selectFrom("ticket_events")
      .innerJoin("users", "users.id", "ticket_events.actor_id")
      .select("ticket_events.id")
      .where("ticket_events.ticket_id", "=", ticket.id)
      .where("ticket_events.type", "=", "comment")
      .where("ticket_events.visibility", "=", "public")
      .where("users.licence", "in", ["agent", "admin"])
      .orderBy("ticket_events.created_at", "desc")
      .orderBy("ticket_events.id", "desc")
      .execute();
    // The latest answer that still stands, in its latest words: a removed reply, or the words an edit took
    // out (a password pasted by mistake), must not come back in an article.
    for (const { id } of answers) {
      const answer = await currentComment(trx, ticket.id, id);
      if (answer) return { ticket, question: row, answer };
    }
    return { ticket, question: row, answer: undefined };
  });
  const body = [
    "<h2>The question</h2>",
    asHtml(source.question.message, source.question.message_format === "html" ? "html" : "text"),
    "<h2>The answer</h2>",
    source.answer ? asHtml(source.answer.body, source.answer.format) : "<p>Write the answer here.</p>",
  ].join("");
  const base = slugFrom(source.ticket.subject);
  // A readable address when it is free; the ticket's number, then a random tail, when it is not.
  const candidates = [
    base,
    `${base}-${source.ticket.number}`,
    `${base}-${source.ticket.number}-${randomBytes(3).toString("hex")}`,
  ];
  const taken = new Set(
    (await ctx.db.selectFrom("kb_articles").select("slug").where("slug", "in", candidates).execute()).map(
      (r) => r.slug,
    ),
  );
  const slug = candidates.find((c) => !taken.has(c)) ?? candidates[2] ?? base;
  const id = await createArticle(
    ctx,
    editor,
    {
      title: source.ticket.subject,
      slug,
      summary: "",
      body,
      tags: [],
      categoryId: null,
      ownerId: editor.user.id,
      visibility: "internal",
      organizationIds: [],
      roleIds: [],
    },
    { fromTicketId: source.ticket.id },
  );
  return { id, slug };
}

/** An agent marks an article as needing a look, with why (and from which ticket); the next save clears it. */
export async function flagOutdated(
  db: Kysely<Database>,
  articleId: string,
  flaggedBy: string,
  note: string,
  ticketNumber: number | undefined,
): Promise<boolean> {
  const why = [note, ticketNumber ? `(from ticket #${ticketNumber})` : "", `— ${flaggedBy}`].filter(Boolean).join(" ");
  const result = await db
    .updateTable("kb_articles")
    .set({ outdated: 1, outdated_note: why.slice(0, 1200) })
    .where("id", "=", articleId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
