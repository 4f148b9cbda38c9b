/** What readers do that the help centre keeps: views, votes, searches that found nothing. */
import { type Kysely, sql } from "kysely";
import { now } from "../../db/engine.ts";
import { newId } from "../../db/ids.ts";
import type { Database } from "../../db/schema.ts";

export async function countView(db: Kysely<Database>, articleId: string): Promise<void> {
  await db.updateTable("kb_articles").set({ views: sql`views + 1` }).where("id", "=", articleId).execute();
}

/** One vote per person or browser and article; voting again changes it. A comment only goes with "No". */
export async function recordVote(
  db: Kysely<Database>,
  articleId: string,
  voter: string,
  vote: { helpful: boolean; comment?: string | undefined },
): Promise<void> {
  const row = {
    helpful: vote.helpful ? 1 : 0,
    comment: !vote.helpful && vote.comment ? vote.comment : null,
    updated_at: now(),
  };
  await db
    .insertInto("kb_votes")
    .values({ article_id: articleId, voter, ...row })
    .onConflict((oc) => oc.columns(["article_id", "voter"]).doUpdateSet(row))
    .execute();
}

/** Every search is kept with its number of results; the reports read the ones that found nothing. */
export async function recordSearch(db: Kysely<Database>, query: string, results: number): Promise<void> {
  const normalised = query.toLowerCase().replace(/\s+/g, " ").trim().slice(0, 200);
  if (!normalised) return;
  await db.insertInto("kb_searches").values({ id: newId(), query: normalised, results, created_at: now() }).execute();
}
