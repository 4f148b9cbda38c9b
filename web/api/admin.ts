import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import {
  adminUserListSchema,
  adminUserSchema,
  apiTokenCreatedSchema,
  type apiTokenInputSchema,
  apiTokenListSchema,
  type InviteUser,
  type UpdateUser,
} from "../../common/admin.ts";
import { groupsCollection, organizationsCollection, rolesCollection } from "../../common/admin-collections.ts";
import { useAdminList } from "./admin-collections.ts";
import { request } from "./client.ts";

const adminKey = ["admin"] as const;

/** After any admin change, every admin list may be out of date (counts, memberships). */
function useAdminMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKey }) });
}

export function useAdminUsers(search: string) {
  return useInfiniteQuery({
    queryKey: [...adminKey, "users", search],
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ limit: "50" });
      if (search) query.set("search", search);
      if (pageParam) query.set("cursor", pageParam);
      return request(`/api/v1/admin/users?${query}`, { schema: adminUserListSchema });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

export const useInviteUser = () =>
  useAdminMutation((input: InviteUser) =>
    request("/api/v1/admin/users", { method: "POST", body: input, schema: adminUserSchema }),
  );

export const useUpdateUser = () =>
  useAdminMutation(({ id, ...input }: UpdateUser & { id: string }) =>
    request(`/api/v1/admin/users/${id}`, { method: "PATCH", body: input, schema: adminUserSchema }),
  );

/** Removes an account no ticket needs; the server refuses (409) anyone with tickets: anonymise them instead. */
export const useDeleteUser = () =>
  useAdminMutation((id: string) => request(`/api/v1/admin/users/${id}`, { method: "DELETE" }));

/** Erases a person (GDPR): placeholders for their name and address, their tickets kept. */
export const useAnonymiseUser = () =>
  useAdminMutation((id: string) =>
    request(`/api/v1/admin/users/${id}/anonymise`, { method: "POST", schema: adminUserSchema }),
  );

export const useRoles = () => useAdminList(rolesCollection);
export const useOrganizations = () => useAdminList(organizationsCollection);
export const useGroups = () => useAdminList(groupsCollection);
export const useApiTokens = () =>
  useQuery({
    queryKey: [...adminKey, "api-tokens"],
    queryFn: () => request("/api/v1/admin/api-tokens", { schema: apiTokenListSchema }),
  });

/** An API token is not changed, only revoked: DELETE marks it revoked and keeps it in the list. */
export const useRevokeApiToken = () =>
  useAdminMutation((id: string) => request(`/api/v1/admin/api-tokens/${id}`, { method: "DELETE" }));

export const useCreateApiToken = () =>
  useAdminMutation((input: z.input<typeof apiTokenInputSchema>) =>
    request("/api/v1/admin/api-tokens", { method: "POST", body: input, schema: apiTokenCreatedSchema }),
  );
