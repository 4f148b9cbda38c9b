import { Text } from "@mantine/core";
import type { SnippetPart } from "../../common/search.ts";
import { useT } from "../i18n/use-t.ts";

/** A search snippet: the server sends text and which words matched, never markup, so nothing in it can run. */
export function Snippet({ parts, label }: { parts: SnippetPart[]; label?: string }) {
  const t = useT();
  if (parts.length === 0) return null;
  return (
    <Text size="sm" c="dimmed" lineClamp={2}>
      {label && (
        <Text span fw={600} size="sm" c="dark.7">
          {t("requests.snippet.label", { label })}
        </Text>
      )}
      {parts.map((part, i) =>
        part.match ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one snippet never move.
          <mark key={i}>{part.text}</mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one snippet never move.
          <span key={i}>{part.text}</span>
        ),
      )}
    </Text>
  );
}
