/**
 * Deterministic, realistic-looking ticket data for the benchmarks: subjects
 * from word lists, a pool of requesters, messages of a few sentences.
 */
import { type Priority, priorities, type TicketSubmission } from "../common/tickets.ts";

export type Random = () => number;

/** mulberry32: small, fast and seedable, so two runs with the same --seed write the same data. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error("Cannot pick from an empty list.");
  return item;
}

/** Picks by weight: `[["low", 3], ["high", 1]]` gives low three times as often. */
export function pickWeighted<T>(random: Random, weighted: readonly (readonly [T, number])[]): T {
  const total = weighted.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [item, weight] of weighted) {
    roll -= weight;
    if (roll < 0) return item;
  }
  const last = weighted.at(-1);
  if (!last) throw new Error("Cannot pick from an empty list.");
  return last[0];
}

const firstNames = [
  "Dana",
  "Sam",
  "Lee",
  "Priya",
  "Jonas",
  "Amara",
  "Mateo",
  "Yuki",
  "Fatima",
  "Oliver",
  "Chloe",
  "Noah",
  "Ines",
  "Kwame",
  "Sofia",
  "Liam",
  "Hana",
  "Omar",
  "Elena",
  "Tariq",
  "Mia",
  "Lucas",
  "Aisha",
  "Felix",
  "Nora",
  "Ravi",
  "Greta",
  "Diego",
  "Zara",
  "Emil",
  "Leila",
  "Hugo",
  "Ada",
  "Pavel",
  "Rosa",
  "Kenji",
  "Maya",
  "Anton",
  "Lina",
  "Tom",
] as const;

const lastNames = [
  "Reyes",
  "Okafor",
  "Chen",
  "Nair",
  "Berg",
  "Mensah",
  "Garcia",
  "Tanaka",
  "Haddad",
  "Smith",
  "Dubois",
  "Müller",
  "Costa",
  "Boateng",
  "Rossi",
  "Murphy",
  "Kim",
  "Farouk",
  "Petrova",
  "Iqbal",
  "Jensen",
  "Silva",
  "Abdi",
  "Novak",
  "Lindqvist",
  "Sharma",
  "Weber",
  "Fernández",
  "Ali",
  "Horvat",
  "Khan",
  "Moreau",
  "Lovelace",
  "Ivanov",
  "Santos",
  "Sato",
  "Cohen",
  "Bauer",
  "Nowak",
  "Walsh",
] as const;

const domains = [
  "example.com",
  "example.org",
  "example.net",
  "acme.example",
  "globex.example",
  "initech.example",
  "umbrella.example",
  "hooli.example",
  "stark.example",
  "wayne.example",
] as const;

export type Requester = { name: string; email: string };

/** `size` distinct requesters; names repeat across domains, emails never do. */
export function requesterPool(size: number, random: Random): Requester[] {
  const pool: Requester[] = [];
  const seen = new Set<string>();
  while (pool.length < size) {
    const first = pick(random, firstNames);
    const last = pick(random, lastNames);
    const domain = pick(random, domains);
    const local = `${first}.${last}`
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase();
    let email = `${local}@${domain}`;
    for (let n = 2; seen.has(email); n += 1) email = `${local}${n}@${domain}`;
    seen.add(email);
    pool.push({ name: `${first} ${last}`, email });
  }
  return pool;
}

const problems = [
  "Cannot sign in to",
  "Error when opening",
  "Slow response from",
  "Request access to",
  "Password reset for",
  "Invoice missing in",
  "Cannot upload files to",
  "Sync fails in",
  "Question about",
  "Refund for",
  "Wrong data shown in",
  "Notifications stopped from",
  "Please update my details in",
  "Export broken in",
  "Licence renewal for",
] as const;

const things = [
  "the billing portal",
  "the shared drive",
  "the VPN",
  "my mailbox",
  "the mobile app",
  "the reporting dashboard",
  "the printer on floor 3",
  "the customer portal",
  "the HR system",
  "the calendar",
  "the CRM",
  "the payroll export",
  "the team wiki",
  "the video conferencing tool",
  "my laptop",
  "the staging server",
] as const;

const qualifiers = [
  "",
  "",
  "",
  " since this morning",
  " after the latest update",
  " on every attempt",
  " for the whole team",
  " since yesterday",
  " (urgent for month end)",
  " again",
  " on my new phone",
  " when working from home",
] as const;

const sentences = [
  "It worked fine until last week.",
  "I already tried logging out and back in.",
  "Several colleagues see the same thing.",
  "The error message says something went wrong and to try again later.",
  "Could you please have a look as soon as possible?",
  "I have attached nothing, but can send screenshots if needed.",
  "This blocks me from finishing the monthly report.",
  "I am not sure which team handles this, so I am asking here.",
  "Restarting the computer did not help.",
  "It only happens on some days, which makes it hard to reproduce.",
  "Our manager approved the request last Friday.",
  "Thanks in advance for your help.",
] as const;

export function fakeSubject(random: Random): string {
  return `${pick(random, problems)} ${pick(random, things)}${pick(random, qualifiers)}`;
}

export function fakeMessage(random: Random, name: string): string {
  const count = 2 + Math.floor(random() * 4);
  const body = Array.from({ length: count }, () => pick(random, sentences)).join(" ");
  return `Hello,\n\n${body}\n\nBest regards,\n${name}`;
}

/** Normal work is mostly medium; urgent is rare. */
export function fakePriority(random: Random): Priority {
  return pickWeighted(random, [
    [priorities[0], 30],
    [priorities[1], 45],
    [priorities[2], 20],
    [priorities[3], 5],
  ]);
}

/** A guest's request on the general form, as the submission benches send it: one of `requesters`, in a category. */
export function fakeSubmission(
  random: Random,
  requesters: readonly Requester[],
  categoryIds: readonly string[],
): TicketSubmission {
  const requester = pick(random, requesters);
  return {
    subject: fakeSubject(random),
    priority: fakePriority(random),
    categoryId: pick(random, categoryIds),
    message: fakeMessage(random, requester.name),
    messageFormat: "text",
    name: requester.name,
    email: requester.email,
    fields: {},
  };
}
