import {
  type UseMutationResult,
  type UseQueryResult,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { z } from "zod";
import { type AdminCollection, adminCollectionPath } from "../../common/admin-collections.ts";
import { request } from "./client.ts";

const created = z.object({ id: z.string() });

/** A save: no id creates an entry, an id replaces that entry with the input. */
export type AdminSave<Input extends z.ZodType> = { id?: string | undefined; input: z.input<Input> };

/** The list of one described collection, cached under ["admin", id] so every admin change refreshes it. */
export function useAdminList<List, Input extends z.ZodType, Item extends { id: string }>(
  collection: AdminCollection<List, Input, Item>,
) {
  return useQuery({
    queryKey: ["admin", collection.id],
    queryFn: () => request(adminCollectionPath(collection), { schema: collection.list }),
  });
}

export type AdminCollectionHandle<Input extends z.ZodType, Item extends { id: string }> = {
  list: UseQueryResult<unknown>;
  /** The entries, once loaded. */
  items: Item[];
  save: UseMutationResult<void, Error, AdminSave<Input>>;
  remove: UseMutationResult<void, Error, string>;
};

/**
 * One described collection for an admin page: its list, and save and delete. After a change every admin
 * list may be out of date (counts, memberships, names shown on other pages), and so are the caches the
 * description names.
 */
export function useAdminCollection<List, Input extends z.ZodType, Item extends { id: string }>(
  collection: AdminCollection<List, Input, Item>,
): AdminCollectionHandle<Input, Item> {
  const queryClient = useQueryClient();
  const path = adminCollectionPath(collection);
  const list = useAdminList(collection);
  const onSuccess = async () => {
    await queryClient.invalidateQueries({ queryKey: ["admin"] });
    for (const queryKey of collection.refreshes ?? []) await queryClient.invalidateQueries({ queryKey });
  };
  const save = useMutation({
    mutationFn: async ({ id, input }: AdminSave<Input>) => {
      if (id) await request(`${path}/${id}`, { method: "PUT", body: input });
      else await request(path, { method: "POST", body: input, schema: created });
    },
    onSuccess,
  });
  const remove = useMutation({
    mutationFn: (id: string) => request(`${path}/${id}`, { method: "DELETE" }),
    onSuccess,
  });
  return { list, items: list.data ? collection.items(list.data) : [], save, remove };
}
