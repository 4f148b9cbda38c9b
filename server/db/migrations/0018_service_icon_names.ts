import type { Kysely } from "kysely";
import { serviceIconFromStored } from "../../../common/service-icons.ts";

/**
 * Services showed an emoji, which renders as an empty box where no emoji font is installed; they now name a
 * Tabler icon. Known emoji become their icon's name, anything else loses its icon (an admin picks a new one).
 */
export function serviceIconNames() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const services = db as Kysely<{ services: { id: string; icon: string | null } }>;
      const rows = await services.selectFrom("services").select(["id", "icon"]).where("icon", "is not", null).execute();
      for (const row of rows) {
        const icon = serviceIconFromStored(row.icon);
        if (icon !== row.icon) await services.updateTable("services").set({ icon }).where("id", "=", row.id).execute();
      }
    },
  };
}
