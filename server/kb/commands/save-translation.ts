import type { Kysely } from "kysely";
import type { KbTranslationInput } from "../../../common/kb.ts";
import type { Locale } from "../../../common/locales.ts";
import type { UserActor } from "../../core/actor.ts";
import { AppError, notFound } from "../../core/errors.ts";
import { type Engine, now } from "../../db/engine.ts";
import type { Database } from "../../db/schema.ts";
import { readDefaultLocale } from "../../i18n/settings.ts";
import { articleText, sanitizeArticleHtml } from "../article-html.ts";
import { forgetTranslationIndex, reindexTranslation } from "../search-index.ts";

type Ctx = { db: Kysely<Database>; engine: Engine };

/**
 * Writes an article's translation into one language (a new one, or over the last), sanitised exactly as
 * the article's body is, with the state the editor chose; the search index follows in the same transaction.
 */
export async function saveTranslation(
  { db, engine }: Ctx,
  editor: UserActor,
  articleId: string,
  locale: Locale,
  input: KbTranslationInput,
): Promise<void> {
  const at = now();
  const body = sanitizeArticleHtml(input.body);
  const text = { title: input.title, summary: input.summary, body, body_text: articleText(body) };
  await db.transaction().execute(async (trx) => {
    const article = await trx.selectFrom("kb_articles").select("id").where("id", "=", articleId).executeTakeFirst();
    if (!article) throw notFound("That article");
    // The article's own text is the default language's; a second text in that language would never be read.
    if (locale === (await readDefaultLocale(trx))) {
      throw new AppError("validation_failed", "The article itself is in that language.", {
        locale: "The article itself is in that language.",
      });
    }
    const before = await trx
      .selectFrom("kb_article_translations")
      .select("published_at")
      .where("article_id", "=", articleId)
      .where("locale", "=", locale)
      .executeTakeFirst();
    const publishedAt = input.status === "published" ? (before?.published_at ?? at) : (before?.published_at ?? null);
    await trx
      .insertInto("kb_article_translations")
      .values({
        article_id: articleId,
        locale,
        ...text,
        status: input.status,
        updated_by: editor.user.id,
        published_at: publishedAt,
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) =>
        oc.columns(["article_id", "locale"]).doUpdateSet({
          ...text,
          status: input.status,
          updated_by: editor.user.id,
          published_at: publishedAt,
          updated_at: at,
        }),
      )
      .execute();
    await reindexTranslation(trx, engine, articleId, locale);
  });
}

/** Removes one language's translation; readers of that language get the default text again. */
export async function deleteTranslation({ db, engine }: Ctx, articleId: string, locale: Locale): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const result = await trx
      .deleteFrom("kb_article_translations")
      .where("article_id", "=", articleId)
      .where("locale", "=", locale)
      .executeTakeFirst();
    if (!result.numDeletedRows) throw notFound("That translation");
    await forgetTranslationIndex(trx, engine, articleId, locale);
  });
}
