/**
 * Trimming for display: what the person wrote, without the quoted history
 * their mail client appended or their signature. The original message is
 * always kept (inbound_messages.raw), so nothing is lost by trimming.
 */

/** Lines that introduce a quoted earlier message in common clients and languages. */
const quoteHeaders: RegExp[] = [
  /^On .{4,200} wrote:\s*$/i, // Gmail, Apple Mail, Thunderbird
  /^Am .{4,200} schrieb .{1,200}:\s*$/i, // German clients
  /^Le .{4,200} a écrit ?:\s*$/i,
  /^El .{4,200} escribió:\s*$/i,
  /^Il .{4,200} ha scritto:\s*$/i,
  /^Op .{4,200} schreef .{1,200}:\s*$/i,
  /^-{2,}\s*(Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original)\s*-{2,}\s*$/i,
  /^_{20,}\s*$/, // Outlook's rule above its "From: … Sent: …" block
];

const outlookFrom = /^\*?(From|Von|De|Van)\s*:\*?\s/i;
const outlookSent = /^\*?(Sent|Date|Gesendet|Datum|Envoyé|Enviado|Verzonden)\s*:\*?\s/i;
const mobileSignatures = [
  /^Sent from my (iPhone|iPad|Android|mobile|phone|Galaxy).*$/i,
  /^Get Outlook for (iOS|Android).*$/i,
  /^Von meinem (iPhone|iPad|Smartphone) gesendet\.?$/i,
  /^Envoyé de mon (iPhone|iPad)\.?$/i,
];

function startOfQuote(lines: string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? "").trim();
    const twoLines = `${line} ${(lines[i + 1] ?? "").trim()}`;
    if (quoteHeaders.some((re) => re.test(line))) return i;
    // "On …, Robin <robin@example.com>" wrapped before "wrote:".
    if (/^On .{4,200}$/.test(line) && /^On .{4,200} wrote:$/i.test(twoLines)) return i;
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
