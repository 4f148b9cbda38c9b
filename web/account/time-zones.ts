/**
 * The time zones a person can choose from, as the browser knows them, under the names people search for.
 * Browsers list some zones by the names ICU keeps for compatibility (Chromium says "Asia/Katmandu" and
 * "Asia/Calcutta"), so nobody would find Kathmandu or Kolkata: those are listed by their current IANA name,
 * which every runtime (the server's too) accepts as well.
 */
const renamed: Record<string, string> = {
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Ulan_Bator": "Asia/Ulaanbaatar",
  "Asia/Dacca": "Asia/Dhaka",
  "Asia/Thimbu": "Asia/Thimphu",
  "Europe/Kiev": "Europe/Kyiv",
  "America/Godthab": "America/Nuuk",
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "America/Catamarca": "America/Argentina/Catamarca",
  "America/Cordoba": "America/Argentina/Cordoba",
  "America/Jujuy": "America/Argentina/Jujuy",
  "America/Mendoza": "America/Argentina/Mendoza",
  "America/Indianapolis": "America/Indiana/Indianapolis",
  "America/Louisville": "America/Kentucky/Louisville",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "Pacific/Enderbury": "Pacific/Kanton",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Pacific/Truk": "Pacific/Chuuk",
};

export function currentZoneName(zone: string): string {
  return renamed[zone] ?? zone;
}

export function browserTimeZone(): string {
  return currentZoneName(Intl.DateTimeFormat().resolvedOptions().timeZone);
}

/**
 * Every zone the browser knows, with its offset now ("Asia/Kathmandu (GMT+05:45)"), so people find theirs
 * by city or by offset. The offset is written the same way in every language (French would say "UTC+05:45",
 * Arabic in its own digits), so the hint's "GMT+01:00" finds it in all of them. The browser's own zone and
 * the saved one are always in the list, even where the runtime's list leaves them out (some leave out "UTC").
 */
export function timeZoneOptions(always: string[]): { value: string; label: string }[] {
  const zones = new Set(Intl.supportedValuesOf("timeZone").map(currentZoneName));
  for (const zone of always) zones.add(zone);
  const now = new Date();
  return [...zones].sort().map((zone) => {
    const offset = new Intl.DateTimeFormat("en", { timeZone: zone, timeZoneName: "longOffset" })
      .formatToParts(now)
      .find((part) => part.type === "timeZoneName")?.value;
    const name = zone.replaceAll("_", " ");
    return { value: zone, label: offset ? `${name} (${offset})` : name };
  });
}
