import { z } from "zod";
import { errorResponseSchema } from "../../common/errors.ts";
import {
  kbArticleQuerySchema,
  kbArticleSchema,
  kbCategoryPageSchema,
  kbHelpfulnessSchema,
  kbHomeSchema,
  kbSearchQuerySchema,
  kbSearchResultSchema,
  kbSlugParamsSchema,
  kbSuggestionInputSchema,
  kbSuggestionListSchema,
  kbSuggestionOpenSchema,
  kbVoteInputSchema,
} from "../../common/kb.ts";
import { withinClientLimit } from "../accounts/rate-limit.ts";
import { anonymous, isStaff } from "../core/actor.ts";
import { AppError, notFound } from "../core/errors.ts";
import type { App, Deps } from "../http/types.ts";
import { markOpened, rememberOffered } from "./commands/deflection.ts";
import { countView, recordSearch, recordVote } from "./commands/reader-activity.ts";
import { articleScope } from "./policy.ts";
import {
  categoryPage,
  helpCentreHome,
  helpfulness,
  readableArticle,
  readableArticleRef,
  withCategories,
} from "./queries.ts";
import { searchArticles } from "./search-index.ts";
import { renderSitemap } from "./sitemap.ts";
import { readerLanguage } from "./translations.ts";
import { ensureVoter, voterOf } from "./voter.ts";

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
};
const tags = ["kb"];

/**
 * The Help Centre as readers see it. Every read goes through `articleScope`: drafts and internal articles never
 * leave. Articles come in the reader's language where a published translation exists (server/kb/translations.ts).
 */
export function registerKbRoutes(app: App, { db, engine, config }: Deps): void {
  /** Reader activity the reports count (views, searches, suggestions) is kept within a per-address budget. */
  const withinBudget = (request: { ip: string }) =>
    withinClientLimit(db, "kbActivity", request.ip, { enabled: config.rateLimiting });

  app.get(
    "/api/v1/kb/home",
    { schema: { tags, summary: "The Help Centre's front page", response: { 200: kbHomeSchema, ...errors } } },
    async (request) => helpCentreHome(db, articleScope(request.actor), await readerLanguage(db, request)),
  );

  app.get(
    "/api/v1/kb/categories/:slug",
    {
      schema: {
        tags,
        summary: "A category with its sections and the articles the reader may see",
        params: kbSlugParamsSchema,
        response: { 200: kbCategoryPageSchema, ...errors },
      },
    },
    async (request) => {
      const page = await categoryPage(
        db,
        articleScope(request.actor),
        request.params.slug,
        await readerLanguage(db, request),
      );
      if (!page) throw notFound("That category");
      return page;
    },
  );

  app.get(
    "/api/v1/kb/articles/:slug",
    {
      schema: {
        tags,
        summary: "A published article the reader may see, in their language when it has a published translation",
        params: kbSlugParamsSchema,
        querystring: kbArticleQuerySchema,
        response: { 200: kbArticleSchema, ...errors },
      },
    },
    async (request) => {
      const article = await readableArticle(
        db,
        articleScope(request.actor),
        { slug: request.params.slug },
        voterOf(request),
        await readerLanguage(db, request, request.query.lang),
      );
      if (!article) throw notFound("That article");
      // Agents open articles to answer tickets; only readers' visits say how much an article is used. Past
      // the address's budget the article is still shown, and the visit is not counted.
      if (!isStaff(request.actor) && (await withinBudget(request))) await countView(db, article.id);
      return article;
    },
  );

  app.post(
    "/api/v1/kb/articles/:slug/votes",
    {
      schema: {
        tags,
        summary: "Was this article helpful? One vote per person or browser; voting again changes it",
        params: kbSlugParamsSchema,
        body: kbVoteInputSchema,
        response: { 200: kbHelpfulnessSchema, ...errors, 429: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const article = await readableArticleRef(db, articleScope(request.actor), { slug: request.params.slug });
      if (!article) throw notFound("That article");
      // A browser without the voter cookie is a new voter, so without a bound one address could cast any number.
      if (!(await withinClientLimit(db, "kbVote", request.ip, { enabled: config.rateLimiting }))) {
        throw new AppError("rate_limited", "Too many votes from your address. Please try again in an hour.");
      }
      const voter = ensureVoter(request, reply);
      await recordVote(db, article.id, voter, request.body);
      return helpfulness(db, article.id, voter);
    },
  );

  app.get(
    "/api/v1/kb/search",
    {
      schema: {
        tags,
        summary: "Search the articles the reader may see; a search that finds nothing is recorded",
        querystring: kbSearchQuerySchema,
        response: { 200: kbSearchResultSchema, ...errors },
      },
    },
    async (request) => {
      const language = await readerLanguage(db, request);
      const articles = await searchArticles(db, engine, articleScope(request.actor), request.query.q, {
        mode: "all",
        limit: 20,
        language,
      });
      if (!isStaff(request.actor) && (await withinBudget(request)))
        await recordSearch(db, request.query.q, articles.length);
      return { articles: await withCategories(db, articles, language) };
    },
  );

  app.post(
    "/api/v1/kb/suggestions",
    {
      schema: {
        tags,
        summary: "Up to five articles for a request form's subject; they are remembered for the form's visit",
        body: kbSuggestionInputSchema,
        response: { 200: kbSuggestionListSchema, ...errors },
      },
    },
    async (request) => {
      const hits = await searchArticles(db, engine, articleScope(request.actor), request.body.subject, {
        mode: "any",
        limit: 5,
        language: await readerLanguage(db, request),
      });
      const articles = hits.map(({ snippet: _snippet, ...article }) => article);
      if (await withinBudget(request)) {
        await rememberOffered(
          db,
          request.body.token,
          articles.map((a) => a.id),
        );
      }
      return { articles };
    },
  );

  app.post(
    "/api/v1/kb/suggestions/opened",
    {
      schema: {
        tags,
        summary: "The requester opened an article their form offered",
        body: kbSuggestionInputSchema.pick({ token: true }).extend(kbSuggestionOpenSchema.shape),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await markOpened(db, request.body.token, request.body.articleId);
      return reply.status(204).send(null);
    },
  );

  // For search engines: public articles only, whoever asks, so a signed-in agent's visit lists nothing more.
  app.get("/sitemap.xml", { schema: { hide: true } }, async (_request, reply) =>
    reply
      .type("application/xml; charset=utf-8")
      .header("cache-control", "public, max-age=3600")
      .send(await renderSitemap(db, articleScope(anonymous), config.baseUrl)),
  );
}
