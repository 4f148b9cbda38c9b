/**
 * CSV for spreadsheets (RFC 4180: comma separated, CRLF line ends, quotes
 * doubled). A cell that starts with = + - @ tab or carriage return would be
 * run as a formula by Excel, LibreOffice and Google Sheets (CSV injection),
 * so it gets a leading apostrophe, which those programs show as text.
 */
export type CsvCell = string | number | null | undefined;

const formulaStart = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  let text = typeof value === "number" ? String(value) : value;
  // Negative numbers are numbers, not formulas: only text is neutralised.
  if (typeof value === "string" && formulaStart.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows]
    .map((row) => row.map(csvCell).join(","))
    .join("\r\n")
    .concat("\r\n");
}
