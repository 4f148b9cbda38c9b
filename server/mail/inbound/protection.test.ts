import { describe, expect, it } from "vitest";
import { parseInbound } from "./parse.ts";
import { classify } from "./protection.ts";

const context = { envelopeFrom: "someone@example.com", ownAddresses: ["help@example.com"], ownMessageId: false };

async function verdictFor(subject: string) {
  const raw = `From: Kim <kim@example.com>\r\nTo: help@example.com\r\nSubject: =?utf-8?B?${Buffer.from(subject).toString("base64")}?=\r\nMessage-ID: <p-${Math.random()}@example.com>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nI am away until Monday.\r\n`;
  return classify(await parseInbound(Buffer.from(raw)), context);
}

describe("out-of-office replies without an auto-reply header", () => {
  // As Outlook, Gmail and Apple Mail write them in Dutch, Italian, Portuguese, Swedish, Danish, Finnish, Polish,
  // Czech, Japanese and Chinese, besides the languages recognised before.
  const subjects = [
    "Automatisch antwoord: Printer",
    "Risposta automatica: Stampante",
    "Resposta automática: Impressora",
    "Automatiskt svar: Skrivare",
    "Autosvar: Printer",
    "Automaattinen vastaus: Tulostin",
    "Automatyczna odpowiedź: Drukarka",
    "Automatická odpověď: Tiskárna",
    "自動返信: プリンター",
    "自动回复：打印机",
    "Out of Office: Printer",
    "Abwesenheitsnotiz: Drucker",
  ];
  for (const subject of subjects) {
    it(`ignores "${subject}" as an auto-reply`, async () => {
      expect(await verdictFor(subject)).toEqual({ reason: "auto_reply", detail: "An out-of-office subject." });
    });
  }

  it("files a person's subject that only mentions such words later on", async () => {
    expect(await verdictFor("Printer: the automatic reply setting is broken")).toBeUndefined();
    expect(await verdictFor("Re: Printer")).toBeUndefined();
  });
});
