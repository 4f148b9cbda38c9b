import { describe, expect, it } from "vitest";
import { cleanFileName, contentDisposition } from "./file-names.ts";

describe("file names of uploads and mail attachments", () => {
  // Shortened by UTF-16 units, a name of emoji (a phone's photo caption, a mail's encoded filename) was cut
  // inside a character: the stored name ended in a broken character, and its download header threw.
  it("shortens a long name without cutting a character in half, and keeps its extension", () => {
    const name = cleanFileName(`${"a".repeat(195)}${"😀".repeat(6)}.pdf`);
    expect(name).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(name).toBe(`${"a".repeat(195)}.pdf`);
    expect(cleanFileName(`${"😀".repeat(120)}.pdf`)).toBe(`${"😀".repeat(98)}.pdf`);
    expect(() => contentDisposition(name)).not.toThrow();
  });

  it("keeps names to their last path segment, without invisible characters or leading dots", () => {
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName("C:\\Users\\x\\.htaccess")).toBe("htaccess");
    expect(cleanFileName("invoice\u202Efdp.exe")).toBe("invoicefdp.exe");
    expect(cleanFileName("")).toBe("attachment");
  });
});
