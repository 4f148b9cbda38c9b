import type { ReactNode } from "react";
import { useIntl } from "react-intl";

type Values = Record<string, string | number | Date | null | undefined>;
type RichValues = Record<string, string | number | ReactNode | ((chunks: ReactNode[]) => ReactNode)>;

/**
 * `t("portal.home.title")`: a catalog message in the reader's language. Every converted component says its
 * words through this, with the key spelt out as a string literal, so scripts/check-messages.ts can find them.
 */
export function useT() {
  const intl = useIntl();
  function t(key: string, values?: Values): string {
    return intl.formatMessage({ id: key }, values ?? undefined);
  }
  /** A message with tags (`<b>…</b>`, `<link>…</link>`) rendered by the given functions. */
  function rich(key: string, values: RichValues): ReactNode {
    return intl.formatMessage({ id: key }, values);
  }
  return Object.assign(t, { rich, intl });
}

/** The translator `useT` returns, for helpers outside a component that word things for it. */
export type Translate = ReturnType<typeof useT>;
