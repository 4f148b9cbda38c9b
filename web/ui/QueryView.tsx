import { Alert } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { LoadingState } from "./LoadingState.tsx";

/** A query's three states: loading, failed (with the server's sentence), and its data. */
export function QueryView<T>({
  query,
  loading,
  children,
}: {
  query: UseQueryResult<T>;
  loading: string;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <LoadingState label={loading} />;
  if (query.isError) return <Alert color="red">{query.error.message}</Alert>;
  return <>{children(query.data)}</>;
}
