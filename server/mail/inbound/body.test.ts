import { describe, expect, it } from "vitest";
import { htmlToPlain, mailHtmlForDisplay } from "./body.ts";

const screenshot = "0190a0b2-1111-7222-8333-444455556666";

describe("mail HTML as shown on a request", () => {
  it("shows an inline cid: image from the request's own attachment and never loads a remote one", () => {
    const html = mailHtmlForDisplay(
      `<p>See:</p><img src="cid:Image001.PNG@01DC" onerror="alert(1)" alt="shot"><img src="https://tracker.example/p.gif"><img src=cid:unknown@x><img src="/api/v1/attachments/../../admin">`,
      new Map([["image001.png@01dc", { id: screenshot, fileName: "image001.png" }]]),
    );
    expect(html).toBe(`<p>See:</p><img src="/api/v1/attachments/${screenshot}" alt="shot" />`);
    // Without alt text the file name says what the picture is (screen readers, and when it cannot load).
    expect(
      mailHtmlForDisplay(`<img src="cid:a@b">`, new Map([["a@b", { id: screenshot, fileName: "scan.png" }]])),
    ).toBe(`<img src="/api/v1/attachments/${screenshot}" alt="scan.png" />`);
  });

  it("keeps block ends as line breaks so words do not run together", () => {
    expect(mailHtmlForDisplay("<div>genommen</div><div>Schriftfarbe</div>", new Map())).toBe(
      "genommen<br />Schriftfarbe",
    );
    expect(mailHtmlForDisplay("<table><tr><td>A</td><td>B</td></tr><tr><td>C</td></tr></table>", new Map())).toBe(
      "A B <br />C",
    );
  });
});

describe("plain text made from mail HTML", () => {
  it("keeps paragraphs, list items and table rows on lines of their own", () => {
    expect(
      htmlToPlain(
        "<style>p{color:red}</style><div>genommen</div><div>Schriftfarbe</div><ul><li>eins</li><li>zwei</li></ul><table><tr><td>Name</td><td>Wert</td></tr></table><p>Ende</p>",
      ),
    ).toBe("genommen\nSchriftfarbe\n * eins\n * zwei\n\nName Wert\n\nEnde");
  });
});
