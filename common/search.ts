import { z } from "zod";
import { ticketSummarySchema } from "./tickets.ts";

/** What a person types: words (prefixes as they type), "quoted phrases", #1234, an email, priority:high, status:open, field:value. */
export const searchQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .min(1, { error: "Type something to search for." })
    .max(200, { error: "Keep a search under 200 characters." }),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

/** A piece of a snippet: the matched words are marked, the rest is plain text (never HTML). */
export const snippetPartSchema = z.object({ text: z.string(), match: z.boolean() });
export type SnippetPart = z.infer<typeof snippetPartSchema>;

export const searchHitSchema = z.object({
  ticket: ticketSummarySchema,
  /** Words around the match in what the requester may read. */
  snippet: z.array(snippetPartSchema),
  /** Agents only: where an internal note, private comment or agent-only field matched. */
  internalSnippet: z.array(snippetPartSchema).nullable(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchResultsSchema = z.object({
  hits: z.array(searchHitSchema),
  /** More tickets matched than were returned: narrow the search, or open the full list. */
  more: z.boolean(),
});
export type SearchResults = z.infer<typeof searchResultsSchema>;
