import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv.ts";

describe("CSV export", () => {
  it("neutralises cells a spreadsheet would run as a formula", () => {
    for (const attack of ['=HYPERLINK("http://evil")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"]) {
      expect(csvCell(attack).replace(/^"/, "").startsWith("'")).toBe(true);
    }
    expect(csvCell("=1+1")).toBe("'=1+1");
    // Numbers stay numbers, negative ones included; ordinary text is left alone.
    expect(csvCell(-12.5)).toBe("-12.5");
    expect(csvCell("Support")).toBe("Support");
    expect(csvCell(null)).toBe("");
  });

  it("quotes commas, quotes and line breaks", () => {
    expect(toCsv(["Name", "Comment"], [["Robin, Jr.", 'She said "fine"\nthen left']])).toBe(
      'Name,Comment\r\n"Robin, Jr.","She said ""fine""\nthen left"\r\n',
    );
    expect(toCsv(["a"], [["=cmd|' /C calc'!A0"]])).toBe("a\r\n'=cmd|' /C calc'!A0\r\n");
  });
});
