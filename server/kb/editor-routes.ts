import { z } from "zod";
import { kbCategoriesCollection } from "../../common/admin-collections.ts";
import { errorResponseSchema } from "../../common/errors.ts";
import {
  kbArticleInputSchema,
  kbBulkInputSchema,
  kbEditorArticleSchema,
  kbEditorListQuerySchema,
  kbEditorListSchema,
  kbEditorTranslationListSchema,
  kbIdParamsSchema,
  kbRevisionListSchema,
  kbRevisionParamsSchema,
  kbStatsSchema,
  kbStatusInputSchema,
  kbTranslationInputSchema,
  kbTranslationParamsSchema,
} from "../../common/kb.ts";
import { notFound } from "../core/errors.ts";
import { registerAdminCollection } from "../http/admin-collection.ts";
import type { App, Deps } from "../http/types.ts";
import { createKbCategory, deleteKbCategory, updateKbCategory } from "./commands/manage-categories.ts";
import {
  bulkUpdateArticles,
  createArticle,
  restoreRevision,
  setArticleStatus,
  updateArticle,
} from "./commands/save-article.ts";
import { deleteTranslation, saveTranslation } from "./commands/save-translation.ts";
import { requireEditor } from "./policy.ts";
import { findEditorArticle, kbStats, listEditorArticles, listKbCategories, listRevisions } from "./queries.ts";
import { editorTranslations } from "./translations.ts";

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};
const tags = ["admin"];
const base = "/api/v1/admin/kb";

/** The editors' side of the knowledge base; every route needs `kb.edit`, checked before anything else. */
export function registerKbEditorRoutes(app: App, { db, engine }: Deps): void {
  const ctx = { db, engine };

  registerAdminCollection(app, kbCategoriesCollection, {
    load: async () => ({ categories: await listKbCategories(db) }),
    create: (input) => createKbCategory(db, input),
    update: (id, input) => updateKbCategory(db, id, input),
    remove: (id) => deleteKbCategory(db, id),
  });

  app.get(
    `${base}/articles`,
    {
      schema: {
        tags,
        summary: "Articles in every status, filtered",
        querystring: kbEditorListQuerySchema,
        response: { 200: kbEditorListSchema, ...errors },
      },
    },
    async (request) => {
      requireEditor(request.actor);
      return { articles: await listEditorArticles(db, request.query) };
    },
  );

  app.post(
    `${base}/articles`,
    {
      schema: {
        tags,
        summary: "Write a new article (a draft)",
        body: kbArticleInputSchema,
        response: { 201: z.object({ id: z.string() }), ...errors },
      },
    },
    async (request, reply) => {
      const editor = requireEditor(request.actor);
      return reply.status(201).send({ id: await createArticle(ctx, editor, request.body) });
    },
  );

  app.get(
    `${base}/articles/:id`,
    {
      schema: {
        tags,
        summary: "An article as its editors see it",
        params: kbIdParamsSchema,
        response: { 200: kbEditorArticleSchema, ...errors },
      },
    },
    async (request) => {
      requireEditor(request.actor);
      const article = await findEditorArticle(db, request.params.id);
      if (!article) throw notFound("That article");
      return article;
    },
  );

  app.put(
    `${base}/articles/:id`,
    {
      schema: {
        tags,
        summary: "Save an article: a new revision",
        params: kbIdParamsSchema,
        body: kbArticleInputSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const editor = requireEditor(request.actor);
      await updateArticle(ctx, editor, request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    `${base}/articles/:id/status`,
    {
      schema: {
        tags,
        summary: "Publish, archive, or return an article to draft",
        params: kbIdParamsSchema,
        body: kbStatusInputSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      requireEditor(request.actor);
      await setArticleStatus(db, request.params.id, request.body.status);
      return reply.status(204).send(null);
    },
  );

  app.get(
    `${base}/articles/:id/revisions`,
    {
      schema: {
        tags,
        summary: "An article's revisions, newest first",
        params: kbIdParamsSchema,
        response: { 200: kbRevisionListSchema, ...errors },
      },
    },
    async (request) => {
      requireEditor(request.actor);
      const revisions = await listRevisions(db, request.params.id);
      if (!revisions.length) throw notFound("That article");
      return { revisions };
    },
  );

  app.post(
    `${base}/articles/:id/revisions/:number/restore`,
    {
      schema: {
        tags,
        summary: "Make an old revision the current content again (as a new revision)",
        params: kbRevisionParamsSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const editor = requireEditor(request.actor);
      await restoreRevision(ctx, editor, request.params.id, request.params.number);
      return reply.status(204).send(null);
    },
  );

  app.get(
    `${base}/articles/:id/translations`,
    {
      schema: {
        tags,
        summary: "An article's translations into the other languages, drafts too",
        params: kbIdParamsSchema,
        response: { 200: kbEditorTranslationListSchema, ...errors },
      },
    },
    async (request) => {
      requireEditor(request.actor);
      const list = await editorTranslations(db, request.params.id);
      if (!list) throw notFound("That article");
      return list;
    },
  );

  app.put(
    `${base}/articles/:id/translations/:locale`,
    {
      schema: {
        tags,
        summary: "Save an article's translation into one language, as a draft or published",
        params: kbTranslationParamsSchema,
        body: kbTranslationInputSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const editor = requireEditor(request.actor);
      await saveTranslation(ctx, editor, request.params.id, request.params.locale, request.body);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    `${base}/articles/:id/translations/:locale`,
    {
      schema: {
        tags,
        summary: "Remove an article's translation into one language; its readers get the default text",
        params: kbTranslationParamsSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      requireEditor(request.actor);
      await deleteTranslation(ctx, request.params.id, request.params.locale);
      return reply.status(204).send(null);
    },
  );

  app.post(
    `${base}/articles/bulk`,
    {
      schema: {
        tags,
        summary: "Move or archive several articles at once",
        body: kbBulkInputSchema,
        response: { 200: z.object({ changed: z.number() }), ...errors },
      },
    },
    async (request) => {
      requireEditor(request.actor);
      return { changed: await bulkUpdateArticles(db, request.body) };
    },
  );

  app.get(
    `${base}/stats`,
    {
      schema: {
        tags,
        summary: "Views, helpfulness, deflections per article; searches that found nothing; comments on 'No'",
        response: { 200: kbStatsSchema, ...errors },
      },
    },
    async (request) => {
      requireEditor(request.actor);
      return kbStats(db);
    },
  );
}
