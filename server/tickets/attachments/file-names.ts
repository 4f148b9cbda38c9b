import { cleanText, cutText } from "../../../common/text.ts";

/**
 * Turns whatever name an upload claims into one that is safe to store and
 * offer for download: no folders ("../x", "C:\\x"), no control or invisible
 * characters (zero-width spaces, bidi overrides that disguise "exe.pdf"), no
 * leading dots (".htaccess"), no reserved device names, at most 200 characters.
 */
const invisible =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202f\u205f-\u206f\ufeff\ufff9-\ufffb]/g;
const reserved = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

export function cleanFileName(claimed: string): string {
  const base = cleanText(claimed).normalize("NFC").split(/[\\/]/).pop() ?? "";
  let name = base
    .replace(invisible, "")
    .replace(/[<>:"|?*]/g, "_")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[.\s]+/, "")
    .replace(/[.\s]+$/, "");
  if (reserved.test(name)) name = `_${name}`;
  if (name.length > 200) {
    const dot = name.lastIndexOf(".");
    const extension = dot > 0 && name.length - dot <= 12 ? name.slice(dot) : "";
    // Never half a character: a cut emoji left a lone surrogate, which the download header cannot encode.
    name = cutText(name, 200 - extension.length) + extension;
  }
  return name || "attachment";
}

/** The header that makes every download a download, with the name in both the old and the RFC 6266 form. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
