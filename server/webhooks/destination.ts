/**
 * The SSRF guard: a webhook is an admin-chosen URL the server fetches, so it must not become a way into the
 * machine's own network (the database, the cloud metadata service, an internal admin page). Every delivery
 * resolves the host itself, refuses if any address it resolves to is in a range below, and then connects to
 * exactly the address it checked (send.ts pins it), so a DNS answer that changes in between cannot rebind it.
 */
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

type Family = 4 | 6;
type Range = { reason: string; network: string; prefix: number; family: Family };

/** Checked in order: the first match names the refusal, so the metadata addresses come before their ranges. */
const refusedRanges: Range[] = [
  { reason: "cloud metadata", network: "169.254.169.254", prefix: 32, family: 4 },
  { reason: "cloud metadata", network: "fd00:ec2::254", prefix: 128, family: 6 },
  { reason: "loopback", network: "127.0.0.0", prefix: 8, family: 4 },
  { reason: "loopback", network: "::1", prefix: 128, family: 6 },
  { reason: "unspecified", network: "0.0.0.0", prefix: 8, family: 4 },
  { reason: "unspecified", network: "::", prefix: 128, family: 6 },
  { reason: "private network", network: "10.0.0.0", prefix: 8, family: 4 },
  { reason: "private network", network: "172.16.0.0", prefix: 12, family: 4 },
  { reason: "private network", network: "192.168.0.0", prefix: 16, family: 4 },
  { reason: "private network", network: "fc00::", prefix: 7, family: 6 },
  { reason: "carrier-grade NAT", network: "100.64.0.0", prefix: 10, family: 4 },
  { reason: "link-local", network: "169.254.0.0", prefix: 16, family: 4 },
  { reason: "link-local", network: "fe80::", prefix: 10, family: 6 },
  { reason: "multicast", network: "224.0.0.0", prefix: 4, family: 4 },
  { reason: "multicast", network: "ff00::", prefix: 8, family: 6 },
  { reason: "reserved", network: "240.0.0.0", prefix: 4, family: 4 },
  { reason: "reserved", network: "192.0.0.0", prefix: 24, family: 4 },
  { reason: "reserved", network: "198.18.0.0", prefix: 15, family: 4 },
  // NAT64 prefixes an operator chooses for their own network (RFC 8215): where the IPv4 address sits depends on
  // the prefix's length, so the whole range is refused.
  { reason: "private network", network: "64:ff9b:1::", prefix: 48, family: 6 },
  // IPv4 written as IPv6 in a form not unwrapped below (hex words): refused rather than parsed twice.
  { reason: "IPv4-mapped", network: "::ffff:0:0", prefix: 96, family: 6 },
];

const compiled = refusedRanges.map((range) => {
  const list = new BlockList();
  list.addSubnet(range.network, range.prefix, range.family === 4 ? "ipv4" : "ipv6");
  return { ...range, list };
});

/** WEBHOOK_ALLOW_HOSTS, read once: host names match the URL's host, addresses and ranges the resolved address. */
export type AllowList = { hosts: Set<string>; addresses: BlockList };

export function parseAllowList(entries: readonly string[]): AllowList {
  const hosts = new Set<string>();
  const addresses = new BlockList();
  for (const raw of entries) {
    const entry = unbracket(raw.trim().toLowerCase()).replace(/\.$/, "");
    const [network = "", prefix] = entry.split("/");
    const family = isIP(network);
    if (family && prefix !== undefined) {
      addresses.addSubnet(network, Number(prefix), family === 4 ? "ipv4" : "ipv6");
    } else if (family) {
      addresses.addAddress(network, family === 4 ? "ipv4" : "ipv6");
    } else if (entry) {
      hosts.add(entry);
    }
  }
  return { hosts, addresses };
}

function unbracket(host: string): string {
  return host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
}

/** "::ffff:10.0.0.1" is 10.0.0.1 to the network stack: check it as that. */
function unwrapMapped(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped?.[1] ?? address;
}

/** The eight 16-bit words of a valid IPv6 address (a trailing dotted IPv4 part is two of them). */
function ipv6Words(address: string): number[] {
  const words = (part: string) =>
    part === ""
      ? []
      : part.split(":").flatMap((word) => {
          if (!word.includes(".")) return [Number.parseInt(word, 16)];
          const [a = 0, b = 0, c = 0, d = 0] = word.split(".").map(Number);
          return [(a << 8) | b, (c << 8) | d];
        });
  const [head = "", tail] = address.split("::");
  const left = words(head);
  if (tail === undefined) return left;
  const right = words(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/**
 * IPv6 addresses whose packets end up at an IPv4 address written inside them: NAT64's well-known prefix
 * (64:ff9b::/96, what DNS64 answers for an IPv4-only host, translated by the network's gateway), 6to4
 * (2002::/16, sent over IPv4 by the machine or its relay) and the old IPv4-compatible form (::/96). Such an
 * address is judged as the IPv4 address it leads to, with the way it leads there; null for any other.
 */
function embeddedIPv4(address: string): { address: string; via: string } | null {
  const w = ipv6Words(address);
  const ipv4 = (high = 0, low = 0) => `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
  const zero = (from: number, to: number) => w.slice(from, to).every((word) => word === 0);
  if (w[0] === 0x64 && w[1] === 0xff9b && zero(2, 6)) return { address: ipv4(w[6], w[7]), via: "NAT64" };
  if (w[0] === 0x2002) return { address: ipv4(w[1], w[2]), via: "6to4" };
  if (zero(0, 6)) return { address: ipv4(w[6], w[7]), via: "IPv4-compatible" };
  return null;
}

/** Why this address may not be reached, or null when it may. */
export function refusalFor(address: string, allow: AllowList): string | null {
  const plain = unwrapMapped(address);
  const family = isIP(plain);
  if (!family) return "not an IP address";
  const type = family === 4 ? "ipv4" : "ipv6";
  if (allow.addresses.check(plain, type)) return null;
  const reason = compiled.find((range) => range.family === family && range.list.check(plain, type))?.reason;
  if (reason) return reason;
  const inner = family === 6 ? embeddedIPv4(plain) : null;
  const innerReason = inner ? refusalFor(inner.address, allow) : null;
  return inner && innerReason ? `${innerReason}, via ${inner.via}` : null;
}

export class DestinationRefused extends Error {}

export type Destination = { address: string; family: Family };

/**
 * The host part of a URL as DNS and the allow-list see it: lower case, IPv6 without brackets, and without the
 * root's dot ("localhost." is localhost to a resolver, and must be to the checks too).
 */
export function hostOf(url: URL): string {
  return unbracket(url.hostname.toLowerCase()).replace(/\.$/, "");
}

function refusedMessage(host: string, address: string, reason: string): string {
  const what = host === address ? address : `${host} resolves to ${address}`;
  return `Refused: ${what} (${reason}). Webhooks do not reach loopback, private, link-local or metadata addresses unless WEBHOOK_ALLOW_HOSTS names them.`;
}

/**
 * Resolves the URL's host and checks every address it has; the answer is the one address to connect to.
 * All of them are checked, not just the first, because the connection could otherwise be steered to any.
 */
export async function resolveDestination(url: URL, allow: AllowList): Promise<Destination> {
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new DestinationRefused("Only http and https.");
  const host = hostOf(url);
  const literal = isIP(host);
  const found: Destination[] = literal
    ? [{ address: host, family: literal as Family }]
    : ((await lookup(host, { all: true, verbatim: true }).catch((error: unknown) => {
        throw new DestinationRefused(
          `Could not resolve ${host}: ${error instanceof Error ? error.message : String(error)}`,
        );
      })) as Destination[]);
  const [first] = found;
  if (!first) throw new DestinationRefused(`Could not resolve ${host}.`);
  // A host the allow-list names is trusted whatever it resolves to; the address is still pinned.
  if (allow.hosts.has(host)) return first;
  for (const { address } of found) {
    const reason = refusalFor(address, allow);
    if (reason) throw new DestinationRefused(refusedMessage(host, address, reason));
  }
  return first;
}

/**
 * What can be said about a URL when it is saved, without asking DNS (which may differ at delivery time):
 * its scheme, credentials, and a literal address or "localhost" in a refused range. Null when fine.
 */
export function urlProblem(value: string, allow: AllowList): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "Enter a full address, like https://example.com/hooks/switchboard.";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "Use an http:// or https:// address.";
  if (url.username || url.password) return "Leave the user name and password out: deliveries are signed instead.";
  const host = hostOf(url);
  if (allow.hosts.has(host)) return null;
  if (host === "localhost" || host.endsWith(".localhost")) return refusedMessage(host, host, "loopback");
  if (isIP(host)) {
    const reason = refusalFor(host, allow);
    if (reason) return refusedMessage(host, host, reason);
  }
  return null;
}
