import { describe, expect, it } from "vitest";
import arErrors from "../../locales/ar/errors.json" with { type: "json" };
import deErrors from "../../locales/de/errors.json" with { type: "json" };
import deValidation from "../../locales/de/validation.json" with { type: "json" };
import enErrors from "../../locales/en/errors.json" with { type: "json" };
import enValidation from "../../locales/en/validation.json" with { type: "json" };
import { localizeSentence, setSentenceLanguage } from "./sentences.ts";

describe("the API's sentences in the reader's language", () => {
  it("says a sentence the server built from values in the reader's words, with the values in place", () => {
    setSentenceLanguage("de", { ...enErrors, ...deErrors });
    expect(localizeSentence("Attach at most 20 files.", "payload_too_large")).toBe(
      "Hängen Sie höchstens 20 Dateien an.",
    );
    expect(localizeSentence("#1041 was already merged into #1002.", "conflict")).toBe(
      "#1041 wurde bereits mit #1002 zusammengeführt.",
    );
    expect(localizeSentence("#1041 was already merged into another ticket.", "conflict")).toBe(
      "#1041 wurde bereits mit einem anderen Ticket zusammengeführt.",
    );
    expect(
      localizeSentence(
        'The file of "Angebot (v2).pdf" is missing on the server. Please tell the help desk.',
        "not_found",
      ),
    ).toBe("Die Datei „Angebot (v2).pdf“ fehlt auf dem Server. Bitte sagen Sie dem Helpdesk Bescheid.");
    expect(
      localizeSentence(
        "This request was solved more than 3 business days ago. Create a follow-up instead.",
        "validation_failed",
      ),
    ).toBe("Diese Anfrage wurde vor mehr als 3 Werktagen gelöst. Erstellen Sie stattdessen eine Folgeanfrage.");
    setSentenceLanguage("ar", { ...enErrors, ...arErrors });
    expect(localizeSentence("A ticket takes at most 50 tags. Remove one first.", "conflict")).toBe(
      "تقبل التذكرة 50 وسوم على الأكثر. أزل وسمًا أولًا.",
    );
  });

  it("says a field's refusal from the shared schemas or the server in the reader's words", () => {
    setSentenceLanguage("de", { ...enErrors, ...enValidation, ...deErrors, ...deValidation });
    expect(localizeSentence("Choose a date between 1970 and 2999.", "validation_failed")).toBe(
      "Wählen Sie ein Datum zwischen 1970 und 2999.",
    );
    expect(localizeSentence("You can only add people to groups you are in yourself.", "validation_failed")).toBe(
      "Sie können Personen nur zu Gruppen hinzufügen, in denen Sie selbst sind.",
    );
  });

  it("keeps a written-out sentence exact, English as it came, and an unknown one to its code's general sentence", () => {
    setSentenceLanguage("de", { ...enErrors, ...deErrors });
    expect(localizeSentence("You cannot delete your own account.", "validation_failed")).toBe(
      "Sie können Ihr eigenes Konto nicht löschen.",
    );
    expect(localizeSentence("Something nobody wrote down.", "conflict")).toBe(deErrors["errors.code.conflict"]);
    setSentenceLanguage("en", enErrors);
    expect(localizeSentence("Attach at most 20 files.", "payload_too_large")).toBe("Attach at most 20 files.");
  });
});
