import { describe, expect, it } from "vitest";
import { parseInbound } from "./parse.ts";
import { fixture } from "./test-support.ts";
import { tnefFiles } from "./tnef.ts";

describe("Outlook's winmail.dat", () => {
  it("gives the files inside, with their long names, types and bytes, in place of the container", async () => {
    const mail = await parseInbound(fixture("new-outlook-html-only-tnef-files.eml"));
    expect(mail.attachments.map((a) => [a.fileName, a.contentType])).toEqual([
      ["Angebot Wartungsvertrag 2026.pdf", "application/pdf"],
      ["Geräteliste März.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    ]);
    expect(mail.attachments[0]?.content.subarray(0, 8).toString("latin1")).toBe("%PDF-1.4");
  });

  it("keeps a container it cannot read as the file it is, whatever its bytes claim", async () => {
    const raw = fixture("new-outlook-html-only-tnef-files.eml").toString("latin1");
    const base64 = /filename="winmail\.dat"[\s\S]*?\r\n\r\n([A-Za-z0-9+/=\r\n]+)\r\n--/.exec(raw)?.[1] ?? "";
    const container = Buffer.from(base64, "base64");
    expect(tnefFiles(container)?.length).toBe(2);
    // Cut short, or an attribute claiming 4 GB: no files, no exception.
    expect(tnefFiles(container.subarray(0, container.length - 30))).toBeUndefined();
    const huge = Buffer.from(container);
    huge.writeUInt32LE(0xffffffff, 6 + 1 + 4);
    expect(tnefFiles(huge)).toBeUndefined();
    expect(tnefFiles(Buffer.from("not a tnef file"))).toBeUndefined();
    const cut = raw.replace(base64, container.subarray(0, 40).toString("base64"));
    const mail = await parseInbound(Buffer.from(cut, "latin1"));
    expect(mail.attachments.map((a) => a.fileName)).toEqual(["winmail.dat"]);
  });
});
