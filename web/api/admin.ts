import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import {
  adminUserListSchema,
  adminUserSchema,
  apiTokenCreatedSchema,
  type apiTokenInputSchema,
  apiTokenListSchema,
  groupListSchema,
  type InviteUser,
  organizationListSchema,
  roleListSchema,
  type UpdateUser,
} from "../../common/admin.ts";
import { request } from "./client.ts";

const adminKey = ["admin"] as const;
const created = z.object({ id: z.string() });

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

export const useRoles = () =>
  useQuery({
    queryKey: [...adminKey, "roles"],
    queryFn: () => request("/api/v1/admin/roles", { schema: roleListSchema }),
  });
export const useOrganizations = () =>
  useQuery({
    queryKey: [...adminKey, "organizations"],
    queryFn: () => request("/api/v1/admin/organizations", { schema: organizationListSchema }),
  });
export const useGroups = () =>
  useQuery({
    queryKey: [...adminKey, "groups"],
    queryFn: () => request("/api/v1/admin/groups", { schema: groupListSchema }),
  });
export const useApiTokens = () =>
  useQuery({
    queryKey: [...adminKey, "api-tokens"],
    queryFn: () => request("/api/v1/admin/api-tokens", { schema: apiTokenListSchema }),
  });

export type Directory = "roles" | "organizations" | "groups";

/** Create (no id) or change (with id) a role, organization or group. */
export const useSaveDirectoryEntry = (directory: Directory) =>
  useAdminMutation(async ({ id, ...body }: { id?: string } & Record<string, unknown>) => {
    if (id) await request(`/api/v1/admin/${directory}/${id}`, { method: "PUT", body });
    else await request(`/api/v1/admin/${directory}`, { method: "POST", body, schema: created });
  });

export const useSaveRole = () => useSaveDirectoryEntry("roles");
export const useSaveOrganization = () => useSaveDirectoryEntry("organizations");
export const useSaveGroup = () => useSaveDirectoryEntry("groups");

export const useDeleteDirectoryEntry = (directory: Directory | "api-tokens") =>
  useAdminMutation((id: string) => request(`/api/v1/admin/${directory}/${id}`, { method: "DELETE" }));

export const useCreateApiToken = () =>
  useAdminMutation((input: z.input<typeof apiTokenInputSchema>) =>
    request("/api/v1/admin/api-tokens", { method: "POST", body: input, schema: apiTokenCreatedSchema }),
  );
