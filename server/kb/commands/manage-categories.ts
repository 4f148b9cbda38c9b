import type { Kysely } from "kysely";
import type { KbCategoryInput } from "../../../common/kb.ts";
import { AppError, notFound } from "../../core/errors.ts";
import { isUniqueViolation, now } from "../../db/engine.ts";
import { newId } from "../../db/ids.ts";
import type { Database } from "../../db/schema.ts";
import { forgetTranslations } from "../../i18n/content-translations.ts";

function slugTaken(error: unknown): never {
  if (isUniqueViolation(error)) {
    throw new AppError("conflict", "Another category already uses that web address.", {
      slug: "Another category already uses that web address.",
    });
  }
  throw error;
}

/** A parent must exist and must not be the category itself or one of its own sections. */
async function checkParent(db: Kysely<Database>, id: string | null, parentId: string | null): Promise<void> {
  if (!parentId) return;
  const all = await db.selectFrom("kb_categories").select(["id", "parent_id"]).execute();
  const parentOf = new Map(all.map((c) => [c.id, c.parent_id]));
  if (!parentOf.has(parentId)) {
    throw new AppError("validation_failed", "Some fields need attention.", {
      parentId: "Choose a category from the list.",
    });
  }
  let current: string | null | undefined = parentId;
  for (let i = 0; current && i <= all.length; i++) {
    if (current === id) {
      throw new AppError("validation_failed", "Some fields need attention.", {
        parentId: "A category cannot sit inside itself or one of its sections.",
      });
    }
    current = parentOf.get(current);
  }
}

export async function createKbCategory(db: Kysely<Database>, input: KbCategoryInput): Promise<string> {
  await checkParent(db, null, input.parentId);
  const id = newId();
  await db
    .insertInto("kb_categories")
    .values({
      id,
      parent_id: input.parentId,
      name: input.name,
      slug: input.slug,
      description: input.description,
      icon: input.icon,
      position: input.position,
      created_at: now(),
    })
    .execute()
    .catch(slugTaken);
  return id;
}

export async function updateKbCategory(db: Kysely<Database>, id: string, input: KbCategoryInput): Promise<void> {
  await checkParent(db, id, input.parentId);
  const result = await db
    .updateTable("kb_categories")
    .set({
      parent_id: input.parentId,
      name: input.name,
      slug: input.slug,
      description: input.description,
      icon: input.icon,
      position: input.position,
    })
    .where("id", "=", id)
    .executeTakeFirst()
    .catch(slugTaken);
  if (!result.numUpdatedRows) throw notFound("That category");
}

/**
 * Its sections go with it (the database cascades), and so do its and their translations (which have no
 * foreign key to cascade); its articles stay, without a category, for an editor to move.
 */
export async function deleteKbCategory(db: Kysely<Database>, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const all = await trx.selectFrom("kb_categories").select(["id", "parent_id"]).execute();
    if (!all.some((c) => c.id === id)) throw notFound("That category");
    const going = new Set([id]);
    // Sections of sections too; bounded by the number of categories, so a hand-made cycle cannot hang it.
    for (let i = 0; i < all.length; i++) {
      const before = going.size;
      for (const c of all) if (c.parent_id && going.has(c.parent_id)) going.add(c.id);
      if (going.size === before) break;
    }
    for (const gone of going) await forgetTranslations(trx, "kb-category", gone);
    await trx.deleteFrom("kb_categories").where("id", "=", id).execute();
  });
}
