import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import {
  type KbArticleInput,
  type KbCategoryInput,
  type KbStatus,
  type KbTranslationInput,
  kbArticleSchema,
  kbCategoryListSchema,
  kbCategoryPageSchema,
  kbEditorArticleSchema,
  kbEditorListSchema,
  kbEditorTranslationListSchema,
  kbFromTicketSchema,
  kbHelpfulnessSchema,
  kbHomeSchema,
  kbRevisionListSchema,
  kbSearchResultSchema,
  kbStatsSchema,
  kbSuggestionListSchema,
  kbTicketSuggestionsSchema,
} from "../../common/kb.ts";
import { useLocaleState } from "../i18n/LocaleProvider.tsx";
import { request } from "./client.ts";

const enc = encodeURIComponent;

// Readers.

/** Readers get articles in their language (issue 20): a change of language is a different answer. */
function useReaderLocale(): string {
  return useLocaleState().data?.locale ?? "";
}

export function useHelpHome() {
  const locale = useReaderLocale();
  return useQuery({
    queryKey: ["kb", "home", locale],
    queryFn: () => request("/api/v1/kb/home", { schema: kbHomeSchema }),
  });
}

export function useHelpCategory(slug: string) {
  const locale = useReaderLocale();
  return useQuery({
    queryKey: ["kb", "category", slug, locale],
    queryFn: () => request(`/api/v1/kb/categories/${enc(slug)}`, { schema: kbCategoryPageSchema }),
  });
}

/** `lang`: one of the article's languages the reader chose on its page; otherwise theirs. */
export function useHelpArticle(slug: string | null, lang?: string | null) {
  const locale = useReaderLocale();
  return useQuery({
    queryKey: ["kb", "article", slug, lang ?? null, locale],
    queryFn: () => fetchArticle(slug ?? "", lang),
    enabled: slug !== null,
  });
}

export function useHelpSearch(q: string) {
  const locale = useReaderLocale();
  return useQuery({
    queryKey: ["kb", "search", q, locale],
    queryFn: () => request(`/api/v1/kb/search?q=${enc(q)}`, { schema: kbSearchResultSchema }),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

export function useVote(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (vote: { helpful: boolean; comment?: string }) =>
      request(`/api/v1/kb/articles/${enc(slug)}/votes`, { method: "POST", body: vote, schema: kbHelpfulnessSchema }),
    onSuccess: (helpful) =>
      queryClient.setQueriesData(
        { queryKey: ["kb", "article", slug] },
        (old: z.infer<typeof kbArticleSchema> | undefined) => (old ? { ...old, helpful } : old),
      ),
  });
}

/** Articles for a request form's subject, under the token of this visit of the form. */
export function useSuggestions(token: string, subject: string) {
  const locale = useReaderLocale();
  return useQuery({
    queryKey: ["kb", "suggestions", token, subject, locale],
    queryFn: () =>
      request("/api/v1/kb/suggestions", { method: "POST", body: { token, subject }, schema: kbSuggestionListSchema }),
    enabled: subject.trim().length >= 3,
    placeholderData: keepPreviousData,
  });
}

export function markSuggestionOpened(token: string, articleId: string): Promise<void> {
  return request("/api/v1/kb/suggestions/opened", { method: "POST", body: { token, articleId }, keepalive: true });
}

// Agents.

export function useTicketSuggestions(number: number) {
  return useQuery({
    queryKey: ["kb", "ticket-suggestions", number],
    queryFn: () => request(`/api/v1/tickets/${number}/kb-suggestions`, { schema: kbTicketSuggestionsSchema }),
  });
}

export function useArticleFromTicket(number: number) {
  return useMutation({
    mutationFn: () => request(`/api/v1/tickets/${number}/kb-articles`, { method: "POST", schema: kbFromTicketSchema }),
  });
}

export function useFlagOutdated() {
  return useMutation({
    mutationFn: ({ id, note, ticketNumber }: { id: string; note: string; ticketNumber: number }) =>
      request(`/api/v1/kb/articles/${id}/outdated`, { method: "POST", body: { note, ticketNumber } }),
  });
}

// Editors.

export type EditorFilters = {
  status?: KbStatus | undefined;
  categoryId?: string | undefined;
  ownerId?: string | undefined;
  outdated?: boolean | undefined;
  sort?: "updated" | "least_helpful" | undefined;
};

export function useEditorArticles(filters: EditorFilters) {
  const params = new URLSearchParams();
  if (filters.status) params.set("status", filters.status);
  if (filters.categoryId) params.set("categoryId", filters.categoryId);
  if (filters.ownerId) params.set("ownerId", filters.ownerId);
  if (filters.outdated) params.set("outdated", "true");
  if (filters.sort) params.set("sort", filters.sort);
  return useQuery({
    queryKey: ["kb", "editor", "list", params.toString()],
    queryFn: () => request(`/api/v1/admin/kb/articles?${params}`, { schema: kbEditorListSchema }),
    placeholderData: keepPreviousData,
  });
}

export function useEditorArticle(id: string | null) {
  return useQuery({
    queryKey: ["kb", "editor", "article", id],
    queryFn: () => request(`/api/v1/admin/kb/articles/${id}`, { schema: kbEditorArticleSchema }),
    enabled: id !== null,
  });
}

export function useRevisions(id: string) {
  return useQuery({
    queryKey: ["kb", "editor", "revisions", id],
    queryFn: () => request(`/api/v1/admin/kb/articles/${id}/revisions`, { schema: kbRevisionListSchema }),
  });
}

export function useKbCategories() {
  return useQuery({
    queryKey: ["kb", "categories"],
    queryFn: () => request("/api/v1/admin/kb/categories", { schema: kbCategoryListSchema }),
  });
}

export function useKbStats() {
  return useQuery({
    queryKey: ["kb", "stats"],
    queryFn: () => request("/api/v1/admin/kb/stats", { schema: kbStatsSchema }),
  });
}

/** Every editor change invalidates the whole knowledge base cache: lists, pages and search results all move. */
function useKbMutation<T>(fn: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ["kb"] }) });
}

export function useSaveArticle(id: string | null) {
  return useKbMutation(async (input: KbArticleInput) => {
    if (id) {
      await request(`/api/v1/admin/kb/articles/${id}`, { method: "PUT", body: input });
      return id;
    }
    return (
      await request("/api/v1/admin/kb/articles", { method: "POST", body: input, schema: z.object({ id: z.string() }) })
    ).id;
  });
}

export function useSetStatus(id: string) {
  return useKbMutation((status: KbStatus) =>
    request(`/api/v1/admin/kb/articles/${id}/status`, { method: "POST", body: { status } }),
  );
}

export function useRestoreRevision(id: string) {
  return useKbMutation((number: number) =>
    request(`/api/v1/admin/kb/articles/${id}/revisions/${number}/restore`, { method: "POST" }),
  );
}

export function useBulkArticles() {
  return useKbMutation(
    (input: { action: "archive"; ids: string[] } | { action: "move"; ids: string[]; categoryId: string | null }) =>
      request("/api/v1/admin/kb/articles/bulk", {
        method: "POST",
        body: input,
        schema: z.object({ changed: z.number() }),
      }),
  );
}

export function useSaveCategory(id: string | null) {
  return useKbMutation((input: KbCategoryInput) =>
    id
      ? request(`/api/v1/admin/kb/categories/${id}`, { method: "PUT", body: input })
      : request("/api/v1/admin/kb/categories", { method: "POST", body: input, schema: z.object({ id: z.string() }) }),
  );
}

export function useDeleteCategory() {
  return useKbMutation((id: string) => request(`/api/v1/admin/kb/categories/${id}`, { method: "DELETE" }));
}

/** An article's full text, for an agent inserting it into a reply. */
export function fetchArticle(slug: string, lang?: string | null) {
  const query = lang ? `?lang=${enc(lang)}` : "";
  return request(`/api/v1/kb/articles/${enc(slug)}${query}`, { schema: kbArticleSchema });
}

// Translations (issue 20).

export function useArticleTranslations(id: string) {
  return useQuery({
    queryKey: ["kb", "editor", "translations", id],
    queryFn: () => request(`/api/v1/admin/kb/articles/${id}/translations`, { schema: kbEditorTranslationListSchema }),
  });
}

export function useSaveTranslation(id: string, locale: string) {
  return useKbMutation((input: KbTranslationInput) =>
    request(`/api/v1/admin/kb/articles/${id}/translations/${enc(locale)}`, { method: "PUT", body: input }),
  );
}

export function useDeleteTranslation(id: string, locale: string) {
  return useKbMutation(() =>
    request(`/api/v1/admin/kb/articles/${id}/translations/${enc(locale)}`, { method: "DELETE" }),
  );
}
