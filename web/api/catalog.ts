import { useQuery } from "@tanstack/react-query";
import { categoryListSchema } from "../../common/catalog.ts";
import { request } from "./client.ts";

export function useCategories() {
  return useQuery({
    queryKey: ["categories"],
    queryFn: async () => (await request("/api/v1/categories", { schema: categoryListSchema })).categories,
    staleTime: 5 * 60_000,
  });
}
