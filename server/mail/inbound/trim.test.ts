import { describe, expect, it } from "vitest";
import { cleanSubject, newRequestSubject, ticketNumberInSubject, trimReply, trimSignature } from "./trim.ts";

describe("subjects of replies and forwards", () => {
  it.each([
    ["Re: VPN drops", "VPN drops"],
    ["RE: Re: AW: WG: VPN drops", "VPN drops"],
    ["Fwd: FW: TR: SV: VS: Antw: VPN drops", "VPN drops"],
    ["ENC: RES: VPN drops", "VPN drops"],
    ["Re[2]: VPN drops", "VPN drops"],
    ["Réponse: stays", "Réponse: stays"],
    ["Review of the contract", "Review of the contract"],
    ["  Re:   spaced    out  ", "spaced out"],
  ])("%s → %s", (subject, cleaned) => {
    expect(cleanSubject(subject)).toBe(cleaned);
  });

  it.each([
    ["Re: [#42] The VPN drops", "The VPN drops"],
    ["Fwd: [#42] New reply: Re: [#42] The VPN drops", "New reply: Re: The VPN drops"],
    ["Budget #42 for Q3", "Budget #42 for Q3"],
  ])("a new request from %s is titled %s", (subject, cleaned) => {
    expect(newRequestSubject(subject)).toBe(cleaned);
  });

  it("finds the ticket number in brackets, or after a hash, but not in other numbers", () => {
    expect(ticketNumberInSubject("Re: [#42] We received your request")).toBe(42);
    expect(ticketNumberInSubject("About ticket #7 again")).toBe(7);
    expect(ticketNumberInSubject("Invoice 2025-118")).toBeUndefined();
    expect(ticketNumberInSubject("Issue#12")).toBeUndefined();
  });
});

describe("trimming for display", () => {
  it("cuts a wrapped Gmail attribution and everything under it", () => {
    const text =
      "Thanks, that fixed it.\n\nOn Mon, 3 Nov 2025 at 09:00, Switchboard Help\n<help@example.com> wrote:\n> old text";
    expect(trimReply(text)).toBe("Thanks, that fixed it.");
  });

  it("cuts attributions in many languages, also wrapped over lines, and French's no-break space", () => {
    const quote = "\n\n> old text";
    expect(trimReply(`Danke.\n\nAm Di., 2. Dez. 2025 um 09:00 Uhr schrieb Help <\nhelp@example.com>:${quote}`)).toBe(
      "Danke.",
    );
    expect(trimReply(`Merci.\n\nLe mar. 2 déc. 2025 à 09:00, Help <help@example.com> a\nécrit\u00a0:${quote}`)).toBe(
      "Merci.",
    );
    expect(trimReply(`Merci.\n\nLe 2 déc. 2025, Help <help@example.com> a écrit\u202f:${quote}`)).toBe("Merci.");
    expect(trimReply(`Gracias.\n\nEl mar, 2 dic 2025 a las 9:00, Help (<\nhelp@example.com>) escribió:${quote}`)).toBe(
      "Gracias.",
    );
    expect(
      trimReply(`Obrigado.\n\nEm ter., 2 de dez. de 2025 às 09:00, Help <help@example.com> escreveu:${quote}`),
    ).toBe("Obrigado.");
    expect(trimReply(`Tack.\n\nDen tis 2 dec. 2025 kl 09:00 skrev Help <help@example.com>:${quote}`)).toBe("Tack.");
    expect(trimReply(`Dzięki.\n\nW dniu wt., 2.12.2025 o 09:00 Help <help@example.com> napisał(a):${quote}`)).toBe(
      "Dzięki.",
    );
    // Gmail in Japanese and Russian: only the date and the sender, wrapped or not.
    expect(trimReply(`ありがとう。\n\n2025年12月2日(火) 9:00 Switchboard Help <help@example.com>:${quote}`)).toBe(
      "ありがとう。",
    );
    expect(trimReply(`Спасибо.\n\nвт, 2 дек. 2025 г. в 09:00, Switchboard Help <\nhelp@example.com>:${quote}`)).toBe(
      "Спасибо.",
    );
    // A dated line naming someone, with the customer's own words (not a quote) under it, stays.
    const meeting = "Agenda for 2025-12-02 from Kim <kim@example.com>:\n1. Printers\n2. VPN";
    expect(trimReply(meeting)).toBe(meeting);
    // A sentence that merely starts like an attribution, with no address in it, stays.
    const plain = "On Monday it failed\ntwice and then wrote:\nnothing to the log";
    expect(trimReply(plain)).toBe(plain);
  });

  it("cuts an Outlook header block in German", () => {
    const text =
      "Danke!\n\nVon: Switchboard <help@example.com>\nGesendet: Montag, 3. November 2025 09:00\nAn: Robin\n\nalter Text";
    expect(trimReply(text)).toBe("Danke!");
  });

  it("keeps inline answers between quotes, and a reply that is only a quote", () => {
    const inline = "> Which version?\n5.2\n> And the OS?\nWindows 11";
    expect(trimReply(inline)).toBe(inline);
    expect(trimReply("> only quoted")).toBe("> only quoted");
  });

  it("drops the signature after the standard delimiter, and mobile footers", () => {
    expect(trimSignature("Please help.\n\n-- \nKim\nFacilities")).toBe("Please help.");
    expect(trimReply("Still broken.\n\nSent from my iPhone")).toBe("Still broken.");
  });
});
