import type { Expression, ExpressionBuilder, SqlBool } from "kysely";
import { organizationsActedFor } from "../accounts/acting-for.ts";
import { type Actor, hasPermission, isStaff, type UserActor } from "../core/actor.ts";
import { requirePermission } from "../core/permissions.ts";
import type { Database } from "../db/schema.ts";

export type ArticleScope = (eb: ExpressionBuilder<Database, "kb_articles">) => Expression<SqlBool>;

/** Restricted articles: the reader belongs to a chosen organization (or a department under it) or holds a chosen role. */
function chosenFor(actor: UserActor) {
  return (eb: ExpressionBuilder<Database, "kb_articles">) => {
    const { memberships, parents } = organizationsActedFor(actor.user.id);
    return eb.or([
      eb.exists(
        eb
          .selectFrom("kb_article_organizations")
          .select("kb_article_organizations.article_id")
          .whereRef("kb_article_organizations.article_id", "=", "kb_articles.id")
          .where((o) =>
            o.or([
              o("kb_article_organizations.organization_id", "in", memberships),
              o("kb_article_organizations.organization_id", "in", parents),
            ]),
          ),
      ),
      eb.exists(
        eb
          .selectFrom("kb_article_roles")
          .innerJoin("user_roles", "user_roles.role_id", "kb_article_roles.role_id")
          .select("kb_article_roles.article_id")
          .whereRef("kb_article_roles.article_id", "=", "kb_articles.id")
          .where("user_roles.user_id", "=", actor.user.id),
      ),
    ]);
  };
}

/**
 * Which articles an actor may read: published ones only, whoever asks (editors see drafts through the
 * editor routes, never through the reader's). Deny by default: visitors and access-link guests read public
 * articles; signed-in customers also those for customers and the restricted ones chosen for them; agents
 * read every published article, internal ones included. Pages, search, suggestions and the sitemap all
 * go through this one function.
 */
export function articleScope(actor: Actor): ArticleScope {
  const published = (eb: ExpressionBuilder<Database, "kb_articles">) => eb("kb_articles.status", "=", "published");
  if (isStaff(actor)) return published;
  if (actor.kind !== "user") {
    return (eb) => eb.and([published(eb), eb("kb_articles.visibility", "=", "public")]);
  }
  const chosen = chosenFor(actor);
  return (eb) =>
    eb.and([
      published(eb),
      eb.or([
        eb("kb_articles.visibility", "in", ["public", "customers"]),
        eb.and([eb("kb_articles.visibility", "=", "restricted"), chosen(eb)]),
      ]),
    ]);
}

/** Editors write, publish and archive articles and manage categories; the reader's scope does not apply to them. */
export function requireEditor(actor: Actor): UserActor {
  return requirePermission(actor, "kb.edit");
}

export function isEditor(actor: Actor): boolean {
  return hasPermission(actor, "kb.edit");
}
