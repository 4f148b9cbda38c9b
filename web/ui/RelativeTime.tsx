import { formatDateTime, formatRelative } from "./format.ts";

/** "3 hours ago" in a list, with the exact time in the reader's zone as its tooltip and machine-readable value. */
export function RelativeTime({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {formatRelative(iso)}
    </time>
  );
}
