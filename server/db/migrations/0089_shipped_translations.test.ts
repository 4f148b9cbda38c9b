import { sql } from "kysely";
import { describe, expect } from "vitest";
import { itFromMigration } from "../../test/migration-test.ts";
import { migrateToLatest } from "../migrate.ts";

describe("migration 0089: the shipped statuses, withdraw reasons and rating reasons speak every shipped language to customers", () => {
  itFromMigration(
    "translates the labels still as shipped, and keeps a renamed label and an admin's own translation",
    "0088_inbound_store_failures",
    async (db, engine) => {
      const idOf = async (key: string) =>
        (await db.selectFrom("statuses").select("id").where("key", "=", key).executeTakeFirstOrThrow()).id;
      // An admin renamed On hold for customers, and gave Closed a German label of their own.
      await db.updateTable("statuses").set({ customer_label: "Paused by us" }).where("key", "=", "on_hold").execute();
      const closed = await idOf("closed");
      await sql`insert into content_translations (kind, entity_id, field, locale, text)
                values ('status', ${closed}, 'customerLabel', 'de', 'Erledigt')`.execute(db);

      await migrateToLatest(db, engine);
      const label = async (key: string, locale: string) =>
        (
          await db
            .selectFrom("content_translations")
            .select("text")
            .where("kind", "=", "status")
            .where("entity_id", "=", await idOf(key))
            .where("field", "=", "customerLabel")
            .where("locale", "=", locale)
            .executeTakeFirst()
        )?.text;
      expect(await label("solved", "ar")).toBe("تم الحل");
      expect(await label("solved", "de")).toBe("Gelöst");
      expect(await label("waiting_for_customer", "fr")).toBe("En attente de votre réponse");
      expect(await label("open", "es")).toBe("Abierta");
      expect(await label("on_hold", "de")).toBeUndefined();
      expect(await label("closed", "de")).toBe("Erledigt");
      expect(await label("closed", "fr")).toBe("Fermée");
      // English is the stored label itself: no translation row.
      expect(await label("solved", "en")).toBeUndefined();
      const reason = await db
        .selectFrom("satisfaction_reasons")
        .select("id")
        .where("label", "=", "It took too long")
        .executeTakeFirstOrThrow();
      const reasonText = await db
        .selectFrom("content_translations")
        .select(["locale", "text"])
        .where("kind", "=", "satisfaction-reason")
        .where("entity_id", "=", reason.id)
        .orderBy("locale")
        .execute();
      expect(reasonText).toEqual([
        { locale: "ar", text: "استغرق الأمر وقتًا طويلًا" },
        { locale: "de", text: "Es hat zu lange gedauert" },
        { locale: "es", text: "Tardó demasiado" },
        { locale: "fr", text: "Cela a pris trop de temps" },
      ]);
      const withdraw = await db
        .selectFrom("withdraw_reasons")
        .select("id")
        .where("label", "=", "Something else")
        .executeTakeFirstOrThrow();
      const withdrawText = await db
        .selectFrom("content_translations")
        .select(["locale", "text"])
        .where("kind", "=", "withdraw-reason")
        .where("entity_id", "=", withdraw.id)
        .orderBy("locale")
        .execute();
      expect(withdrawText).toEqual([
        { locale: "ar", text: "سبب آخر" },
        { locale: "de", text: "Etwas anderes" },
        { locale: "es", text: "Otro motivo" },
        { locale: "fr", text: "Autre chose" },
      ]);
    },
  );
});
