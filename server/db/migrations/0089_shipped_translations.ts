import { type Kysely, sql } from "kysely";

/**
 * What customers read of the data every help desk starts with, in each shipped language: the statuses' customer
 * labels (0001), the reasons for withdrawing a request (0005) and the reasons for a Bad rating (0035). Without them a fresh help desk spoke German, Spanish, French
 * or Arabic to its customers everywhere but their request's status ("OPEN" and "RESOLVED" on the page, "from Open
 * to Resolved" in the Feed and in the status mail) and the survey's reasons. A row an admin renamed keeps its own
 * words, and a translation an admin already gave is kept: only text still as shipped gets these. Admins change them
 * later with the row's Translations button.
 */
type Words = { en: string; de: string; es: string; fr: string; ar: string };

/** By status key. */
const statusLabels: Record<string, Words> = {
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

/** By the English label (the reasons have no key). */
const ratingReasons: Words[] = [
  {
    en: "The problem is not solved",
    de: "Das Problem ist nicht gelöst",
    es: "El problema no está resuelto",
    fr: "Le problème n’est pas résolu",
    ar: "لم تُحل المشكلة",
  },
  {
    en: "It took too long",
    de: "Es hat zu lange gedauert",
    es: "Tardó demasiado",
    fr: "Cela a pris trop de temps",
    ar: "استغرق الأمر وقتًا طويلًا",
  },
  {
    en: "The answers were unhelpful",
    de: "Die Antworten haben nicht geholfen",
    es: "Las respuestas no fueron útiles",
    fr: "Les réponses n’ont pas aidé",
    ar: "لم تكن الإجابات مفيدة",
  },
];

/** By the English label, as 0005 shipped them. */
const withdrawReasons: Words[] = [
  {
    en: "The problem went away",
    de: "Das Problem hat sich erledigt",
    es: "El problema desapareció",
    fr: "Le problème a disparu",
    ar: "زالت المشكلة",
  },
  {
    en: "I found the answer myself",
    de: "Ich habe die Antwort selbst gefunden",
    es: "Encontré la respuesta por mi cuenta",
    fr: "J’ai trouvé la réponse moi-même",
    ar: "وجدت الإجابة بنفسي",
  },
  {
    en: "I sent it by mistake",
    de: "Ich habe sie versehentlich gesendet",
    es: "La envié por error",
    fr: "Je l’ai envoyée par erreur",
    ar: "أرسلته عن طريق الخطأ",
  },
  { en: "Something else", de: "Etwas anderes", es: "Otro motivo", fr: "Autre chose", ar: "سبب آخر" },
];

async function translate(db: Kysely<unknown>, kind: string, id: string, field: string, words: Words): Promise<void> {
  for (const locale of ["de", "es", "fr", "ar"] as const) {
    await sql`insert into content_translations (kind, entity_id, field, locale, text)
              select ${kind}, ${id}, ${field}, ${locale}, ${words[locale]}
              where not exists (select 1 from content_translations
                                where kind = ${kind} and entity_id = ${id} and field = ${field} and locale = ${locale})`.execute(
      db,
    );
  }
}

export function shippedTranslations() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const statuses = await sql<{ id: string; key: string; customer_label: string }>`
        select id, key, customer_label from statuses`.execute(db);
      for (const status of statuses.rows) {
        const words = statusLabels[status.key];
        if (words && status.customer_label === words.en)
          await translate(db, "status", status.id, "customerLabel", words);
      }
      const withdraws = await sql<{ id: string; label: string }>`select id, label from withdraw_reasons`.execute(db);
      for (const reason of withdraws.rows) {
        const words = withdrawReasons.find((r) => r.en === reason.label);
        if (words) await translate(db, "withdraw-reason", reason.id, "label", words);
      }
      const reasons = await sql<{ id: string; label: string }>`select id, label from satisfaction_reasons`.execute(db);
      for (const reason of reasons.rows) {
        const words = ratingReasons.find((r) => r.en === reason.label);
        if (words) await translate(db, "satisfaction-reason", reason.id, "label", words);
      }
    },
  };
}
