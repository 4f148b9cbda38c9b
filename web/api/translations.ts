import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type TranslatableKind,
  type Translations,
  translationsResponseSchema,
} from "../../common/content-translations.ts";
import { request } from "./client.ts";

const pathOf = (kind: TranslatableKind, id: string) => `/api/v1/admin/translations/${kind}/${id}`;

/** One entity's admin-entered text per language; loaded only while its dialog is open. */
export function useTranslations(kind: TranslatableKind, id: string, enabled: boolean) {
  return useQuery({
    queryKey: ["admin", "translations", kind, id],
    queryFn: () => request(pathOf(kind, id), { schema: translationsResponseSchema }),
    enabled,
  });
}

export function useSaveTranslations(kind: TranslatableKind, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (translations: Translations) => request(pathOf(kind, id), { method: "PUT", body: translations }),
    // The portal's catalog, statuses and requests read these too.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
