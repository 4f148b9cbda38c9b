import type { KbStatus } from "../../../common/kb.ts";
import { useT } from "../../i18n/use-t.ts";

/** An article's status in the editor's language (lower case, as the editors' pages show it next to a title). */
export function useStatusLabels(): Record<KbStatus, string> {
  const t = useT();
  return {
    draft: t("kbadmin.status.draft"),
    published: t("kbadmin.status.published"),
    archived: t("kbadmin.status.archived"),
  };
}
