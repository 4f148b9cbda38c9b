/**
 * Trimming for display: what the person wrote, without the quoted history
 * their mail client appended or their signature. The original message is
 * always kept (inbound_messages.raw), so nothing is lost by trimming.
 */

/** Lines that introduce a quoted earlier message in common clients and languages. */
const quoteHeaders: RegExp[] = [
  /^On .{4,200} wrote:\s*$/i, // Gmail, Apple Mail, Thunderbird
  /^Am .{4,200} schrieb .{1,200}:\s*$/i, // German clients
  // French puts a (narrow) no-break space before the colon: "a écrit\u00a0:", "a écrit\u202f:".
  /^Le .{4,200} a écrit\s*:\s*$/i,
  /^El .{4,200} escribió:\s*$/i,
  /^Il .{4,200} ha scritto:\s*$/i,
  /^Op .{4,200} schreef .{1,200}:\s*$/i,
  /^Em .{4,200} escreveu:\s*$/i, // Portuguese
  /^Den .{4,200} skrev .{1,200}:\s*$/i, // Swedish, Danish, Norwegian
  /^W dniu .{4,200} napisał(a|\(a\))?:\s*$/i, // Polish
  /^-{2,}\s*(Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original)\s*-{2,}\s*$/i,
  /^_{20,}\s*$/, // Outlook's rule above its "From: … Sent: …" block
];

const outlookFrom = /^\*?(From|Von|De|Van)\s*:\*?\s/i;
const outlookSent = /^\*?(Sent|Date|Gesendet|Datum|Envoyé|Enviado|Enviado el|Verzonden|Inviato|Enviada em)\s*:\*?\s/i;
const mobileSignatures = [
  /^Sent from my (iPhone|iPad|Android|mobile|phone|Galaxy).*$/i,
  /^Get Outlook for (iOS|Android).*$/i,
  /^Von meinem (iPhone|iPad|Smartphone) gesendet\.?$/i,
  /^Envoyé de mon (iPhone|iPad)\.?$/i,
];

/**
 * An attribution that the client wrapped over two or three lines, as Gmail's plain text does in every language
 * ("Am Mo., 1. Dez. 2026 um 10:00 Uhr schrieb Robin <" / "robin@example.com>:"). Only when the lines together
 * name an address, so an ordinary sentence that starts with "On" or "Le" is never taken for one.
 */
function wrappedAttribution(lines: string[], i: number): boolean {
  const first = (lines[i] ?? "").trim();
  if (!/^(On|Am|Le|El|Il|Op|Em|Den|W dniu) /i.test(first)) return false;
  let joined = first;
  for (const next of lines.slice(i + 1, i + 3)) {
    if (next.trim() === "") return false;
    joined = `${joined} ${next.trim()}`;
    if (joined.includes("@") && quoteHeaders.some((re) => re.test(joined))) return true;
  }
  return false;
}

/**
 * Gmail's attribution in languages where it is only a date and the sender, "2025年12月2日(火) 9:00 Help
 * <help@example.com>:" or "вт, 2 дек. 2025 г. в 09:00, Help <help@example.com>:" (on up to three lines), when
 * `>` quotes follow it: a year, an address in angle brackets, a colon at the end.
 */
function datedAttribution(lines: string[], i: number): boolean {
  let joined = "";
  for (let end = i; end < Math.min(i + 3, lines.length); end++) {
    const line = (lines[end] ?? "").trim();
    if (line === "" || line.startsWith(">")) return false;
    // Gmail breaks the line after the "<" of the address: join that without a space.
    joined = joined ? `${joined}${joined.endsWith("<") ? "" : " "}${line}` : line;
    if (/(19|20)\d\d.{0,200}<[^<>\s]+@[^<>\s]+>\)?\s*:$/.test(joined)) {
      const next = lines.slice(end + 1).find((l) => l.trim() !== "");
      return next?.trim().startsWith(">") ?? false;
    }
  }
  return false;
}

function startOfQuote(lines: string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? "").trim();
    if (quoteHeaders.some((re) => re.test(line))) return i;
    if (wrappedAttribution(lines, i) || datedAttribution(lines, i)) return i;
    if (outlookFrom.test(line) && lines.slice(i + 1, i + 5).some((l) => outlookSent.test(l.trim()))) return i;
    // A block of "> " lines that runs to the end of the message.
    if (line.startsWith(">") && lines.slice(i).every((l) => l.trim() === "" || l.trim().startsWith(">"))) return i;
  }
  return lines.length;
}

function withoutSignature(lines: string[]): string[] {
  const delimiter = lines.findIndex((l) => l === "-- " || l === "--");
  const kept = delimiter >= 0 ? lines.slice(0, delimiter) : lines;
  return kept.filter((l) => !mobileSignatures.some((re) => re.test(l.trim())));
}

/** A reply without the quoted history and signature; the whole text when trimming would leave nothing. */
export function trimReply(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const trimmed = withoutSignature(lines.slice(0, startOfQuote(lines)))
    .join("\n")
    .trim();
  return trimmed || text.trim();
}

/** A new message without its signature (forwarded content and quotes stay: they are the request). */
export function trimSignature(text: string): string {
  const trimmed = withoutSignature(text.replace(/\r\n?/g, "\n").split("\n")).join("\n").trim();
  return trimmed || text.trim();
}

const subjectPrefix = /^\s*((re|res|fwd?|aw|wg|sv|vs|antw|tr|rif|r|enc|odp|pd)\s*(\[\d+\])?\s*:\s*)+/i;

/** The subject without reply and forward prefixes in the common languages (Re:, Fwd:, AW:, WG:, SV:, TR: …). */
export function cleanSubject(subject: string): string {
  return subject.replace(subjectPrefix, "").replace(/\s+/g, " ").trim();
}

/** The ticket number in a subject like "Re: [#42] VPN drops", if any. */
export function ticketNumberInSubject(subject: string): number | undefined {
  const match = /\[#(\d{1,12})\]/.exec(subject) ?? /(?:^|\s)#(\d{1,12})\b/.exec(subject);
  return match?.[1] ? Number(match[1]) : undefined;
}

/**
 * The subject a new request gets from a mail: reply and forward prefixes
 * removed, and our own ticket tags (`[#42]`) too. A stranger who quotes
 * another request's number gets a request of their own, which must not carry
 * that number and look like the other one.
 */
export function newRequestSubject(subject: string): string {
  return cleanSubject(cleanSubject(subject).replace(/\[#\d{1,12}\]/g, " "));
}
