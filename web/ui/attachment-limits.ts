import { attachmentLimits } from "../../common/uploads.ts";
import type { useT } from "../i18n/use-t.ts";

/** What is wrong with files chosen for a request or comment, checked before sending (the server checks again). */
export function attachmentsProblem(files: readonly File[], t: ReturnType<typeof useT>): string | undefined {
  if (files.length > attachmentLimits.maxFiles)
    return t("catalog.request.tooManyFiles", { max: attachmentLimits.maxFiles });
  if (files.some((f) => f.size > attachmentLimits.maxFileBytes)) return t("catalog.request.fileTooLarge");
  return undefined;
}

/** The limits in megabytes, for the forms' hints. */
export const attachmentMegabytes = attachmentLimits.maxFileBytes / (1024 * 1024);
