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
