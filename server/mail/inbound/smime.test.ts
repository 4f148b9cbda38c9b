import { describe, expect, it } from "vitest";
import { parseInbound } from "./parse.ts";
import { signedContent } from "./smime.ts";
import { fixture } from "./test-support.ts";

const p7mOf = (name: string) => {
  const raw = fixture(name).toString("latin1");
  return Buffer.from(raw.slice(raw.search(/\r\n\r\n/) + 4), "base64");
};

describe("opaque-signed S/MIME", () => {
  it("reads the signed message, DER or streamed BER, and keeps smime.p7m beside it", async () => {
    for (const name of ["new-smime-opaque-signed.eml", "new-smime-opaque-signed-ber.eml"]) {
      const mail = await parseInbound(fixture(name));
      expect(mail.text).toContain("bitte richten Sie für Frau Müller einen Zugang zum Mandantenportal ein.");
      expect(mail.subject).toBe("Zugang Mandantenportal");
      expect(mail.attachments.map((a) => a.fileName)).toEqual(["smime.p7m"]);
    }
  });

  it("gives nothing, and throws nothing, for a structure that is cut short, nested too deep or not CMS", () => {
    const p7m = p7mOf("new-smime-opaque-signed-ber.eml");
    expect(signedContent(p7m)?.toString("latin1")).toContain("Mandantenportal");
    expect(signedContent(p7m.subarray(0, 60))).toBeUndefined();
    // Lengths that point past the end, and 2,000 nested indefinite-length SEQUENCEs.
    expect(signedContent(Buffer.alloc(5000, 0x30))).toBeUndefined();
    expect(signedContent(Buffer.from("3080".repeat(2000), "hex"))).toBeUndefined();
    expect(signedContent(Buffer.from("not cms at all"))).toBeUndefined();
  });
});
