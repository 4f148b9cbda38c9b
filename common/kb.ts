import { z } from "zod";
import { shippedLocales } from "./locales.ts";
import { serviceIconNames } from "./service-icons.ts";
import { isVisibleLine, nameHiddenCharacters } from "./text.ts";

/**
 * Who may read a published article. public: anyone, guests too; customers: anyone signed in;
 * restricted: members of chosen organizations or holders of chosen roles; internal: agents only.
 * Agents read every published article whatever its visibility.
 */
export const kbVisibilities = ["public", "customers", "restricted", "internal"] as const;
export type KbVisibility = (typeof kbVisibilities)[number];

/** Only published articles reach readers; drafts and archived articles are for editors. */
export const kbStatuses = ["draft", "published", "archived"] as const;
export type KbStatus = (typeof kbStatuses)[number];

const slug = z
  .string({ error: "Enter a web address name." })
  .trim()
  .toLowerCase()
  .min(1, "Enter a web address name.")
  .max(80, "Keep the web address name under 80 characters.")
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lower-case letters, digits and single hyphens, like check-status.");

export const kbSlugParamsSchema = z.object({ slug: z.string().max(80) });
export const kbIdParamsSchema = z.object({ id: z.uuid() });

export const kbCategorySchema = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  description: z.string(),
  icon: z.enum(serviceIconNames).nullable(),
  /** A section is a category with a parent. */
  parentId: z.string().nullable(),
  position: z.number(),
});
export type KbCategory = z.infer<typeof kbCategorySchema>;

export const kbCategoryInputSchema = z.object({
  name: z
    .string({ error: "Enter a name." })
    .trim()
    .min(1, "Enter a name.")
    .max(120, "Keep the name under 120 characters.")
    .refine(isVisibleLine, nameHiddenCharacters),
  slug,
  description: z.string().trim().max(500, "Keep the description under 500 characters.").default(""),
  icon: z.enum(serviceIconNames, { error: "Choose an icon from the list." }).nullable().default(null),
  parentId: z.uuid({ error: "Choose a parent category from the list." }).nullable().default(null),
  position: z.number().int().min(0).max(10_000).default(0),
});
export type KbCategoryInput = z.infer<typeof kbCategoryInputSchema>;
export const kbCategoryListSchema = z.object({ categories: z.array(kbCategorySchema) });

export const kbArticleSummarySchema = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  categoryId: z.string().nullable(),
  updatedAt: z.string(),
});
export type KbArticleSummary = z.infer<typeof kbArticleSummarySchema>;

export const kbHelpfulnessSchema = z.object({
  /** How many found it helpful, out of how many voted. */
  yes: z.number(),
  total: z.number(),
  /** This reader's vote, to show it chosen and let them change it. */
  mine: z.boolean().nullable(),
});
export type KbHelpfulness = z.infer<typeof kbHelpfulnessSchema>;

export const kbArticleSchema = kbArticleSummarySchema.extend({
  body: z.string(),
  /** The language the title, summary and body are in: a published translation's, or the help desk's default. */
  language: z.string(),
  /** Every language the reader may read this article in (the default's and the published translations'). */
  languages: z.array(z.string()),
  tags: z.array(z.string()),
  visibility: z.enum(kbVisibilities),
  /** The category chain from the top, for breadcrumbs. */
  breadcrumbs: z.array(kbCategorySchema.pick({ id: true, name: true, slug: true })),
  related: z.array(kbArticleSummarySchema),
  helpful: kbHelpfulnessSchema,
});
export type KbArticle = z.infer<typeof kbArticleSchema>;

/** `?lang=de` asks for one language (the page's links to the other languages); otherwise the request's language. */
export const kbArticleQuerySchema = z.object({ lang: z.string().max(16).optional() });

export const kbHomeSchema = z.object({
  categories: z.array(kbCategorySchema.extend({ articleCount: z.number() })),
  popular: z.array(kbArticleSummarySchema),
  recent: z.array(kbArticleSummarySchema),
});
export type KbHome = z.infer<typeof kbHomeSchema>;

export const kbCategoryPageSchema = z.object({
  category: kbCategorySchema,
  breadcrumbs: z.array(kbCategorySchema.pick({ id: true, name: true, slug: true })),
  sections: z.array(kbCategorySchema.extend({ articles: z.array(kbArticleSummarySchema) })),
  articles: z.array(kbArticleSummarySchema),
});
export type KbCategoryPage = z.infer<typeof kbCategoryPageSchema>;

/**
 * Marks around the matched words in a snippet. Control characters rather than HTML, so the snippet stays
 * plain text on the wire and the page draws the highlight without ever treating article text as markup.
 */
export const snippetStart = "\u0002";
export const snippetEnd = "\u0003";

export const kbSearchQuerySchema = z.object({ q: z.string().trim().max(200, "Keep the search under 200 characters.") });
export const kbSearchResultSchema = z.object({
  articles: z.array(
    kbArticleSummarySchema.extend({
      snippet: z.string(),
      /** The article's category, named in the reader's language; none for an article outside every category. */
      category: kbCategorySchema.pick({ id: true, name: true, slug: true }).nullable(),
    }),
  ),
});
export type KbSearchResult = z.infer<typeof kbSearchResultSchema>;

export const kbVoteInputSchema = z.object({
  helpful: z.boolean(),
  comment: z.string().trim().max(1000, "Keep the comment under 1,000 characters.").optional(),
});

/** A request form asks for suggestions as its subject changes; the token ties them to that one visit of the form. */
export const kbSuggestionInputSchema = z.object({
  token: z.uuid(),
  subject: z.string().trim().max(200),
});
export const kbSuggestionOpenSchema = z.object({ articleId: z.uuid() });
export const kbSuggestionListSchema = z.object({ articles: z.array(kbArticleSummarySchema) });

/** What an agent sees on a ticket: the articles the requester was offered while writing it. */
export const kbTicketSuggestionsSchema = z.object({
  articles: z.array(kbArticleSummarySchema.extend({ opened: z.boolean() })),
});

export const kbOutdatedInputSchema = z.object({
  note: z.string().trim().max(1000, "Keep the note under 1,000 characters.").default(""),
  ticketNumber: z.number().int().positive().optional(),
});

// Editors' side.

const tag = z.string().trim().toLowerCase().min(1).max(40, "Keep each tag under 40 characters.");

export const kbArticleInputSchema = z.object({
  title: z
    .string({ error: "Enter a title." })
    .trim()
    .min(1, "Enter a title.")
    .max(200, "Keep the title under 200 characters."),
  slug,
  summary: z.string().trim().max(300, "Keep the summary under 300 characters.").default(""),
  body: z.string().max(200_000, "The article is too long.").default(""),
  tags: z.array(tag).max(20, "Use at most 20 tags.").default([]),
  categoryId: z.uuid({ error: "Choose a category from the list." }).nullable().default(null),
  ownerId: z.uuid({ error: "Choose an owner from the list." }).nullable().default(null),
  visibility: z.enum(kbVisibilities, { error: "Choose who may read the article." }).default("public"),
  organizationIds: z.array(z.uuid()).max(200).default([]),
  roleIds: z.array(z.uuid()).max(200).default([]),
});
export type KbArticleInput = z.infer<typeof kbArticleInputSchema>;

export const kbStatusInputSchema = z.object({ status: z.enum(kbStatuses) });

export const kbEditorArticleSchema = kbArticleInputSchema.extend({
  id: z.string(),
  status: z.enum(kbStatuses),
  ownerName: z.string().nullable(),
  outdated: z.boolean(),
  outdatedNote: z.string().nullable(),
  views: z.number(),
  helpfulYes: z.number(),
  helpfulTotal: z.number(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
});
export type KbEditorArticle = z.infer<typeof kbEditorArticleSchema>;

export const kbEditorListQuerySchema = z.object({
  status: z.enum(kbStatuses).optional(),
  categoryId: z.uuid().optional(),
  ownerId: z.uuid().optional(),
  outdated: z.enum(["true"]).optional(),
  sort: z.enum(["updated", "least_helpful"]).default("updated"),
});
export const kbEditorListSchema = z.object({
  articles: z.array(kbEditorArticleSchema.omit({ body: true, organizationIds: true, roleIds: true })),
});

export const kbBulkInputSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("archive"), ids: z.array(z.uuid()).min(1).max(500) }),
  z.object({
    action: z.literal("move"),
    ids: z.array(z.uuid()).min(1).max(500),
    categoryId: z.uuid({ error: "Choose a category." }).nullable(),
  }),
]);

/** Why a revision was made, when the help desk made it rather than an editor's save: said in the reader's language. */
export const kbRevisionNoteSchema = z.discriminatedUnion("code", [
  /** An editor brought back an earlier revision's words. */
  z.object({ code: z.literal("restored"), number: z.number().int() }),
  /** The article's first revision was written from a ticket's conversation. */
  z.object({ code: z.literal("fromTicket") }),
]);
export type KbRevisionNote = z.infer<typeof kbRevisionNoteSchema>;

export const kbRevisionSchema = z.object({
  number: z.number(),
  title: z.string(),
  summary: z.string(),
  body: z.string(),
  tags: z.array(z.string()),
  authorName: z.string(),
  createdAt: z.string(),
  /** The note as stored, in English (kept for older clients). */
  note: z.string().nullable(),
  /** The same note as a code and its values; null when there is none or it is not one the help desk writes. */
  noteCode: kbRevisionNoteSchema.nullable(),
});
export type KbRevision = z.infer<typeof kbRevisionSchema>;
export const kbRevisionListSchema = z.object({ revisions: z.array(kbRevisionSchema) });
// Revision numbers are 32-bit integers in the database: PostgreSQL failed the request (500) on a larger one.
export const kbRevisionParamsSchema = z.object({
  id: z.uuid(),
  number: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1),
});

export const kbStatsSchema = z.object({
  articles: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      status: z.enum(kbStatuses),
      views: z.number(),
      helpfulYes: z.number(),
      helpfulTotal: z.number(),
      deflections: z.number(),
    }),
  ),
  unanswered: z.array(z.object({ query: z.string(), count: z.number(), lastAt: z.string() })),
  feedback: z.array(z.object({ articleTitle: z.string(), comment: z.string(), at: z.string() })),
});
export type KbStats = z.infer<typeof kbStatsSchema>;

export const kbFromTicketSchema = z.object({ id: z.string(), slug: z.string() });

// Translations (issue 20): an article in another shipped language, with its own draft/published state.

export const kbTranslationStatuses = ["draft", "published"] as const;
export type KbTranslationStatus = (typeof kbTranslationStatuses)[number];

export const kbTranslationParamsSchema = z.object({ id: z.uuid(), locale: z.enum(shippedLocales) });

export const kbTranslationInputSchema = kbArticleInputSchema.pick({ title: true, summary: true, body: true }).extend({
  status: z.enum(kbTranslationStatuses).default("draft"),
});
export type KbTranslationInput = z.infer<typeof kbTranslationInputSchema>;

export const kbEditorTranslationSchema = z.object({
  locale: z.enum(shippedLocales),
  title: z.string(),
  summary: z.string(),
  body: z.string(),
  status: z.enum(kbTranslationStatuses),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
});
export type KbEditorTranslation = z.infer<typeof kbEditorTranslationSchema>;

export const kbEditorTranslationListSchema = z.object({
  /** The help desk's default language: the article's own text is in it, so it takes no translation. */
  defaultLocale: z.string(),
  translations: z.array(kbEditorTranslationSchema),
});
export type KbEditorTranslationList = z.infer<typeof kbEditorTranslationListSchema>;
