import { Alert, Button, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useT } from "../i18n/use-t.ts";
import { LoadingState } from "./LoadingState.tsx";

/**
 * What QueryView reads of a query: a plain query's result and an infinite one's (a ticket list's pages) both fit.
 */
type ViewedQuery<T> = {
  isError: boolean;
  isRefetching: boolean;
  error: Error | null;
  data: T | undefined;
  refetch: () => unknown;
};

/**
 * A query's three states: loading, failed, and its data. A failure says what could not be loaded (`failed`, else a
 * plain "could not be loaded"), the server's sentence, and offers to try again. Once there is data, a later failure
 * (a failed refresh, a failed next page) leaves it on screen: the page says so where it asked for more.
 */
export function QueryView<T>({
  query,
  loading,
  failed,
  children,
}: {
  query: ViewedQuery<T>;
  loading: string;
  failed?: string;
  children: (data: T) => ReactNode;
}) {
  const t = useT();
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.isError && query.error) {
    return (
      <Alert color="red" title={failed ?? t("requests.loadFailed.title")}>
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{query.error.message}</Text>
          <Button
            size="xs"
            variant="white"
            color="red"
            loading={query.isRefetching}
            onClick={() => void query.refetch()}
          >
            {t("requests.loadFailed.retry")}
          </Button>
        </Stack>
      </Alert>
    );
  }
  return <LoadingState label={loading} />;
}
