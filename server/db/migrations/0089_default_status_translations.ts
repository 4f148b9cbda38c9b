import { type Kysely, sql } from "kysely";

/**
 * The status labels customers read, for the statuses every help desk starts with (0001), in each shipped
 * language. Without them a fresh help desk spoke German, Spanish, French or Arabic to its customers everywhere
 * but their request's status: "OPEN" and "RESOLVED" on the page, "from Open to Resolved" in the Feed and in the
 * status mail. A status that an admin renamed keeps its own words, and a translation an admin already gave is
 * kept: only a label still as shipped gets these. Admins change them later in Statuses → Translations.
 */
const shipped: Record<string, { en: string; de: string; es: string; fr: string; ar: string }> = {
  // The customer reads "New" as Open too: nothing in how it looks to them has changed yet.
  new: { en: "Open", de: "Offen", es: "Abierta", fr: "Ouverte", ar: "مفتوح" },
  open: { en: "Open", de: "Offen", es: "Abierta", fr: "Ouverte", ar: "مفتوح" },
  in_progress: { en: "In progress", de: "In Bearbeitung", es: "En curso", fr: "En cours", ar: "قيد المعالجة" },
  waiting_for_customer: {
    en: "Awaiting your reply",
    de: "Wartet auf Ihre Antwort",
    es: "Esperando su respuesta",
    fr: "En attente de votre réponse",
    ar: "بانتظار ردك",
  },
  on_hold: { en: "On hold", de: "Zurückgestellt", es: "En pausa", fr: "Suspendue", ar: "معلّق" },
  solved: { en: "Resolved", de: "Gelöst", es: "Resuelta", fr: "Résolue", ar: "تم الحل" },
  closed: { en: "Closed", de: "Geschlossen", es: "Cerrada", fr: "Fermée", ar: "مغلق" },
  withdrawn: { en: "Withdrawn", de: "Zurückgezogen", es: "Retirada", fr: "Retirée", ar: "مسحوب" },
};

export function defaultStatusTranslations() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const { rows } = await sql<{ id: string; key: string; customer_label: string }>`
        select id, key, customer_label from statuses`.execute(db);
      for (const status of rows) {
        const words = shipped[status.key];
        if (!words || status.customer_label !== words.en) continue;
        for (const locale of ["de", "es", "fr", "ar"] as const) {
          await sql`insert into content_translations (kind, entity_id, field, locale, text)
                    select 'status', ${status.id}, 'customerLabel', ${locale}, ${words[locale]}
                    where not exists (select 1 from content_translations
                                      where kind = 'status' and entity_id = ${status.id}
                                        and field = 'customerLabel' and locale = ${locale})`.execute(db);
        }
      }
    },
  };
}
