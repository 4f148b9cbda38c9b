import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { searchResultsSchema } from "../../common/search.ts";
import { request } from "./client.ts";

/** Under "tickets", so a change to any ticket refreshes the results shown too. */
export function useSearch(q: string, limit = 8) {
  const text = q.trim();
  return useQuery({
    queryKey: ["tickets", "search", text, limit],
    queryFn: () =>
      request(`/api/v1/search?${new URLSearchParams({ q: text, limit: String(limit) })}`, {
        schema: searchResultsSchema,
      }),
    enabled: text.length > 0,
    // The last results stay while the next keystroke's load, so the list does not flicker as one types.
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}
