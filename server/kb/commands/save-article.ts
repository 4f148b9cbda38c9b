import type { Kysely, Transaction } from "kysely";
import type { KbArticleInput, KbRevisionNote, KbStatus } from "../../../common/kb.ts";
import type { UserActor } from "../../core/actor.ts";
import { AppError, notFound } from "../../core/errors.ts";
import { type Engine, isUniqueViolation, now } from "../../db/engine.ts";
import { newId } from "../../db/ids.ts";
import type { Database } from "../../db/schema.ts";
import { articleText, sanitizeArticleHtml } from "../article-html.ts";
import { parseTags } from "../queries.ts";
import { revisionNoteText } from "../revision-notes.ts";
import { reindexArticle } from "../search-index.ts";

type Ctx = { db: Kysely<Database>; engine: Engine };

function slugTaken(error: unknown): never {
  if (isUniqueViolation(error)) {
    throw new AppError("conflict", "Another article already uses that web address.", {
      slug: "Another article already uses that web address.",
    });
  }
  throw error;
}

function invalid(fields: Record<string, string>): AppError {
  return new AppError("validation_failed", "Some fields need attention.", fields);
}

/** Category, owner, organizations and roles must exist; an owner must be someone who can edit. */
async function checkReferences(trx: Transaction<Database>, input: KbArticleInput): Promise<void> {
  if (input.categoryId) {
    const found = await trx
      .selectFrom("kb_categories")
      .select("id")
      .where("id", "=", input.categoryId)
      .executeTakeFirst();
    if (!found) throw invalid({ categoryId: "Choose a category from the list." });
  }
  if (input.ownerId) {
    const owner = await trx.selectFrom("users").select("licence").where("id", "=", input.ownerId).executeTakeFirst();
    if (!owner || owner.licence === "customer")
      throw invalid({ ownerId: "Choose an agent or administrator as the owner." });
  }
  if (input.organizationIds.length) {
    const found = await trx.selectFrom("organizations").select("id").where("id", "in", input.organizationIds).execute();
    if (found.length !== new Set(input.organizationIds).size)
      throw invalid({ organizationIds: "Choose organizations from the list." });
  }
  if (input.roleIds.length) {
    const found = await trx.selectFrom("roles").select("id").where("id", "in", input.roleIds).execute();
    if (found.length !== new Set(input.roleIds).size) throw invalid({ roleIds: "Choose roles from the list." });
  }
  if (input.visibility === "restricted" && !input.organizationIds.length && !input.roleIds.length) {
    throw invalid({ visibility: "Choose at least one organization or role for a restricted article." });
  }
}

async function writeAudience(trx: Transaction<Database>, articleId: string, input: KbArticleInput): Promise<void> {
  await trx.deleteFrom("kb_article_organizations").where("article_id", "=", articleId).execute();
  await trx.deleteFrom("kb_article_roles").where("article_id", "=", articleId).execute();
  // Only a restricted article has an audience; keeping one on a public article would mislead the next editor.
  if (input.visibility !== "restricted") return;
  const organizations = [...new Set(input.organizationIds)];
  const roles = [...new Set(input.roleIds)];
  if (organizations.length) {
    await trx
      .insertInto("kb_article_organizations")
      .values(organizations.map((organization_id) => ({ article_id: articleId, organization_id })))
      .execute();
  }
  if (roles.length) {
    await trx
      .insertInto("kb_article_roles")
      .values(roles.map((role_id) => ({ article_id: articleId, role_id })))
      .execute();
  }
}

/** Every change of content is a revision: who, when, and the whole text, so any two can be compared. */
async function addRevision(
  trx: Transaction<Database>,
  editor: UserActor,
  articleId: string,
  content: { title: string; summary: string; body: string; tags: string },
  at: string,
  note: KbRevisionNote | null,
): Promise<number> {
  const last = await trx
    .selectFrom("kb_revisions")
    .select((eb) => eb.fn.max<number | null>("number").as("n"))
    .where("article_id", "=", articleId)
    .executeTakeFirst();
  const number = Number(last?.n ?? 0) + 1;
  await trx
    .insertInto("kb_revisions")
    .values({
      id: newId(),
      article_id: articleId,
      number,
      ...content,
      author_id: editor.user.id,
      author_name: editor.user.name,
      note: note ? revisionNoteText(note) : null,
      created_at: at,
    })
    .execute();
  return number;
}

function content(input: KbArticleInput) {
  const body = sanitizeArticleHtml(input.body);
  return {
    title: input.title,
    summary: input.summary,
    body,
    body_text: articleText(body),
    tags: JSON.stringify([...new Set(input.tags)]),
  };
}

/** A new article starts as a draft with its first revision. */
export async function createArticle(
  { db, engine }: Ctx,
  editor: UserActor,
  input: KbArticleInput,
  options: { fromTicketId?: string } = {},
): Promise<string> {
  const id = newId();
  const at = now();
  const fields = content(input);
  await db
    .transaction()
    .execute(async (trx) => {
      await checkReferences(trx, input);
      await trx
        .insertInto("kb_articles")
        .values({
          id,
          slug: input.slug,
          ...fields,
          category_id: input.categoryId,
          owner_id: input.ownerId ?? editor.user.id,
          status: "draft",
          visibility: input.visibility,
          views: 0,
          outdated: 0,
          outdated_note: null,
          published_at: null,
          created_from_ticket_id: options.fromTicketId ?? null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await writeAudience(trx, id, input);
      const { body_text: _text, ...revision } = fields;
      await addRevision(trx, editor, id, revision, at, options.fromTicketId ? { code: "fromTicket" } : null);
      await reindexArticle(trx, engine, id);
    })
    .catch(slugTaken);
  return id;
}

/** Saves an edit: the article changes and a revision records it. Saving clears an "outdated" flag. */
export async function updateArticle(
  { db, engine }: Ctx,
  editor: UserActor,
  id: string,
  input: KbArticleInput,
): Promise<void> {
  const at = now();
  const fields = content(input);
  await db
    .transaction()
    .execute(async (trx) => {
      await checkReferences(trx, input);
      const result = await trx
        .updateTable("kb_articles")
        .set({
          slug: input.slug,
          ...fields,
          category_id: input.categoryId,
          owner_id: input.ownerId,
          visibility: input.visibility,
          outdated: 0,
          outdated_note: null,
          updated_at: at,
        })
        .where("id", "=", id)
        .executeTakeFirst();
      if (!result.numUpdatedRows) throw notFound("That article");
      await writeAudience(trx, id, input);
      const { body_text: _text, ...revision } = fields;
      await addRevision(trx, editor, id, revision, at, null);
      await reindexArticle(trx, engine, id);
    })
    .catch(slugTaken);
}

export async function setArticleStatus(db: Kysely<Database>, id: string, status: KbStatus): Promise<void> {
  const at = now();
  await db.transaction().execute(async (trx) => {
    const article = await trx.selectFrom("kb_articles").select("published_at").where("id", "=", id).executeTakeFirst();
    if (!article) throw notFound("That article");
    await trx
      .updateTable("kb_articles")
      .set({
        status,
        updated_at: at,
        ...(status === "published" && !article.published_at ? { published_at: at } : {}),
      })
      .where("id", "=", id)
      .execute();
  });
}

/** Restoring copies an old revision's content back as a new revision; nothing in the history is lost. */
export async function restoreRevision(
  { db, engine }: Ctx,
  editor: UserActor,
  id: string,
  number: number,
): Promise<void> {
  const at = now();
  await db.transaction().execute(async (trx) => {
    const revision = await trx
      .selectFrom("kb_revisions")
      .select(["title", "summary", "body", "tags"])
      .where("article_id", "=", id)
      .where("number", "=", number)
      .executeTakeFirst();
    if (!revision) throw notFound("That revision");
    await trx
      .updateTable("kb_articles")
      .set({
        ...revision,
        tags: JSON.stringify(parseTags(revision.tags)),
        body_text: articleText(revision.body),
        updated_at: at,
      })
      .where("id", "=", id)
      .execute();
    await addRevision(trx, editor, id, revision, at, { code: "restored", number });
    await reindexArticle(trx, engine, id);
  });
}

export async function bulkUpdateArticles(
  db: Kysely<Database>,
  action: { action: "archive"; ids: string[] } | { action: "move"; ids: string[]; categoryId: string | null },
): Promise<number> {
  const at = now();
  return db.transaction().execute(async (trx) => {
    if (action.action === "move" && action.categoryId) {
      const found = await trx
        .selectFrom("kb_categories")
        .select("id")
        .where("id", "=", action.categoryId)
        .executeTakeFirst();
      if (!found) throw invalid({ categoryId: "Choose a category from the list." });
    }
    const result = await trx
      .updateTable("kb_articles")
      .set(
        action.action === "archive"
          ? { status: "archived", updated_at: at }
          : { category_id: action.categoryId, updated_at: at },
      )
      .where("id", "in", action.ids)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  });
}
